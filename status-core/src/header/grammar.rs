//! The grammar of header field values, checked the same way for a literal at compile time and
//! for an interpolated value at run time.
//!
//! Every value must be a field value a sender may generate (RFC 9110 §5.5): not empty, no
//! leading or trailing whitespace, no CR, LF, NUL or other control characters. Non-ASCII bytes
//! (obs-text) are legal but not interoperable: they pass here, and the derive warns about them
//! (`non_ascii_header_value`). Fields with a grammar of their own are checked against it.

use core::fmt;

mod cache_control;
mod challenge;
mod content_disposition;
mod content_range;
mod entity_tag;
mod link;
mod syntax;
mod uri;

pub use cache_control::cache_control_allows_storing;
pub use link::link_has_rel;

use syntax::{is_digits, is_token, list, OWS};

/// The grammar a field value follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Grammar {
    /// Any field value.
    Any,
    /// `Retry-After`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
    RetryAfter,
    /// `Location`, `Content-Location`: a URI reference (RFC 9110 §10.2.2, RFC 3986 §4.1).
    UriReference,
    /// `Allow`: a comma-separated list of method tokens, possibly empty (RFC 9110 §10.2.1).
    Methods,
    /// `WWW-Authenticate`, `Proxy-Authenticate`: one or more challenges, each starting with an
    /// auth-scheme, each parameter name once per challenge (RFC 9110 §11.2, §11.3, §11.6.1).
    Challenges,
    /// `Upgrade`: a comma-separated list of protocols, `name[/version]` (RFC 9110 §7.8).
    Protocols,
    /// `Connection`: a comma-separated list of connection options (RFC 9110 §7.6.1).
    Tokens,
    /// `Date`, `Last-Modified`, `Expires`: an HTTP-date in the IMF-fixdate form senders
    /// generate (RFC 9110 §5.6.7, RFC 9111 §5.3).
    HttpDate,
    /// `ETag`: an entity-tag, `"…"` or weak `W/"…"` (RFC 9110 §8.8.3).
    EntityTag,
    /// `Cache-Control`: a list of cache directives (RFC 9111 §5.2).
    CacheControl,
    /// `Link`: a list of `<URI-reference>` with parameters, `rel` among them (RFC 8288 §3).
    Link,
    /// `Vary`: `*` or a list of field names (RFC 9110 §12.5.5).
    Vary,
    /// `Content-Disposition`: a disposition type and its parameters (RFC 6266 §4.1).
    ContentDisposition,
    /// `Content-Range`: a satisfied or unsatisfied range (RFC 9110 §14.4).
    ContentRange,
    /// `Age`: delta-seconds (RFC 9111 §5.1).
    DeltaSeconds,
}

impl Grammar {
    /// Every grammar, in declaration order.
    ///
    /// ```
    /// use http_status_core::header::{check_value, Grammar};
    ///
    /// for grammar in Grammar::ALL {
    ///     assert_eq!(check_value(*grammar, grammar.example()), Ok(()));
    /// }
    /// ```
    pub const ALL: &'static [Grammar] = &[
        Grammar::Any,
        Grammar::RetryAfter,
        Grammar::UriReference,
        Grammar::Methods,
        Grammar::Challenges,
        Grammar::Protocols,
        Grammar::Tokens,
        Grammar::HttpDate,
        Grammar::EntityTag,
        Grammar::CacheControl,
        Grammar::Link,
        Grammar::Vary,
        Grammar::ContentDisposition,
        Grammar::ContentRange,
        Grammar::DeltaSeconds,
    ];

    /// The variant's identifier (`"RetryAfter"`), so generated code can name the grammar
    /// (`Grammar::RetryAfter`) without a match of its own.
    ///
    /// ```
    /// use http_status_core::header::Grammar;
    ///
    /// assert_eq!(Grammar::RetryAfter.name(), "RetryAfter");
    /// let path = format!("Grammar::{}", Grammar::EntityTag.name());
    /// assert_eq!(path, "Grammar::EntityTag");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Grammar::Any => "Any",
            Grammar::RetryAfter => "RetryAfter",
            Grammar::UriReference => "UriReference",
            Grammar::Methods => "Methods",
            Grammar::Challenges => "Challenges",
            Grammar::Protocols => "Protocols",
            Grammar::Tokens => "Tokens",
            Grammar::HttpDate => "HttpDate",
            Grammar::EntityTag => "EntityTag",
            Grammar::CacheControl => "CacheControl",
            Grammar::Link => "Link",
            Grammar::Vary => "Vary",
            Grammar::ContentDisposition => "ContentDisposition",
            Grammar::ContentRange => "ContentRange",
            Grammar::DeltaSeconds => "DeltaSeconds",
        }
    }

    /// What a value of this grammar looks like, for messages.
    pub const fn expected(self) -> &'static str {
        match self {
            Grammar::Any => "a field value",
            Grammar::RetryAfter => {
                "a number of seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`)"
            }
            Grammar::UriReference => {
                "a URI reference (`/users/42`, `https://example.com/x`), with spaces and other \
                 reserved characters percent-encoded"
            }
            Grammar::Methods => "a comma-separated list of methods (`GET, HEAD`), or empty",
            Grammar::Challenges => {
                "one or more challenges, each an auth-scheme and its parameters \
                 (`Bearer realm=\"api\"`), each parameter once, no spaces around `=`"
            }
            Grammar::Protocols => "a comma-separated list of protocols (`websocket`, `HTTP/2.0`)",
            Grammar::Tokens => "a comma-separated list of connection options (`upgrade`)",
            Grammar::HttpDate => {
                "an HTTP-date in IMF-fixdate form (`Wed, 21 Oct 2015 07:28:00 GMT`)"
            }
            Grammar::EntityTag => {
                "an entity-tag: a quoted string without spaces or inner quotes, optionally \
                 weak (`\"v1\"`, `W/\"v1\"`)"
            }
            Grammar::CacheControl => {
                "a comma-separated list of cache directives (`no-store`, `max-age=60`), \
                 seconds as bare digits"
            }
            Grammar::Link => {
                "a comma-separated list of links, each a `<URI-reference>` with one `rel` \
                 parameter (`<https://example.com/x>; rel=\"next\"`)"
            }
            Grammar::Vary => {
                "`*` or a comma-separated list of field names (`Accept, Accept-Language`)"
            }
            Grammar::ContentDisposition => {
                "a disposition type and its parameters, each once \
                 (`attachment; filename=\"report.pdf\"`)"
            }
            Grammar::ContentRange => {
                "a range unit and a range ending before the complete length \
                 (`bytes 0-499/1234`, `bytes 0-499/*`), or an unsatisfied range (`bytes */1234`)"
            }
            Grammar::DeltaSeconds => "a number of seconds (`60`)",
        }
    }

    /// A valid value, for "e.g. `header(…)`" help.
    ///
    /// ```
    /// use http_status_core::header::{grammar_of, Grammar};
    ///
    /// assert_eq!(grammar_of("ETag").example(), "\"v1\"");
    /// assert_eq!(Grammar::ContentRange.example(), "bytes */1234");
    /// ```
    pub const fn example(self) -> &'static str {
        match self {
            Grammar::Any => "value",
            Grammar::RetryAfter => "120",
            Grammar::UriReference => "/users/42",
            Grammar::Methods => "GET, HEAD",
            Grammar::Challenges => "Bearer realm=\"api\"",
            Grammar::Protocols => "websocket",
            Grammar::Tokens => "upgrade",
            Grammar::HttpDate => "Wed, 21 Oct 2015 07:28:00 GMT",
            Grammar::EntityTag => "\"v1\"",
            Grammar::CacheControl => "no-store",
            Grammar::Link => "<https://example.com/x>; rel=\"next\"",
            Grammar::Vary => "Accept",
            Grammar::ContentDisposition => "attachment; filename=\"report.pdf\"",
            Grammar::ContentRange => "bytes */1234",
            Grammar::DeltaSeconds => "60",
        }
    }

    /// Whether a value of this grammar has quoted-strings (RFC 9110 §5.6.4) where interpolated
    /// text can sit, so text placed inside quotes is escaped as quoted-pairs: challenge, `Link`,
    /// `Content-Disposition` and `Cache-Control` parameters, and [`Grammar::Any`], where quoting
    /// is the user's own convention. An entity-tag looks quoted but has no quoted-pair (RFC 9110
    /// §8.8.3): a `\` there is itself part of the tag.
    pub const fn quoted_strings(self) -> bool {
        match self {
            Grammar::Any
            | Grammar::Challenges
            | Grammar::CacheControl
            | Grammar::Link
            | Grammar::ContentDisposition => true,
            Grammar::RetryAfter
            | Grammar::UriReference
            | Grammar::Methods
            | Grammar::Protocols
            | Grammar::Tokens
            | Grammar::HttpDate
            | Grammar::EntityTag
            | Grammar::Vary
            | Grammar::ContentRange
            | Grammar::DeltaSeconds => false,
        }
    }
}

/// Why a value is not a field value a sender may generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueError {
    /// The value is empty (or only whitespace), and the field needs one.
    Empty,
    /// The value begins or ends with a space or a tab, which is not part of a field value.
    OuterWhitespace,
    /// A byte that may never appear in a field value: CR, LF, NUL, another control character,
    /// or DEL.
    Forbidden {
        /// Where it is.
        index: usize,
        /// The byte.
        byte: u8,
    },
    /// The value breaks the field's own grammar.
    Grammar(Grammar),
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Empty => f.write_str("the value is empty"),
            ValueError::OuterWhitespace => f.write_str("the value begins or ends with whitespace"),
            ValueError::Forbidden { byte, .. } => match byte {
                b'\r' => f.write_str("the value contains a carriage return (CR)"),
                b'\n' => f.write_str("the value contains a line feed (LF)"),
                0 => f.write_str("the value contains a NUL byte"),
                byte => write!(f, "the value contains the control character 0x{byte:02X}"),
            },
            ValueError::Grammar(grammar) => write!(f, "the value is not {}", grammar.expected()),
        }
    }
}

/// Checks `value` as a value of a field with `grammar`.
///
/// ```
/// use http_status_core::header::{check_value, Grammar, ValueError};
///
/// assert_eq!(check_value(Grammar::RetryAfter, "120"), Ok(()));
/// assert_eq!(check_value(Grammar::RetryAfter, "soon"), Err(ValueError::Grammar(Grammar::RetryAfter)));
/// assert_eq!(check_value(Grammar::Challenges, "realm=api"), Err(ValueError::Grammar(Grammar::Challenges)));
/// assert!(check_value(Grammar::Any, "a\r\nSet-Cookie: x=1").is_err());
/// assert_eq!(check_value(Grammar::Methods, ""), Ok(())); // an empty Allow is legal
/// ```
pub fn check_value(grammar: Grammar, value: &str) -> Result<(), ValueError> {
    if let Some((index, byte)) = forbidden_byte(value) {
        return Err(ValueError::Forbidden { index, byte });
    }
    if value.bytes().all(|b| b == b' ' || b == b'\t') {
        // "An empty Allow field value indicates that the resource allows no methods."
        return if value.is_empty() && grammar == Grammar::Methods {
            Ok(())
        } else {
            Err(ValueError::Empty)
        };
    }
    if has_outer_whitespace(value) {
        return Err(ValueError::OuterWhitespace);
    }
    let valid = match grammar {
        Grammar::Any => true,
        Grammar::RetryAfter => is_digits(value) || is_http_date(value),
        Grammar::UriReference => uri::is_uri_reference(value),
        Grammar::Methods => list(value, is_token),
        Grammar::Challenges => challenge::is_challenge_list(value),
        Grammar::Protocols => list(value, is_protocol),
        Grammar::Tokens => list(value, is_token),
        Grammar::HttpDate => is_http_date(value),
        Grammar::EntityTag => entity_tag::is_entity_tag(value),
        Grammar::CacheControl => cache_control::is_cache_control(value),
        Grammar::Link => link::is_link(value),
        // `#( "*" / field-name )`: "*" is itself a token. "*" among names (`Accept, *`) is
        // what the ABNF allows and means the same as "*" alone, so it passes.
        Grammar::Vary => list(value, is_token),
        Grammar::ContentDisposition => content_disposition::is_content_disposition(value),
        Grammar::ContentRange => content_range::is_content_range(value),
        Grammar::DeltaSeconds => is_digits(value),
    };
    if valid {
        Ok(())
    } else {
        Err(ValueError::Grammar(grammar))
    }
}

/// The index of the first non-ASCII byte (obs-text, RFC 9110 §5.5): legal, but recipients may
/// read it in any charset, so new values SHOULD be US-ASCII.
pub fn first_non_ascii(value: &str) -> Option<usize> {
    value.bytes().position(|b| b >= 0x80)
}

/// Whether a comma-separated `list` contains `token` as one of its elements (case-insensitive):
/// `Connection: keep-alive, Upgrade` contains `upgrade`.
pub fn list_contains(list: &str, token: &str) -> bool {
    syntax::elements(list).any(|element| element.eq_ignore_ascii_case(token))
}

/// A byte no field value may hold: controls other than HTAB, and DEL (RFC 9110 §5.5).
fn forbidden_byte(value: &str) -> Option<(usize, u8)> {
    value
        .bytes()
        .enumerate()
        .find(|&(_, b)| (b < 0x20 && b != b'\t') || b == 0x7f)
}

fn has_outer_whitespace(value: &str) -> bool {
    value.starts_with(OWS) || value.ends_with(OWS)
}

/// `protocol-name ["/" protocol-version]`, both tokens.
fn is_protocol(value: &str) -> bool {
    match value.split_once('/') {
        Some((name, version)) => is_token(name) && is_token(version),
        None => is_token(value),
    }
}

/// An IMF-fixdate: what httpdate parses and then writes back unchanged. The round trip also
/// rejects the obsolete forms (RFC 850, asctime), which senders MUST NOT generate, and a
/// weekday that does not match the date.
fn is_http_date(value: &str) -> bool {
    let Ok(time) = httpdate::parse_http_date(value) else {
        return false;
    };
    // An IMF-fixdate is 29 bytes; the check needs no allocation.
    let mut written = crate::buffer::Buffer::<32>::new();
    fmt::write(
        &mut written,
        format_args!("{}", httpdate::HttpDate::from(time)),
    )
    .is_ok()
        && written.as_str() == Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(grammar: Grammar, value: &str) -> bool {
        check_value(grammar, value).is_ok()
    }

    #[test]
    fn every_value() {
        assert_eq!(check_value(Grammar::Any, ""), Err(ValueError::Empty));
        assert_eq!(check_value(Grammar::Any, "  "), Err(ValueError::Empty));
        assert_eq!(
            check_value(Grammar::Any, " x"),
            Err(ValueError::OuterWhitespace)
        );
        assert_eq!(
            check_value(Grammar::Any, "x\t"),
            Err(ValueError::OuterWhitespace)
        );
        assert_eq!(
            check_value(Grammar::Any, "a\r\nSet-Cookie: x"),
            Err(ValueError::Forbidden {
                index: 1,
                byte: b'\r'
            })
        );
        assert_eq!(
            check_value(Grammar::Any, "nul\0"),
            Err(ValueError::Forbidden { index: 3, byte: 0 })
        );
        assert_eq!(
            check_value(Grammar::Any, "del\x7f"),
            Err(ValueError::Forbidden {
                index: 3,
                byte: 0x7f
            })
        );
        assert!(ok(Grammar::Any, "a\tb c"));
        // obs-text is legal (the derive warns about it).
        assert!(ok(Grammar::Any, "café"));
        assert_eq!(first_non_ascii("café"), Some(3));
        assert_eq!(first_non_ascii("cafe"), None);
    }

    #[test]
    fn retry_after() {
        assert!(ok(Grammar::RetryAfter, "120"));
        assert!(ok(Grammar::RetryAfter, "0"));
        assert!(ok(Grammar::RetryAfter, "Wed, 21 Oct 2015 07:28:00 GMT"));
        for bad in [
            "-1",
            "1.5",
            "soon",
            "120s",
            // Obsolete forms: recipients parse them, senders MUST NOT generate them.
            "Wednesday, 21-Oct-15 07:28:00 GMT",
            "Wed Oct 21 07:28:00 2015",
            // The weekday does not match the date.
            "Thu, 21 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 07:28:00 UTC",
        ] {
            assert!(!ok(Grammar::RetryAfter, bad), "{bad}");
        }
    }

    #[test]
    fn uri_references() {
        for good in [
            "/users/42",
            "https://example.com/a?b=c#d",
            "../up",
            "?page=2",
            "#top",
            "urn:isbn:0451450523",
            "/caf%C3%A9",
        ] {
            assert!(ok(Grammar::UriReference, good), "{good}");
        }
        for bad in ["/a b", "http://[::1", "/%zz", "/café", "<x>"] {
            assert!(!ok(Grammar::UriReference, bad), "{bad}");
        }
    }

    #[test]
    fn methods_protocols_tokens() {
        assert!(ok(Grammar::Methods, "GET, HEAD,POST"));
        assert!(ok(Grammar::Methods, ""));
        assert!(!ok(Grammar::Methods, " "));
        assert!(!ok(Grammar::Methods, "GET,,HEAD"));
        assert!(!ok(Grammar::Methods, "GET; HEAD"));
        assert!(ok(Grammar::Protocols, "websocket"));
        assert!(ok(Grammar::Protocols, "TLS/1.2, HTTP/1.1"));
        assert!(!ok(Grammar::Protocols, "TLS/"));
        assert!(!ok(Grammar::Protocols, "a b"));
        assert!(ok(Grammar::Tokens, "upgrade"));
        assert!(ok(Grammar::Tokens, "keep-alive, Upgrade"));
        assert!(!ok(Grammar::Tokens, "up grade"));
        assert!(list_contains("keep-alive, Upgrade", "upgrade"));
        assert!(!list_contains("close", "upgrade"));
    }

    /// The cases of RFC 9110 §11.2–§11.3 through `check_value` (more in `challenge`).
    #[test]
    fn challenges() {
        for good in [
            "Bearer realm=\"api\"",
            "Basic realm=\"simple\", Bearer",
            "Basic realm=x, Bearer abc",
            "Negotiate YIIB4wYGKwYBBQUCoII=",
        ] {
            assert!(ok(Grammar::Challenges, good), "{good}");
        }
        for bad in [
            "realm=api",
            "Bearer realm=\"open",
            "Bearer realm=x, REALM=y",
            "Bearer realm = \"x\"",
            "Negotiate abc, realm=x",
        ] {
            assert!(!ok(Grammar::Challenges, bad), "{bad}");
        }
    }

    /// The edge cases of each grammar's ABNF through `check_value`; each grammar's module has
    /// the rest.
    #[test]
    fn representation_and_caching_fields() {
        let cases: &[(Grammar, &[&str], &[&str])] = &[
            (
                Grammar::EntityTag,
                &["\"v1\"", "W/\"v1\"", "\"\"", "W/\"\""],
                &["abc", "w/\"v1\"", "\"a b\""],
            ),
            (
                Grammar::CacheControl,
                &[
                    "no-store",
                    "max-age=0, must-revalidate",
                    "private=\"Set-Cookie\"",
                ],
                &["max-age=ten", "max-age=\"5\"", "no-store=1", "no-store,"],
            ),
            (
                Grammar::Link,
                &[
                    "<https://example.com/x>; rel=\"next\"",
                    "<https://a/1>; rel=prev; title=\"a, b; c\", <https://a/3>; rel=\"next last\"",
                ],
                &[
                    "https://example.com/x; rel=next",
                    "<https://x>; rel = next",
                    "<https://x>",
                ],
            ),
            (
                Grammar::Vary,
                &["Accept", "Accept, Accept-Language", "*", "Accept, *"],
                &["Accept Language", "Accept,,Range", "\"Accept\""],
            ),
            (
                Grammar::ContentDisposition,
                &[
                    "inline",
                    "attachment; filename=\"report.pdf\"",
                    "attachment; filename*=UTF-8''na%C3%AFve.txt",
                ],
                &[
                    "attachment; filename",
                    "attachment; filename*=na%C3%AFve.txt",
                    "attachment; filename=a; filename=b",
                ],
            ),
            (
                Grammar::ContentRange,
                &["bytes 0-499/1234", "bytes */1234", "bytes 0-1/*"],
                &["bytes 500-400/1234", "bytes 0-1234/1234", "bytes 0-499"],
            ),
            (
                Grammar::DeltaSeconds,
                &["0", "60"],
                &["-1", "1.5", "60s", "\"60\""],
            ),
            (
                Grammar::HttpDate,
                &["Wed, 21 Oct 2015 07:28:00 GMT"],
                &["Wednesday, 21-Oct-15 07:28:00 GMT", "0"],
            ),
        ];
        for (grammar, good, bad) in cases {
            for value in *good {
                assert!(ok(*grammar, value), "{grammar:?}: {value}");
            }
            for value in *bad {
                assert_eq!(
                    check_value(*grammar, value),
                    Err(ValueError::Grammar(*grammar)),
                    "{grammar:?}: {value}"
                );
            }
        }
    }

    /// Each position of `Grammar::ALL`; adding a variant breaks this match, and the test below
    /// then asks for it in `ALL`.
    fn position(grammar: Grammar) -> usize {
        match grammar {
            Grammar::Any => 0,
            Grammar::RetryAfter => 1,
            Grammar::UriReference => 2,
            Grammar::Methods => 3,
            Grammar::Challenges => 4,
            Grammar::Protocols => 5,
            Grammar::Tokens => 6,
            Grammar::HttpDate => 7,
            Grammar::EntityTag => 8,
            Grammar::CacheControl => 9,
            Grammar::Link => 10,
            Grammar::Vary => 11,
            Grammar::ContentDisposition => 12,
            Grammar::ContentRange => 13,
            Grammar::DeltaSeconds => 14,
        }
    }

    #[test]
    fn every_grammar_has_a_name_and_a_valid_example() {
        assert_eq!(Grammar::ALL.len(), 15);
        for (i, grammar) in Grammar::ALL.iter().enumerate() {
            assert_eq!(position(*grammar), i, "{grammar:?}");
            assert!(!grammar.example().is_empty(), "{grammar:?}");
            assert_eq!(
                check_value(*grammar, grammar.example()),
                Ok(()),
                "{grammar:?}"
            );
            assert!(!grammar.expected().is_empty(), "{grammar:?}");
            // `name` is the identifier `Debug` prints for a fieldless variant.
            let mut debug = crate::buffer::Buffer::<32>::new();
            core::fmt::write(&mut debug, format_args!("{grammar:?}")).unwrap();
            assert_eq!(debug.as_str(), Some(grammar.name()));
            assert!(Grammar::ALL[i + 1..]
                .iter()
                .all(|g| g.name() != grammar.name()));
        }
        assert!(Grammar::Challenges.quoted_strings());
        assert!(!Grammar::EntityTag.quoted_strings());
    }

    #[test]
    fn dates() {
        assert!(ok(Grammar::HttpDate, "Sun, 06 Nov 1994 08:49:37 GMT"));
        assert!(!ok(Grammar::HttpDate, "Sunday, 06-Nov-94 08:49:37 GMT"));
        assert!(!ok(Grammar::HttpDate, "yesterday"));
    }
}
