//! The catalogue as a Markdown table a person reads: one row per response.

use super::ResponseDescription;
use std::fmt::Write as _;

const HEADER: &str = "| Status | Code | Content-Type | Message | Headers | Members | Variant |\n\
                      |---|---|---|---|---|---|---|\n";

pub(super) fn render(entries: &[ResponseDescription]) -> String {
    let mut out = String::from(HEADER);
    for entry in entries {
        let status = format!("{} {}", entry.status().as_u16(), entry.title());
        let code = match (entry.code(), entry.code_varies()) {
            (Some(code), false) => format!("`{code}`"),
            (Some(code), true) => code.to_owned(),
            (None, _) => String::new(),
        };
        let mut content_type = entry
            .content_type()
            .map_or_else(|| "(no body)".to_owned(), |ct| format!("`{ct}`"));
        if let Some(problem_type) = entry.type_uri() {
            content_type.push_str(&format!("<br>type `{problem_type}`"));
        }
        if let Some(instance) = entry.instance() {
            content_type.push_str(&format!("<br>instance `{instance}`"));
        }
        let message = match (entry.message(), entry.detail_hidden()) {
            (Some(message), _) => text(message),
            (None, true) => "(hidden from clients; logged on the server)".to_owned(),
            (None, false) => String::new(),
        };
        let headers = entry
            .headers()
            .iter()
            .map(|h| format!("`{}: {}`", h.name(), h.value()))
            .collect::<Vec<_>>()
            .join("<br>");
        let members = entry
            .members()
            .iter()
            .map(|m| match m.name() {
                Some(name) => format!("`{name}` ({})", m.kind().name()),
                None => format!("the entries of `{}`", m.type_name()),
            })
            .collect::<Vec<_>>()
            .join("<br>");
        let variant = match entry.summary() {
            Some(summary) => format!("`{}`: {}", entry.source(), text(&summary)),
            None => format!("`{}`", entry.source()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&status),
            cell(&code),
            cell(&content_type),
            cell(&message),
            cell(&headers),
            cell(&members),
            cell(&variant)
        );
    }
    out
}

/// Prose for Markdown: the `<kind>` of a field would read as an HTML tag.
fn text(prose: &str) -> String {
    prose.replace('<', "&lt;").replace('>', "&gt;")
}

/// Text safe inside a table cell: pipes escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}
