//! Assembles responses for generated code. Everything that can be known at compile time
//! arrives here pre-rendered as `&'static` data; what is left is formatting the interpolated
//! values (escaped into JSON as they are written) and putting the parts together.
//!
//! Nothing here panics: a `Display` implementation that fails drops its text, a header value
//! that is not a valid field value is left out, and header insertion uses the fallible
//! `try_*` methods.

use crate::describe::BodyFormat;
use crate::HttpStatus;
use bytes::Bytes;
use core::cell::Cell;
use core::fmt;
use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderName, HeaderValue, Response};

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

/// Assembles the response of `value`: its status and headers, the Content-Type of `format`,
/// and `body`. A 5xx is reported first (the `tracing` feature logs the error).
fn respond<T: HttpStatus + ?Sized>(value: &T, format: BodyFormat, body: Bytes) -> Response<Bytes> {
    let status = value.status();
    if status.is_server_error() {
        value.__http_status_report();
    }
    let mut headers = value.headers();
    if let Some(content_type) = content_type(format) {
        // Fails only past 32,768 fields, which a derived type cannot reach.
        let _ = headers.try_insert(CONTENT_TYPE, content_type);
    }
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// Room reserved for a formatted detail (quotes and escapes included): most messages fit, so
/// the buffer is allocated once; a longer one grows it.
const DETAIL_CAPACITY: usize = 64;

/// A response with no body and no `Content-Type` (204, 205, 304).
pub fn empty<T: HttpStatus + ?Sized>(value: &T) -> Response<Bytes> {
    respond(value, BodyFormat::Empty, Bytes::new())
}

/// A response whose body was rendered at compile time.
pub fn fixed<T: HttpStatus + ?Sized>(
    value: &T,
    format: BodyFormat,
    body: &'static str,
) -> Response<Bytes> {
    respond(value, format, Bytes::from_static(body.as_bytes()))
}

/// A JSON body with one string member formatted now: `{head},"detail":"<detail>"{tail}` (the
/// key is `message` in the json format), e.g. head
/// `{"type":"about:blank","title":"Not Found","status":404` and tail `}`, both rendered at
/// compile time. The buffer is sized once, for the static parts and a typical detail.
///
/// The detail is escaped by `serde_json` while it is formatted, with no intermediate `String`.
/// If its `Display` fails, the member is left out.
pub fn json<T: HttpStatus + ?Sized>(
    value: &T,
    format: BodyFormat,
    head: &'static str,
    tail: &'static str,
    detail: fmt::Arguments<'_>,
) -> Response<Bytes> {
    let key: &[u8] = match format {
        BodyFormat::Json => b",\"message\":",
        _ => b",\"detail\":",
    };
    let mut buf = Vec::with_capacity(head.len() + key.len() + tail.len() + DETAIL_CAPACITY);
    buf.extend_from_slice(head.as_bytes());
    let without_member = buf.len();
    buf.extend_from_slice(key);
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
    buf.extend_from_slice(tail.as_bytes());
    respond(value, format, Bytes::from(buf))
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

/// A `text/plain` body formatted now; the reason phrase (`fallback`) if `Display` fails.
pub fn text<T: HttpStatus + ?Sized>(
    value: &T,
    fallback: &'static str,
    detail: fmt::Arguments<'_>,
) -> Response<Bytes> {
    let mut text = String::with_capacity(DETAIL_CAPACITY);
    let body = match fmt::write(&mut text, detail) {
        Ok(()) => Bytes::from(text),
        Err(fmt::Error) => Bytes::from_static(fallback.as_bytes()),
    };
    respond(value, BodyFormat::Text, body)
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
