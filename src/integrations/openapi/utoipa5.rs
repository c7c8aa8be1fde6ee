//! `utoipa5` feature (utoipa 5): the same as `utoipa6` for utoipa 5's types. Derived types
//! implement `utoipa::IntoResponses`; [`Problem`] and [`Violation`] implement `ToSchema`.
//!
//! utoipa 5's `Header` has only a schema and a description: the response's header objects are
//! written whole through its extensions (under `headers`, which then is the response's
//! `headers` member), so that `required` and `example` reach the document.

use super::model::{self, Content, Header};
use super::schema::{self, Refs};
use crate::{HttpStatus, Problem, ResponseCatalog, Violation};
use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use utoipa5::openapi::content::ContentBuilder;
use utoipa5::openapi::example::ExampleBuilder;
use utoipa5::openapi::extensions::Extensions;
use utoipa5::openapi::response::{Response, ResponseBuilder};
use utoipa5::openapi::schema::{ObjectBuilder, SchemaType};
use utoipa5::openapi::{RefOr, Schema};
use utoipa5::{PartialSchema, ToSchema};

/// The OpenAPI responses of `T`, one per status code.
pub fn responses<T: HttpStatus>() -> BTreeMap<String, RefOr<Response>> {
    model::responses(&ResponseCatalog::of::<T>(), &Refs::components())
        .into_iter()
        .map(|response| (response.status.to_string(), RefOr::T(convert(response))))
        .collect()
}

fn convert(response: model::Response) -> Response {
    let mut builder = ResponseBuilder::new().description(response.description);
    for content in response.content {
        builder = builder.content(content.media_type.clone(), self::content(content));
    }
    if !response.headers.is_empty() {
        let headers: Map<String, Value> = response.headers.into_iter().map(header).collect();
        builder = builder.extensions(Some(Extensions::from_iter([("headers", headers)])));
    }
    builder.build()
}

/// A Header Object, as OpenAPI writes it.
fn header(header: Header) -> (String, Value) {
    let mut object = json!({
        "description": header.description,
        "schema": header.schema,
        "example": header.example,
    });
    if header.required {
        object["required"] = json!(true);
    }
    (header.name, object)
}

fn content(content: Content) -> utoipa5::openapi::content::Content {
    let examples = content.examples.into_iter().map(|example| {
        let value = ExampleBuilder::new()
            .summary(example.summary)
            .value(Some(example.value))
            .build();
        (example.name, value)
    });
    ContentBuilder::new()
        .schema(Some(schema(content.schema)))
        .example(content.example)
        .examples_from_iter(examples)
        .build()
}

/// A JSON Schema in utoipa's types; a schema utoipa cannot read (none of ours: tested) is
/// any value.
fn schema(value: Value) -> RefOr<Schema> {
    serde_json::from_value(schema::for_utoipa(value)).unwrap_or_else(|_| {
        RefOr::T(Schema::Object(
            ObjectBuilder::new()
                .schema_type(SchemaType::AnyValue)
                .build(),
        ))
    })
}

/// The RFC 9457 object every problem response references (`allOf`), named `Problem`; its
/// `schemas` add `Violation`.
impl PartialSchema for Problem<'_> {
    fn schema() -> RefOr<Schema> {
        schema(schema::problem(Refs::components().violation))
    }
}

impl ToSchema for Problem<'_> {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(schema::PROBLEM)
    }

    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((
            schema::VIOLATION.to_owned(),
            <Violation as PartialSchema>::schema(),
        ));
    }
}

/// One item of `errors`, named `Violation`.
impl PartialSchema for Violation {
    fn schema() -> RefOr<Schema> {
        schema(schema::violation())
    }
}

impl ToSchema for Violation {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(schema::VIOLATION)
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_utoipa5 {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa5::IntoResponses for $($ty)*
        where
            $($predicates)*
        {
            fn responses() -> $crate::__private::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa5::openapi::RefOr<$crate::__private::utoipa5::openapi::response::Response>,
            > {
                $crate::__private::utoipa5_responses::<Self>()
            }
        }
    };
}

#[cfg(test)]
mod tests {
    /// utoipa reads back every kind of schema the model writes, unchanged.
    #[test]
    fn schemas_survive_utoipa5() {
        for value in crate::integrations::openapi::schema::samples() {
            let back = serde_json::to_value(super::schema(value.clone())).unwrap();
            assert_eq!(back, value);
        }
    }
}
