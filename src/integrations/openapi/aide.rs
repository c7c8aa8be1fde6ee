//! `aide` feature (aide 0.15, for axum 0.8): derived types implement `aide::OperationOutput`
//! (the [`model`](super::model) in aide's types), so a handler returning
//! `Result<Json<T>, ApiError>` documents every error status. [`Problem`] and [`Violation`]
//! implement `schemars::JsonSchema`: the responses ask aide's generator for them, which
//! makes them components of the document (or inlines them, when aide does not extract
//! schemas); the user adds nothing.

use super::model::{self, Content, Header};
use super::schema::{self, Refs};
use crate::{HttpStatus, Problem, ResponseCatalog, Violation};
use aide::generate::GenContext;
use aide::openapi::{
    Example, Header as AideHeader, HeaderStyle, MediaType, ParameterSchemaOrContent, ReferenceOr,
    Response, SchemaObject,
};
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::Value;
use std::borrow::Cow;

/// Every response of `T`, with its status (`OperationOutput::inferred_responses`).
pub fn responses<T: HttpStatus>(ctx: &mut GenContext) -> Vec<(Option<u16>, Response)> {
    let refs = Refs {
        problem: ctx.schema.subschema_for::<Problem<'static>>().to_value(),
        violation: ctx.schema.subschema_for::<Violation>().to_value(),
    };
    model::responses(&ResponseCatalog::of::<T>(), &refs)
        .into_iter()
        .map(|response| (Some(response.status), convert(response)))
        .collect()
}

/// The response of a type with one status (`OperationOutput::operation_response`); `None` for
/// a type with several, which only `inferred_responses` can describe.
pub fn response<T: HttpStatus>(ctx: &mut GenContext) -> Option<Response> {
    let mut responses = responses::<T>(ctx);
    match responses.len() {
        1 => responses.pop().map(|(_, response)| response),
        _ => None,
    }
}

fn convert(response: model::Response) -> Response {
    Response {
        description: response.description,
        headers: response
            .headers
            .into_iter()
            .map(|h| (h.name.clone(), ReferenceOr::Item(header(h))))
            .collect(),
        content: response
            .content
            .into_iter()
            .map(|c| (c.media_type.clone(), media_type(c)))
            .collect(),
        ..Response::default()
    }
}

fn header(header: Header) -> AideHeader {
    AideHeader {
        description: Some(header.description),
        style: HeaderStyle::Simple,
        required: header.required,
        deprecated: None,
        format: ParameterSchemaOrContent::Schema(schema_object(header.schema)),
        example: Some(header.example),
        examples: Default::default(),
        extensions: Default::default(),
    }
}

fn media_type(content: Content) -> MediaType {
    MediaType {
        schema: Some(schema_object(content.schema)),
        example: content.example,
        examples: content
            .examples
            .into_iter()
            .map(|example| {
                let value = Example {
                    summary: Some(example.summary),
                    value: Some(example.value),
                    ..Example::default()
                };
                (example.name, ReferenceOr::Item(value))
            })
            .collect(),
        ..MediaType::default()
    }
}

fn schema_object(value: Value) -> SchemaObject {
    SchemaObject {
        json_schema: json_schema(value),
        external_docs: None,
        example: None,
    }
}

/// A JSON Schema in schemars' type (ours are all objects, which it takes as they are).
fn json_schema(value: Value) -> schemars::Schema {
    schemars::Schema::try_from(value).unwrap_or_default()
}

/// The RFC 9457 object every problem response references (`allOf`), named `Problem`.
impl JsonSchema for Problem<'_> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed(schema::PROBLEM)
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("http_status::Problem")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> schemars::Schema {
        let violation = generator.subschema_for::<Violation>().to_value();
        json_schema(schema::problem(violation))
    }
}

/// One item of `errors`, named `Violation`.
impl JsonSchema for Violation {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed(schema::VIOLATION)
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("http_status::Violation")
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        json_schema(schema::violation())
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_aide {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::aide::OperationOutput for $($ty)*
        where
            $($predicates)*
        {
            type Inner = Self;

            fn operation_response(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::core::option::Option<$crate::__private::aide::openapi::Response> {
                $crate::__private::aide_response::<Self>(ctx)
            }

            fn inferred_responses(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::std::vec::Vec<(
                ::core::option::Option<u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                $crate::__private::aide_responses::<Self>(ctx)
            }
        }
    };
}
