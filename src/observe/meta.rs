//! What the derive knows of a response beyond its bytes ([`Meta`], per variant, at compile
//! time), and what a layer hands to middleware about each response it built ([`ErrorMeta`]).

use http::StatusCode;
use http_status_core::LogLevel;

/// A variant's facts for logs, traces and gRPC, written by the derive as a constant.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    /// The literal code, else `Type::Variant`: a bounded set of values (OpenTelemetry's
    /// `error.type`).
    pub(crate) error_type: &'static str,
    /// `error_type` is the literal `code` the body sends.
    pub(crate) coded: bool,
    /// `level = …`, else by status.
    pub(crate) level: Option<LogLevel>,
    /// `retryable = …`, else by status.
    pub(crate) retryable: Option<bool>,
    /// `grpc = …`, else by status.
    pub(crate) grpc: Option<&'static str>,
    /// `code_header = …`.
    pub(crate) code_header: Option<&'static str>,
    /// The 5xx text is exposed (`expose`).
    pub(crate) exposed: bool,
    /// The body format (for the gRPC conversion, which reads the members back from the body).
    pub(crate) format: crate::format::BodyFormat,
}

impl Meta {
    /// Facts a response has when nothing was written: its type's name as `error.type`.
    pub const fn new() -> Self {
        Meta {
            error_type: "",
            coded: false,
            level: None,
            retryable: None,
            grpc: None,
            code_header: None,
            exposed: false,
            format: crate::format::BodyFormat::Problem,
        }
    }

    /// The facts of a response in `format`.
    pub(crate) const fn formatted(mut self, format: crate::format::BodyFormat) -> Self {
        self.format = format;
        self
    }

    /// The level of a response with `status`.
    #[inline]
    pub(crate) fn level_for(&self, status: StatusCode) -> LogLevel {
        self.level
            .unwrap_or_else(|| LogLevel::for_status(status.as_u16()))
    }

    /// Whether a client may retry a response with `status`.
    pub(crate) fn retryable_for(&self, status: StatusCode) -> bool {
        self.retryable
            .unwrap_or_else(|| http_status_core::retryable_by_default(status.as_u16()))
    }

    /// The facts of the hidden 500 sent instead of this variant's response when it could not
    /// be built as declared: logged at error level, not retryable, gRPC `INTERNAL`, its text
    /// hidden whatever the variant exposes; still named by the variant's `error.type`.
    pub(crate) fn degraded(self) -> Self {
        Meta {
            level: Some(LogLevel::Error),
            retryable: None,
            grpc: None,
            code_header: None,
            exposed: false,
            ..self
        }
    }

    /// The literal code, if the variant has one.
    pub(crate) fn code(&self) -> Option<&'static str> {
        self.coded.then_some(self.error_type)
    }
}

impl Default for Meta {
    fn default() -> Self {
        Meta::new()
    }
}

/// What a response built by `to_response` under a `ProblemLayer` or `ProblemMiddleware` (or
/// `ProblemPoem`) says about itself, in its extensions, for any middleware further out:
/// tower-http's `TraceLayer`, a metrics layer. A framework's error that the layer rewrote
/// carries one too (its `error_type()` is its status code). A response that passes through
/// (a success, a JSON error built by hand) carries none.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use http_status::{ErrorMeta, HttpStatus};
///
/// #[derive(Debug, HttpStatus)]
/// enum ApiError {
///     #[status(404, code = "USER_NOT_FOUND", message = "user {0} not found")]
///     UserNotFound(u64),
/// }
///
/// // Outside a layer, `ErrorMeta::of` gives the same facts.
/// let meta = ErrorMeta::of(&ApiError::UserNotFound(7));
/// assert_eq!(meta.status(), 404);
/// assert_eq!(meta.code(), Some("USER_NOT_FOUND"));
/// assert_eq!(meta.error_type(), "USER_NOT_FOUND");
/// assert_eq!(meta.level(), http_status::LogLevel::Debug);
/// assert!(!meta.retryable());
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct ErrorMeta {
    pub(crate) status: StatusCode,
    pub(crate) code: Option<std::borrow::Cow<'static, str>>,
    pub(crate) meta: Meta,
    pub(crate) type_name: &'static str,
    pub(crate) request_id: Option<http::HeaderValue>,
    pub(crate) internal_message: Option<String>,
}

impl ErrorMeta {
    /// The facts of `value`'s response, built for the purpose (a layer puts them in the
    /// response's extensions as it builds it); nothing is logged for the asking.
    pub fn of<T: crate::HttpStatus + ?Sized>(value: &T) -> ErrorMeta {
        let response = crate::observe::capture::meta_of(|| value.to_response());
        response
            .extensions()
            .get::<ErrorMeta>()
            .cloned()
            .unwrap_or_else(|| ErrorMeta {
                status: response.status(),
                code: None,
                meta: Meta::new(),
                type_name: core::any::type_name::<T>(),
                request_id: None,
                internal_message: None,
            })
    }

    /// The status sent.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The machine-readable code the body sends, if any.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// OpenTelemetry's `error.type`: the literal code, else `Type::Variant` (a bounded set);
    /// for a framework's error that a layer rewrote, its status code (`"404"`), as
    /// OpenTelemetry asks when nothing names the error better.
    pub fn error_type(&self) -> &str {
        if !self.meta.error_type.is_empty() {
            self.meta.error_type
        } else if !self.type_name.is_empty() {
            self.type_name
        } else {
            self.status.as_str()
        }
    }

    /// The level the response is logged at.
    pub fn level(&self) -> LogLevel {
        self.meta.level_for(self.status)
    }

    /// Whether a client may retry the request (`retryable = …`, else 408, 425, 429, 502, 503
    /// and 504).
    pub fn retryable(&self) -> bool {
        self.meta.retryable_for(self.status)
    }

    /// The request id the response carries.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_ref().and_then(|id| id.to_str().ok())
    }

    /// The text the body hid: a 5xx's `Display` (or `Debug`), when it was not exposed.
    pub fn internal_message(&self) -> Option<&str> {
        self.internal_message.as_deref()
    }

    /// The gRPC code name the response maps to (`grpc = …`, else by status).
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    pub(crate) fn grpc_code(&self) -> &'static str {
        self.meta
            .grpc
            .unwrap_or_else(|| http_status_core::grpc::code_for_status(self.status.as_u16()).name)
    }

    /// The body format of the response.
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    pub(crate) fn format(&self) -> crate::format::BodyFormat {
        self.meta.format
    }

    /// Records `error.type`, `http.response.status_code` and `otel.status_code` (`ERROR` on a
    /// 5xx only, as OpenTelemetry's HTTP server conventions ask; a 4xx leaves the span's status
    /// unset) on a span that declares them (`tracing::field::Empty`).
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// use http_status::{ErrorMeta, HttpStatus};
    /// use tracing::field::Empty;
    ///
    /// #[derive(Debug, HttpStatus)]
    /// enum ApiError {
    ///     #[status(503, code = "DOWN", header("Retry-After" = "30"))]
    ///     Down,
    /// }
    ///
    /// // The span a `TraceLayer` makes, with the fields declared; then, for each response,
    /// // `response.extensions().get::<ErrorMeta>()` and one call:
    /// let span = tracing::info_span!(
    ///     "request",
    ///     error.type = Empty,
    ///     http.response.status_code = Empty,
    ///     otel.status_code = Empty
    /// );
    /// ErrorMeta::of(&ApiError::Down).record(&span);
    /// # }
    /// ```
    #[cfg(feature = "tracing")]
    pub fn record(&self, span: &::tracing::Span) {
        span.record("error.type", self.error_type());
        // An integer attribute, as OpenTelemetry types it (tracing-opentelemetry exports a
        // `u64` as text).
        span.record("http.response.status_code", i64::from(self.status.as_u16()));
        if self.status.is_server_error() {
            span.record("otel.status_code", "ERROR");
        }
    }
}
