//! [`Rejection`]: why an extractor of this module refused a request, as a problem body.

use crate::catalog::{MemberDescription, ResponseCatalog, ResponseDescription};
use crate::render::{self, PROBLEM};
use crate::{HttpStatus, Violation};
use bytes::Bytes;
use core::fmt;
use http::{HeaderMap, Response, StatusCode};

/// Why [`Json`](super::Json), [`Query`](super::Query), `Valid` or `Garde` refused a request.
///
/// A problem body like a derived error's (`application/problem+json`), with the violations
/// in `errors`; under a `ProblemLayer` or `ProblemMiddleware` it carries the request id and
/// `instance` and follows `Accept` like any derived response:
///
/// | status | when | `errors` |
/// |---|---|---|
/// | 415 | the `Content-Type` is not JSON (`application/json` or `…+json`) | |
/// | 413 | the body is larger than the framework's limit | |
/// | 400 | the body is not JSON (the detail says where: line and column), or could not be read | |
/// | 422 | the JSON does not fit the type | one, at the value that failed |
/// | 400 | the query string does not fit the type | one, naming the parameter |
/// | 422 | `Valid` or `Garde`: validation failed | one per failed check |
///
/// ```
/// use http_status::extract::Rejection;
/// use http_status::HttpStatus;
///
/// fn status_of(rejection: &Rejection) -> u16 {
///     rejection.status().as_u16()
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Rejection {
    status: StatusCode,
    title: &'static str,
    detail: Option<String>,
    violations: Vec<Violation>,
}

const UNSUPPORTED: &str = "the request body must be JSON (Content-Type: application/json)";
const MISMATCH: &str = "the request body has an invalid value";
const QUERY: &str = "the query string has an invalid parameter";
#[cfg(any(feature = "validator", feature = "garde"))]
const INVALID: &str = "the request failed validation";

impl Rejection {
    fn new(status: StatusCode, detail: Option<String>, violations: Vec<Violation>) -> Self {
        let title = http_status_core::lookup(status.as_u16())
            .map(|info| info.reason)
            .or(status.canonical_reason())
            .unwrap_or("Error");
        Rejection {
            status,
            title,
            detail,
            violations,
        }
    }

    /// 415: the body is not labelled as JSON.
    pub(crate) fn unsupported_media_type() -> Self {
        Rejection::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Some(UNSUPPORTED.to_owned()),
            Vec::new(),
        )
    }

    /// 413: the body is larger than `limit` bytes (when the framework says how many).
    pub(crate) fn too_large(limit: Option<usize>) -> Self {
        let detail = match limit {
            Some(limit) => format!("the request body is larger than the limit of {limit} bytes"),
            None => "the request body is larger than the server accepts".to_owned(),
        };
        Rejection::new(StatusCode::PAYLOAD_TOO_LARGE, Some(detail), Vec::new())
    }

    /// 400: the body could not be read.
    pub(crate) fn unreadable(reason: &dyn fmt::Display) -> Self {
        Rejection::new(
            StatusCode::BAD_REQUEST,
            Some(format!("the request body could not be read: {reason}")),
            Vec::new(),
        )
    }

    /// 400: the body is not JSON; serde_json's message says where (line and column).
    pub(crate) fn malformed(error: &serde_json::Error) -> Self {
        Rejection::new(
            StatusCode::BAD_REQUEST,
            Some(format!("the request body is not valid JSON: {error}")),
            Vec::new(),
        )
    }

    /// 422: the JSON does not fit the type, at `violation`.
    pub(crate) fn mismatch(violation: Violation) -> Self {
        Rejection::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(MISMATCH.to_owned()),
            vec![violation],
        )
    }

    /// 400: the query string does not fit the type (`violation` names the parameter, when it
    /// is known).
    pub(crate) fn query(violation: Option<Violation>, message: &str) -> Self {
        match violation {
            Some(violation) => Rejection::new(
                StatusCode::BAD_REQUEST,
                Some(QUERY.to_owned()),
                vec![violation],
            ),
            None => Rejection::new(
                StatusCode::BAD_REQUEST,
                Some(format!("{QUERY}: {message}")),
                Vec::new(),
            ),
        }
    }

    /// 422: validation failed, with every violation.
    #[cfg(any(feature = "validator", feature = "garde"))]
    pub(crate) fn invalid(violations: Vec<Violation>) -> Self {
        Rejection::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(INVALID.to_owned()),
            violations,
        )
    }

    /// A framework's error that is none of the above (an actix-web `JsonConfig` error handler
    /// of the application's): its status, and its text as the detail on a 4xx.
    #[cfg(feature = "actix-web")]
    pub(crate) fn other(status: StatusCode, text: String) -> Self {
        let detail = status.is_client_error().then_some(text);
        Rejection::new(status, detail, Vec::new())
    }

    /// The detail sent: what went wrong, for people.
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The violations sent in `errors` (empty when there are none).
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Consumes the rejection, returning its violations (to answer in another shape).
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail.as_deref().unwrap_or(self.title))?;
        for violation in &self.violations {
            write!(f, "; {}", violation.detail())?;
        }
        Ok(())
    }
}

impl std::error::Error for Rejection {}

/// The responses the extractors can reject with, for the catalogue and OpenAPI.
const DESCRIBED: [(StatusCode, &str, &str); 4] = [
    (
        StatusCode::BAD_REQUEST,
        "Bad Request",
        "the request body is not valid JSON, or the query string has an invalid parameter",
    ),
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        "Content Too Large",
        "the request body is larger than the server accepts",
    ),
    (
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "Unsupported Media Type",
        UNSUPPORTED,
    ),
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        "Unprocessable Content",
        "the request body has an invalid value, or the request failed validation",
    ),
];

impl HttpStatus for Rejection {
    fn status(&self) -> StatusCode {
        self.status
    }

    fn headers(&self) -> HeaderMap {
        HeaderMap::new()
    }

    /// Rendered like a derived error, so a `ProblemLayer` or `ProblemMiddleware` adds the request
    /// id and `instance` and negotiates `Accept` the same way.
    fn to_response(&self) -> Response<Bytes> {
        let detail = self.detail.as_deref();
        let capacity = 96
            + self.title.len()
            + detail.map_or(0, str::len)
            + self
                .violations
                .iter()
                .map(|v| 64 + v.detail().len())
                .sum::<usize>()
            + render::ROOM;
        render::built(self, PROBLEM, capacity, self.title, |writer| {
            writer.raw("{");
            writer.str_member("type", crate::problem::ABOUT_BLANK);
            writer.str_member("title", self.title);
            writer.status(self.status);
            if let Some(detail) = detail {
                writer.detail("\"detail\":", format_args!("{detail}"));
            }
            if !self.violations.is_empty() {
                writer.member("\"errors\":", &self.violations[..]);
            }
        })
    }

    fn describe_responses(catalog: &mut ResponseCatalog) {
        for (status, title, meaning) in DESCRIBED {
            // The detail is the parser's or the validator's text: it varies.
            let mut description = ResponseDescription::new(status, title, "Rejection")
                .with_doc(meaning)
                .with_message_template("{string}");
            if matches!(status.as_u16(), 400 | 422) {
                description = description.with_member(MemberDescription::new(
                    Some("errors"),
                    "Vec<Violation>",
                    crate::ValueKind::Array,
                ));
            }
            catalog.push(description);
        }
    }
}

crate::integrate!(Rejection);

#[cfg(test)]
mod tests {
    use super::*;

    fn body(rejection: &Rejection) -> serde_json::Value {
        let response = rejection.to_response();
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        assert_eq!(response.status(), rejection.status());
        serde_json::from_slice(response.body()).unwrap()
    }

    #[test]
    fn bodies() {
        let rejection = Rejection::mismatch(Violation::pointer("/age", "invalid type"));
        assert_eq!(
            rejection.to_response().body(),
            r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request body has an invalid value","errors":[{"detail":"invalid type","pointer":"#/age"}]}"##
        );
        let value = body(&Rejection::unsupported_media_type());
        assert_eq!(value["status"], 415);
        assert_eq!(value["title"], "Unsupported Media Type");
        assert!(value.get("errors").is_none());
        assert_eq!(
            body(&Rejection::too_large(Some(10)))["title"],
            "Content Too Large"
        );
        assert_eq!(
            Rejection::too_large(Some(10)).to_string(),
            "the request body is larger than the limit of 10 bytes"
        );
    }

    #[test]
    fn the_catalogue_lists_every_status() {
        let catalog = ResponseCatalog::of::<Rejection>();
        let statuses: Vec<u16> = catalog.iter().map(|d| d.status().as_u16()).collect();
        assert_eq!(statuses, [400, 413, 415, 422]);
        for description in catalog.iter() {
            assert_eq!(
                Some(description.title()),
                http_status_core::lookup(description.status().as_u16()).map(|i| i.reason)
            );
        }
    }
}
