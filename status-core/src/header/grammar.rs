//! The grammar of header field values, checked the same way for a literal at compile time and
//! for an interpolated value at run time.
//!
//! Every value must be a field value a sender may generate (RFC 9110 §5.5): not empty, no
//! leading or trailing whitespace, no CR, LF, NUL or other control characters. Non-ASCII bytes
//! (obs-text) are legal but not interoperable: they pass here, and the derive warns about them
//! (`non_ascii_header_value`). Fields with a grammar of their own are checked against it.

use core::fmt;

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
    /// auth-scheme (RFC 9110 §11.3, §11.6.1).
    Challenges,
    /// `Upgrade`: a comma-separated list of protocols, `name[/version]` (RFC 9110 §7.8).
    Protocols,
    /// `Connection`: a comma-separated list of connection options (RFC 9110 §7.6.1).
    Tokens,
    /// `Date`, `Last-Modified`, `Expires`: an HTTP-date in the IMF-fixdate form senders
    /// generate (RFC 9110 §5.6.7).
    HttpDate,
}

impl Grammar {
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
                 (`Bearer realm=\"api\"`)"
            }
            Grammar::Protocols => "a comma-separated list of protocols (`websocket`, `HTTP/2.0`)",
            Grammar::Tokens => "a comma-separated list of connection options (`upgrade`)",
            Grammar::HttpDate => {
                "an HTTP-date in IMF-fixdate form (`Wed, 21 Oct 2015 07:28:00 GMT`)"
            }
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
/// use status_core::header::{check_value, Grammar, ValueError};
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
        return match (grammar, value.is_empty()) {
            // "An empty Allow field value indicates that the resource allows no methods."
            (Grammar::Methods, true) => Ok(()),
            _ => Err(ValueError::Empty),
        };
    }
    if has_outer_whitespace(value) {
        return Err(ValueError::OuterWhitespace);
    }
    let valid = match grammar {
        Grammar::Any => true,
        Grammar::RetryAfter => is_digits(value) || is_http_date(value),
        Grammar::UriReference => iri_string::types::UriReferenceStr::new(value).is_ok(),
        Grammar::Methods => list(value, is_token),
        Grammar::Challenges => is_challenge_list(value),
        Grammar::Protocols => list(value, is_protocol),
        Grammar::Tokens => list(value, is_token),
        Grammar::HttpDate => is_http_date(value),
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
    list.split(',')
        .any(|element| element.trim_matches(OWS).eq_ignore_ascii_case(token))
}

const OWS: [char; 2] = [' ', '\t'];

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

fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

fn is_token(value: &str) -> bool {
    super::is_token(value)
}

/// `#element` as a sender writes it: elements separated by commas and optional whitespace, none
/// of them empty (RFC 9110 §5.6.1: "a sender MUST NOT generate empty list elements").
fn list(value: &str, element: impl Fn(&str) -> bool) -> bool {
    value.split(',').all(|e| element(e.trim_matches(OWS)))
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

/// `1#challenge` (RFC 9110 §11.3): `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`.
///
/// The list is split at commas outside quoted strings. An element is either a new challenge
/// (an auth-scheme, then optionally one space-separated token68 or auth-param) or a further
/// auth-param of the challenge before it. The first element must be a challenge: `realm=api`
/// alone is a parameter without a scheme.
fn is_challenge_list(value: &str) -> bool {
    let mut in_challenge = false;
    for element in Elements(Some(value)) {
        let element = element.trim_matches(OWS);
        if element.is_empty() {
            return false;
        }
        if is_auth_param(element) {
            if !in_challenge {
                return false;
            }
            continue;
        }
        let (scheme, rest) = match element.split_once(' ') {
            Some((scheme, rest)) => (scheme, rest.trim_start_matches(' ')),
            None => (element, ""),
        };
        if !is_token(scheme) || !(rest.is_empty() || is_token68(rest) || is_auth_param(rest)) {
            return false;
        }
        in_challenge = true;
    }
    in_challenge
}

/// The elements of a comma-separated list, split at commas outside quoted strings. An unclosed
/// quote runs to the end, where the element fails its own check.
struct Elements<'a>(Option<&'a str>);

impl<'a> Iterator for Elements<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.0?;
        let (mut quoted, mut escaped) = (false, false);
        for (i, b) in rest.bytes().enumerate() {
            match (quoted, escaped, b) {
                (true, true, _) => escaped = false,
                (true, false, b'\\') => escaped = true,
                (_, _, b'"') => quoted = !quoted,
                (false, _, b',') => {
                    self.0 = Some(&rest[i + 1..]);
                    return Some(&rest[..i]);
                }
                _ => {}
            }
        }
        self.0 = None;
        Some(rest)
    }
}

/// `auth-param = token BWS "=" BWS ( token / quoted-string )`.
fn is_auth_param(value: &str) -> bool {
    let Some((name, param)) = value.split_once('=') else {
        return false;
    };
    let (name, param) = (name.trim_end_matches(OWS), param.trim_start_matches(OWS));
    is_token(name) && (is_token(param) || is_quoted_string(param))
}

/// `token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
fn is_token68(value: &str) -> bool {
    let body = value.trim_end_matches('=');
    !body.is_empty()
        && body.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/')
        })
}

/// `quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE`.
fn is_quoted_string(value: &str) -> bool {
    let Some(inner) = value
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    let mut escaped = false;
    for b in inner.bytes() {
        match (escaped, b) {
            (true, _) => escaped = false,
            (false, b'\\') => escaped = true,
            (false, b'"') => return false,
            _ => {}
        }
    }
    !escaped
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

    #[test]
    fn challenges() {
        for good in [
            "Bearer",
            "Bearer realm=\"api\"",
            "Basic realm=\"simple\", Bearer",
            "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"",
            "Negotiate YIIB4wYGKwYBBQUCoII=",
            "Bearer realm=\"a, b\"",
            "Bearer error=invalid_token",
        ] {
            assert!(ok(Grammar::Challenges, good), "{good}");
        }
        for bad in [
            ",",
            "realm=api",
            "Bearer,,Basic",
            "Bearer realm=\"open",
            "Bear er realm=x y",
            "\"Bearer\"",
            "Bearer realm=a b",
        ] {
            assert!(!ok(Grammar::Challenges, bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert!(ok(Grammar::HttpDate, "Sun, 06 Nov 1994 08:49:37 GMT"));
        assert!(!ok(Grammar::HttpDate, "Sunday, 06-Nov-94 08:49:37 GMT"));
        assert!(!ok(Grammar::HttpDate, "yesterday"));
    }
}
