//! The schema of a body in each format: the problem format through the shared `Problem`
//! component (`allOf`), the json, members and google formats as objects of their own; with each
//! member's schema, and what every variant always sends as `required`.

use super::example;
use super::member;
use super::schema::{self, Object, Refs};
use crate::{BodyFormat, MemberDescription, ResponseDescription, Template};
use serde_json::{json, Value};

pub(super) fn schema(format: BodyFormat, variants: &[&ResponseDescription], refs: &Refs) -> Value {
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
    member.is_violations()
        || (member.name() == Some("errors") && member::of(member.schema()).is_none())
}

/// An example value of each named member of the variant: what its schema allows (a list with
/// one item, a map with one entry), else the sample of its kind.
pub(super) fn member_samples(variant: &ResponseDescription, refs: &Refs) -> Vec<(String, Value)> {
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
