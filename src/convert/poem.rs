//! poem 3 is built on `http` 1, like this crate: a response crosses over part for part.

use poem::{Body, Response, ResponseParts};

/// An `http` 1 response as poem's, extensions (the `ErrorMeta` a `ProblemPoem` looks for) included.
pub(crate) fn response(response: http::Response<bytes::Bytes>) -> Response {
    let (parts, body) = response.into_parts();
    let parts = ResponseParts {
        status: parts.status,
        version: parts.version,
        headers: parts.headers,
        extensions: parts.extensions,
    };
    Response::from_parts(parts, Body::from(body))
}
