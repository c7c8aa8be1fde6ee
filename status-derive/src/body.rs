//! What body a variant sends, decided once from the resolved attributes, with every static
//! part rendered to its final bytes at compile time.

use crate::ast::Input;
use crate::attr::{ErrorText, TemplateLit};
use crate::resolve::{Format, Resolved};
use crate::template::Template;
use std::fmt::Write as _;

/// Where the detail (problem), message (json) or text comes from.
pub enum Detail<'i> {
    None,
    /// Known now: a literal `message`, or an `#[error("...")]` with no placeholders.
    Static(String),
    /// A `message` with placeholders.
    Template(&'i TemplateLit, &'i Template),
    /// What thiserror's `Display` prints.
    Display,
}

pub enum Body<'i> {
    /// 204, 205, 304: no body, no Content-Type.
    Empty,
    /// Rendered now; sent as `&'static` bytes.
    Fixed { format: Format, text: String },
    /// A JSON body with one member formatted at run time, between `head` and `tail` (the
    /// runtime writes the member's key, `detail` or `message` by format).
    Json {
        format: Format,
        head: String,
        tail: String,
        detail: Detail<'i>,
    },
    /// A text body formatted at run time; `fallback` if formatting fails.
    Text {
        detail: Detail<'i>,
        fallback: String,
    },
}

/// The detail a client may see. Text derived from the value (placeholders, thiserror's
/// message) of a 5xx stays on the server unless the variant says `expose`; a literal
/// `message` is written for clients and is always sent.
pub fn detail<'i>(input: &'i Input, variant: &Resolved<'i, '_>) -> Detail<'i> {
    let hidden = variant.is_server_error() && variant.expose().is_none();
    if let Some(message) = variant.message() {
        return match &message.value.parsed {
            Ok(template) => match template.literal() {
                Some(text) => Detail::Static(text),
                None if hidden => Detail::None,
                None => Detail::Template(&message.value, template),
            },
            Err(_) => Detail::None,
        };
    }
    match variant.variant.error_text(input) {
        _ if hidden => Detail::None,
        Some(ErrorText::Literal { text, .. }) => Detail::Static(text.clone()),
        Some(ErrorText::Runtime { .. }) => Detail::Display,
        None => Detail::None,
    }
}

pub fn body<'i>(input: &'i Input, variant: &Resolved<'i, '_>) -> Body<'i> {
    if variant.content_forbidden() {
        return Body::Empty;
    }
    let format = variant.format();
    let title = variant.title();
    let detail = detail(input, variant);
    let (head, key) = match format {
        Format::Text => {
            return match detail {
                Detail::None => Body::Fixed {
                    format,
                    text: title,
                },
                Detail::Static(text) => Body::Fixed { format, text },
                Detail::Template(..) | Detail::Display => Body::Text {
                    detail,
                    fallback: title,
                },
            }
        }
        Format::Problem => {
            let problem_type = variant
                .problem_type()
                .map_or_else(|| "about:blank".to_owned(), |t| t.value.value().to_owned());
            let status = variant.code.map_or(0, |c| c.value);
            let head = format!(
                "{{\"type\":{},\"title\":{},\"status\":{status}",
                json_string(&problem_type),
                json_string(&title)
            );
            (head, ",\"detail\":")
        }
        Format::Json => (
            format!("{{\"error\":{}", json_string(&title)),
            ",\"message\":",
        ),
    };
    let mut tail = String::new();
    if let Some(code) = variant.machine_code() {
        let _ = write!(tail, ",\"code\":{}", json_string(code.value.value()));
    }
    tail.push('}');
    match detail {
        Detail::None => Body::Fixed {
            format,
            text: head + &tail,
        },
        Detail::Static(text) => Body::Fixed {
            format,
            text: format!("{head}{key}{}{tail}", json_string(&text)),
        },
        Detail::Template(..) | Detail::Display => Body::Json {
            format,
            head,
            tail,
            detail,
        },
    }
}

/// `s` as a JSON string, quotes included, escaped exactly as `serde_json` escapes it (the
/// tests compare the two on arbitrary input).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn escapes_like_serde_json() {
        let mut samples: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        samples.extend(
            [
                "",
                "plain",
                "quote \" backslash \\ slash /",
                "tab\tnewline\ncr\r",
                "é ü 😀 \u{2028}",
                "\u{7f}\u{0}\u{1f}",
            ]
            .map(String::from),
        );
        for sample in samples {
            assert_eq!(
                json_string(&sample),
                serde_json::to_string(&sample).unwrap(),
                "{sample:?}"
            );
        }
    }
}
