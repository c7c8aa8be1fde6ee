//! What generated code names: `::http_status::__private::…`. Not a public API; it changes
//! with the derive, which the runtime pins exactly.

pub use crate::describe::{BodyFormat, HeaderDescription, ResponseCatalog, ResponseDescription};
pub use crate::render::{add, add_formatted, empty, fixed, json, text};
pub use crate::HttpStatus;
pub use bytes::Bytes;
pub use core::format_args;
pub use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

/// The status code for a number the derive has checked to be in 100–599; evaluated in a
/// `const` item by generated code, so the fallback arm never runs.
pub const fn status_code(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Body formats under short names, to keep generated code small.
pub const PROBLEM: BodyFormat = BodyFormat::Problem;
/// See [`PROBLEM`].
pub const JSON: BodyFormat = BodyFormat::Json;
/// See [`PROBLEM`].
pub const TEXT: BodyFormat = BodyFormat::Text;

/// Adds the descriptions of a run of variants, encoded by the derive as one string literal
/// (one token for the compiler, however many variants): the documentation is built rarely,
/// the crate is compiled often.
///
/// Each variant is a sequence of fields, each written `<byte length>:<text>`: status, title,
/// source, description, code, problem type (empty for none), format (`p`, `j`, `t`, `e`),
/// has-detail (`1` or `0`), header count, then a name and a value per header. Malformed input
/// (which the derive never writes) ends the decoding; nothing here panics.
pub fn describe(catalog: &mut ResponseCatalog, encoded: &'static str) {
    let mut fields = Fields(encoded);
    while !fields.0.is_empty() {
        match decode_one(&mut fields) {
            Some(description) => catalog.push(description),
            None => return,
        }
    }
}

struct Fields(&'static str);

impl Fields {
    fn next(&mut self) -> Option<&'static str> {
        let (length, rest) = self.0.split_once(':')?;
        let length: usize = length.parse().ok()?;
        let field = rest.get(..length)?;
        self.0 = rest.get(length..)?;
        Some(field)
    }
}

fn decode_one(fields: &mut Fields) -> Option<ResponseDescription> {
    let non_empty = |text: &'static str| (!text.is_empty()).then_some(text);
    let status = status_code(fields.next()?.parse().ok()?);
    let title = fields.next()?;
    let source = fields.next()?;
    let description = fields.next()?;
    let code = non_empty(fields.next()?);
    let problem_type = non_empty(fields.next()?);
    let format = match fields.next()? {
        "p" => BodyFormat::Problem,
        "j" => BodyFormat::Json,
        "t" => BodyFormat::Text,
        _ => BodyFormat::Empty,
    };
    let has_detail = fields.next()? == "1";
    let count: usize = fields.next()?.parse().ok()?;
    let mut headers = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        headers.push(HeaderDescription {
            name: fields.next()?,
            value: fields.next()?,
        });
    }
    Some(ResponseDescription {
        status,
        title,
        source,
        description,
        code,
        problem_type,
        format,
        has_detail,
        headers,
    })
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
