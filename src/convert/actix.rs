//! actix-web 4 is built on `http` 0.2: status codes, names and values cross over as numbers
//! and bytes (every `http` 1 name and value is valid in `http` 0.2 as well, and back).

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;

/// An `http` 1 status as actix-web's (a 500 for a code `http` 0.2 refuses, which none is).
pub(crate) fn status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// actix-web's status as `http` 1's.
pub(crate) fn status_from(status: StatusCode) -> http::StatusCode {
    http::StatusCode::from_u16(status.as_u16()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// An `http` 1 response as actix-web's, with the [`ErrorMeta`](crate::ErrorMeta) it carries.
pub(crate) fn response(response: http::Response<bytes::Bytes>) -> HttpResponse {
    let (parts, body) = response.into_parts();
    let mut builder = HttpResponse::build(status(parts.status));
    for (name, value) in &parts.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            builder.append_header((name, value));
        }
    }
    // What a `ProblemMiddleware` and any middleware further out read of the response; its
    // presence marks a response built by `to_response` under the middleware.
    let mut extensions = parts.extensions;
    if let Some(meta) = extensions.remove::<crate::ErrorMeta>() {
        builder.extensions_mut().insert(meta);
    }
    builder.body(body)
}

/// actix-web's header fields as an `http` 1 map.
pub(crate) fn headers(headers: &actix_web::http::header::HeaderMap) -> http::HeaderMap {
    let mut converted = http::HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            converted.append(name, value);
        }
    }
    converted
}
