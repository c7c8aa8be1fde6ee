//! What `ProblemLayer` (tower) and `ProblemMiddleware` (actix-web) share: their settings, the
//! request context they read from a request, and the test for a framework's error response.
//! Each framework's module only adapts its request and response types.

mod accept;
#[cfg(feature = "actix-web")]
pub(crate) mod actix;
#[cfg(feature = "tower")]
pub(crate) mod tower;

use crate::context::{self, Context};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use http::{HeaderName, HeaderValue};
use std::sync::{Arc, OnceLock};

/// The request id header both read and send unless configured otherwise.
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The body member that carries the request id unless configured otherwise.
const REQUEST_ID: &str = "request_id";
/// The longest incoming request id that is kept; a longer one is replaced.
const MAX_REQUEST_ID: usize = 128;
/// The most of a framework's error text that is read into `detail`; past it, the text is
/// left out (rejection messages are a line or two).
pub(crate) const MAX_FRAMEWORK_TEXT: usize = 16 * 1024;

/// The builder methods `ProblemLayer` and `ProblemMiddleware` share, over their `settings`
/// field: one definition, so the two cannot drift apart.
macro_rules! settings_builder {
    ($ty:ident, $framework:literal) => {
        impl $ty {
            /// The defaults: the `x-request-id` header, the member `request_id`, framework
            /// errors rewritten.
            pub fn new() -> Self {
                Self::default()
            }

            /// The header the request id is read from and sent in (default `x-request-id`).
            pub fn request_id_header(mut self, name: http::HeaderName) -> Self {
                std::sync::Arc::make_mut(&mut self.settings).header(name);
                self
            }

            /// The body member that carries the request id (default `request_id`).
            pub fn request_id_member(mut self, name: &str) -> Self {
                std::sync::Arc::make_mut(&mut self.settings).member(name);
                self
            }

            #[doc = concat!("Whether ", $framework, "'s own 4xx and 5xx responses (rejections, unknown routes) become")]
            /// problem bodies (default `true`).
            pub fn framework_errors(mut self, rewrite: bool) -> Self {
                std::sync::Arc::make_mut(&mut self.settings).framework_errors = rewrite;
                self
            }
        }
    };
}
pub(crate) use settings_builder;

/// The settings of a layer or middleware.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    header: HeaderName,
    member: Arc<str>,
    pub(crate) framework_errors: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            header: X_REQUEST_ID,
            member: Arc::from(REQUEST_ID),
            framework_errors: true,
        }
    }
}

impl Settings {
    pub(crate) fn header(&mut self, name: HeaderName) {
        self.header = name;
    }

    pub(crate) fn member(&mut self, name: &str) {
        self.member = Arc::from(name);
    }

    /// The name of the request id header, to look it up in a request.
    pub(crate) fn header_name(&self) -> &HeaderName {
        &self.header
    }

    /// The context of a request with this request id header, its `Accept` fields (read as often
    /// as needed) and this
    /// path. Raw bytes, so that actix-web (on `http` 0.2) passes its own header values.
    pub(crate) fn context<'a, I>(
        &self,
        incoming_id: Option<&[u8]>,
        accept: impl Fn() -> I,
        path: &str,
    ) -> Arc<Context>
    where
        I: Iterator<Item = &'a [u8]>,
    {
        Arc::new(Context {
            request_id: incoming_id
                .and_then(sane)
                .map(OnceLock::from)
                .unwrap_or_default(),
            generate: fresh,
            header: self.header.clone(),
            member: Arc::clone(&self.member),
            path: path.into(),
            prefer: accept::prefer(accept),
        })
    }
}

/// The incoming request id when it is sane: 1 to 128 bytes of visible ASCII, so it cannot
/// split a header or a log line. Otherwise one is generated.
fn sane(incoming: &[u8]) -> Option<HeaderValue> {
    let fits = (1..=MAX_REQUEST_ID).contains(&incoming.len());
    if fits && incoming.iter().all(u8::is_ascii_graphic) {
        HeaderValue::from_bytes(incoming).ok()
    } else {
        None
    }
}

/// A fresh request id: a UUID v4.
fn fresh() -> HeaderValue {
    let mut buffer = uuid::Uuid::encode_buffer();
    let id = uuid::Uuid::new_v4().hyphenated().encode_lower(&mut buffer);
    // A hyphenated UUID is visible ASCII; the fallback is never taken.
    HeaderValue::from_str(id).unwrap_or(HeaderValue::from_static("-"))
}

/// The request id of a request that brings `incoming`.
#[cfg(test)]
fn request_id(incoming: Option<&[u8]>) -> HeaderValue {
    incoming.and_then(sane).unwrap_or_else(fresh)
}

/// Whether a response the layer sees is a framework's error to rewrite: a 4xx or 5xx, not
/// built by `to_response`, whose body is not JSON.
pub(crate) fn is_framework_error(
    settings: &Settings,
    status: u16,
    content_type: Option<&[u8]>,
    built: bool,
) -> bool {
    settings.framework_errors
        && !built
        && (400..600).contains(&status)
        && !content_type.is_some_and(is_json)
}

/// `application/json`, `application/problem+json` and every other `+json` type.
fn is_json(content_type: &[u8]) -> bool {
    let Ok(value) = core::str::from_utf8(content_type) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5
                && subtype
                    .get(subtype.len() - 5..)
                    .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")))
}

pin_project_lite::pin_project! {
    /// A future polled with the request context set: handlers build their responses while
    /// the service's future is polled, so this is where `to_response` finds the context.
    pub(crate) struct WithContext<F> {
        #[pin]
        inner: F,
        cx: Arc<Context>,
    }
}

impl<F> WithContext<F> {
    pub(crate) fn new(inner: F, cx: Arc<Context>) -> Self {
        WithContext { inner, cx }
    }
}

impl<F: Future> Future for WithContext<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, task: &mut TaskContext<'_>) -> Poll<F::Output> {
        let this = self.project();
        let inner = this.inner;
        context::within(this.cx, || inner.poll(task))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids() {
        assert_eq!(request_id(Some(b"abc-123_XYZ.~")), "abc-123_XYZ.~");
        let max = "a".repeat(128);
        assert_eq!(request_id(Some(max.as_bytes())), max.as_str());
        let long = "a".repeat(129);
        let bad: [&[u8]; 6] = [
            long.as_bytes(),
            b"with space",
            b"",
            b"caf\xc3\xa9",
            b"tab\tinside",
            b"line\r\nbreak",
        ];
        for bad in bad {
            let fresh = request_id(Some(bad));
            assert_ne!(fresh.as_bytes(), bad);
            assert_eq!(fresh.len(), 36, "{fresh:?}");
            assert!(uuid::Uuid::parse_str(fresh.to_str().unwrap()).is_ok());
        }
        assert_ne!(request_id(None), request_id(None));
    }

    #[test]
    fn json_content_types() {
        for json in [
            "application/json",
            "application/problem+json",
            "Application/JSON; charset=utf-8",
            "application/vnd.api+json",
        ] {
            assert!(is_json(json.as_bytes()), "{json}");
        }
        for other in [
            "text/plain",
            "application/jsonx",
            "+json",
            "text/json",
            "json",
        ] {
            assert!(!is_json(other.as_bytes()), "{other}");
        }
    }
}
