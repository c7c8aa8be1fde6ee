//! Header fields of generated responses. Literal values were checked at compile time and are
//! `const`; an interpolated value is checked here by the same `status-core` function that
//! checked the literals, and left out if it fails — or, if the status requires the field, the
//! whole response becomes a 500 (see `render::degrade`).

use bytes::Bytes;
use core::fmt;
use http::{HeaderMap, HeaderName, HeaderValue};
use http_status_core::header::{check_value, Grammar};

/// A header the status requires whose interpolated value was not a valid field value: which
/// variant, and which header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidRequired {
    /// `Type::Variant`.
    pub variant: &'static str,
    /// The field name, as written.
    pub header: &'static str,
}

/// Adds a literal field (a `const` value).
pub fn add(headers: &mut HeaderMap, name: HeaderName, value: HeaderValue) {
    // `append`, so that a field written twice (two challenges) is sent twice. Fails only past
    // 32,768 fields.
    let _ = headers.try_append(name, value);
}

/// Adds a literal field whose value has non-ASCII bytes (obs-text: legal, and warned about at
/// compile time), which `HeaderValue::from_static` does not take.
pub fn add_obs_text(headers: &mut HeaderMap, name: HeaderName, value: &'static str) {
    if let Ok(value) = HeaderValue::from_maybe_shared(Bytes::from_static(value.as_bytes())) {
        add(headers, name, value);
    }
}

/// Adds an interpolated field if its value passes `grammar`; returns whether it did.
pub fn add_checked(
    headers: &mut HeaderMap,
    name: HeaderName,
    grammar: Grammar,
    value: fmt::Arguments<'_>,
) -> bool {
    match checked_value(grammar, value) {
        Some(value) => {
            add(headers, name, value);
            true
        }
        None => false,
    }
}

/// Adds an interpolated field the status requires; `Err` if its value is invalid.
pub fn add_required(
    headers: &mut HeaderMap,
    name: HeaderName,
    grammar: Grammar,
    value: fmt::Arguments<'_>,
    variant: &'static str,
    header: &'static str,
) -> Result<(), InvalidRequired> {
    if add_checked(headers, name, grammar, value) {
        Ok(())
    } else {
        Err(InvalidRequired { variant, header })
    }
}

/// The formatted value, if formatting succeeds and the text is a valid value for `grammar`.
fn checked_value(grammar: Grammar, value: fmt::Arguments<'_>) -> Option<HeaderValue> {
    let text = match value.as_str() {
        Some(text) => text.to_owned(),
        None => {
            let mut text = String::new();
            fmt::write(&mut text, value).ok()?;
            text
        }
    };
    check_value(grammar, &text).ok()?;
    HeaderValue::from_maybe_shared(Bytes::from(text)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolated_values_are_checked_like_literals() {
        let mut headers = HeaderMap::new();
        let name = HeaderName::from_static("retry-after");
        assert!(add_checked(
            &mut headers,
            name.clone(),
            Grammar::RetryAfter,
            format_args!("{}", 30)
        ));
        assert!(!add_checked(
            &mut headers,
            name.clone(),
            Grammar::RetryAfter,
            format_args!("{}", "soon")
        ));
        assert!(!add_checked(
            &mut headers,
            HeaderName::from_static("x-note"),
            Grammar::Any,
            format_args!("{}", "a\r\nSet-Cookie: x=1")
        ));
        assert!(!add_checked(
            &mut headers,
            HeaderName::from_static("x-note"),
            Grammar::Any,
            format_args!("{}", " ")
        ));
        // obs-text passes at run time as it does at compile time (with a warning there).
        assert!(add_checked(
            &mut headers,
            HeaderName::from_static("x-name"),
            Grammar::Any,
            format_args!("{}", "café")
        ));
        assert_eq!(headers.len(), 2);
        assert_eq!(headers["retry-after"], "30");
        assert_eq!(
            add_required(
                &mut headers,
                HeaderName::from_static("www-authenticate"),
                Grammar::Challenges,
                format_args!("{}", ""),
                "E::V",
                "WWW-Authenticate"
            ),
            Err(InvalidRequired {
                variant: "E::V",
                header: "WWW-Authenticate"
            })
        );
    }
}
