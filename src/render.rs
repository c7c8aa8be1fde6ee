//! Assembles responses for generated code. Everything that can be known at compile time
//! arrives here pre-rendered as `&'static` data; what is left is formatting the interpolated
//! values (escaped into JSON as they are written) and putting the parts together.
//!
//! Nothing here panics: a `Display` implementation that fails drops its text, a header value
//! that is not a valid field value is left out, and header insertion uses the fallible
//! `try_*` methods.

use crate::describe::BodyFormat;
use bytes::Bytes;
use core::cell::Cell;
use core::fmt;
use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

const PROBLEM: HeaderValue = HeaderValue::from_static("application/problem+json");
const JSON: HeaderValue = HeaderValue::from_static("application/json");
const TEXT: HeaderValue = HeaderValue::from_static("text/plain; charset=utf-8");

fn content_type(format: BodyFormat) -> Option<HeaderValue> {
    match format {
        BodyFormat::Problem => Some(PROBLEM),
        BodyFormat::Json => Some(JSON),
        BodyFormat::Text => Some(TEXT),
        BodyFormat::Empty => None,
    }
}

fn respond(
    status: StatusCode,
    mut headers: HeaderMap,
    format: BodyFormat,
    body: Bytes,
) -> Response<Bytes> {
    if let Some(value) = content_type(format) {
        // Fails only past 32,768 fields, which a derived type cannot reach.
        let _ = headers.try_insert(CONTENT_TYPE, value);
    }
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// A response with no body and no `Content-Type` (204, 205, 304).
pub fn empty(status: StatusCode, headers: HeaderMap) -> Response<Bytes> {
    respond(status, headers, BodyFormat::Empty, Bytes::new())
}

/// A response whose body was rendered at compile time.
pub fn fixed(
    status: StatusCode,
    headers: HeaderMap,
    format: BodyFormat,
    body: &'static str,
) -> Response<Bytes> {
    respond(status, headers, format, Bytes::from_static(body.as_bytes()))
}

/// The parts of a JSON body around its one interpolated string member, pre-rendered at
/// compile time: `{head}{key}"<detail>"{tail}`, e.g. head
/// `{"type":"about:blank","title":"Not Found","status":404`, key `,"detail":`, tail `}`.
#[derive(Clone, Copy)]
pub struct JsonParts {
    /// Everything before the interpolated member.
    pub head: &'static str,
    /// `,"detail":` or `,"message":`.
    pub key: &'static str,
    /// Everything after it, closing brace included.
    pub tail: &'static str,
    /// Bytes the interpolated text is expected to take, to size the buffer once.
    pub hint: usize,
}

/// A JSON body whose detail is formatted now and escaped (by `serde_json`) as it is written,
/// with no intermediate `String`. If the detail's `Display` fails, the member is left out.
pub fn json(
    status: StatusCode,
    headers: HeaderMap,
    format: BodyFormat,
    parts: JsonParts,
    detail: fmt::Arguments<'_>,
) -> Response<Bytes> {
    let mut buf =
        Vec::with_capacity(parts.head.len() + parts.key.len() + parts.tail.len() + 2 + parts.hint);
    buf.extend_from_slice(parts.head.as_bytes());
    let without_member = buf.len();
    buf.extend_from_slice(parts.key.as_bytes());
    let failed = Cell::new(false);
    let guarded = Guard {
        inner: detail,
        failed: &failed,
    };
    let written =
        serde::Serializer::collect_str(&mut serde_json::Serializer::new(&mut buf), &guarded);
    if written.is_err() || failed.get() {
        buf.truncate(without_member);
    }
    buf.extend_from_slice(parts.tail.as_bytes());
    respond(status, headers, format, Bytes::from(buf))
}

/// Formats `inner`, but reports a failure through `failed` instead of as an error.
///
/// serde_json's `collect_str` assumes that a formatting error comes from its writer and
/// panics (`expect("there should be an error")`) when a `Display` implementation fails by
/// itself. Writing into a `Vec` never fails, so every error is the value's own; the guard
/// keeps it from reaching serde_json, and `json` drops the member.
struct Guard<'a, 'b> {
    inner: fmt::Arguments<'a>,
    failed: &'b Cell<bool>,
}

impl fmt::Display for Guard<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if fmt::Display::fmt(&self.inner, f).is_err() {
            self.failed.set(true);
        }
        Ok(())
    }
}

/// A `text/plain` body formatted now; `fallback` (the reason phrase) if `Display` fails.
pub fn text(
    status: StatusCode,
    headers: HeaderMap,
    hint: usize,
    detail: fmt::Arguments<'_>,
    fallback: &'static str,
) -> Response<Bytes> {
    let mut text = String::with_capacity(hint);
    let body = match fmt::write(&mut text, detail) {
        Ok(()) => Bytes::from(text),
        Err(fmt::Error) => Bytes::from_static(fallback.as_bytes()),
    };
    respond(status, headers, BodyFormat::Text, body)
}

/// Formats an interpolated header value; `None` (the field is left out) if formatting fails
/// or the text is not a valid field value (CR, LF, NUL or another control character).
pub fn header_value(value: fmt::Arguments<'_>) -> Option<HeaderValue> {
    let mut text = String::new();
    fmt::write(&mut text, value).ok()?;
    HeaderValue::from_maybe_shared(Bytes::from(text)).ok()
}

/// Adds a field to a map being built by generated code.
pub fn add(headers: &mut HeaderMap, name: HeaderName, value: HeaderValue) {
    // `append`, so that a field written twice (two challenges) is sent twice. Fails only past
    // 32,768 fields.
    let _ = headers.try_append(name, value);
}

/// Adds a formatted field, or nothing if `header_value` rejects it.
pub fn add_formatted(headers: &mut HeaderMap, name: HeaderName, value: fmt::Arguments<'_>) {
    if let Some(value) = header_value(value) {
        add(headers, name, value);
    }
}
