//! `utoipa` feature: derived types implement `utoipa::IntoResponses`, listing every status
//! they can return (transparent and delegated fields' types included) with a description a
//! person reads, typed headers, the body schema of the chosen format with its extension
//! members, and an example body. Use the type in `#[utoipa::path(responses(...))]`.

use crate::{
    BodyFormat, HttpStatus, MemberSchema, ResponseCatalog, ResponseDescription, ValueKind,
};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::marker::PhantomData;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};
use utoipa::openapi::RefOr;

/// The OpenAPI responses of `T`, one per status code. Variants that share a status are
/// described together.
pub fn responses<T: HttpStatus>() -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<ResponseDescription>> = BTreeMap::new();
    for description in ResponseCatalog::of::<T>() {
        by_status
            .entry(description.status.as_u16())
            .or_default()
            .push(description);
    }
    by_status
        .into_iter()
        .map(|(status, variants)| (status.to_string(), response(&variants).into()))
        .collect()
}

/// What one variant means, for a reader: its doc comment, else its message, else its title.
fn meaning(variant: &ResponseDescription) -> String {
    match (variant.doc(), variant.message()) {
        (Some(doc), _) => doc.to_owned(),
        (None, Some(message)) => message.to_owned(),
        (None, None) => variant.title().to_owned(),
    }
}

fn response(variants: &[ResponseDescription]) -> Response {
    let description = match variants {
        [only] => meaning(only),
        _ => variants
            .iter()
            .map(|v| format!("- `{}`: {}", v.source(), meaning(v)))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut builder = ResponseBuilder::new().description(description);
    let mut media_types: Vec<&'static str> = Vec::new();
    for variant in variants {
        if let Some(media_type) = media_type(variant.format()) {
            if !media_types.contains(&media_type) {
                media_types.push(media_type);
            }
        }
    }
    for media_type in media_types {
        let same: Vec<&ResponseDescription> = variants
            .iter()
            .filter(|v| media_type_of(v) == Some(media_type))
            .collect();
        let mut content = ContentBuilder::new().schema(Some(schema(&same)));
        match same.as_slice() {
            [only] => content = content.example(Some(example(only))),
            _ => {
                content = content.examples_from_iter(same.iter().map(|v| {
                    (
                        v.source(),
                        ExampleBuilder::new()
                            .summary(meaning(v))
                            .value(Some(example(v)))
                            .build(),
                    )
                }));
            }
        }
        builder = builder.content(media_type, content.build());
    }
    // One entry per header name (case-insensitive), as first written.
    let mut seen: Vec<&str> = Vec::new();
    for header in variants.iter().flat_map(|v| v.headers()) {
        if seen.iter().any(|h| h.eq_ignore_ascii_case(header.name())) {
            continue;
        }
        seen.push(header.name());
        let header_schema = HeaderBuilder::new()
            .schema(Some(kind_schema(header.kind())))
            .description(Some(header.value()))
            .build();
        builder = builder.header(header.name(), header_schema);
    }
    builder.build()
}

fn media_type_of(variant: &ResponseDescription) -> Option<&'static str> {
    media_type(variant.format())
}

fn media_type(format: BodyFormat) -> Option<&'static str> {
    match format {
        // OpenAPI keys content by media type, without parameters.
        BodyFormat::Text => Some("text/plain"),
        other => other.content_type(),
    }
}

/// The member a `ProblemLayer` or `ProblemMiddleware` adds (under its default name).
fn request_id() -> ObjectBuilder {
    string().description(Some(
        "The request id, also in the `x-request-id` header (with ProblemLayer or ProblemMiddleware)",
    ))
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn kind_schema(kind: ValueKind) -> ObjectBuilder {
    let schema_type = match kind {
        ValueKind::Integer => Type::Integer,
        ValueKind::Number => Type::Number,
        ValueKind::Boolean => Type::Boolean,
        ValueKind::Array => Type::Array,
        ValueKind::Object => Type::Object,
        ValueKind::String | ValueKind::Any => Type::String,
    };
    ObjectBuilder::new().schema_type(schema_type)
}

fn schema(variants: &[&ResponseDescription]) -> Schema {
    let first = variants[0];
    let literal_codes: Vec<&str> = variants
        .iter()
        .filter(|v| !v.code_varies())
        .filter_map(|v| v.code())
        .collect();
    let any_code = variants.iter().any(|v| v.code().is_some());
    let code = any_code.then(|| {
        let code = string().description(Some("Machine-readable error code"));
        if variants.iter().any(|v| v.code_varies()) {
            code
        } else {
            code.enum_values(Some(dedup(literal_codes.iter().copied())))
        }
    });
    let titles: Vec<&str> = dedup(variants.iter().map(|v| v.title()));
    let with_detail = variants.iter().any(|v| v.message().is_some());
    let mut object = match first.format() {
        BodyFormat::Problem => {
            let types: Vec<&str> = dedup(
                variants
                    .iter()
                    .map(|v| v.type_uri().unwrap_or("about:blank")),
            );
            let mut object = ObjectBuilder::new()
                .schema_type(Type::Object)
                .description(Some("Problem details (RFC 9457)"))
                .property(
                    "type",
                    string()
                        .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
                        .enum_values(Some(types)),
                )
                .required("type")
                .property("title", string().enum_values(Some(titles)))
                .required("title")
                .property(
                    "status",
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .enum_values(Some(dedup(variants.iter().map(|v| v.status.as_u16())))),
                )
                .required("status");
            if with_detail {
                object = object.property(
                    "detail",
                    string().description(Some("What went wrong, for people")),
                );
            }
            // Sent by the variant, or (the request path) by a `ProblemLayer`.
            object = object.property(
                "instance",
                string().format(Some(SchemaFormat::Custom("uri-reference".to_owned()))),
            );
            if let Some(code) = code {
                object = object.property("code", code);
            }
            object.property("request_id", request_id())
        }
        BodyFormat::Json => {
            let mut object = ObjectBuilder::new().schema_type(Type::Object);
            if variants.iter().any(|v| v.status.as_u16() >= 400) {
                object = object
                    .property("error", string().enum_values(Some(titles)))
                    .required("error");
            }
            if with_detail {
                object = object.property("message", string());
            }
            if let Some(code) = code {
                object = object.property("code", code);
            }
            object.property("request_id", request_id())
        }
        BodyFormat::Text => return string().build().into(),
        _ => {
            return ObjectBuilder::new()
                .schema_type(SchemaType::AnyValue)
                .build()
                .into()
        }
    };
    let mut flattened = false;
    for member in variants.iter().flat_map(|v| v.members()) {
        match member.name() {
            Some(name) => {
                object = object.property(name, member_schema(member.schema(), member.kind()))
            }
            None => flattened = true,
        }
    }
    if flattened {
        object = object.additional_properties(Some(
            utoipa::openapi::schema::AdditionalProperties::FreeForm(true),
        ));
    }
    object.build().into()
}

fn member_schema(schema: MemberSchema, kind: ValueKind) -> RefOr<Schema> {
    match schema.schema {
        Some(schema) => schema(),
        None if kind == ValueKind::Any => ObjectBuilder::new()
            .schema_type(SchemaType::AnyValue)
            .build()
            .into(),
        None => kind_schema(kind).build().into(),
    }
}

/// The example body of a variant: its exact body when nothing is interpolated, else one with
/// the readable text and a value of the right kind for each member.
fn example(variant: &ResponseDescription) -> Value {
    if let Some(exact) = variant.example().filter(|_| variant.example_is_exact()) {
        return serde_json::from_str(exact).unwrap_or_else(|_| Value::String(exact.to_owned()));
    }
    let text = variant.message().unwrap_or(variant.title());
    let mut object = Map::new();
    match variant.format() {
        BodyFormat::Problem => {
            object.insert(
                "type".into(),
                json!(variant.type_uri().unwrap_or("about:blank")),
            );
            object.insert("title".into(), json!(variant.title()));
            object.insert("status".into(), json!(variant.status.as_u16()));
            if let Some(message) = variant.message() {
                object.insert("detail".into(), json!(message));
            }
            if let Some(instance) = variant.instance() {
                object.insert("instance".into(), json!(instance));
            }
        }
        BodyFormat::Json => {
            if variant.status.as_u16() >= 400 {
                object.insert("error".into(), json!(variant.title()));
            }
            if let Some(message) = variant.message() {
                object.insert("message".into(), json!(message));
            }
        }
        BodyFormat::Text => return json!(text),
        _ => return json!({}),
    }
    if let Some(code) = variant.code() {
        object.insert("code".into(), json!(code));
    }
    for member in variant.members() {
        if let Some(name) = member.name() {
            object.insert(name.into(), example_value(member.kind()));
        }
    }
    Value::Object(object)
}

fn example_value(kind: ValueKind) -> Value {
    match kind {
        ValueKind::Integer => json!(0),
        ValueKind::Number => json!(0.0),
        ValueKind::String => json!("string"),
        ValueKind::Boolean => json!(false),
        ValueKind::Array => json!([]),
        ValueKind::Object | ValueKind::Any => json!({}),
    }
}

fn dedup<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// A member type whose schema is wanted: `utoipa::PartialSchema`'s when it has one.
pub struct SchemaOf<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> SchemaOf<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        SchemaOf(PhantomData)
    }
}

/// The schema of a type that has one.
pub trait ViaPartialSchema {
    /// Its schema function.
    fn __hs_schema(&self) -> Option<fn() -> RefOr<Schema>>;
}

impl<T: utoipa::PartialSchema + ?Sized> ViaPartialSchema for &SchemaOf<T> {
    fn __hs_schema(&self) -> Option<fn() -> RefOr<Schema>> {
        Some(T::schema)
    }
}

/// No schema: a free-form value.
pub trait NoSchema {
    /// None.
    fn __hs_schema(&self) -> Option<fn() -> RefOr<Schema>> {
        None
    }
}

impl<T: ?Sized> NoSchema for SchemaOf<T> {}

/// A [`MemberSchema`] from what the specialisation found.
pub fn schema_of(schema: Option<fn() -> RefOr<Schema>>) -> MemberSchema {
    MemberSchema { schema }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_schema {
    ($ty:ty) => {{
        #[allow(unused_imports)]
        use $crate::__private::utoipa_schema::{NoSchema as _, ViaPartialSchema as _};
        $crate::__private::schema_of((&&$crate::__private::SchemaOf::<$ty>::new()).__hs_schema())
    }};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_utoipa {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            $($predicates)*
        {
            fn responses() -> $crate::__private::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<$crate::__private::utoipa::openapi::response::Response>,
            > {
                $crate::__private::utoipa_responses::<Self>()
            }
        }
    };
}

/// The schema of one item of the `errors` member (a `Violation` as sent): `detail`, then one
/// of `pointer` (a JSON Pointer in URI-fragment form), `parameter` or `header`, then `code`
/// when set. For the problem schema's `errors: {type: array, items: …}`.
///
/// An item: `{"detail":"must be positive","pointer":"#/age","code":"range"}`.
#[allow(dead_code)] // referenced by the problem schema once `errors` is wired in
pub(crate) fn violation_schema() -> Schema {
    ObjectBuilder::new()
        .description(Some(
            "One failed check of the request: what (detail), where (one of pointer, parameter, header) and an optional machine-readable code",
        ))
        .property(
            "detail",
            string().description(Some("What is wrong, for people")),
        )
        .required("detail")
        .property(
            "pointer",
            string()
                .format(Some(SchemaFormat::Custom("uri-reference".into())))
                .description(Some(
                    "Where in the request body: a JSON Pointer in URI-fragment form (RFC 6901 §6), `#/items/0/name`",
                )),
        )
        .property(
            "parameter",
            string().description(Some("The query or path parameter")),
        )
        .property("header", string().description(Some("The request header")))
        .property(
            "code",
            string().description(Some("The machine-readable code of the failed check")),
        )
        .build()
        .into()
}

#[cfg(test)]
mod violation_tests {
    #[test]
    fn the_errors_item_schema() {
        let schema = serde_json::to_value(super::violation_schema()).unwrap();
        assert_eq!(schema["type"], "object");
        assert_eq!(schema["required"], serde_json::json!(["detail"]));
        let properties = schema["properties"].as_object().unwrap();
        let names: Vec<&str> = properties.keys().map(String::as_str).collect();
        assert_eq!(names, ["code", "detail", "header", "parameter", "pointer"]);
        assert_eq!(properties["pointer"]["format"], "uri-reference");
    }
}
