//! Rocket 0.5 has its own header types: names and values cross over as text (a value that is
//! not UTF-8 — obs-text, which the derive warns about — cannot be represented and is left out).

use rocket::http::Status;
use rocket::Response;
use std::io::Cursor;

/// An `http` 1 response as rocket's.
pub(crate) fn response<'o>(response: http::Response<bytes::Bytes>) -> Response<'o> {
    let (parts, body) = response.into_parts();
    let mut builder = Response::build();
    builder.status(Status::new(parts.status.as_u16()));
    for (name, value) in &parts.headers {
        if let Ok(value) = value.to_str() {
            builder.raw_header_adjoin(name.as_str().to_owned(), value.to_owned());
        }
    }
    // A response without content (204, 304, `format = "none"`) gets no body at all, so
    // rocket sends no Content-Length either.
    if !body.is_empty() {
        builder.sized_body(body.len(), Cursor::new(body));
    }
    builder.finalize()
}
