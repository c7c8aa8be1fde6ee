//! The catalogue of the responses a type can produce: for people (Markdown), for tools (JSON,
//! OpenAPI), and for a test that keeps codes consistent ([`ResponseCatalog::conflicts`]).

mod example;
mod markdown;

use crate::format::BodyFormat;
use crate::HttpStatus;
use http::StatusCode;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// What kind of value a header or member holds, as far as the derive can tell from its Rust
/// type: for documentation and the OpenAPI schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueKind {
    /// Any integer type.
    Integer,
    /// `f32`, `f64`.
    Number,
    /// `String`, `&str`, `char`, `Cow<str>`, and any text.
    String,
    /// `bool`.
    Boolean,
    /// A sequence (`Vec`, slices, sets).
    Array,
    /// A map (`HashMap`, `BTreeMap`).
    Object,
    /// Anything else: a type of the user's, serialized as it likes.
    Any,
}

impl ValueKind {
    /// The JSON Schema type name (`"integer"`, …; `"value"` for [`ValueKind::Any`]).
    pub const fn name(self) -> &'static str {
        match self {
            ValueKind::Integer => "integer",
            ValueKind::Number => "number",
            ValueKind::String => "string",
            ValueKind::Boolean => "boolean",
            ValueKind::Array => "array",
            ValueKind::Object => "object",
            ValueKind::Any => "value",
        }
    }
}

impl Serialize for ValueKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// A header field of a described response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeaderDescription {
    /// The field name, as written.
    pub name: &'static str,
    /// The value, readable: literal text as written, a field shown as its kind
    /// (`<integer>`).
    pub value: &'static str,
    /// The kind of value: the field's when the value is exactly one field, else `String`.
    pub kind: ValueKind,
}

/// An extension member of a described response (`#[status(extension)]`, `#[status(flatten)]`).
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct MemberDescription {
    /// The member's name; `None` for a flattened field, whose entries are members.
    pub name: Option<&'static str>,
    /// The field's Rust type, as written.
    pub type_name: &'static str,
    /// The kind of value.
    pub kind: ValueKind,
    /// The field type's OpenAPI schema (feature `utoipa`).
    pub schema: MemberSchema,
}

impl std::fmt::Debug for MemberDescription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemberDescription")
            .field("name", &self.name)
            .field("type_name", &self.type_name)
            .field("kind", &self.kind)
            .finish()
    }
}

/// The OpenAPI schema of a member's type, when the `utoipa` feature is on and the type
/// implements `utoipa::ToSchema` (else a free-form value).
#[derive(Clone, Copy, Default)]
pub struct MemberSchema {
    #[cfg(feature = "utoipa")]
    pub(crate) schema: Option<fn() -> utoipa::openapi::RefOr<utoipa::openapi::Schema>>,
}

/// One response a type can produce: one per variant (or per struct).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ResponseDescription {
    /// The status code.
    pub status: StatusCode,
    /// The title (problem format) or error phrase (json format): the reason phrase unless
    /// `reason = …` sets another.
    pub title: &'static str,
    /// The Rust name of the variant (or struct) that produces it.
    pub source: &'static str,
    /// The variant's doc comment, if it has one.
    pub doc: Option<&'static str>,
    /// The detail, message or text, readable: literal text as written, a field shown as its
    /// kind (`user <integer> not found`). `None` when there is none, or when it is hidden
    /// (see `detail_hidden`).
    pub message: Option<&'static str>,
    /// A server error whose value-derived text stays on the server (a 5xx without `expose`).
    pub detail_hidden: bool,
    /// The machine-readable `code`, readable like `message`.
    pub code: Option<&'static str>,
    /// Whether `code` is interpolated from a field (and so differs between responses).
    pub code_varies: bool,
    /// The body format.
    pub format: BodyFormat,
    /// The problem `type` URI, readable, if set.
    pub problem_type: Option<&'static str>,
    /// The problem `instance` URI, readable, if set.
    pub instance: Option<&'static str>,
    /// The header fields, without `Content-Type`.
    pub headers: Vec<HeaderDescription>,
    /// The extension members.
    pub members: Vec<MemberDescription>,
    /// The exact body when nothing in it is interpolated.
    pub example: Option<String>,
}

/// The JSON shape of the catalogue (written out, so the runtime needs no serde_derive).
impl Serialize for ResponseDescription {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("ResponseDescription", 15)?;
        out.serialize_field("status", &self.status.as_u16())?;
        out.serialize_field("title", self.title)?;
        out.serialize_field("source", self.source)?;
        out.serialize_field("doc", &self.doc)?;
        out.serialize_field("format", self.format.name())?;
        out.serialize_field("content_type", &self.format.content_type())?;
        out.serialize_field("message", &self.message)?;
        out.serialize_field("detail_hidden", &self.detail_hidden)?;
        out.serialize_field("code", &self.code)?;
        out.serialize_field("code_varies", &self.code_varies)?;
        out.serialize_field("type", &self.problem_type)?;
        out.serialize_field("instance", &self.instance)?;
        out.serialize_field("headers", &self.headers)?;
        out.serialize_field("members", &self.members)?;
        out.serialize_field("example", &self.example)?;
        out.end()
    }
}

impl Serialize for HeaderDescription {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("HeaderDescription", 3)?;
        out.serialize_field("name", self.name)?;
        out.serialize_field("value", self.value)?;
        out.serialize_field("kind", &self.kind)?;
        out.end()
    }
}

impl Serialize for MemberDescription {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("MemberDescription", 3)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("type", self.type_name)?;
        out.serialize_field("kind", &self.kind)?;
        out.end()
    }
}

impl ResponseDescription {
    /// A description with a status and a title (in the problem format, with nothing else), for
    /// hand-written `describe_responses` implementations.
    pub fn new(status: StatusCode, title: &'static str, source: &'static str) -> Self {
        ResponseDescription {
            status,
            title,
            source,
            doc: None,
            message: None,
            detail_hidden: false,
            code: None,
            code_varies: false,
            format: BodyFormat::Problem,
            problem_type: None,
            instance: None,
            headers: Vec::new(),
            members: Vec::new(),
            example: None,
        }
    }

    /// The `Content-Type` of the body, if it has one.
    pub fn content_type(&self) -> Option<&'static str> {
        self.format.content_type()
    }
}

/// How many transparent or delegated layers [`ResponseCatalog::include`] follows at most.
const MAX_DEPTH: usize = 32;

/// Every response a type can produce (transparent and delegated types included), in
/// declaration order.
///
/// ```
/// use http_status::{HttpStatus, ResponseCatalog};
///
/// #[derive(HttpStatus)]
/// enum ApiError {
///     /// The user does not exist.
///     #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
///     UserNotFound { id: u64 },
///     #[status(409, code = "EMAIL_TAKEN")]
///     EmailTaken,
/// }
///
/// let catalog = ResponseCatalog::of::<ApiError>();
/// assert_eq!(catalog.len(), 2);
/// assert_eq!(catalog[0].status, 404);
/// assert_eq!(catalog[0].message, Some("user <integer> not found"));
/// assert_eq!(catalog[0].doc, Some("The user does not exist."));
/// assert!(catalog.conflicts().is_empty());
/// println!("{}", catalog.to_markdown());
/// ```
#[derive(Debug, Default, Clone)]
pub struct ResponseCatalog {
    entries: Vec<ResponseDescription>,
    /// The `describe_responses` functions being run, outermost first: a type reached again
    /// through its own transparent fields (`Boxed(Box<Self>)`) is described once.
    describing: Vec<usize>,
}

impl ResponseCatalog {
    /// Every response `T` can produce.
    pub fn of<T: HttpStatus>() -> ResponseCatalog {
        let mut catalog = ResponseCatalog::default();
        catalog.include::<T>();
        catalog
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

    /// Every literal `code` used with more than one status, with the statuses and the
    /// variants: one test can assert that an API is consistent.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(HttpStatus)]
    /// #[status(400, code = "INVALID")]
    /// struct BadInput;
    ///
    /// #[derive(HttpStatus)]
    /// enum ApiError {
    ///     #[status(422, code = "INVALID")]
    ///     Unprocessable,
    ///     #[status(transparent)]
    ///     Input(BadInput),
    /// }
    ///
    /// let conflicts = ResponseCatalog::of::<ApiError>().conflicts();
    /// assert_eq!(conflicts.len(), 1);
    /// assert_eq!(conflicts[0].code, "INVALID");
    /// assert_eq!(conflicts[0].statuses, [422, 400]);
    /// assert_eq!(conflicts[0].sources, ["Unprocessable", "BadInput"]);
    /// ```
    pub fn conflicts(&self) -> Vec<CodeConflict> {
        let mut by_code: Vec<CodeConflict> = Vec::new();
        for entry in self.entries.iter().filter(|e| !e.code_varies) {
            let Some(code) = entry.code else { continue };
            match by_code.iter_mut().find(|c| c.code == code) {
                Some(conflict) => {
                    if !conflict.statuses.contains(&entry.status) {
                        conflict.statuses.push(entry.status);
                        conflict.sources.push(entry.source);
                    }
                }
                None => by_code.push(CodeConflict {
                    code,
                    statuses: vec![entry.status],
                    sources: vec![entry.source],
                }),
            }
        }
        by_code.retain(|c| c.statuses.len() > 1);
        by_code
    }

    /// The catalogue as a Markdown table, one row per response: status, code, Content-Type,
    /// message (placeholders shown as `<integer>`, `<string>`, …), headers, members and the
    /// variant with its doc comment.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(Debug, HttpStatus)]
    /// enum ApiError {
    ///     /// No user has this id.
    ///     #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let markdown = ResponseCatalog::of::<ApiError>().to_markdown();
    /// assert!(markdown.contains(
    ///     "| 404 Not Found | `USER_NOT_FOUND` | `application/problem+json` | user &lt;integer&gt; not found |"
    /// ));
    /// ```
    pub fn to_markdown(&self) -> String {
        markdown::render(&self.entries)
    }
}

/// A `code` used with more than one status.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeConflict {
    /// The code.
    pub code: &'static str,
    /// The statuses it is used with, in order of first use.
    pub statuses: Vec<StatusCode>,
    /// For each status, the first variant that uses the code with it.
    pub sources: Vec<&'static str>,
}

impl std::ops::Deref for ResponseCatalog {
    type Target = [ResponseDescription];

    fn deref(&self) -> &[ResponseDescription] {
        &self.entries
    }
}

impl<'a> IntoIterator for &'a ResponseCatalog {
    type Item = &'a ResponseDescription;
    type IntoIter = std::slice::Iter<'a, ResponseDescription>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl IntoIterator for ResponseCatalog {
    type Item = ResponseDescription;
    type IntoIter = std::vec::IntoIter<ResponseDescription>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// As a JSON array of response objects, in declaration order (see the README for the shape).
impl Serialize for ResponseCatalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries.serialize(serializer)
    }
}

/// What generated code describes a variant with: in a `static` for most variants (data rustc
/// evaluates once, with no code to compile), built in `describe_responses` for the few whose
/// description depends on a type (members, generics).
#[doc(hidden)]
pub struct Described<'a> {
    pub status: StatusCode,
    pub title: &'static str,
    pub source: &'static str,
    pub doc: Option<&'static str>,
    pub message: Option<&'static str>,
    pub detail_hidden: bool,
    pub code: Option<&'static str>,
    pub code_varies: bool,
    pub format: BodyFormat,
    pub problem_type: Option<&'static str>,
    pub instance: Option<&'static str>,
    /// The body is known at compile time: the catalogue renders it from the parts.
    pub static_body: bool,
    pub headers: &'a [HeaderDescription],
    pub members: &'a [MemberDescription],
}

/// Adds the responses encoded by the derive (see `http_status_core::catalog`): one string literal
/// for a run of variants, which costs the user's build next to nothing.
#[doc(hidden)]
pub fn describe_encoded(catalog: &mut ResponseCatalog, encoded: &'static str) {
    use http_status_core::catalog::{Format, Kind};
    for entry in http_status_core::catalog::decode(encoded) {
        let headers: Vec<HeaderDescription> = entry
            .headers()
            .map(|h| HeaderDescription {
                name: h.name,
                value: h.value,
                kind: match h.kind {
                    Kind::Integer => ValueKind::Integer,
                    Kind::Number => ValueKind::Number,
                    Kind::Boolean => ValueKind::Boolean,
                    Kind::String => ValueKind::String,
                },
            })
            .collect();
        let title = match (entry.title, http_status_core::lookup(entry.status)) {
            ("", Some(info)) => info.reason,
            (title, _) => title,
        };
        let flags = entry.flags;
        describe(
            catalog,
            &Described {
                status: crate::__private::status_code(entry.status),
                title,
                source: entry.source,
                doc: entry.doc,
                message: entry.message,
                detail_hidden: flags.detail_hidden,
                code: entry.code,
                code_varies: flags.code_varies,
                format: match flags.format {
                    Format::Problem => BodyFormat::Problem,
                    Format::Json => BodyFormat::Json,
                    Format::Text => BodyFormat::Text,
                    Format::Serde => BodyFormat::Serde,
                    Format::Empty => BodyFormat::Empty,
                },
                problem_type: entry.problem_type,
                instance: entry.instance,
                static_body: flags.static_body,
                headers: &headers,
                members: &[],
            },
        );
    }
}

#[doc(hidden)]
pub fn describe(catalog: &mut ResponseCatalog, described: &Described<'_>) {
    let mut description = ResponseDescription {
        status: described.status,
        title: described.title,
        source: described.source,
        doc: described.doc,
        message: described.message,
        detail_hidden: described.detail_hidden,
        code: described.code,
        code_varies: described.code_varies,
        format: described.format,
        problem_type: described.problem_type,
        instance: described.instance,
        headers: described.headers.to_vec(),
        members: described.members.to_vec(),
        example: None,
    };
    if described.static_body {
        description.example = example::render(&description);
    }
    catalog.push(description);
}

#[doc(hidden)]
pub const fn header(name: &'static str, value: &'static str, kind: ValueKind) -> HeaderDescription {
    HeaderDescription { name, value, kind }
}

#[doc(hidden)]
pub const fn member(
    name: Option<&'static str>,
    type_name: &'static str,
    kind: ValueKind,
    schema: MemberSchema,
) -> MemberDescription {
    MemberDescription {
        name,
        type_name,
        kind,
        schema,
    }
}

impl MemberSchema {
    #[doc(hidden)]
    pub const fn none() -> Self {
        MemberSchema {
            #[cfg(feature = "utoipa")]
            schema: None,
        }
    }
}
