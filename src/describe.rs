//! Descriptions of the responses a type can produce, for documentation and OpenAPI.

use crate::HttpStatus;
use http::StatusCode;

/// The body format of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// RFC 9457 problem details, `application/problem+json` (the default).
    Problem,
    /// `{"error": …, "message": …, "code": …}`, `application/json`.
    Json,
    /// The message as `text/plain; charset=utf-8`.
    Text,
    /// No body and no `Content-Type` (204, 205, 304).
    Empty,
}

impl BodyFormat {
    /// The `Content-Type` of a body in this format; `None` for [`BodyFormat::Empty`].
    pub const fn content_type(self) -> Option<&'static str> {
        match self {
            BodyFormat::Problem => Some("application/problem+json"),
            BodyFormat::Json => Some("application/json"),
            BodyFormat::Text => Some("text/plain; charset=utf-8"),
            BodyFormat::Empty => None,
        }
    }
}

/// A header field of a described response: its name and its value as written in the
/// attribute (`{field}` placeholders included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderDescription {
    /// The field name, as written.
    pub name: &'static str,
    /// The value template, as written.
    pub value: &'static str,
}

/// One response a type can produce: one per variant (or per struct).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseDescription {
    /// The status code.
    pub status: StatusCode,
    /// The title (problem format) or error phrase (json format): the reason phrase unless
    /// `reason = …` sets another.
    pub title: &'static str,
    /// The Rust name of the variant (or struct) that produces it.
    pub source: &'static str,
    /// What the response means, for readers of the API documentation: the `message` template,
    /// else the `#[error(...)]` text, else the title. Server errors whose text is hidden from
    /// clients are described by their title only.
    pub description: &'static str,
    /// The machine-readable `code`, if set.
    pub code: Option<&'static str>,
    /// The problem `type` URI, if set (problem format).
    pub problem_type: Option<&'static str>,
    /// The body format.
    pub format: BodyFormat,
    /// Whether the body carries a detail (problem), message (json) or text of its own.
    pub has_detail: bool,
    /// The header fields, without `Content-Type`.
    pub headers: Vec<HeaderDescription>,
}

/// How many transparent layers [`ResponseCatalog::include`] follows at most.
const MAX_DEPTH: usize = 32;

/// Collects [`ResponseDescription`]s of a type and of the types its `transparent` fields
/// delegate to.
#[derive(Debug, Default)]
pub struct ResponseCatalog {
    entries: Vec<ResponseDescription>,
    /// The `describe_responses` functions being run, outermost first: a type reached again
    /// through its own transparent fields (`Boxed(Box<Self>)`) is described once.
    describing: Vec<usize>,
}

impl ResponseCatalog {
    /// Every response `T` can produce, in declaration order.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(HttpStatus)]
    /// enum ApiError {
    ///     #[status(404, message = "no such user")]
    ///     UserNotFound,
    ///     #[status(409)]
    ///     Conflict,
    /// }
    ///
    /// let responses = ResponseCatalog::of::<ApiError>();
    /// assert_eq!(responses.len(), 2);
    /// assert_eq!(responses[0].status, 404);
    /// assert_eq!(responses[0].description, "no such user");
    /// ```
    pub fn of<T: HttpStatus>() -> Vec<ResponseDescription> {
        let mut catalog = ResponseCatalog::default();
        catalog.include::<T>();
        catalog.entries
    }

    /// Adds one response.
    pub fn push(&mut self, description: ResponseDescription) {
        self.entries.push(description);
    }

    /// Adds every response of `T` (for a field that delegates to `T`), unless `T` is being
    /// described already.
    pub fn include<T: HttpStatus>(&mut self) {
        self.include_with(T::describe_responses);
    }

    /// Adds the responses `describe` adds (a type's `HttpStatus::describe_responses`), unless
    /// it is running already.
    pub fn include_with(&mut self, describe: fn(&mut ResponseCatalog)) {
        // The address identifies the function; it is only compared, never called through.
        let id = describe as usize;
        if self.describing.len() >= MAX_DEPTH || self.describing.contains(&id) {
            return;
        }
        self.describing.push(id);
        describe(self);
        self.describing.pop();
    }

    /// The responses collected so far.
    pub fn entries(&self) -> &[ResponseDescription] {
        &self.entries
    }
}
