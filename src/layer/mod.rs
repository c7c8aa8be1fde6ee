//! What `ProblemLayer` (tower), `ProblemMiddleware` (actix-web), `ProblemPoem` (poem) and
//! `ProblemFairing` (rocket) share: their settings, the request context they read from a
//! request, the test for a framework's error response and the problem that replaces it. Each
//! framework's module only adapts its request and response types (through `crate::convert`).

pub(crate) mod accept;
#[cfg(feature = "actix-web")]
pub(crate) mod actix;
#[cfg(any(feature = "tower", feature = "actix-web", feature = "poem"))]
mod decode;
#[cfg(any(feature = "tower", feature = "actix-web", feature = "poem"))]
mod intercept;
#[cfg(any(feature = "actix-web", feature = "poem"))]
use intercept::WithContext;
#[cfg(any(feature = "tower", feature = "actix-web", feature = "poem"))]
use intercept::{framework_text, is_framework_error, MAX_FRAMEWORK_TEXT};
#[cfg(feature = "poem")]
pub(crate) mod poem;
#[cfg(feature = "rocket")]
pub(crate) mod rocket;
#[cfg(feature = "tower")]
pub(crate) mod tower;

use crate::context::{Accept, Context, RequestPath, Shared};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use std::sync::Arc;

/// The request id header both read and send unless configured otherwise.
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The body member that carries the request id unless configured otherwise.
const REQUEST_ID: &str = "request_id";

/// The builder methods every layer and middleware shares, over its `settings`
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

            /// Development: 5xx bodies in the problem and json formats carry
            /// `"debug":{"message":…,"sources":[…]}`, the text the body hides and its
            /// `source()` chain, outermost first (custom formats keep their shape). Only in
            /// builds with `debug_assertions`: in a release build it does nothing, and says so
            /// once at warn level (feature `tracing`).
            ///
            /// ```
            #[doc = concat!("let layer = http_status::", stringify!($ty), "::new().expose_internals();")]
            /// # let _ = layer;
            /// ```
            pub fn expose_internals(mut self) -> Self {
                std::sync::Arc::make_mut(&mut self.settings).expose_internals();
                self
            }
        }
    };
}
pub(crate) use settings_builder;

/// The settings of a layer or middleware.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// What every request's context shares.
    shared: Arc<Shared>,
    pub(crate) framework_errors: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            shared: Arc::new(Shared {
                header: X_REQUEST_ID,
                member: REQUEST_ID.into(),
                member_key: key(REQUEST_ID),
                generate: fresh,
                expose_internals: false,
            }),
            framework_errors: true,
        }
    }
}

impl Settings {
    pub(crate) fn header(&mut self, name: HeaderName) {
        Arc::make_mut(&mut self.shared).header = name;
    }

    pub(crate) fn member(&mut self, name: &str) {
        let shared = Arc::make_mut(&mut self.shared);
        shared.member = name.into();
        shared.member_key = key(name);
    }

    /// `expose_internals()`: on in a build with `debug_assertions`, else a warning, once per
    /// process, that it does nothing.
    pub(crate) fn expose_internals(&mut self) {
        if cfg!(debug_assertions) {
            Arc::make_mut(&mut self.shared).expose_internals = true;
        } else {
            #[cfg(feature = "tracing")]
            {
                static WARNED: std::sync::Once = std::sync::Once::new();
                WARNED.call_once(|| {
                    tracing::warn!(
                        "expose_internals() does nothing in a build without debug_assertions: 5xx bodies carry no `debug` member"
                    );
                });
            }
        }
    }

    /// The name of the request id header, to look it up in a request.
    pub(crate) fn header_name(&self) -> &HeaderName {
        &self.shared.header
    }

    /// The context of a request that brings `incoming` as its id (unchecked: checked when a
    /// response first needs it), with this `Accept`, at `path`.
    #[inline]
    pub(crate) fn context(
        &self,
        incoming: Option<HeaderValue>,
        accept: Accept,
        path: RequestPath,
    ) -> Context {
        Context::new(Arc::clone(&self.shared), incoming, path, accept)
    }
}

/// `name` as a JSON object key: `"name":`.
fn key(name: &str) -> Box<str> {
    let mut key = serde_json::to_string(name).unwrap_or_else(|_| String::from("\"\""));
    key.push(':');
    key.into()
}

/// A fresh request id: a UUID v4, in one allocation that its clones (the header, the
/// `ErrorMeta`) share.
fn fresh() -> HeaderValue {
    /// The 36 bytes of a hyphenated UUID.
    struct Id([u8; 36]);
    impl AsRef<[u8]> for Id {
        fn as_ref(&self) -> &[u8] {
            &self.0
        }
    }
    let mut id = [0; 36];
    uuid::Uuid::new_v4().hyphenated().encode_lower(&mut id);
    // SAFETY: a hyphenated UUID is 36 bytes of lowercase hex digits and hyphens, a valid
    // header value (what `from_maybe_shared` would check, byte by byte).
    unsafe { HeaderValue::from_maybe_shared_unchecked(bytes::Bytes::from_owner(Id(id))) }
}

/// The request id of a request that brings `incoming`.
#[cfg(test)]
fn request_id(incoming: Option<&[u8]>) -> HeaderValue {
    let incoming = incoming.and_then(|id| HeaderValue::from_bytes(id).ok());
    Settings::default()
        .context(
            incoming,
            Accept::Known(crate::context::Prefer::AsIs),
            RequestPath::Text("/".into()),
        )
        .request_id_value()
        .clone()
}

/// The problem that replaces a framework's error response with this status, text and headers
/// (those of the original, in `http` 1 types): the response's own request id is adopted when
/// the request had none yet (tower-http's `PropagateRequestIdLayer` further in puts the id
/// its `SetRequestIdLayer` gave the request there), so the response carries one id, the one
/// in the body; a `Content-Encoding` is dropped with the encoded body, and `Vary` no longer
/// names `Accept-Encoding`. With `tracing`, a 5xx's text, which the body hides, is logged.
pub(crate) fn replace(
    status: StatusCode,
    text: &str,
    mut headers: HeaderMap,
    cx: &Context,
) -> http::Response<bytes::Bytes> {
    if let Some(id) = headers.get(cx.header()) {
        cx.adopt(id);
    }
    headers.remove(cx.header());
    if headers.remove(http::header::CONTENT_ENCODING).is_some() {
        without_vary(&mut headers, "accept-encoding");
    }
    // The problem adds its own `Vary: Accept`.
    without_vary(&mut headers, "accept");
    #[cfg(feature = "tracing")]
    if status.is_server_error() {
        log_hidden(status, text, cx);
    }
    crate::render::framework_error(status, text, headers, cx)
}

/// `headers` with `name` taken out of its `Vary` fields (a field left empty goes).
fn without_vary(headers: &mut HeaderMap, name: &str) {
    let vary = http::header::VARY;
    let names = |value: &HeaderValue| -> Vec<String> {
        String::from_utf8_lossy(value.as_bytes())
            .split(',')
            .map(str::trim)
            .filter(|field| !field.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let named = headers
        .get_all(&vary)
        .iter()
        .any(|value| names(value).iter().any(|f| f.eq_ignore_ascii_case(name)));
    if !named {
        return;
    }
    let kept: Vec<String> = headers
        .get_all(&vary)
        .iter()
        .flat_map(names)
        .filter(|field| !field.eq_ignore_ascii_case(name))
        .collect();
    headers.remove(&vary);
    if let Ok(value) = HeaderValue::from_str(&kept.join(", ")) {
        if !kept.is_empty() {
            headers.append(vary, value);
        }
    }
}

/// Logs the text a framework's 5xx carried, which its problem body hides, with the request
/// id the client receives (OpenTelemetry's field names, as the derived 5xx events use).
#[cfg(feature = "tracing")]
fn log_hidden(status: StatusCode, text: &str, cx: &Context) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    tracing::error!(
        // OpenTelemetry's `error.type` when there is nothing better than the status.
        error.type = status.as_str(),
        http.response.status_code = i64::from(status.as_u16()),
        exception.message = text,
        request_id = cx.request_id(),
        "framework error response; the client does not see this text"
    );
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
}
