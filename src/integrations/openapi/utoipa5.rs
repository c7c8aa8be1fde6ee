//! `utoipa5` feature (utoipa 5): the same as `utoipa6` for utoipa 5's types. Derived types
//! implement `utoipa::IntoResponses`; [`Problem`] and [`Violation`] implement `ToSchema`.
//!
//! utoipa 5's `Header` has only a schema and a description: the response's header objects are
//! written whole through its extensions (under `headers`, which then is the response's
//! `headers` member), so that `required` and `example` reach the document.

use super::model::{self, Header};
use super::schema::Refs;
use crate::{HttpStatus, ResponseCatalog};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use utoipa5::openapi::extensions::Extensions;
use utoipa5::openapi::response::{Response, ResponseBuilder};
use utoipa5::openapi::RefOr;

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

super::utoipa_shared::shared!(utoipa5);

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
