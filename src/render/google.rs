//! The `google.rpc` error details of one response, and `format = "google"`: Google's JSON
//! error (AIP-193), for HTTP clients of an API that also speaks gRPC or sits behind a
//! gRPC-JSON transcoder:
//! `{"error":{"code":404,"message":…,"status":"NOT_FOUND","details":[…]}}`, `code` being the
//! HTTP status, `status` the gRPC code's name, and `details` the `google.rpc` messages in their
//! JSON form.
//!
//! [`Details`] is the one account of what the details say, built from a [`Problem`] here (the
//! JSON format) and from a built response by the `tonic` integration (the same messages as
//! protobuf): `ErrorInfo` (the code as reason, the domain, the members and the interpolated
//! fields as metadata), `RetryInfo` (a delay-seconds `Retry-After`), `BadRequest` (the
//! `errors` list), `Help` (the `type` URI when it is not `about:blank`) and `RequestInfo` (the
//! request id a layer gave the response), each at most once.

use crate::problem::{Problem, ABOUT_BLANK};
use crate::violation::{Location, Violation};
use crate::HttpStatus;
use serde_json::Value;

const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
const BAD_REQUEST: &str = "type.googleapis.com/google.rpc.BadRequest";
const HELP: &str = "type.googleapis.com/google.rpc.Help";
const REQUEST_INFO: &str = "type.googleapis.com/google.rpc.RequestInfo";

/// What Google's JSON error needs besides the parts a custom format sees; the renderer fills
/// it for `format = "google"` only (a custom format's `Problem` never carries it).
pub(crate) struct Extras {
    /// `ErrorInfo.domain`: the `domain` option, else the package name.
    domain: &'static str,
    /// `grpc = "…"`, if written.
    grpc: Option<&'static str>,
    /// The fields interpolated into the variant's templates (none for a hidden 5xx).
    fields: Vec<(&'static str, String)>,
    /// A delay-seconds `Retry-After`.
    retry_after: Option<u64>,
}

impl Extras {
    pub(crate) fn of<T: HttpStatus + ?Sized>(value: &T, grpc: Option<&'static str>) -> Self {
        Extras {
            domain: value.__http_status_domain(),
            grpc,
            fields: fields_of(value),
            retry_after: retry_after(&value.headers()),
        }
    }
}

/// The fields `value` interpolates, formatted (a `Display` that fails leaves its field out).
pub(crate) fn fields_of<T: HttpStatus + ?Sized>(value: &T) -> Vec<(&'static str, String)> {
    let mut fields = Vec::new();
    value.__http_status_fields(&mut |name, shown| {
        let mut text = String::new();
        if core::fmt::write(&mut text, format_args!("{shown}")).is_ok() {
            fields.push((name, text));
        }
    });
    fields
}

/// The seconds of a `Retry-After` that is a delay (RFC 9110 §10.2.3); an HTTP-date gives none.
pub(crate) fn retry_after(headers: &http::HeaderMap) -> Option<u64> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

/// The details of one error, each message at most once.
#[derive(Debug, Default)]
pub(crate) struct Details {
    /// `ErrorInfo.reason`: the code.
    pub(crate) reason: Option<String>,
    pub(crate) domain: String,
    /// `ErrorInfo.metadata`: the members (strings as they are, other values as compact JSON),
    /// then the interpolated fields that no member has named already.
    pub(crate) metadata: Vec<(String, String)>,
    /// `RetryInfo.retry_delay`, in seconds.
    pub(crate) retry_after: Option<u64>,
    /// `BadRequest.field_violations`.
    pub(crate) violations: Vec<FieldViolation>,
    /// `Help.links`: (description, url).
    pub(crate) help: Option<(String, String)>,
    /// `RequestInfo.request_id`.
    pub(crate) request_id: Option<String>,
}

/// One `BadRequest.FieldViolation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldViolation {
    pub(crate) field: String,
    pub(crate) description: String,
    /// The violation's code, if it has one.
    pub(crate) reason: Option<String>,
}

impl FieldViolation {
    /// A violation as gRPC names its place: a pointer as a dotted path (`/items/0/name` →
    /// `items[0].name`); a query or path parameter, and a header, by its name (in gRPC both are
    /// fields of the request message or its metadata, named as the HTTP request names them).
    pub(crate) fn of(violation: &Violation) -> Self {
        let field = match violation.location() {
            Location::Pointer(pointer) => field_path(pointer),
            Location::Parameter(name) | Location::Header(name) => name.to_owned(),
        };
        FieldViolation {
            field,
            description: violation.detail().to_owned(),
            reason: violation.code().map(str::to_owned),
        }
    }
}

impl Details {
    /// Whether there is an `ErrorInfo` to send: a code, or metadata.
    pub(crate) fn has_error_info(&self) -> bool {
        self.reason.is_some() || !self.metadata.is_empty()
    }

    /// Adds a member: a string as it is, any other value as compact JSON.
    pub(crate) fn member(&mut self, name: &str, value: &Value) {
        if self.metadata.iter().any(|(n, _)| n == name) {
            return;
        }
        let text = match value {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        self.metadata.push((name.to_owned(), text));
    }

    /// Adds the interpolated fields that no member has named.
    pub(crate) fn fields(&mut self, fields: Vec<(&'static str, String)>) {
        for (name, text) in fields {
            if !self.metadata.iter().any(|(n, _)| n == name) {
                self.metadata.push((name.to_owned(), text));
            }
        }
    }

    /// `Help`, when the problem type is not `about:blank`.
    pub(crate) fn help(&mut self, title: &str, type_uri: &str) {
        if type_uri != ABOUT_BLANK && !type_uri.is_empty() {
            self.help = Some((title.to_owned(), type_uri.to_owned()));
        }
    }

    /// The details of `problem` (filtered by the 5xx rule already) with what `extras` adds.
    fn of_problem(problem: &Problem<'_>, extras: Option<&Extras>) -> Self {
        let mut details = Details {
            reason: problem.code().map(str::to_owned),
            domain: extras.map_or("", |e| e.domain).to_owned(),
            retry_after: extras.and_then(|e| e.retry_after),
            request_id: problem.request_id().map(str::to_owned),
            violations: problem
                .violations()
                .iter()
                .map(FieldViolation::of)
                .collect(),
            ..Details::default()
        };
        for (name, value) in problem.extensions().iter() {
            if let Ok(value) = serde_json::to_value(&value) {
                details.member(&name, &value);
            }
        }
        if let Some(extras) = extras {
            details.fields(extras.fields.clone());
        }
        details.help(problem.title(), problem.type_uri());
        details
    }
}

/// Writes the body of `problem`; a hidden detail is already `None` there, and a hidden 5xx
/// interpolates no field. Every part is owned text before writing starts, so the body is whole
/// JSON for any input.
pub(crate) fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
    let extras = problem.google;
    let details = Details::of_problem(problem, extras);
    let status = problem.status().as_u16();
    let grpc = extras
        .and_then(|e| e.grpc)
        .unwrap_or_else(|| http_status_core::grpc::code_for_status(status).name);
    let mut out = Json(body);
    out.raw("{\"error\":{\"code\":");
    out.raw(&status.to_string());
    out.key("message");
    out.str(problem.detail().unwrap_or(problem.title()));
    out.key("status");
    out.str(grpc);
    if !details.is_empty() {
        out.key("details");
        out.raw("[");
        details.write(&mut out);
        out.raw("]");
    }
    out.raw("}}");
}

/// A JSON writer for owned text: nothing it writes can fail.
struct Json<'b>(&'b mut Vec<u8>);

impl Json<'_> {
    fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    fn str(&mut self, text: &str) {
        let _ = serde_json::to_writer(&mut *self.0, text);
    }

    /// `,"key":`.
    fn key(&mut self, key: &str) {
        self.raw(",");
        self.str(key);
        self.raw(":");
    }

    /// `{"@type":"…"` of a message, its other members to follow.
    fn message(&mut self, first: &mut bool, type_url: &str) {
        if !*first {
            self.raw(",");
        }
        *first = false;
        self.raw("{\"@type\":");
        self.str(type_url);
    }
}

impl Details {
    fn is_empty(&self) -> bool {
        !self.has_error_info()
            && self.retry_after.is_none()
            && self.violations.is_empty()
            && self.help.is_none()
            && self.request_id.is_none()
    }

    /// The messages in proto3's JSON mapping (lowerCamelCase names, empty fields left out).
    fn write(&self, out: &mut Json<'_>) {
        let mut first = true;
        if self.has_error_info() {
            out.message(&mut first, ERROR_INFO);
            if let Some(reason) = &self.reason {
                out.key("reason");
                out.str(reason);
            }
            if !self.domain.is_empty() {
                out.key("domain");
                out.str(&self.domain);
            }
            if !self.metadata.is_empty() {
                out.key("metadata");
                out.raw("{");
                for (i, (name, value)) in self.metadata.iter().enumerate() {
                    if i > 0 {
                        out.raw(",");
                    }
                    out.str(name);
                    out.raw(":");
                    out.str(value);
                }
                out.raw("}");
            }
            out.raw("}");
        }
        if let Some(seconds) = self.retry_after {
            out.message(&mut first, RETRY_INFO);
            out.key("retryDelay");
            out.str(&format!("{seconds}s"));
            out.raw("}");
        }
        if !self.violations.is_empty() {
            out.message(&mut first, BAD_REQUEST);
            out.key("fieldViolations");
            out.raw("[");
            for (i, violation) in self.violations.iter().enumerate() {
                out.raw(if i > 0 { ",{\"field\":" } else { "{\"field\":" });
                out.str(&violation.field);
                out.key("description");
                out.str(&violation.description);
                if let Some(reason) = &violation.reason {
                    out.key("reason");
                    out.str(reason);
                }
                out.raw("}");
            }
            out.raw("]}");
        }
        if let Some((description, url)) = &self.help {
            out.message(&mut first, HELP);
            out.key("links");
            out.raw("[{\"description\":");
            out.str(description);
            out.key("url");
            out.str(url);
            out.raw("}]}");
        }
        if let Some(id) = &self.request_id {
            out.message(&mut first, REQUEST_INFO);
            out.key("requestId");
            out.str(id);
            out.raw("}");
        }
    }
}

/// A JSON Pointer as the dotted path `google.rpc.BadRequest` names a field by:
/// `/items/0/name` → `items[0].name`. A segment that is an identifier follows a dot (none
/// before the first), one of digits is an index in brackets, any other (empty, with spaces,
/// dots or quotes) is a quoted key in brackets: `/a b/c` → `["a b"].c`. [`pointer_of`] reads it
/// back. The whole document (`""`) is `""`.
pub(crate) fn field_path(pointer: &str) -> String {
    let mut path = String::with_capacity(pointer.len() + 4);
    let segments = pointer.strip_prefix('/').unwrap_or(pointer);
    if pointer.is_empty() {
        return path;
    }
    for segment in segments.split('/') {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            path.push('[');
            path.push_str(&segment);
            path.push(']');
        } else if is_identifier(&segment) {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&segment);
        } else {
            path.push_str("[\"");
            for c in segment.chars() {
                if matches!(c, '"' | '\\') {
                    path.push('\\');
                }
                path.push(c);
            }
            path.push_str("\"]");
        }
    }
    path
}

fn is_identifier(segment: &str) -> bool {
    let mut bytes = segment.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The JSON Pointer a dotted field path names (the inverse of [`field_path`]); a path that is
/// not one (another server's free text) is one segment.
pub(crate) fn pointer_of(field: &str) -> String {
    parse_path(field).map_or_else(|| crate::json_pointer([field]), crate::json_pointer)
}

fn parse_path(field: &str) -> Option<Vec<String>> {
    let mut segments = Vec::new();
    let mut rest = field;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[\"") {
            let mut segment = String::new();
            let mut chars = after.char_indices();
            let end = loop {
                match chars.next()? {
                    (_, '\\') => segment.push(chars.next()?.1),
                    (at, '"') => break at,
                    (_, c) => segment.push(c),
                }
            };
            rest = after[end + 1..].strip_prefix(']')?;
            segments.push(segment);
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            let index = &after[..end];
            if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            segments.push(index.to_owned());
            rest = &after[end + 1..];
        } else {
            let after = if first { rest } else { rest.strip_prefix('.')? };
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let name = &after[..end];
            if !is_identifier(name) {
                return None;
            }
            segments.push(name.to_owned());
            rest = &after[end..];
        }
        first = false;
    }
    Some(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_become_dotted_paths_and_back() {
        for (pointer, path) in [
            ("/items/0/name", "items[0].name"),
            ("/name", "name"),
            ("", ""),
            ("/0", "[0]"),
            ("/a b/c", "[\"a b\"].c"),
            ("/a~1b/x.y", "[\"a/b\"][\"x.y\"]"),
            ("/", "[\"\"]"),
            ("/q\"uo\\te", "[\"q\\\"uo\\\\te\"]"),
            ("/m~0n/007/_x1", "[\"m~n\"][007]._x1"),
        ] {
            assert_eq!(field_path(pointer), path, "{pointer}");
            assert_eq!(pointer_of(path), pointer, "{path}");
        }
        // Another server's free text is one segment.
        assert_eq!(pointer_of("not a path"), "/not a path");
        assert_eq!(pointer_of("a..b"), "/a..b");
    }
}
