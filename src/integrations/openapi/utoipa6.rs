//! `utoipa` feature (utoipa 6): derived types implement `utoipa::IntoResponses` (the
//! [`model`](super::model) in utoipa 6's types), and [`Problem`] and [`Violation`] implement
//! `utoipa::ToSchema`, so that `components(schemas(http_status::Problem))` registers the
//! `Problem` and `Violation` components every problem response references.

use super::model::{self, Header};
use super::schema::Refs;
use crate::{HttpStatus, ResponseCatalog};
use std::collections::BTreeMap;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::RefOr;

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

super::utoipa_shared::shared!(utoipa);

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
