//! The responses of a type for OpenAPI, once for every OpenAPI crate: built from its catalogue
//! ([`ResponseCatalog::of`]), with schemas and examples as JSON values. `utoipa6`, `utoipa5`
//! and `aide` only convert this to their own types.
//!
//! One response per status; variants that share it are described together: a property or a
//! header is required only when every one of them always sends it, and each has a named
//! example.

use super::schema::Refs;
use super::{body, example, header, schema};
use crate::{ResponseDescription, Template, TemplatePiece};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// One status of a type.
pub(crate) struct Response {
    pub(crate) status: u16,
    /// Markdown.
    pub(crate) description: String,
    pub(crate) headers: Vec<Header>,
    pub(crate) content: Vec<Content>,
}

/// A header field of a response.
pub(crate) struct Header {
    pub(crate) name: String,
    /// Markdown.
    pub(crate) description: String,
    /// Sent with every response of this status.
    pub(crate) required: bool,
    pub(crate) schema: Value,
    pub(crate) example: Value,
}

/// The body of a response in one media type.
pub(crate) struct Content {
    /// Without parameters: `text/plain`, not `text/plain; charset=utf-8`.
    pub(crate) media_type: String,
    pub(crate) schema: Value,
    /// The body, when one variant answers in this media type.
    pub(crate) example: Option<Value>,
    /// One per variant, named after it, when several do.
    pub(crate) examples: Vec<Example>,
}

/// A named example body.
pub(crate) struct Example {
    /// The variant's name.
    pub(crate) name: String,
    /// What it means, as plain text.
    pub(crate) summary: String,
    pub(crate) value: Value,
}

/// Every status of the catalogue, in ascending order.
pub(crate) fn responses(catalog: &[ResponseDescription], refs: &Refs) -> Vec<Response> {
    let mut by_status: BTreeMap<u16, Vec<&ResponseDescription>> = BTreeMap::new();
    for description in catalog {
        by_status
            .entry(description.status().as_u16())
            .or_default()
            .push(description);
    }
    by_status
        .into_iter()
        .map(|(status, variants)| Response {
            status,
            description: description(&variants),
            headers: header::headers(&variants),
            content: content(&variants, refs),
        })
        .collect()
}

/// What the variants mean, for a reader: one variant's meaning, or a list of them by name.
fn description(variants: &[&ResponseDescription]) -> String {
    match variants {
        [only] => meaning(only),
        _ => variants
            .iter()
            .map(|v| format!("- `{}`: {}", v.source(), meaning(v)))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Its doc comment, else its message (placeholders as code: `<integer>` would read as an HTML
/// tag), else its title.
fn meaning(variant: &ResponseDescription) -> String {
    if let Some(doc) = variant.doc() {
        return doc.to_owned();
    }
    match variant.message_template() {
        Some(message) => markdown(message),
        None => escape(variant.title()),
    }
}

fn markdown(template: &Template) -> String {
    template
        .pieces()
        .map(|piece| match piece {
            TemplatePiece::Text(text) => escape(text),
            TemplatePiece::Field(kind) => format!("`<{}>`", kind.name()),
        })
        .collect()
}

/// Plain text as Markdown: punctuation that Markdown reads escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// As plain text: the first paragraph of the doc comment, else the message as in the example
/// (`user 42 not found`), else the title.
fn summary(variant: &ResponseDescription) -> String {
    match (variant.summary(), variant.message_template()) {
        (Some(summary), _) => summary.into_owned(),
        (None, Some(message)) => message.example().into_owned(),
        (None, None) => variant.title().to_owned(),
    }
}
/// The body in each media type the variants answer in.
fn content(variants: &[&ResponseDescription], refs: &Refs) -> Vec<Content> {
    let media_types = schema::dedup(variants.iter().filter_map(|v| media_type(v)));
    media_types
        .into_iter()
        .map(|media_type| {
            let same: Vec<&ResponseDescription> = variants
                .iter()
                .copied()
                .filter(|v| self::media_type(v) == Some(media_type))
                .collect();
            let formats = schema::dedup(same.iter().map(|v| v.format()));
            let mut schemas: Vec<Value> = formats
                .iter()
                .map(|format| {
                    let of_format: Vec<&ResponseDescription> = same
                        .iter()
                        .copied()
                        .filter(|v| v.format() == *format)
                        .collect();
                    body::schema(*format, &of_format, refs)
                })
                .collect();
            let schema = match schemas.len() {
                1 => schemas.remove(0),
                _ => json!({ "anyOf": schemas }),
            };
            let mut examples: Vec<Example> = Vec::new();
            for variant in &same {
                let Some(value) = example::body(variant, body::member_samples(variant, refs))
                else {
                    continue;
                };
                let mut name = variant.source().to_owned();
                for n in 2.. {
                    if !examples.iter().any(|e| e.name == name) {
                        break;
                    }
                    name = format!("{}_{n}", variant.source());
                }
                examples.push(Example {
                    name,
                    summary: summary(variant),
                    value,
                });
            }
            let example = match same.len() {
                1 => examples.pop().map(|e| e.value),
                _ => None,
            };
            Content {
                media_type: media_type.to_owned(),
                schema,
                example,
                examples,
            }
        })
        .collect()
}

/// OpenAPI keys bodies by media type, without parameters.
fn media_type(variant: &ResponseDescription) -> Option<&str> {
    let content_type = variant.content_type()?;
    Some(
        content_type
            .split(';')
            .next()
            .unwrap_or(content_type)
            .trim(),
    )
}
