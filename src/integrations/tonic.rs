//! `tonic` feature: `From<E>` and `From<&E>` for `tonic::Status`, so one error type serves a
//! REST and a gRPC API. The gRPC code is the variant's `grpc = "…"`, else google.rpc.Code's
//! application mapping of its HTTP status (`http_status_core::grpc::code_for_status`: 404
//! NOT_FOUND, 422 INVALID_ARGUMENT, 429 RESOURCE_EXHAUSTED, never the transport table). The
//! message is the text HTTP clients get (the detail, else the title), so a hidden 5xx text
//! stays hidden on gRPC too. The `google.rpc` details (tonic-types) say the rest, each at most
//! once: `ErrorInfo` (the code as reason, the domain, the members and interpolated fields as
//! metadata), `RetryInfo`, `BadRequest`, `Help` and `RequestInfo` (see `render::google`).
//!
//! The response is built once, as for an HTTP client (and logged as such), and its parts read
//! back from the body it sends, by its format: the members of a problem, json or members body,
//! Google's details as they are, a text body as the message; a custom format's body is its
//! own, so its status carries the title, the code and the fields. The `code` also travels as
//! `error-code` metadata, for clients that read no details; a code that is not visible ASCII
//! (interpolated at run time) is left out of metadata and kept in `ErrorInfo.reason`.

use crate::context::{self, Prefer};
use crate::format::BodyFormat;
use crate::observe::{capture, ErrorMeta};
use crate::render::google::{self, Details, FieldViolation};
use crate::violation::Violation;
use crate::HttpStatus;
use bytes::Bytes;
use http::Response;
use serde_json::{Map, Value};
use tonic::metadata::{MetadataMap, MetadataValue};
use tonic::{Code, Status};
use tonic_types::{ErrorDetail, StatusExt as _};

/// The metadata key that carries the body's `code` member.
pub const CODE_KEY: &str = "error-code";

/// The `Status` of a value.
pub fn status<T: HttpStatus + ?Sized>(value: &T) -> Status {
    let (response, member) = build(value);
    let meta = response.extensions().get::<ErrorMeta>();
    let http_status = response.status();
    // The IANA phrase a problem's title has ("Content Too Large"), except for a code the
    // registry only reserves ("(Unused)"), which a hand-written impl may still send.
    let title = http_status_core::lookup(http_status.as_u16())
        .map(|info| info.reason)
        .filter(|reason| !reason.starts_with('('))
        .or(http_status.canonical_reason())
        .unwrap_or("Error");
    let format = meta.map_or_else(|| guess_format(&response), ErrorMeta::format);
    let read = Read::of(&response, format, member.as_deref(), title);
    let mut details = read.details;
    if format != BodyFormat::Google {
        // A hand-written impl's response has no `ErrorMeta`: its body's code, if any.
        details.reason = match meta {
            Some(meta) => meta.code().map(str::to_owned),
            None => read.code,
        };
        details.domain = value.__http_status_domain().to_owned();
        details.fields(google::fields_of(value));
        details.retry_after = google::retry_after(response.headers());
        details.request_id = meta.and_then(ErrorMeta::request_id).map(str::to_owned);
    }
    let grpc = meta.map_or_else(
        || http_status_core::grpc::code_for_status(http_status.as_u16()).name,
        ErrorMeta::grpc_code,
    );
    let code =
        http_status_core::grpc::code_named(grpc).map_or(Code::Unknown, |c| Code::from(c.number));
    let mut metadata = MetadataMap::new();
    if let Some(reason) = details.reason.as_deref().filter(|r| visible_ascii(r)) {
        if let Ok(value) = MetadataValue::try_from(reason) {
            metadata.insert(CODE_KEY, value);
        }
    }
    Status::with_error_details_vec_and_metadata(code, read.message, messages(details), metadata)
}

/// The response as an HTTP client that accepts problem details gets it (under a layer, with
/// the request id and instance, whatever the request's `Accept`), with its `ErrorMeta`; and the
/// name of the request id member, to leave out of the members.
fn build<T: HttpStatus + ?Sized>(value: &T) -> (Response<Bytes>, Option<Box<str>>) {
    let describe = || capture::meta_of(|| value.to_response());
    let Some(cx) = context::current() else {
        return (describe(), None);
    };
    let member = Some(Box::from(cx.member()));
    if cx.prefer() == Prefer::AsIs {
        return (describe(), member);
    }
    (context::within(&cx.as_is(), describe), member)
}

/// The format of a response no derived variant built (a hand-written impl's), by its
/// Content-Type.
fn guess_format(response: &Response<Bytes>) -> BodyFormat {
    let content_type = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("application/problem+json") {
        BodyFormat::Problem
    } else if content_type.starts_with("application/json") {
        BodyFormat::Json
    } else if content_type.starts_with("text/plain") {
        BodyFormat::Text
    } else {
        BodyFormat::Empty
    }
}

/// What the body says: the message, the code, and the details it carries (members,
/// `errors`, `type`).
struct Read {
    message: String,
    code: Option<String>,
    details: Details,
}

impl Read {
    fn of(
        response: &Response<Bytes>,
        format: BodyFormat,
        member: Option<&str>,
        title: &str,
    ) -> Self {
        let body = response.body();
        let mut details = Details::default();
        let standard: &[&str] = match format {
            BodyFormat::Problem => crate::problem::PROBLEM_MEMBERS,
            BodyFormat::Json => &["error", "message", "code"],
            BodyFormat::Members => &[],
            BodyFormat::Google => return Read::google(body, title),
            BodyFormat::Text if !body.is_empty() => {
                return Read {
                    message: String::from_utf8_lossy(body).into_owned(),
                    code: None,
                    details,
                }
            }
            _ => {
                return Read {
                    message: title.to_owned(),
                    code: None,
                    details,
                }
            }
        };
        let object = match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(object)) => object,
            _ => Map::new(),
        };
        let text = |key: &str| object.get(key).and_then(Value::as_str);
        let message = match format {
            BodyFormat::Problem => text("detail").or(text("title")),
            BodyFormat::Json => text("message").or(text("error")),
            _ => None,
        };
        for (name, value) in &object {
            // The `errors` list, unless it is a member that the type names `errors` itself.
            let violations = (name == "errors")
                .then(|| serde_json::from_value::<Vec<Violation>>(value.clone()).ok())
                .flatten();
            if let Some(violations) = violations {
                details.violations = violations.iter().map(FieldViolation::of).collect();
            } else if !standard.contains(&name.as_str()) && Some(name.as_str()) != member {
                details.member(name, value);
            }
        }
        if format == BodyFormat::Problem {
            if let Some(type_uri) = text("type") {
                details.help(text("title").unwrap_or(title), type_uri);
            }
        }
        Read {
            message: message.unwrap_or(title).to_owned(),
            code: text("code").map(str::to_owned),
            details,
        }
    }

    /// Google's JSON error: its message and details as they are.
    fn google(body: &[u8], title: &str) -> Self {
        let body: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        let error = &body["error"];
        let mut details = Details::default();
        let text =
            |value: &Value, key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        for detail in error["details"].as_array().into_iter().flatten() {
            let kind = detail["@type"].as_str().unwrap_or("");
            match kind.rsplit('.').next().unwrap_or("") {
                "ErrorInfo" => {
                    details.reason = text(detail, "reason");
                    details.domain = text(detail, "domain").unwrap_or_default();
                    for (name, value) in detail["metadata"].as_object().into_iter().flatten() {
                        details.member(name, value);
                    }
                }
                "RetryInfo" => {
                    details.retry_after = detail["retryDelay"]
                        .as_str()
                        .and_then(|d| d.strip_suffix('s'))
                        .and_then(|s| s.parse().ok());
                }
                "BadRequest" => {
                    for v in detail["fieldViolations"].as_array().into_iter().flatten() {
                        details.violations.push(FieldViolation {
                            field: text(v, "field").unwrap_or_default(),
                            description: text(v, "description").unwrap_or_default(),
                            reason: text(v, "reason"),
                        });
                    }
                }
                "Help" => {
                    let link = &detail["links"][0];
                    if let (Some(description), Some(url)) =
                        (text(link, "description"), text(link, "url"))
                    {
                        details.help = Some((description, url));
                    }
                }
                "RequestInfo" => details.request_id = text(detail, "requestId"),
                _ => {}
            }
        }
        Read {
            message: text(error, "message").unwrap_or_else(|| title.to_owned()),
            code: None,
            details,
        }
    }
}

/// The details as tonic-types' messages, in the order Google's JSON error lists them.
fn messages(details: Details) -> Vec<ErrorDetail> {
    let mut out: Vec<ErrorDetail> = Vec::new();
    if details.has_error_info() {
        let metadata: std::collections::HashMap<String, String> =
            details.metadata.into_iter().collect();
        out.push(
            tonic_types::ErrorInfo::new(
                details.reason.unwrap_or_default(),
                details.domain,
                metadata,
            )
            .into(),
        );
    }
    if let Some(seconds) = details.retry_after {
        out.push(tonic_types::RetryInfo::new(Some(std::time::Duration::from_secs(seconds))).into());
    }
    if !details.violations.is_empty() {
        let violations: Vec<tonic_types::FieldViolation> = details
            .violations
            .into_iter()
            .map(|v| {
                let mut violation = tonic_types::FieldViolation::new(v.field, v.description);
                violation.reason = v.reason.unwrap_or_default();
                violation
            })
            .collect();
        out.push(tonic_types::BadRequest::new(violations).into());
    }
    if let Some((description, url)) = details.help {
        out.push(tonic_types::Help::with_link(description, url).into());
    }
    if let Some(id) = details.request_id {
        out.push(tonic_types::RequestInfo::new(id, "").into());
    }
    out
}

fn visible_ascii(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic())
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_tonic {
    // Generics arrive as `< … >`; the open bracket is matched and the rest (closing bracket
    // included) is spliced after the impl's own lifetime.
    (impl [< $($rest:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        $crate::__http_status_tonic! { @impl [< $($rest)*] [<'__http_status_ref, $($rest)*] for [$($ty)*] where [$($predicates)*] }
    };
    (impl [] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        $crate::__http_status_tonic! { @impl [] [<'__http_status_ref>] for [$($ty)*] where [$($predicates)*] }
    };
    (@impl [$($generics:tt)*] [$($with_ref:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status
        where
            $($predicates)*
        {
            fn from(value: $($ty)*) -> Self {
                $crate::__private::tonic_status(&value)
            }
        }

        #[automatically_derived]
        impl $($with_ref)* ::core::convert::From<&'__http_status_ref $($ty)*>
            for $crate::__private::tonic::Status
        where
            $($predicates)*
        {
            fn from(value: &'__http_status_ref $($ty)*) -> Self {
                $crate::__private::tonic_status(value)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The application mapping, never the transport table (which maps 404 to UNIMPLEMENTED).
    #[test]
    fn the_application_mapping() {
        for (status, code) in [
            (404, Code::NotFound),
            (429, Code::ResourceExhausted),
            (422, Code::InvalidArgument),
        ] {
            let name = http_status_core::grpc::code_for_status(status).name;
            let number = http_status_core::grpc::code_named(name).map(|c| c.number);
            assert_eq!(number.map(Code::from), Some(code), "{status}");
        }
    }
}
