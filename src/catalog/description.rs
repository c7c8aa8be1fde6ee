//! What the catalogue says about one response, and about its headers and members. Every text
//! is owned or static (`Cow<'static, str>`): the derive's descriptions borrow string literals,
//! descriptions read back from `catalog.json` own their text, and both are the same kind of
//! value.

use super::example;
use super::template::Template;
use crate::format::BodyFormat;
use http::StatusCode;
use http_status_core::LogLevel;
use std::borrow::Cow;

/// Text of a description: a string literal of the derive's, or text read back from JSON.
pub(crate) type Text = Cow<'static, str>;

/// What kind of value a header or member holds, as far as the derive can tell from its Rust
/// type: for documentation, the OpenAPI schema and realistic examples (the registry crate's,
/// which the derive names too).
pub use http_status_core::ValueKind;

/// A header field of a described response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeaderDescription {
    pub(crate) name: Text,
    pub(crate) value: Template,
    pub(crate) kind: ValueKind,
}

impl HeaderDescription {
    /// A header with a literal value, for hand-written descriptions.
    pub fn new(name: impl Into<Cow<'static, str>>, value: impl Into<Cow<'static, str>>) -> Self {
        HeaderDescription {
            name: name.into(),
            value: Template::literal(value),
            kind: ValueKind::String,
        }
    }

    /// The field name, as written.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value, readable: literal text as written, a field shown as its kind
    /// (`<integer>`).
    pub fn value(&self) -> &str {
        self.value.readable()
    }

    /// The value with its structure.
    pub fn value_template(&self) -> &Template {
        &self.value
    }

    /// The kind of value: the field's when the value is exactly one field, else `String`.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }
}

/// An extension member of a described response (`#[status(extension)]`, `#[status(flatten)]`).
#[derive(Clone)]
#[non_exhaustive]
pub struct MemberDescription {
    pub(crate) name: Option<Text>,
    pub(crate) type_name: Text,
    pub(crate) kind: ValueKind,
    pub(crate) schema: MemberSchema,
}

impl MemberDescription {
    /// Whether this is the RFC 9457 `errors` list of a `#[status(errors)]` field.
    pub(crate) fn is_violations(&self) -> bool {
        self.name() == Some("errors") && self.type_name().contains("Violation")
    }

    /// A member, for hand-written descriptions: its name (`None` for flattened entries), its
    /// Rust type as written, and its kind.
    pub fn new(
        name: Option<impl Into<Cow<'static, str>>>,
        type_name: impl Into<Cow<'static, str>>,
        kind: ValueKind,
    ) -> Self {
        MemberDescription {
            name: name.map(Into::into),
            type_name: type_name.into(),
            kind,
            schema: MemberSchema::none(),
        }
    }

    /// The member's name; `None` for a flattened field, whose entries are members.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The field's Rust type, as written.
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// The kind of value.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }

    /// The field type's JSON Schema (features `utoipa`, `utoipa5`, `aide`; none for a
    /// description read from JSON).
    pub fn schema(&self) -> MemberSchema {
        self.schema
    }
}

/// Equal when name, type and kind are: the schema is a function of the type.
impl PartialEq for MemberDescription {
    fn eq(&self, other: &Self) -> bool {
        (&self.name, &self.type_name, self.kind) == (&other.name, &other.type_name, other.kind)
    }
}

impl Eq for MemberDescription {}

impl std::fmt::Debug for MemberDescription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemberDescription")
            .field("name", &self.name)
            .field("type_name", &self.type_name)
            .field("kind", &self.kind)
            .finish()
    }
}

/// The JSON Schema of a member's type, for OpenAPI: when a feature `utoipa`, `utoipa5` or
/// `aide` is on and the type has one (utoipa's `ToSchema`, schemars' `JsonSchema`), else a
/// free-form value.
#[derive(Clone, Copy, Default)]
pub struct MemberSchema {
    #[cfg(any(feature = "utoipa", feature = "utoipa5", feature = "aide"))]
    pub(crate) schema: Option<fn() -> serde_json::Value>,
}

impl MemberSchema {
    #[doc(hidden)]
    pub const fn none() -> Self {
        MemberSchema {
            #[cfg(any(feature = "utoipa", feature = "utoipa5", feature = "aide"))]
            schema: None,
        }
    }
}

/// The body format of a description: the derive's [`BodyFormat`], or a custom format read back
/// from JSON, whose Content-Type is owned.
#[derive(Debug, Clone)]
pub(crate) enum Shape {
    Format(BodyFormat),
    Custom(String),
}

impl Shape {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Shape::Format(format) => format.name(),
            Shape::Custom(_) => "custom",
        }
    }

    pub(crate) fn content_type(&self) -> Option<&str> {
        match self {
            Shape::Format(format) => format.content_type(),
            Shape::Custom(content_type) => Some(content_type),
        }
    }

    fn format(&self) -> BodyFormat {
        match self {
            Shape::Format(format) => *format,
            Shape::Custom(content_type) => BodyFormat::Custom {
                content_type: intern(content_type),
            },
        }
    }
}

impl PartialEq for Shape {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name() && self.content_type() == other.content_type()
    }
}

/// `BodyFormat::Custom` holds a `&'static str`: the Content-Type of a custom format read back
/// from JSON is kept once per process (and per distinct value) when [`format`] is asked.
///
/// [`format`]: ResponseDescription::format
fn intern(content_type: &str) -> &'static str {
    use std::sync::{Mutex, PoisonError};
    static KEPT: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = kept.iter().find(|kept| **kept == content_type) {
        return found;
    }
    let leaked: &'static str = Box::leak(content_type.to_owned().into_boxed_str());
    kept.push(leaked);
    leaked
}

/// One response a type can produce: one per variant (or per struct).
///
/// Built by the derive (`ResponseCatalog::of`), read back from `catalog.json`
/// ([`ResponseCatalog::from_json`](super::ResponseCatalog::from_json)), or written by hand
/// for a hand-written `describe_responses` ([`ResponseDescription::new`] and the `with_*`
/// methods). Texts that may interpolate fields are [`Template`]s; their accessors here give the
/// readable text (`user <integer> not found`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ResponseDescription {
    pub(crate) status: StatusCode,
    pub(crate) title: Text,
    pub(crate) source: Text,
    pub(crate) doc: Option<Text>,
    pub(crate) message: Option<Template>,
    pub(crate) detail_hidden: bool,
    pub(crate) code: Option<Template>,
    pub(crate) shape: Shape,
    pub(crate) problem_type: Option<Template>,
    pub(crate) type_base: Option<Text>,
    pub(crate) instance: Option<Template>,
    pub(crate) retryable: bool,
    pub(crate) level: LogLevel,
    pub(crate) grpc_code: Text,
    pub(crate) headers: Vec<HeaderDescription>,
    pub(crate) members: Vec<MemberDescription>,
    pub(crate) example: Option<Text>,
    pub(crate) example_exact: bool,
}

impl ResponseDescription {
    /// A description with a status and a title (in the problem format, with nothing else), for
    /// hand-written `describe_responses` implementations; retryable, log level and gRPC code
    /// are the defaults for the status.
    ///
    /// ```
    /// use http_status::{http::StatusCode, ResponseDescription};
    ///
    /// let teapot = ResponseDescription::new(StatusCode::IM_A_TEAPOT, "I'm a teapot", "Teapot")
    ///     .with_code("TEAPOT")
    ///     .with_message("short and stout");
    /// assert_eq!(teapot.code(), Some("TEAPOT"));
    /// assert_eq!(
    ///     teapot.example(),
    ///     Some(r#"{"type":"about:blank","title":"I'm a teapot","status":418,"detail":"short and stout","code":"TEAPOT"}"#)
    /// );
    /// ```
    pub fn new(
        status: StatusCode,
        title: impl Into<Cow<'static, str>>,
        source: impl Into<Cow<'static, str>>,
    ) -> Self {
        let number = status.as_u16();
        ResponseDescription {
            status,
            title: title.into(),
            source: source.into(),
            doc: None,
            message: None,
            detail_hidden: false,
            code: None,
            shape: Shape::Format(BodyFormat::Problem),
            problem_type: None,
            type_base: None,
            instance: None,
            retryable: http_status_core::retryable_by_default(number),
            level: LogLevel::for_status(number),
            grpc_code: Cow::Borrowed(http_status_core::grpc::code_for_status(number).name),
            headers: Vec::new(),
            members: Vec::new(),
            example: None,
            example_exact: false,
        }
        .render_example()
    }

    /// With a doc comment (Markdown).
    pub fn with_doc(mut self, doc: impl Into<Cow<'static, str>>) -> Self {
        self.doc = Some(doc.into());
        self
    }

    /// With a literal message (the problem `detail`, the json `message`, or the text).
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(Template::literal(message));
        self.render_example()
    }

    /// With a message whose parts vary, written as a template of value kinds:
    /// `"user {integer} not found"`, `"{string}"` (see [`Template`]).
    ///
    /// ```
    /// use http_status::http::StatusCode;
    /// use http_status::ResponseDescription;
    ///
    /// let d = ResponseDescription::new(StatusCode::NOT_FOUND, "Not Found", "Missing")
    ///     .with_message_template("user {integer} not found");
    /// assert_eq!(d.message(), Some("user <integer> not found"));
    /// assert!(!d.example_is_exact());
    /// ```
    pub fn with_message_template(mut self, template: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(Template::new(template));
        self.render_example()
    }

    /// With a literal machine-readable code.
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = Some(Template::literal(code));
        self.render_example()
    }

    /// In another body format.
    pub fn with_format(mut self, format: BodyFormat) -> Self {
        self.shape = Shape::Format(format);
        self.render_example()
    }

    /// With a problem `type` URI.
    pub fn with_type(mut self, uri: impl Into<Cow<'static, str>>) -> Self {
        self.problem_type = Some(Template::literal(uri));
        self.render_example()
    }

    /// With a header.
    pub fn with_header(mut self, header: HeaderDescription) -> Self {
        self.headers.push(header);
        self
    }

    /// With a member.
    pub fn with_member(mut self, member: MemberDescription) -> Self {
        self.members.push(member);
        self.render_example()
    }

    /// Retryable or not (default: [`http_status::codes::retryable_by_default`]).
    ///
    /// [`http_status::codes::retryable_by_default`]: http_status_core::retryable_by_default
    pub fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// Logged at another level.
    pub fn with_level(mut self, level: LogLevel) -> Self {
        self.level = level;
        self
    }

    /// With another gRPC code name (default: [`http_status::codes::grpc::code_for_status`]).
    ///
    /// [`http_status::codes::grpc::code_for_status`]: http_status_core::grpc::code_for_status
    pub fn with_grpc_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.grpc_code = code.into();
        self
    }

    pub(crate) fn render_example(mut self) -> Self {
        let (example, exact) = match example::render(&self) {
            Some((body, exact)) => (Some(Cow::Owned(body)), exact),
            None => (None, false),
        };
        self.example = example;
        self.example_exact = exact;
        self
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The title (problem format) or error phrase (json format): the reason phrase unless
    /// `reason = …` sets another.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The Rust name of the variant (or struct) that produces it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The variant's doc comment, Markdown, if it has one. (The derive passes its first
    /// paragraph today, lines joined with spaces.)
    pub fn doc(&self) -> Option<&str> {
        self.doc.as_deref()
    }

    /// The first paragraph of the doc comment, lines joined with spaces: for a table.
    pub fn summary(&self) -> Option<Cow<'_, str>> {
        let lines: Vec<&str> = self
            .doc
            .as_deref()?
            .lines()
            .map(str::trim)
            .skip_while(|line| line.is_empty())
            .take_while(|line| !line.is_empty())
            .collect();
        match lines.as_slice() {
            [] => None,
            [one] => Some(Cow::Borrowed(one)),
            _ => Some(Cow::Owned(lines.join(" "))),
        }
    }

    /// The detail, message or text, readable: literal text as written, a field shown as its
    /// kind (`user <integer> not found`). `None` when there is none, or when it is hidden
    /// (see [`detail_hidden`](Self::detail_hidden)).
    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(Template::readable)
    }

    /// The message with its structure (`user {integer} not found`).
    pub fn message_template(&self) -> Option<&Template> {
        self.message.as_ref()
    }

    /// A server error whose value-derived text stays on the server (a 5xx without `expose`).
    pub fn detail_hidden(&self) -> bool {
        self.detail_hidden
    }

    /// The machine-readable `code`, readable like [`message`](Self::message).
    pub fn code(&self) -> Option<&str> {
        self.code.as_ref().map(Template::readable)
    }

    /// The code with its structure.
    pub fn code_template(&self) -> Option<&Template> {
        self.code.as_ref()
    }

    /// Whether `code` is interpolated from a field (and so differs between responses).
    pub fn code_varies(&self) -> bool {
        self.code.as_ref().is_some_and(|code| !code.is_literal())
    }

    /// The body format. (A custom format read back from JSON gives `BodyFormat::Custom`
    /// with its Content-Type, kept once per process.)
    pub fn format(&self) -> BodyFormat {
        self.shape.format()
    }

    /// The `Content-Type` of the body, if it has one.
    pub fn content_type(&self) -> Option<&str> {
        self.shape.content_type()
    }

    /// The problem `type` URI, readable, if set; `None` means `about:blank` in the problem
    /// format (and no `type` in the others).
    pub fn type_uri(&self) -> Option<&str> {
        self.problem_type.as_ref().map(Template::readable)
    }

    /// The `type` URI with its structure.
    pub fn type_template(&self) -> Option<&Template> {
        self.problem_type.as_ref()
    }

    /// The `type_base` the `type` URI was built from (base + slug), when the base gave it.
    pub fn type_base(&self) -> Option<&str> {
        self.type_base.as_deref()
    }

    /// The name of this response's page in the catalogue's site (`write_site`, feature
    /// `site`): the rest of the `type` URI after the `type_base` that gave it, else the literal
    /// code in lower kebab case (`USER_NOT_FOUND` → `user-not-found`); `None` when there is
    /// neither.
    pub fn slug(&self) -> Option<Cow<'_, str>> {
        if let (Some(base), Some(uri)) = (self.type_base(), self.type_uri()) {
            let rest = uri.strip_prefix(base).filter(|rest| valid_slug(rest));
            if let Some(rest) = rest {
                return Some(Cow::Borrowed(rest));
            }
        }
        let code = self.code.as_ref().filter(|code| code.is_literal())?;
        let slug = kebab(code.readable());
        (!slug.is_empty()).then_some(Cow::Owned(slug))
    }

    /// The `instance` URI, readable, if set.
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_ref().map(Template::readable)
    }

    /// The `instance` with its structure.
    pub fn instance_template(&self) -> Option<&Template> {
        self.instance.as_ref()
    }

    /// Whether a client may retry the request (`retryable = …`; by default true for 408, 425,
    /// 429, 502, 503 and 504).
    pub fn retryable(&self) -> bool {
        self.retryable
    }

    /// The level at which building this response is logged (`level = "…"`; by default
    /// `error` for 5xx, `debug` for 4xx, `off` otherwise).
    pub fn level(&self) -> LogLevel {
        self.level
    }

    /// The gRPC code name a `tonic::Status` built from this response carries (`grpc = "…"`,
    /// else google.rpc.Code's application mapping of the status: `"NOT_FOUND"` for 404).
    #[cfg(feature = "tonic")]
    pub fn grpc_code(&self) -> &str {
        &self.grpc_code
    }

    /// The header fields, without `Content-Type`.
    pub fn headers(&self) -> &[HeaderDescription] {
        &self.headers
    }

    /// The extension members.
    pub fn members(&self) -> &[MemberDescription] {
        &self.members
    }

    /// An example body: the exact body when nothing in it is interpolated
    /// ([`example_is_exact`](Self::example_is_exact)), else the body sent for sample values
    /// (a number for an integer field, `"example"` for text: [`ValueKind::sample_json`]).
    /// `None` for the `serde` and custom formats, and for responses without a body.
    pub fn example(&self) -> Option<&str> {
        self.example.as_deref()
    }

    /// Whether [`example`](Self::example) is the exact body every value of this variant sends.
    pub fn example_is_exact(&self) -> bool {
        self.example_exact
    }
}

/// A page name the site can write: one or more path segments of unreserved URI characters,
/// none of them `.` or `..`.
pub(crate) fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('/').all(|segment| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
        })
}

/// Lower kebab case, as heck writes it for `type_base` slugs: words split at anything that is
/// not an ASCII letter or digit and where a lower-case letter meets an upper-case one
/// (`USER_NOT_FOUND`, `UserNotFound`, `userNotFound` → `user-not-found`; `HTTPError` →
/// `http-error`).
pub(crate) fn kebab(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    let mut pending_dash = false;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            pending_dash = !out.is_empty();
            continue;
        }
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = c.is_ascii_uppercase()
            && match previous {
                Some(p) if p.is_ascii_lowercase() => true,
                // The last capital of an acronym starts the next word: `HTTPError`.
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
        if (pending_dash || boundary) && !out.is_empty() {
            out.push('-');
        }
        pending_dash = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::kebab;

    #[test]
    fn kebab_case_is_heck_s() {
        for (text, expected) in [
            ("USER_NOT_FOUND", "user-not-found"),
            ("UserNotFound", "user-not-found"),
            ("userNotFound", "user-not-found"),
            ("HTTPError", "http-error"),
            ("E2E_FAILED", "e2e-failed"),
            ("Error404", "error404"),
            ("users.not_found", "users-not-found"),
            ("__X__", "x"),
            ("", ""),
            ("ÉTÉ", "t"),
        ] {
            assert_eq!(kebab(text), expected, "{text}");
        }
    }
}
