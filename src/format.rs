//! Body formats: the built-in ones, and the [`Format`] trait for a wire format of your own.

use crate::problem::Problem;

/// A body format of your own, chosen with `#[status(format = MyFormat)]` on the type or on a
/// variant.
///
/// `write` receives the response's parts as a [`Problem`], already filtered by the 5xx rule
/// (a hidden detail is `None`), and appends the body. The derive checks at compile time that
/// `CONTENT_TYPE` is a valid header value.
///
/// ```
/// use http_status::{Format, HttpStatus, Problem};
///
/// /// `{"code": …, "msg": …}`, as many APIs send it.
/// struct CodeMsg;
///
/// impl Format for CodeMsg {
///     const CONTENT_TYPE: &'static str = "application/json";
///
///     fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
///         #[derive(serde::Serialize)]
///         struct Wire<'a> {
///             code: &'a str,
///             msg: &'a str,
///         }
///         let wire = Wire {
///             code: problem.code().unwrap_or("UNKNOWN"),
///             msg: problem.detail().unwrap_or(problem.title()),
///         };
///         // Writing into a Vec only fails if a Serialize impl does; then the body stays empty.
///         let _ = serde_json::to_writer(body, &wire);
///     }
/// }
///
/// #[derive(HttpStatus)]
/// #[status(format = CodeMsg)]
/// enum ApiError {
///     #[status(404, code = "NO_USER", message = "user {0} not found")]
///     NoUser(u64),
///     #[status(500, code = "DB")]
///     Database(String),
/// }
///
/// let response = ApiError::NoUser(7).to_response();
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.body(), r#"{"code":"NO_USER","msg":"user 7 not found"}"#);
/// let response = ApiError::Database("secret".into()).to_response();
/// assert_eq!(response.body(), r#"{"code":"DB","msg":"Internal Server Error"}"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a body format: it does not implement `http_status::Format`",
    label = "`format = …` names a format: \"problem\", \"json\", \"text\", \"serde\", \"none\", or a type implementing `Format`",
    note = "rule: bad_attribute"
)]
pub trait Format {
    /// The Content-Type of every body this format writes.
    const CONTENT_TYPE: &'static str;

    /// Appends the body of one response to `body`.
    fn write(problem: &Problem<'_>, body: &mut Vec<u8>);
}

/// The body format of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyFormat {
    /// RFC 9457 problem details, `application/problem+json` (the default for 4xx and 5xx).
    Problem,
    /// `{"error": …, "message": …, "code": …}` (errors) or `{"message": …, "code": …}`
    /// (2xx/3xx), `application/json`.
    Json,
    /// The message as `text/plain; charset=utf-8`.
    Text,
    /// The value itself serialized with serde, `application/json`.
    Serde,
    /// A JSON object of the members (and `errors`) only, `application/json`.
    Members,
    /// Google's JSON error (AIP-193), `application/json`.
    Google,
    /// A [`Format`] of the user's, with its Content-Type.
    Custom {
        /// `Format::CONTENT_TYPE`.
        content_type: &'static str,
    },
    /// No body and no `Content-Type` (204, 205, 304, `format = "none"`, and 2xx/3xx without a
    /// message).
    Empty,
}

impl BodyFormat {
    /// The `Content-Type` of a body in this format; `None` for [`BodyFormat::Empty`].
    pub const fn content_type(self) -> Option<&'static str> {
        match self.builtin() {
            Some(format) => format.content_type(),
            None => match self {
                BodyFormat::Custom { content_type } => Some(content_type),
                _ => None,
            },
        }
    }

    /// The name used in `format = "…"` (`"problem"`, `"json"`, …; `"custom"` for a user type).
    pub const fn name(self) -> &'static str {
        match self.builtin() {
            Some(format) => format.name(),
            None => "custom",
        }
    }

    /// The built-in format of `format = "…"` this is, `None` for a user's.
    pub const fn builtin(self) -> Option<http_status_core::BodyFormat> {
        use http_status_core::BodyFormat as Core;
        Some(match self {
            BodyFormat::Problem => Core::Problem,
            BodyFormat::Json => Core::Json,
            BodyFormat::Text => Core::Text,
            BodyFormat::Serde => Core::Serde,
            BodyFormat::Members => Core::Members,
            BodyFormat::Google => Core::Google,
            BodyFormat::Empty => Core::None,
            BodyFormat::Custom { .. } => return None,
        })
    }

    /// The built-in format `format` names (the inverse of [`BodyFormat::builtin`]).
    pub(crate) const fn from_builtin(format: http_status_core::BodyFormat) -> BodyFormat {
        use http_status_core::BodyFormat as Core;
        match format {
            Core::Problem => BodyFormat::Problem,
            Core::Json => BodyFormat::Json,
            Core::Text => BodyFormat::Text,
            Core::Serde => BodyFormat::Serde,
            Core::Members => BodyFormat::Members,
            Core::Google => BodyFormat::Google,
            Core::None => BodyFormat::Empty,
        }
    }

    /// Whether the body is a JSON object `http-status` writes itself (problem or json), to which
    /// the request context adds `request_id` and `instance`.
    pub(crate) const fn is_builtin_json(self) -> bool {
        matches!(self, BodyFormat::Problem | BodyFormat::Json)
    }
}

pub(crate) use http_status_core::{APPLICATION_JSON, PROBLEM_JSON, TEXT_PLAIN};

/// Whether `content_type` can be sent as a `Content-Type` value (checked at compile time for
/// every custom format, by a `const` assertion the derive emits).
#[doc(hidden)]
pub const fn valid_content_type(content_type: &str) -> bool {
    let bytes = content_type.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b == b'\t' || (b >= 0x20 && b < 0x7f)) {
            return false;
        }
        i += 1;
    }
    !matches!(bytes[0], b' ' | b'\t') && !matches!(bytes[bytes.len() - 1], b' ' | b'\t')
}
