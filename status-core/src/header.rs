//! Facts about header fields that the status rules need: valid names and values, which fields
//! the HTTP library owns, and which describe content.

/// A header field an application must not set itself, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnedField {
    /// The field name.
    pub name: &'static str,
    /// Who sets it instead, and the section that says why.
    pub reason: &'static str,
}

/// Fields the HTTP library or `http-status` itself writes; a value set by hand would
/// contradict the framing or the body.
pub const FRAMEWORK_OWNED: &[OwnedField] = &[
    OwnedField {
        name: "Content-Length",
        reason: "the HTTP library computes it from the body, and it MUST NOT appear on 1xx or 204 (RFC 9110 §8.6)",
    },
    OwnedField {
        name: "Transfer-Encoding",
        reason: "the HTTP library chooses the message framing (RFC 9112 §6.1)",
    },
    OwnedField {
        name: "Connection",
        reason: "it is connection-specific and MUST NOT be sent in HTTP/2 (RFC 9110 §7.6.1, RFC 9113 §8.2.2)",
    },
    OwnedField {
        name: "Content-Type",
        reason: "http-status sets it from `format` (RFC 9110 §8.3)",
    },
];

/// The owned field named `name` (case-insensitive), if it is one.
pub fn framework_owned(name: &str) -> Option<&'static OwnedField> {
    FRAMEWORK_OWNED
        .iter()
        .find(|field| field.name.eq_ignore_ascii_case(name))
}

/// Whether `name` is a field name: a non-empty RFC 9110 §5.6.2 token.
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
pub const fn is_tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`'
        | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}

/// The first byte of `value` that may not appear in a field value written by an application,
/// with its index: controls other than HTAB, DEL, and non-ASCII (RFC 9110 §5.5: new values
/// SHOULD be US-ASCII; CR, LF and NUL are never allowed).
pub const fn invalid_value_byte(value: &str) -> Option<(usize, u8)> {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b == b'\t' || (b >= 0x20 && b < 0x7f)) {
            return Some((i, b));
        }
        i += 1;
    }
    None
}

/// Whether a field value has leading or trailing whitespace, which is not part of a field
/// value (RFC 9110 §5.5) and would be stripped or rejected by peers.
pub const fn has_outer_whitespace(value: &str) -> bool {
    let bytes = value.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            matches!(*first, b' ' | b'\t') || matches!(*last, b' ' | b'\t')
        }
        _ => false,
    }
}

/// Whether the field describes the content of the response (`Content-Encoding`,
/// `Content-Language`, `Content-Range`, …), so that it makes no sense on a response that
/// carries none. `Content-Location` names a resource rather than describing content, and a 304
/// MUST repeat it (RFC 9110 §15.4.5), so it is not one of them.
pub fn describes_content(name: &str) -> bool {
    let lower_prefix = name.len() > 8 && name.as_bytes()[..8].eq_ignore_ascii_case(b"content-");
    lower_prefix && !name.eq_ignore_ascii_case("Content-Location")
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
    fn values() {
        assert_eq!(invalid_value_byte("Bearer realm=\"api\""), None);
        assert_eq!(invalid_value_byte("a\tb"), None);
        assert_eq!(invalid_value_byte("a\r\nSet-Cookie: x"), Some((1, b'\r')));
        assert_eq!(invalid_value_byte("nul\0"), Some((3, 0)));
        assert_eq!(invalid_value_byte("del\x7f"), Some((3, 0x7f)));
        assert_eq!(invalid_value_byte("é"), Some((0, 0xc3)));
        assert!(has_outer_whitespace(" x"));
        assert!(has_outer_whitespace("x\t"));
        assert!(!has_outer_whitespace("x y"));
        assert!(!has_outer_whitespace(""));
    }

    #[test]
    fn owned_and_content() {
        assert_eq!(
            framework_owned("content-length").unwrap().name,
            "Content-Length"
        );
        assert_eq!(framework_owned("CONNECTION").unwrap().name, "Connection");
        assert!(framework_owned("Retry-After").is_none());
        assert!(describes_content("Content-Language"));
        assert!(describes_content("content-range"));
        assert!(!describes_content("Content-Location"));
        assert!(!describes_content("ETag"));
        assert!(!describes_content("Content-"));
    }
}
