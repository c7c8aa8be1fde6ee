//! What generated code names: `::http_status::__private::…`. Not a public API; it changes
//! with the derive, which the runtime pins exactly.

pub use crate::describe::{BodyFormat, HeaderDescription, ResponseCatalog, ResponseDescription};
pub use crate::render::{add, add_formatted, empty, fixed, json, text, JsonParts};
pub use bytes::Bytes;
pub use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

/// The status code for a number the derive has checked to be in 100–599; evaluated in a
/// `const` item by generated code, so the fallback arm never runs.
pub const fn status_code(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Builds a [`ResponseDescription`] (whose fields are public but which generated code should
/// not build field by field, so that fields can be added).
#[allow(clippy::too_many_arguments)]
pub const fn describe(
    status: StatusCode,
    title: &'static str,
    source: &'static str,
    description: &'static str,
    code: Option<&'static str>,
    problem_type: Option<&'static str>,
    format: BodyFormat,
    has_detail: bool,
    headers: &'static [HeaderDescription],
) -> ResponseDescription {
    ResponseDescription {
        status,
        title,
        source,
        description,
        code,
        problem_type,
        format,
        has_detail,
        headers,
    }
}

#[cfg(feature = "axum")]
pub use crate::integrations::axum::response as axum_response;
#[cfg(feature = "axum")]
pub use axum_core;

#[cfg(feature = "actix-web")]
pub use crate::integrations::actix::{
    response as actix_response, status_code as actix_status_code,
};
#[cfg(feature = "actix-web")]
pub use actix_web;

#[cfg(feature = "utoipa")]
pub use crate::integrations::utoipa::responses as utoipa_responses;
#[cfg(feature = "utoipa")]
pub use std::collections::BTreeMap;
#[cfg(feature = "utoipa")]
pub use utoipa;

#[cfg(feature = "tracing")]
pub use crate::integrations::tracing::{ReportDisplay, ReportError, ReportOpaque, Reporter};

/// The framework impls for a derived type: one per enabled feature. Generated code calls
/// this because the derive cannot see which features of this crate are on.
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_integrations {
    ($($input:tt)*) => {
        $crate::__http_status_axum! { $($input)* }
        $crate::__http_status_actix! { $($input)* }
        $crate::__http_status_utoipa! { $($input)* }
    };
}
