//! The header fields of one status: each name once, with the schema of its kind, a realistic
//! example, and `required` when every variant of the status always sends it.

use super::model::Header;
use super::schema;
use crate::{HeaderDescription, ResponseDescription, ValueKind};
use serde_json::json;
use std::borrow::Cow;

/// One entry per header name (case-insensitive), as first written.
pub(super) fn headers(variants: &[&ResponseDescription]) -> Vec<Header> {
    let names = schema::dedup(
        variants
            .iter()
            .flat_map(|v| v.headers())
            .map(|h| h.name().to_ascii_lowercase()),
    );
    names
        .iter()
        .map(|name| {
            let sent: Vec<(&ResponseDescription, &HeaderDescription)> = variants
                .iter()
                .filter_map(|v| {
                    let header = v
                        .headers()
                        .iter()
                        .find(|h| h.name().eq_ignore_ascii_case(name));
                    header.map(|h| (*v, h))
                })
                .collect();
            header(&sent, sent.len() == variants.len())
        })
        .collect()
}

/// A header that `sent` send (each variant with its first field of that name); `by_all` when
/// every variant of the status is among them.
fn header(sent: &[(&ResponseDescription, &HeaderDescription)], by_all: bool) -> Header {
    let (_, first) = sent[0];
    let kinds = schema::dedup(sent.iter().map(|(_, h)| header_kind(h.kind())));
    let kind = match kinds.as_slice() {
        [kind] => *kind,
        _ => ValueKind::String,
    };
    let values = schema::dedup(sent.iter().map(|(_, h)| code_span(h.value())));
    let example = example_value(sent[0].0, first);
    let example = match kind {
        ValueKind::Integer => example
            .parse::<i64>()
            .map_or_else(|_| json!(example), |n| json!(n)),
        _ => json!(example),
    };
    let mut description = values.join(" or ");
    if !by_all {
        // The status is shared: say which variants send it, so that no reader expects it of all.
        let senders = schema::dedup(sent.iter().map(|(v, _)| format!("`{}`", v.source())));
        description.push_str(&format!(" (sent by {} only)", senders.join(", ")));
    }
    Header {
        name: first.name().to_owned(),
        description,
        required: by_all && sent.iter().all(|(v, h)| always_sent(v, h)),
        schema: schema::of_kind(kind),
        example,
    }
}

/// The value, with a sample of each field's kind; a field the status requires shows the
/// registry's typical value (`GET, HEAD` for `Allow`).
fn example_value<'a>(variant: &ResponseDescription, header: &'a HeaderDescription) -> Cow<'a, str> {
    let template = header.value_template();
    if !template.is_literal() {
        let required = http_status_core::lookup(variant.status().as_u16())
            .into_iter()
            .flat_map(http_status_core::required_headers)
            .find(|required| required.name.eq_ignore_ascii_case(header.name()));
        if let Some(required) = required.filter(|r| !r.example.is_empty()) {
            return Cow::Borrowed(required.example);
        }
    }
    template.example()
}

/// A header's value is text: a field of another kind is sent as its text.
fn header_kind(kind: ValueKind) -> ValueKind {
    match kind {
        ValueKind::Integer | ValueKind::Number | ValueKind::Boolean => kind,
        _ => ValueKind::String,
    }
}

/// A literal value is always sent. An interpolated one is left out when its value is not valid
/// for the field at run time, unless the status requires the field: then the response becomes
/// the hidden 500 instead, so every response of this status has it.
fn always_sent(variant: &ResponseDescription, header: &HeaderDescription) -> bool {
    header.value_template().is_literal()
        || http_status_core::lookup(variant.status().as_u16())
            .into_iter()
            .flat_map(http_status_core::required_headers)
            .any(|required| required.name.eq_ignore_ascii_case(header.name()))
}

fn code_span(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}
