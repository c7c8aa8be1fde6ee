//! HTML text: every text escaped, and doc comments rendered from Markdown with nothing raw
//! let through (inline HTML shows as text; only `http`, `https` and `mailto` links stay links,
//! so a doc comment can neither run a script nor link into the site where no page is).

use crate::catalog::{Template, TemplatePiece};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::fmt::Write as _;

/// Text (or an attribute value) escaped for HTML.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A template as a person reads it, each placeholder set apart: `user <var>&lt;integer&gt;</var>
/// not found`.
pub(super) fn template(template: &Template) -> String {
    let mut out = String::new();
    for piece in template.pieces() {
        match piece {
            TemplatePiece::Text(text) => out.push_str(&escape(text)),
            TemplatePiece::Field(kind) => {
                let _ = write!(out, "<var>&lt;{}&gt;</var>", kind.name());
            }
        }
    }
    out
}

/// `<code>text</code>`, escaped.
pub(super) fn code(text: &str) -> String {
    format!("<code>{}</code>", escape(text))
}

/// A doc comment as HTML. Headings move two levels down (a doc's `#` sits under the page's
/// `h1` and the response's `h2`).
pub(super) fn markdown(doc: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = safe(Parser::new_ext(doc, options)).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
        other => other,
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// Markdown events with nothing raw: HTML as text, links only out of the site, images as
/// their alternative text.
fn safe<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut dropped_link = false;
    events.filter_map(move |event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link { ref dest_url, .. }) if !outward(dest_url) => {
            dropped_link = true;
            None
        }
        Event::End(TagEnd::Link) if dropped_link => {
            dropped_link = false;
            None
        }
        // An image shows its alternative text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    })
}

/// A summary (one paragraph of Markdown) as inline HTML for a table cell: emphasis, code and
/// links kept, block structure (a heading, a list) dropped.
pub(super) fn inline_markdown(text: &str) -> String {
    let events =
        Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
            Event::Start(tag) if is_block(&tag.to_end()) => None,
            Event::End(end) if is_block(&end) => None,
            other => Some(other),
        });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, safe(events));
    out.trim().to_owned()
}

fn is_block(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// JSON indented for reading, members in the order sent (the body itself is one line).
pub(super) fn indent_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // An empty object or list stays `{}`.
                if matches!(chars.peek(), Some('}' | ']')) {
                    if let Some(close) = chars.next() {
                        out.push(close);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

/// A link out of the site, to a scheme that cannot run code.
fn outward(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The page around `body`.
pub(super) fn page(title: &str, root: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 400);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n\
         <footer>{}<a href=\"{root}catalog.json\">catalog.json</a>: the same catalogue for tools\
         </footer>\n</body>\n</html>\n",
        escape(title),
        if root.is_empty() {
            String::new()
        } else {
            format!("<a href=\"{root}index.html\">All responses</a> · ")
        },
    );
    out
}

/// Plain and readable: one column of text, tables with rules, a tint per status class.
const STYLE: &str = "
body { margin: 0; color: #1f2328; background: #fff;
  font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif; }
main, footer { max-width: 56rem; margin: 0 auto; padding: 0 1.25rem; }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
footer { padding-bottom: 2rem; color: #59636e; border-top: 1px solid #d1d9e0; padding-top: 1rem; }
h1 { font-size: 1.9rem; margin: 0.5rem 0; line-height: 1.25; overflow-wrap: anywhere; }
main h1 code { background: none; padding: 0; font-size: 0.95em; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.5rem; padding-bottom: 0.3rem;
  border-bottom: 1px solid #d1d9e0; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.4rem; }
p { margin: 0.5rem 0; }
a { color: #0969da; }
a:hover { text-decoration-thickness: 2px; }
nav { font-size: 0.95rem; margin-bottom: 1rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, monospace;
  font-size: 0.88em; }
:not(pre) > code { background: #eff2f5; padding: 0.1em 0.35em; border-radius: 4px;
  overflow-wrap: anywhere; }
pre { background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: 0.8rem 1rem;
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.5rem 0 1rem; line-height: 1.45; }
details { margin: 0 0 1rem; }
summary { cursor: pointer; color: #59636e; font-size: 0.95rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.25rem; }
.scroll { overflow-x: auto; }
td code { white-space: nowrap; overflow-wrap: normal; }
td.wrap code { white-space: normal; overflow-wrap: anywhere; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.7rem;
  border-bottom: 1px solid #d1d9e0; }
th { font-weight: 600; background: #f6f8fa; border-bottom-width: 2px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.5rem;
  margin: 1rem 0; }
dl.facts dt { font-weight: 600; color: #59636e; }
dl.facts dd { margin: 0; }
var { font-style: italic; color: #8250df; }
.lede { font-size: 1.1rem; color: #3d444d; }
.note { color: #59636e; font-size: 0.95rem; }
.doc { font-size: 1.05rem; }
.status { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px;
  font-weight: 600; font-size: 0.9rem; white-space: nowrap; border: 1px solid transparent; }
.s1, .s2, .s3 { background: #dafbe1; border-color: #aceebb; color: #116329; }
.s4 { background: #fff8c5; border-color: #eed888; color: #7d4e00; }
.s5 { background: #ffebe9; border-color: #ffcecb; color: #a40e26; }
@media (max-width: 40rem) {
  .responses thead, .responses td:nth-child(4) { display: none; }
  .responses, .responses tbody, .responses tr, .responses td { display: block; }
  .responses tr { border-bottom: 1px solid #d1d9e0; padding: 0.5rem 0; }
  .responses td { border: none; padding: 0.15rem 0; }
}
";
