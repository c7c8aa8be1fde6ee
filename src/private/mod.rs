//! What generated code names: `::http_status::__private::…`. Not a public API; it changes
//! with the derive, which the runtime pins exactly.

mod specialize;

pub use crate::catalog::{
    describe, describe_encoded, header as header_description, member as member_description,
    Described, HeaderDescription, MemberDescription, MemberSchema, ResponseCatalog, ValueKind,
};
pub use crate::decode::{
    decode_with, delegated, By, Decode, DecodeDefault, DecodeHeader, DecodeMember, Expect, Miss,
    Received, Select,
};
pub use crate::format::{valid_content_type, BodyFormat, Format};
pub use crate::problem::Member;
pub use crate::render::headers::{add, add_checked, add_obs_text, add_required, InvalidRequired};
pub use crate::render::writer::Writer;
pub use crate::render::{
    built, coded_detailed, coded_fixed, custom, delegate, detailed, empty, fixed, named_detailed,
    named_fixed, serde, text, Kind, Parts, Text, EMPTY, GOOGLE, JSON, MEMBERS, PROBLEM, ROOM,
    SERDE, TEXT,
};
pub use crate::violation::wire::write_errors;
pub use crate::{HttpStatus, Violation, Violations};
pub use bytes::Bytes;
pub use core::format_args;
pub use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};
pub use serde::Serialize;
pub use specialize::*;

pub use http_status_core::header::{Grammar, QuotedPairs};
pub use http_status_core::LogLevel;

/// The status code for a number the derive has checked to be in 100–599; evaluated in a
/// `const` item by generated code, so the fallback arm never runs.
pub const fn status_code(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

#[cfg(feature = "axum")]
pub use crate::integrations::axum::response as axum_response;
#[cfg(feature = "poem")]
pub use crate::integrations::poem::{response as poem_response, status as poem_status};
#[cfg(feature = "rocket")]
pub use crate::integrations::rocket::response as rocket_response;
#[cfg(feature = "tonic")]
pub use crate::integrations::tonic::status as tonic_status;
#[cfg(feature = "axum")]
pub use axum_core;
#[cfg(feature = "poem")]
pub use poem;
#[cfg(feature = "rocket")]
pub use rocket;
#[cfg(feature = "tonic")]
pub use tonic;

#[cfg(feature = "actix-web")]
pub use crate::integrations::actix::{
    response as actix_response, status_code as actix_status_code,
};
#[cfg(feature = "actix-web")]
pub use actix_web;

#[cfg(any(feature = "utoipa", feature = "utoipa5", feature = "aide"))]
pub use crate::integrations::openapi::member::{schema_of, SchemaOf};
/// The specialisation traits of `__http_status_schema!`.
#[cfg(any(feature = "utoipa", feature = "utoipa5", feature = "aide"))]
pub mod openapi_schema {
    pub use crate::integrations::openapi::member::{NoSchema, ViaSchemars, ViaUtoipa, ViaUtoipa5};
}
#[cfg(feature = "aide")]
pub use crate::integrations::openapi::aide::{
    response as aide_response, responses as aide_responses,
};
#[cfg(feature = "utoipa5")]
pub use crate::integrations::openapi::utoipa5::responses as utoipa5_responses;
#[cfg(feature = "utoipa")]
pub use crate::integrations::openapi::utoipa6::responses as utoipa_responses;
#[cfg(feature = "aide")]
pub use aide;
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
pub use std::collections::BTreeMap;
#[cfg(feature = "utoipa")]
pub use utoipa;
#[cfg(feature = "utoipa5")]
pub use utoipa5;

pub use crate::observe::explain::{
    ExplainDebug, ExplainDisplay, ExplainError, ExplainOpaque, Explainer,
};
pub use crate::observe::{Explanation, Meta};

/// The framework impls for a derived type: one per enabled feature. Generated code calls
/// this because the derive cannot see which features of this crate are on.
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_integrations {
    ($($input:tt)*) => {
        $crate::__http_status_axum! { $($input)* }
        $crate::__http_status_actix! { $($input)* }
        $crate::__http_status_poem! { $($input)* }
        $crate::__http_status_rocket! { $($input)* }
        $crate::__http_status_tonic! { $($input)* }
        $crate::__http_status_utoipa! { $($input)* }
        $crate::__http_status_utoipa5! { $($input)* }
        $crate::__http_status_aide! { $($input)* }
    };
}

/// The framework integrations the derive generates, for a type whose [`HttpStatus`]
/// implementation is written by hand: `IntoResponse` (feature `axum`), `ResponseError` and
/// `Responder` (`actix-web`; `ResponseError` when the type is `Debug + Display`),
/// `IntoResponse` and `ResponseError` (`poem`), `Responder` (`rocket`), `From` for `tonic::Status` (`tonic`),
/// `IntoResponses` (`utoipa`, `utoipa5`) and `OperationOutput` (`aide`), the last three from
/// `describe_responses`, each behind its feature as for a derived type. One line after the impl:
///
/// ```
/// use http_status::http::{HeaderMap, Response, StatusCode};
/// use http_status::{bytes::Bytes, HttpStatus};
///
/// struct Teapot;
///
/// impl HttpStatus for Teapot {
///     fn status(&self) -> StatusCode {
///         StatusCode::IM_A_TEAPOT
///     }
///     fn headers(&self) -> HeaderMap {
///         HeaderMap::new()
///     }
///     fn to_response(&self) -> Response<Bytes> {
///         let mut response = Response::new(Bytes::from_static(b"short and stout"));
///         *response.status_mut() = self.status();
///         response
///     }
/// }
///
/// http_status::integrate!(Teapot);
/// ```
///
/// A generic type names its parameters and their bounds:
/// `http_status::integrate!(impl<T: Display> for Wrapper<T>);`.
///
/// [`HttpStatus`]: crate::HttpStatus
#[macro_export]
macro_rules! integrate {
    (impl<$($param:ident $(: $bound:path)?),* $(,)?> for $ty:ty) => {
        $crate::__http_status_integrations! {
            impl [<$($param $(: $bound)?),*>] for [$ty]
            where [$ty: $crate::HttpStatus,]
            display [for<'__http_status> $ty: ::core::fmt::Debug + ::core::fmt::Display,]
        }
    };
    ($ty:ty) => {
        $crate::__http_status_integrations! {
            impl [] for [$ty]
            where []
            display [for<'__http_status> $ty: ::core::fmt::Debug + ::core::fmt::Display,]
        }
    };
}
