//! `utoipa` feature (utoipa 6): derived types implement `utoipa::IntoResponses` (the
//! [`model`](super::model) in utoipa 6's types), and [`Problem`] and [`Violation`] implement
//! `utoipa::ToSchema`, so that `components(schemas(http_status::Problem))` registers the
//! `Problem` and `Violation` components every problem response references.

use super::model::{self, Content, Header};
use super::schema::{self, Refs};
use crate::{HttpStatus, Problem, ResponseCatalog, Violation};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, SchemaType};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// The OpenAPI responses of `T`, one per status code.
pub fn responses<T: HttpStatus>() -> BTreeMap<String, RefOr<Response>> {
    model::responses(&ResponseCatalog::of::<T>(), &Refs::components())
        .into_iter()
        .map(|response| (response.status.to_string(), RefOr::T(convert(response))))
        .collect()
}

fn convert(response: model::Response) -> Response {
    let mut builder = ResponseBuilder::new().description(response.description);
    for header in response.headers {
        builder = builder.header(header.name.clone(), self::header(header));
    }
    for content in response.content {
        builder = builder.content(content.media_type.clone(), self::content(content));
    }
    builder.build()
}

fn header(header: Header) -> utoipa::openapi::header::Header {
    let mut built = HeaderBuilder::new()
        .schema(Some(schema(header.schema)))
        .description(Some(header.description))
        .example(Some(header.example))
        .build();
    // utoipa's Header has no `required`; its extensions are written as they are.
    if header.required {
        built.extensions = Some(Extensions::from_iter([("required", true)]));
    }
    built
}

fn content(content: Content) -> utoipa::openapi::content::Content {
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

#[cfg(test)]
mod tests {
    /// utoipa reads back every kind of schema the model writes, unchanged.
    #[test]
    fn schemas_survive_utoipa() {
        for value in crate::integrations::openapi::schema::samples() {
            let back = serde_json::to_value(super::schema(value.clone())).unwrap();
            assert_eq!(back, value);
        }
    }
}
