//! The responses of a type for OpenAPI, once for every OpenAPI crate: built from its catalogue
//! ([`ResponseCatalog::of`]), with schemas and examples as JSON values. `utoipa6`, `utoipa5`
//! and `aide` only convert this to their own types.
//!
//! One response per status; variants that share it are described together: a property or a
//! header is required only when every one of them always sends it, and each has a named
//! example.

use super::schema::{Object, Refs};
use super::{example, member, schema};
use crate::{
    BodyFormat, HeaderDescription, MemberDescription, ResponseDescription, Template, TemplatePiece,
    ValueKind,
};
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
            headers: headers(&variants),
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

/// One entry per header name (case-insensitive), as first written.
fn headers(variants: &[&ResponseDescription]) -> Vec<Header> {
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
    Header {
        name: first.name().to_owned(),
        description: values.join(" or "),
        required: by_all && sent.iter().all(|(v, h)| always_sent(v, h)),
        schema: schema::of_kind(kind),
        example,
    }
}

/// The value, with a sample of each field's kind; a field the status requires shows the
/// registry's typical value (`GET, HEAD` for `Allow`).
fn example_value<'a>(
    variant: &ResponseDescription,
    header: &'a HeaderDescription,
) -> std::borrow::Cow<'a, str> {
    let template = header.value_template();
    if !template.is_literal() {
        let required = http_status_core::lookup(variant.status().as_u16())
            .into_iter()
            .flat_map(http_status_core::required_headers)
            .find(|required| required.name.eq_ignore_ascii_case(header.name()));
        if let Some(required) = required.filter(|r| !r.example.is_empty()) {
            return std::borrow::Cow::Borrowed(required.example);
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
                    body_schema(*format, &of_format, refs)
                })
                .collect();
            let schema = match schemas.len() {
                1 => schemas.remove(0),
                _ => json!({ "anyOf": schemas }),
            };
            let mut examples: Vec<Example> = Vec::new();
            for variant in &same {
                let Some(value) = example::body(variant, member_samples(variant, refs)) else {
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

fn body_schema(format: BodyFormat, variants: &[&ResponseDescription], refs: &Refs) -> Value {
    match format {
        BodyFormat::Problem => problem_body(variants, refs),
        BodyFormat::Json => json_body(variants, refs),
        BodyFormat::Members => {
            let mut object = Object::default();
            members(&mut object, variants, refs);
            object.into_schema(Some("The members of the error"))
        }
        BodyFormat::Google => google_body(variants),
        BodyFormat::Text => schema::string(),
        // The value as it serializes itself, a custom format's body: any value.
        BodyFormat::Serde | BodyFormat::Custom { .. } | BodyFormat::Empty => schema::any(),
    }
}

/// The shared `Problem` and, through `allOf`, what these variants always send.
fn problem_body(variants: &[&ResponseDescription], refs: &Refs) -> Value {
    // `type`, `title` and `status` again, with their values here: a generated client then
    // reads `status` as `404`, not as any number.
    let mut own = Object::default();
    let literal_types = variants
        .iter()
        .all(|v| v.type_template().map_or(true, Template::is_literal));
    let type_schema = if literal_types {
        schema::one_of_strings(
            variants
                .iter()
                .map(|v| v.type_uri().unwrap_or("about:blank")),
        )
    } else {
        schema::string()
    };
    own.property("type", type_schema, true);
    own.property(
        "title",
        schema::one_of_strings(variants.iter().map(|v| v.title())),
        true,
    );
    let status = variants[0].status().as_u16();
    own.property(
        "status",
        json!({ "type": "integer", "enum": [status] }),
        true,
    );
    if variants.iter().all(|v| shows_detail(v)) {
        own.property("detail", schema::string(), true);
    }
    if variants.iter().all(|v| v.instance().is_some()) {
        let instance = json!({ "type": "string", "format": "uri-reference" });
        own.property("instance", instance, true);
    }
    code(&mut own, variants);
    members(&mut own, variants, refs);
    json!({ "allOf": [refs.problem.clone(), own.into_schema(None)] })
}

/// `{"error": title, "message": …, "code": …}` and the members.
fn json_body(variants: &[&ResponseDescription], refs: &Refs) -> Value {
    let mut object = Object::default();
    if variants[0].status().as_u16() >= 400 {
        let titles = variants.iter().map(|v| v.title());
        object.property("error", schema::one_of_strings(titles), true);
    }
    if variants.iter().any(|v| shows_detail(v)) {
        let always = variants.iter().all(|v| shows_detail(v));
        object.property("message", schema::string(), always);
    }
    code(&mut object, variants);
    object.property("request_id", schema::request_id(), false);
    members(&mut object, variants, refs);
    object.into_schema(Some(
        "An error as JSON: its reason phrase, message and code",
    ))
}

/// AIP-193: `{"error": {"code": status, "message": …, "status": gRPC code, "details": […]}}`.
fn google_body(variants: &[&ResponseDescription]) -> Value {
    let status = variants[0].status().as_u16();
    let mut error = Object::default();
    error.property("code", json!({ "type": "integer", "enum": [status] }), true);
    error.property("message", schema::string(), true);
    let grpc = http_status_core::grpc::code_for_status(status).name;
    error.property("status", schema::one_of_strings([grpc]), true);
    if variants.iter().any(|v| v.code().is_some()) {
        let info = json!({
            "type": "object",
            "properties": { "@type": schema::string(), "reason": schema::string() },
            "required": ["@type", "reason"]
        });
        let details = json!({ "type": "array", "items": info });
        error.property(
            "details",
            details,
            variants.iter().all(|v| v.code().is_some()),
        );
    }
    let mut object = Object::default();
    object.property("error", error.into_schema(None), true);
    object.into_schema(Some("Google's JSON error (AIP-193)"))
}

/// A detail (or message) that every response of the variant carries.
fn shows_detail(variant: &ResponseDescription) -> bool {
    variant.message().is_some() && !variant.detail_hidden()
}

/// `code`: the literal codes as an enumeration (any string when one is interpolated), required
/// when every variant has one.
fn code(object: &mut Object, variants: &[&ResponseDescription]) {
    let codes: Vec<&Template> = variants.iter().filter_map(|v| v.code_template()).collect();
    if codes.is_empty() {
        return;
    }
    let schema = if codes.iter().all(|code| code.is_literal()) {
        schema::one_of_strings(codes.iter().map(|code| code.readable()))
    } else {
        schema::string()
    };
    object.property("code", schema, codes.len() == variants.len());
}

/// Each named member, required when every variant sends it. A flattened member's entries are
/// not known: the object stays open to them.
fn members(object: &mut Object, variants: &[&ResponseDescription], refs: &Refs) {
    let names = schema::dedup(
        variants
            .iter()
            .flat_map(|v| v.members())
            .filter_map(MemberDescription::name),
    );
    for name in names {
        let Some(first) = variants
            .iter()
            .flat_map(|v| v.members())
            .find(|m| m.name() == Some(name))
        else {
            continue;
        };
        let everywhere = variants
            .iter()
            .all(|v| v.members().iter().any(|m| m.name() == Some(name)));
        object.property(name, member_schema(first, refs), everywhere);
    }
}

/// The violations list (referencing the `Violation` component), else the member type's
/// schema, else the schema of its kind.
fn member_schema(member: &MemberDescription, refs: &Refs) -> Value {
    if is_violations(member) {
        return schema::errors(refs.violation.clone());
    }
    member::of(member.schema()).unwrap_or_else(|| schema::of_kind(member.kind()))
}

/// The RFC 9457 `errors` member as `#[status(errors)]` sends it: named `errors`, of a type
/// that holds violations (`Vec<Violation>`), or of one without a schema of its own
/// (`validator::ValidationErrors`, `garde::Report`). A member named `errors` of another type
/// with a schema (a map of messages) keeps that schema.
fn is_violations(member: &MemberDescription) -> bool {
    member.name() == Some("errors")
        && (member.type_name().contains("Violation") || member::of(member.schema()).is_none())
}

/// An example value of each named member of the variant: what its schema allows (a list with
/// one item, a map with one entry), else the sample of its kind.
fn member_samples(variant: &ResponseDescription, refs: &Refs) -> Vec<(String, Value)> {
    variant
        .members()
        .iter()
        .filter_map(|member| {
            let name = member.name()?.to_owned();
            if is_violations(member) {
                return Some((name, example::errors()));
            }
            let sample = example::sample(&member_schema(member, refs), 0).unwrap_or_else(|| {
                serde_json::from_str(member.kind().sample_json()).unwrap_or(Value::Null)
            });
            Some((name, sample))
        })
        .collect()
}
