//! Facts about the header fields a response of `http-status` can carry: which are valid names,
//! which the HTTP library owns, which describe content, which are connection-specific, which
//! may appear once, and the grammar each value follows ([`check_value`], [`Grammar`]). The
//! derive checks literal values with these functions at compile time, and the runtime checks
//! interpolated values with the same functions when the response is built.
//!
//! What only the derive and the runtime need — the grammar's building blocks, and which
//! placeholders of a template (`Bearer realm="{realm}"`) are escaped and whether any value can
//! make one valid — is public for them but hidden from these docs.

mod grammar;
mod template;

#[doc(hidden)]
pub use grammar::{cache_control_allows_storing, first_non_ascii, link_has_rel, list_contains};
pub use grammar::{check_value, Grammar, ValueError};
#[doc(hidden)]
pub use template::{
    escape_quoted_into, escaped_placeholders, placeholders_in_quotes, template_can_be_valid,
    Placeholders, QuotedPairs, TemplatePiece,
};

/// What the specifications say about one header field that `http-status` treats specially.
///
/// ```
/// use http_status_core::header::{field_named, Grammar};
///
/// let etag = field_named("etag").unwrap();
/// assert_eq!((etag.name, etag.grammar, etag.singleton), ("ETag", Grammar::EntityTag, true));
/// assert!(field_named("Content-Length").unwrap().owner.is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// The name in its usual spelling.
    pub name: &'static str,
    /// The grammar of its value.
    pub grammar: Grammar,
    /// The field is defined as a single value: sending it twice makes the message invalid
    /// (RFC 9110 §5.3: only list-based fields may be repeated).
    pub singleton: bool,
    /// The field describes the content the response carries, so it has no place on a response
    /// that has none (204, 205, 304: RFC 9110 §6.4.1): `Content-Type`, `Content-Encoding`,
    /// `Content-Length` and `Content-Range`. Other representation metadata (`Content-Location`,
    /// `Content-Language`, `Content-Disposition`, `ETag`) describes the selected representation,
    /// which a 204 may still report (RFC 9110 §15.3.5: its metadata "refer to the target resource
    /// and its selected representation"), so it is not marked.
    pub describes_content: bool,
    /// The field is connection-specific (RFC 9110 §7.6.1); HTTP/2 forbids it (RFC 9113
    /// §8.2.2).
    pub connection_specific: bool,
    /// Who writes the field instead of the application, and why; `None` if the application may.
    pub owner: Option<&'static str>,
    /// The value is protocol data meant for the client (a delay, a URI, a challenge), as opposed
    /// to diagnostic text that could carry what a 5xx body hides.
    pub for_clients: bool,
    /// The section that defines the field.
    pub spec: &'static str,
}

const ORDINARY: Field = Field {
    name: "",
    grammar: Grammar::Any,
    singleton: false,
    describes_content: false,
    connection_specific: false,
    owner: None,
    for_clients: true,
    spec: "",
};

const fn field(name: &'static str, spec: &'static str) -> Field {
    Field {
        name,
        spec,
        ..ORDINARY
    }
}

const fn grammar(mut field: Field, grammar: Grammar) -> Field {
    field.grammar = grammar;
    field
}

const fn singleton(mut field: Field) -> Field {
    field.singleton = true;
    field
}

const fn content(mut field: Field) -> Field {
    field.describes_content = true;
    field
}

const fn connection(mut field: Field) -> Field {
    field.connection_specific = true;
    field
}

const fn owned(mut field: Field, by: &'static str) -> Field {
    field.owner = Some(by);
    field
}

/// The fields `http-status` knows, in no particular order. Any other valid name is an ordinary
/// field with an unchecked value, which `http-status` treats as diagnostic text on a 5xx.
pub const FIELDS: &[Field] = &[
    singleton(grammar(
        field("Retry-After", "RFC 9110 §10.2.3"),
        Grammar::RetryAfter,
    )),
    singleton(grammar(
        field("Location", "RFC 9110 §10.2.2"),
        Grammar::UriReference,
    )),
    singleton(grammar(
        field("Content-Location", "RFC 9110 §8.7"),
        Grammar::UriReference,
    )),
    grammar(field("Allow", "RFC 9110 §10.2.1"), Grammar::Methods),
    grammar(
        field("WWW-Authenticate", "RFC 9110 §11.6.1"),
        Grammar::Challenges,
    ),
    grammar(
        field("Proxy-Authenticate", "RFC 9110 §11.7.1"),
        Grammar::Challenges,
    ),
    connection(grammar(
        field("Upgrade", "RFC 9110 §7.8"),
        Grammar::Protocols,
    )),
    connection(grammar(
        field("Connection", "RFC 9110 §7.6.1"),
        Grammar::Tokens,
    )),
    connection(field("Keep-Alive", "RFC 9110 §7.6.1")),
    connection(field("Proxy-Connection", "RFC 9110 §7.6.1")),
    connection(field("TE", "RFC 9110 §10.1.4")),
    connection(field("Trailer", "RFC 9110 §6.6.2")),
    singleton(grammar(
        field("ETag", "RFC 9110 §8.8.3"),
        Grammar::EntityTag,
    )),
    singleton(grammar(
        field("Age", "RFC 9111 §5.1"),
        Grammar::DeltaSeconds,
    )),
    singleton(grammar(field("Date", "RFC 9110 §6.6.1"), Grammar::HttpDate)),
    singleton(grammar(
        field("Last-Modified", "RFC 9110 §8.8.2"),
        Grammar::HttpDate,
    )),
    singleton(grammar(
        field("Expires", "RFC 9111 §5.3"),
        Grammar::HttpDate,
    )),
    singleton(content(grammar(
        field("Content-Range", "RFC 9110 §14.4"),
        Grammar::ContentRange,
    ))),
    singleton(grammar(
        field("Content-Disposition", "RFC 6266 §4"),
        Grammar::ContentDisposition,
    )),
    content(field("Content-Encoding", "RFC 9110 §8.4")),
    field("Content-Language", "RFC 9110 §8.5"),
    owned(
        content(field("Content-Type", "RFC 9110 §8.3")),
        "http-status sets it from `format`",
    ),
    owned(
        content(field("Content-Length", "RFC 9110 §8.6")),
        "the HTTP library computes it from the body, and it MUST NOT appear on 1xx or 204",
    ),
    owned(
        field("Transfer-Encoding", "RFC 9112 §6.1"),
        "the HTTP library chooses the message framing",
    ),
    grammar(field("Link", "RFC 8288 §3"), Grammar::Link),
    grammar(
        field("Cache-Control", "RFC 9111 §5.2"),
        Grammar::CacheControl,
    ),
    grammar(field("Vary", "RFC 9110 §12.5.5"), Grammar::Vary),
];

/// The facts about `name` (case-insensitive), if it is a field `http-status` knows.
///
/// ```
/// assert!(http_status_core::header::field_named("retry-after").is_some());
/// assert!(http_status_core::header::field_named("X-Custom").is_none());
/// ```
pub fn field_named(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}

/// The grammar of `name`'s value: [`Grammar::Any`] for fields `http-status` does not know.
///
/// ```
/// use http_status_core::header::{check_value, grammar_of, Grammar};
///
/// assert_eq!(grammar_of("Retry-After"), Grammar::RetryAfter);
/// assert!(check_value(grammar_of("ETag"), "v1").is_err()); // an entity-tag is quoted
/// assert!(check_value(grammar_of("ETag"), "\"v1\"").is_ok());
/// ```
pub fn grammar_of(name: &str) -> Grammar {
    field_named(name).map_or(Grammar::Any, |f| f.grammar)
}

/// Whether a value of `name` is protocol data for the client rather than free text: every
/// field in [`FIELDS`]; unknown fields (`X-Debug`) are free text.
///
/// ```
/// assert!(http_status_core::header::is_for_clients("Retry-After"));
/// assert!(!http_status_core::header::is_for_clients("X-Debug"));
/// ```
pub fn is_for_clients(name: &str) -> bool {
    field_named(name).is_some_and(|f| f.for_clients)
}

/// Whether `name` is a field name: a non-empty RFC 9110 §5.6.2 token.
///
/// ```
/// assert!(http_status_core::header::is_token("X-Request-Id"));
/// assert!(!http_status_core::header::is_token("Retry After"));
/// ```
pub const fn is_token(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !is_tchar(bytes[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// `tchar` of RFC 9110 §5.6.2.
#[doc(hidden)]
pub const fn is_tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`'
        | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert!(is_token("WWW-Authenticate"));
        assert!(is_token("x-request-id"));
        assert!(is_token("a!#$%&'*+-.^_`|~9"));
        assert!(!is_token(""));
        assert!(!is_token("Retry After"));
        assert!(!is_token("X-Ünicode"));
        assert!(!is_token("Name:"));
        assert!(!is_token("(comment)"));
    }

    #[test]
    fn facts() {
        let owned = field_named("content-length").unwrap();
        assert_eq!(owned.name, "Content-Length");
        assert!(owned.owner.is_some() && owned.describes_content);
        assert!(field_named("CONNECTION").unwrap().connection_specific);
        assert!(field_named("Retry-After").unwrap().singleton);
        assert!(!field_named("WWW-Authenticate").unwrap().singleton);
        // Representation metadata a 204 may carry (RFC 9110 §15.3.5), unlike the content's own.
        assert!(!field_named("Content-Language").unwrap().describes_content);
        assert!(!field_named("Content-Location").unwrap().describes_content);
        for name in [
            "Content-Type",
            "Content-Encoding",
            "Content-Length",
            "Content-Range",
        ] {
            assert!(field_named(name).unwrap().describes_content, "{name}");
        }
        assert!(field_named("Content-Security-Policy").is_none());
        let disposition = field_named("content-disposition").unwrap();
        assert_eq!(disposition.grammar, Grammar::ContentDisposition);
        assert!(disposition.singleton && disposition.for_clients && !disposition.describes_content);
        assert_eq!(grammar_of("Age"), Grammar::DeltaSeconds);
        assert!(field_named("Age").unwrap().singleton);
        assert_eq!(grammar_of("etag"), Grammar::EntityTag);
        assert_eq!(grammar_of("Cache-Control"), Grammar::CacheControl);
        assert_eq!(grammar_of("Link"), Grammar::Link);
        assert_eq!(grammar_of("Vary"), Grammar::Vary);
        assert_eq!(grammar_of("Content-Range"), Grammar::ContentRange);
        assert_eq!(grammar_of("Expires"), Grammar::HttpDate);
        assert_eq!(grammar_of("location"), Grammar::UriReference);
        assert_eq!(grammar_of("X-Custom"), Grammar::Any);
        assert!(is_for_clients("Retry-After"));
        assert!(!is_for_clients("X-Debug"));
        // Every example the registry suggests is valid for its field.
        for info in crate::iter() {
            let rules = info.must_headers.iter();
            for rule in rules.chain(info.should_headers).chain(info.may_headers) {
                let checked = check_value(grammar_of(rule.name), rule.example);
                assert_eq!(
                    checked,
                    Ok(()),
                    "{} {}: {}",
                    info.code,
                    rule.name,
                    rule.example
                );
            }
        }
        // One entry per name.
        for (i, a) in FIELDS.iter().enumerate() {
            assert!(FIELDS[i + 1..]
                .iter()
                .all(|b| !a.name.eq_ignore_ascii_case(b.name)));
        }
    }
}
