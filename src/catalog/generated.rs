//! What generated code describes its variants with (through `__private`): most variants as
//! entries of the codec in `http_status_core::catalog`, one string literal per run of them,
//! the others (members, custom formats, `cfg`) as a [`Described`] struct.

use super::description::{HeaderDescription, MemberDescription, MemberSchema, Shape, ValueKind};
use super::template::Template;
use super::{ResponseCatalog, ResponseDescription};
use crate::format::BodyFormat;
use http::StatusCode;
use http_status_core::LogLevel;
use std::borrow::Cow;

/// A variant described in full, built in `describe_responses` for the few whose description
/// depends on a type (members, custom formats). Texts marked *template* are in the template
/// grammar of `http_status_core::catalog`.
#[doc(hidden)]
pub struct Described<'a> {
    pub status: StatusCode,
    pub title: &'static str,
    pub source: &'static str,
    pub doc: Option<&'static str>,
    /// Template.
    pub message: Option<&'static str>,
    pub detail_hidden: bool,
    /// Template.
    pub code: Option<&'static str>,
    pub code_varies: bool,
    pub format: BodyFormat,
    /// Template.
    pub problem_type: Option<&'static str>,
    pub type_base: Option<&'static str>,
    /// Template.
    pub instance: Option<&'static str>,
    /// `None`: the mapping of the status.
    pub grpc: Option<&'static str>,
    pub retryable: bool,
    pub level: LogLevel,
    /// The body is known at compile time.
    pub static_body: bool,
    pub headers: &'a [HeaderDescription],
    pub members: &'a [MemberDescription],
}

/// Adds the responses encoded by the derive (see `http_status_core::catalog`): one string literal
/// for a run of variants, which costs the user's build next to nothing.
#[doc(hidden)]
pub fn describe_encoded(catalog: &mut ResponseCatalog, encoded: &'static str) {
    use http_status_core::catalog::Format;
    for entry in http_status_core::catalog::decode(encoded) {
        let headers: Vec<HeaderDescription> = entry
            .headers()
            .map(|h| header(h.name, h.value, h.kind))
            .collect();
        let title = match (entry.title, http_status_core::lookup(entry.status)) {
            ("", Some(info)) => info.reason,
            (title, _) => title,
        };
        let flags = entry.flags;
        describe(
            catalog,
            &Described {
                status: crate::__private::status_code(entry.status),
                title,
                source: entry.source,
                doc: entry.doc,
                message: entry.message,
                detail_hidden: flags.detail_hidden,
                code: entry.code,
                code_varies: flags.code_varies,
                format: match flags.format {
                    Format::Problem => BodyFormat::Problem,
                    Format::Json => BodyFormat::Json,
                    Format::Text => BodyFormat::Text,
                    Format::Serde => BodyFormat::Serde,
                    Format::Empty => BodyFormat::Empty,
                },
                problem_type: entry.problem_type,
                type_base: entry.type_base,
                instance: entry.instance,
                grpc: entry.grpc,
                retryable: flags.retryable,
                level: flags.level,
                static_body: flags.static_body,
                headers: &headers,
                members: &[],
            },
        );
    }
}

/// Adds one described variant.
#[doc(hidden)]
pub fn describe(catalog: &mut ResponseCatalog, described: &Described<'_>) {
    let template = |text: Option<&'static str>| text.map(Template::new);
    let description =
        ResponseDescription {
            status: described.status,
            title: Cow::Borrowed(described.title),
            source: Cow::Borrowed(described.source),
            doc: described.doc.map(Cow::Borrowed),
            message: template(described.message),
            detail_hidden: described.detail_hidden,
            code: template(described.code),
            shape: Shape::Format(described.format),
            problem_type: template(described.problem_type),
            type_base: described.type_base.map(Cow::Borrowed),
            instance: template(described.instance),
            retryable: described.retryable,
            level: described.level,
            grpc_code: Cow::Borrowed(described.grpc.unwrap_or(
                http_status_core::grpc::code_for_status(described.status.as_u16()).name,
            )),
            headers: described.headers.to_vec(),
            members: described.members.to_vec(),
            example: None,
            example_exact: false,
        };
    let mut description = description.render_example();
    // The derive knows which bodies it rendered at compile time; a text it could not read as a
    // template reads as literal here, but is not.
    description.example_exact &= described.static_body;
    catalog.push(description);
}

#[doc(hidden)]
pub fn header(name: &'static str, value: &'static str, kind: ValueKind) -> HeaderDescription {
    HeaderDescription {
        name: Cow::Borrowed(name),
        value: Template::new(value),
        kind,
    }
}

#[doc(hidden)]
pub const fn member(
    name: Option<&'static str>,
    type_name: &'static str,
    kind: ValueKind,
    schema: MemberSchema,
) -> MemberDescription {
    MemberDescription {
        name: match name {
            Some(name) => Some(Cow::Borrowed(name)),
            None => None,
        },
        type_name: Cow::Borrowed(type_name),
        kind,
        schema,
    }
}
