//! Assembles responses for generated code. Everything that can be known at compile time
//! arrives here pre-rendered as `&'static` data; what is left is formatting the interpolated
//! values, serializing members, and putting the parts together.
//!
//! Nothing here panics: a `Display` or `Serialize` that fails drops its member, a header value
//! that is not a valid field value is left out, a required one turns the response into a 500,
//! and header insertion uses the fallible `try_*` methods.

pub(crate) mod google;
pub(crate) mod headers;
pub(crate) mod writer;

use crate::context::{self, Context, Prefer};
use crate::format::{BodyFormat, APPLICATION_JSON, PROBLEM_JSON, TEXT_PLAIN};
use crate::observe::{self, capture, ErrorMeta, Explanation, Meta};
use crate::problem::{Member, Problem};
use crate::HttpStatus;
use bytes::Bytes;
use core::fmt;
use headers::InvalidRequired;
use http::header::{CONTENT_TYPE, VARY};
use http::{HeaderValue, Response, StatusCode};
use std::borrow::Cow;
use writer::Writer;

/// How a variant's body is written, and what is known of its response besides (for logs,
/// middleware and gRPC), at compile time.
#[derive(Clone, Copy)]
pub struct Kind {
    format: BodyFormat,
    /// The variant writes its own `instance`.
    instance: bool,
    /// The custom format's writer.
    write: Option<fn(&Problem<'_>, &mut Vec<u8>)>,
    meta: Meta,
}

impl Kind {
    const fn of(format: BodyFormat) -> Self {
        Kind {
            format,
            instance: false,
            write: None,
            meta: Meta::new().formatted(format),
        }
    }

    /// A 5xx whose value-derived text is sent (`expose`).
    pub const fn exposed(mut self) -> Self {
        self.meta.exposed = true;
        self
    }

    /// The variant is `Type::Variant` (OpenTelemetry's `error.type` when it has no literal
    /// code).
    pub const fn named(mut self, name: &'static str) -> Self {
        self.meta.error_type = name;
        self
    }

    /// The variant's literal code (also its `error.type`).
    pub const fn coded(mut self, code: &'static str) -> Self {
        self.meta.error_type = code;
        self.meta.coded = true;
        self
    }

    /// `level = …`.
    pub const fn level(mut self, level: http_status_core::LogLevel) -> Self {
        self.meta.level = Some(level);
        self
    }

    /// `retryable = …`.
    pub const fn retryable(mut self, retryable: bool) -> Self {
        self.meta.retryable = Some(retryable);
        self
    }

    /// `grpc = …`.
    pub const fn grpc(mut self, code: &'static str) -> Self {
        self.meta.grpc = Some(code);
        self
    }

    /// `code_header = …`: the code also goes in this header.
    pub const fn code_header(mut self, name: &'static str) -> Self {
        self.meta.code_header = Some(name);
        self
    }

    /// The variant sets `instance` itself.
    pub const fn with_instance(mut self) -> Self {
        self.instance = true;
        self
    }

    /// A custom [`Format`](crate::Format).
    pub const fn custom<F: crate::Format>() -> Self {
        Kind {
            write: Some(F::write),
            ..Kind::of(BodyFormat::Custom {
                content_type: F::CONTENT_TYPE,
            })
        }
    }
}

/// The built-in kinds, under short names for generated code.
pub const PROBLEM: Kind = Kind::of(BodyFormat::Problem);
/// See [`PROBLEM`].
pub const JSON: Kind = Kind::of(BodyFormat::Json);
/// See [`PROBLEM`].
pub const TEXT: Kind = Kind::of(BodyFormat::Text);
/// See [`PROBLEM`].
pub const SERDE: Kind = Kind::of(BodyFormat::Serde);
/// See [`PROBLEM`].
pub const MEMBERS: Kind = Kind::of(BodyFormat::Members);
/// See [`PROBLEM`].
pub const GOOGLE: Kind = Kind {
    write: Some(google::write),
    ..Kind::of(BodyFormat::Google)
};
/// See [`PROBLEM`].
pub const EMPTY: Kind = Kind::of(BodyFormat::Empty);

const PROBLEM_VALUE: HeaderValue = HeaderValue::from_static(PROBLEM_JSON);
const JSON_VALUE: HeaderValue = HeaderValue::from_static(APPLICATION_JSON);
const TEXT_VALUE: HeaderValue = HeaderValue::from_static(TEXT_PLAIN);
const ACCEPT: HeaderValue = HeaderValue::from_static("Accept");

/// The representation actually sent: the format's own, or the one the client negotiated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Repr {
    Format,
    Json,
    Text,
}

impl Repr {
    #[inline]
    fn of(format: BodyFormat, cx: Option<&Context>) -> Repr {
        let Some(cx) = cx else {
            return Repr::Format;
        };
        match cx.prefer() {
            Prefer::Json if format == BodyFormat::Problem => Repr::Json,
            Prefer::Text if format.is_builtin_json() => Repr::Text,
            _ => Repr::Format,
        }
    }

    fn content_type(self, format: BodyFormat) -> Option<HeaderValue> {
        match (self, format) {
            (Repr::Json, _) => Some(JSON_VALUE),
            (Repr::Text, _) => Some(TEXT_VALUE),
            (Repr::Format, BodyFormat::Problem) => Some(PROBLEM_VALUE),
            (
                Repr::Format,
                BodyFormat::Json | BodyFormat::Serde | BodyFormat::Members | BodyFormat::Google,
            ) => Some(JSON_VALUE),
            (Repr::Format, BodyFormat::Text) => Some(TEXT_VALUE),
            (Repr::Format, BodyFormat::Custom { content_type }) => {
                HeaderValue::from_str(content_type).ok()
            }
            (Repr::Format, BodyFormat::Empty) => None,
        }
    }
}

/// Room reserved for what is formatted at run time (quotes and escapes included): most
/// messages fit, so the buffer is allocated once; a longer one grows it.
pub const ROOM: usize = 64;

/// A response with no body and no `Content-Type` (204, 205, 304, `format = "none"`).
#[inline]
pub fn empty<T: HttpStatus + ?Sized>(value: &T, kind: Kind) -> Response<Bytes> {
    let cx = context::current();
    respond(
        value,
        &kind,
        Repr::Format,
        Bytes::new(),
        None,
        cx.as_deref(),
    )
}

/// A response whose body was rendered at compile time; `text` is its text representation (the
/// detail, else the title) for a client that accepts only text.
#[inline]
pub fn fixed<T: HttpStatus + ?Sized>(
    value: &T,
    kind: Kind,
    body: &'static str,
    text: &'static str,
) -> Response<Bytes> {
    let Some(cx) = context::current() else {
        return respond(
            value,
            &kind,
            Repr::Format,
            Bytes::from_static(body.as_bytes()),
            None,
            None,
        );
    };
    let repr = Repr::of(kind.format, Some(&cx));
    let body = match repr {
        Repr::Text => Bytes::from_static(text.as_bytes()),
        _ if kind.format.is_builtin_json() => {
            let open = body.strip_suffix('}').unwrap_or(body);
            let mut writer = Writer::json(body.len() + context_room(&cx));
            writer.raw(open);
            let explain = |f: &mut dyn FnMut(Explanation<'_>)| value.__http_status_explain(f);
            let internals = Internals::of(&cx, &kind, || value.status(), &explain);
            close_with_context(&mut writer, &kind, &cx, internals);
            Bytes::from(writer.into_bytes())
        }
        _ => Bytes::from_static(body.as_bytes()),
    };
    respond(value, &kind, repr, body, None, Some(&cx))
}

/// A problem or json body with parts formatted now: `fill` writes the members (the object is
/// closed here), `capacity` is the size of the static parts plus [`ROOM`], `text` the text
/// representation when the detail is not formatted now.
#[inline]
pub fn built<T: HttpStatus + ?Sized>(
    value: &T,
    kind: Kind,
    capacity: usize,
    text: &'static str,
    fill: impl FnOnce(&mut Writer),
) -> Response<Bytes> {
    built_or(value, kind, capacity, Some(text), fill)
}

/// [`built`]; without a `text`, the registry's title of the value's status.
#[inline]
fn built_or<T: HttpStatus + ?Sized>(
    value: &T,
    kind: Kind,
    capacity: usize,
    text: Option<&'static str>,
    fill: impl FnOnce(&mut Writer),
) -> Response<Bytes> {
    let cx = context::current();
    let repr = Repr::of(kind.format, cx.as_deref());
    let keep_code = kind.meta.code_header.is_some() || described(cx.as_deref());
    let (body, code) = if repr == Repr::Text {
        let mut writer = Writer::text();
        writer.keep_code = keep_code;
        fill(&mut writer);
        let code = writer.code.take();
        let body = match writer.captured() {
            Some(detail) => Bytes::from(detail),
            None => {
                let text = text.unwrap_or_else(|| title_of(value.status()));
                Bytes::from_static(text.as_bytes())
            }
        };
        (body, code)
    } else {
        // `capacity` has room for the formatted parts as the derive estimated it; one `ROOM`
        // more is free (the allocator serves both sizes alike) while growing the buffer
        // costs a reallocation and a copy: thiserror's texts with a string or two often
        // exceed the estimate.
        let context = cx.as_deref().map_or(0, context_room);
        let mut writer = Writer::json(capacity + ROOM + context);
        writer.keep_code = keep_code;
        fill(&mut writer);
        match &cx {
            Some(cx) => {
                let explain = |f: &mut dyn FnMut(Explanation<'_>)| value.__http_status_explain(f);
                let internals = Internals::of(cx, &kind, || value.status(), &explain);
                close_with_context(&mut writer, &kind, cx, internals);
            }
            None => writer.close(),
        }
        let code = writer.code.take();
        (Bytes::from(writer.into_bytes()), code)
    };
    respond(
        value,
        &kind,
        repr,
        body,
        code.map(Cow::Owned),
        cx.as_deref(),
    )
}

/// The common case of [`built`], one call for generated code: an opening `head` known at
/// compile time, a detail formatted now under `key`, and a `tail` of members known at compile
/// time (empty for none). `text` is sent instead of the detail to a client that accepts only
/// text if the detail's `Display` fails.
#[inline]
pub fn detailed<T: HttpStatus + ?Sized>(
    value: &T,
    kind: Kind,
    text: &'static str,
    head: &'static str,
    key: &'static str,
    detail: fmt::Arguments<'_>,
    tail: &'static str,
) -> Response<Bytes> {
    detailed_or(value, kind, Some(text), head, key, detail, tail)
}

/// [`detailed`]; without a `text`, the registry's title (see [`built_or`]). The buffer is sized for the static
/// parts and one formatted member, as the derive sized it when it passed the capacity (one
/// argument less in every arm).
#[inline]
fn detailed_or<T: HttpStatus + ?Sized>(
    value: &T,
    kind: Kind,
    text: Option<&'static str>,
    head: &'static str,
    key: &'static str,
    detail: fmt::Arguments<'_>,
    tail: &'static str,
) -> Response<Bytes> {
    let capacity = head.len() + tail.len() + 2 + ROOM;
    built_or(value, kind, capacity, text, |writer| {
        writer.raw(head);
        writer.detail(key, detail);
        if !tail.is_empty() {
            writer.lit(tail);
        }
    })
}

// The commonest arms, a problem body whose `Kind` is the format's with nothing but its
// `error.type`, take that text instead of a `Kind` expression, and the detailed ones, whose
// title is the registry's, no title: on a 1,000-variant enum each argument of every arm costs
// rustc about 20 K instructions, and the constant with its method call 40 K
// (docs/PERFORMANCE.md). One pair for a literal code, one for a variant without one.
macro_rules! problem_shortcuts {
    ($fixed:ident, $detailed:ident, $method:ident, $what:literal) => {
        #[doc = concat!("[`fixed`] of a problem body ", $what, ".")]
        #[inline]
        pub fn $fixed<T: HttpStatus + ?Sized>(
            value: &T,
            error_type: &'static str,
            body: &'static str,
            text: &'static str,
        ) -> Response<Bytes> {
            fixed(value, PROBLEM.$method(error_type), body, text)
        }

        #[doc = concat!("[`detailed`] of a problem body ", $what, ", with the registry's title.")]
        #[inline]
        pub fn $detailed<T: HttpStatus + ?Sized>(
            value: &T,
            error_type: &'static str,
            head: &'static str,
            detail: fmt::Arguments<'_>,
            tail: &'static str,
        ) -> Response<Bytes> {
            let kind = PROBLEM.$method(error_type);
            detailed_or(value, kind, None, head, DETAIL, detail, tail)
        }
    };
}

problem_shortcuts!(coded_fixed, coded_detailed, coded, "with this literal code");
problem_shortcuts!(
    named_fixed,
    named_detailed,
    named,
    "without a literal code (`error.type` is `Type::Variant`)"
);

/// The title of a problem with this status: the registry's reason phrase.
fn title_of(status: StatusCode) -> &'static str {
    http_status_core::lookup(status.as_u16())
        .map(|info| info.reason)
        .or(status.canonical_reason())
        .unwrap_or("Error")
}

/// The key of a problem's detail.
const DETAIL: &str = "\"detail\":";

/// Room for what the request context adds to a body: `instance`, the request id member
/// and, in development, more (which may then grow the buffer).
fn context_room(cx: &Context) -> usize {
    // `,"instance":` and `,"<member>":`, quotes, a few escapes, and the id (a UUID's 36 bytes
    // unless the client sent a longer one).
    96 + cx.path().len() + cx.member_key().len()
}

/// A value's `__http_status_explain`, as a closure over the value.
type Explain<'a> = dyn Fn(&mut dyn FnMut(Explanation<'_>)) + 'a;

/// What a development body (`expose_internals`) says of a 5xx besides: the value's account
/// of itself, or a framework's text.
#[derive(Clone, Copy)]
enum Internals<'a> {
    None,
    Value(&'a Explain<'a>),
    /// A framework's text (the layers').
    #[cfg_attr(
        not(any(
            feature = "tower",
            feature = "actix-web",
            feature = "poem",
            feature = "rocket"
        )),
        allow(dead_code)
    )]
    Text(&'a str),
}

impl<'a> Internals<'a> {
    /// The value's account (`explain`), when the layer exposes internals (never in a build
    /// without `debug_assertions`) and the response is a 5xx in the problem or json format.
    #[inline]
    fn of(
        cx: &Context,
        kind: &Kind,
        status: impl FnOnce() -> StatusCode,
        explain: &'a Explain<'a>,
    ) -> Self {
        if cfg!(debug_assertions)
            && cx.expose_internals()
            && kind.format.is_builtin_json()
            && status().is_server_error()
        {
            Internals::Value(explain)
        } else {
            Internals::None
        }
    }
}

/// The members the request context adds (and the development member), then the closing
/// brace.
fn close_with_context(writer: &mut Writer, kind: &Kind, cx: &Context, internals: Internals<'_>) {
    if kind.format == BodyFormat::Problem && !kind.instance && !writer.instance {
        writer.keyed_member("\"instance\":", cx.path().as_bytes());
    }
    // Visible ASCII (checked or generated so), read as it is.
    writer.keyed_member(cx.member_key(), cx.request_id_value().as_bytes());
    match internals {
        Internals::None => {}
        Internals::Value(explain) => explain(&mut |explained| {
            writer.debug(explained.message, explained.sources);
        }),
        Internals::Text(text) => writer.debug(&text, None),
    }
    writer.close();
}

/// A `text/plain` body formatted now; `fallback` (the reason phrase) if `Display` fails.
#[inline]
pub fn text<T: HttpStatus + ?Sized>(
    value: &T,
    kind: Kind,
    fallback: &'static str,
    detail: fmt::Arguments<'_>,
) -> Response<Bytes> {
    let mut text = String::with_capacity(ROOM);
    let body = match fmt::write(&mut text, detail) {
        Ok(()) => Bytes::from(text),
        Err(fmt::Error) => Bytes::from_static(fallback.as_bytes()),
    };
    let cx = context::current();
    respond(value, &kind, Repr::Format, body, None, cx.as_deref())
}

/// `format = "serde"`: the value itself, serialized. If its `Serialize` fails, the response
/// is a 500 with the hidden server-error body.
pub fn serde<T, V>(value: &T, kind: Kind, serialized: &V) -> Response<Bytes>
where
    T: HttpStatus + ?Sized,
    V: serde::Serialize + ?Sized,
{
    let cx = context::current();
    let mut body = Vec::with_capacity(ROOM * 2);
    if !crate::serialize::write_json(&mut body, serialized) {
        return degrade(value, &kind, Failure::Body, cx.as_deref());
    }
    respond(
        value,
        &kind,
        Repr::Format,
        Bytes::from(body),
        None,
        cx.as_deref(),
    )
}

/// A text known now or formatted now, for a custom format's [`Parts`].
pub enum Text<'a> {
    /// Known at compile time.
    Static(&'static str),
    /// Formatted now.
    Args(fmt::Arguments<'a>),
}

impl Text<'_> {
    fn resolve(self) -> Option<std::borrow::Cow<'static, str>> {
        match self {
            Text::Static(text) => Some(text.into()),
            Text::Args(args) => {
                let mut text = String::new();
                fmt::write(&mut text, args).ok()?;
                Some(text.into())
            }
        }
    }
}

/// The parts of a response in a custom format, as generated code gives them.
pub struct Parts<'a> {
    /// The title.
    pub title: &'static str,
    /// The detail (`None` when there is none or it is hidden).
    pub detail: Option<Text<'a>>,
    /// The machine-readable code.
    pub code: Option<Text<'a>>,
    /// The problem type URI.
    pub type_uri: Option<Text<'a>>,
    /// The instance URI.
    pub instance: Option<Text<'a>>,
    /// The extension members.
    pub members: &'a [Member<'a>],
    /// The `#[status(errors)]` field, if any.
    pub errors: Option<&'a dyn crate::Violations>,
}

impl Parts<'_> {
    /// Parts with only a title.
    pub fn titled(title: &'static str) -> Self {
        Parts {
            title,
            detail: None,
            code: None,
            type_uri: None,
            instance: None,
            members: &[],
            errors: None,
        }
    }
}

/// A body written by a custom [`Format`](crate::Format).
pub fn custom<T: HttpStatus + ?Sized>(value: &T, kind: Kind, parts: Parts<'_>) -> Response<Bytes> {
    let cx = context::current();
    let uri = |text: Option<Text<'_>>| {
        text.and_then(Text::resolve).filter(|uri| {
            http_status_core::header::check_value(
                http_status_core::header::Grammar::UriReference,
                uri,
            )
            .is_ok()
        })
    };
    let detail = parts.detail.and_then(Text::resolve);
    let code = parts.code.and_then(Text::resolve);
    let violations = parts.errors.map(|errors| errors.violations());
    let type_uri = uri(parts.type_uri);
    let instance = uri(parts.instance);
    let mut problem = Problem::new(value.status(), parts.title)
        .with_detail(detail.as_deref())
        .with_code(code.as_deref())
        .with_instance(instance.as_deref())
        .with_extensions(parts.members)
        .with_violations(violations.as_deref().unwrap_or(&[]));
    if let Some(type_uri) = type_uri.as_deref() {
        problem = problem.with_type_uri(type_uri);
    }
    let extras =
        (kind.format == BodyFormat::Google).then(|| google::Extras::of(value, kind.meta.grpc));
    problem.google = extras.as_ref();
    let body = write_custom(&kind, problem, cx.as_deref());
    respond(value, &kind, Repr::Format, body, code, cx.as_deref())
}

/// The body `kind`'s custom format writes for `problem`, with the request context's instance
/// and request id.
fn write_custom<'a>(kind: &Kind, mut problem: Problem<'a>, cx: Option<&'a Context>) -> Bytes {
    if let Some(cx) = cx {
        if problem.instance().is_none() {
            problem = problem.with_instance(Some(cx.path()));
        }
        problem = problem.with_request_id(cx.member(), cx.request_id());
    }
    let mut body = Vec::with_capacity(ROOM * 2);
    if let Some(write) = kind.write {
        write(&problem, &mut body);
    }
    Bytes::from(body)
}

/// A `transparent` or `delegate` variant: the response of the field, built by `build` (the
/// field type's `to_response`, named by generated code so that a type without `HttpStatus` is
/// reported at the field). A 5xx is reported by the outer value, which knows the most.
///
/// The field's type may implement `HttpStatus` by hand, where nothing checked its responses at
/// compile time: one the derive would refuse (a 1xx, a body on 204/205/304, a required header
/// missing or invalid) becomes the hidden 500 instead.
pub fn delegate<T: HttpStatus + ?Sized, F: ?Sized>(
    outer: &T,
    inner: &F,
    build: fn(&F) -> Response<Bytes>,
) -> Response<Bytes> {
    let (mut response, inner_meta) = capture::delegating(|| build(inner));
    drop_invalid_headers(response.headers_mut());
    let meta = inner_meta.unwrap_or_default();
    if let Some(invalid) = invalid_response(&response) {
        let cx = context::current();
        let kind = Kind { meta, ..PROBLEM };
        return degrade(outer, &kind, Failure::Inner(invalid), cx.as_deref());
    }
    // Logged once, by the outermost value (its text and chain say the most), at the inner
    // response's level: unless a value further out delegates to this one in turn.
    let status = response.status();
    let cx = context::current();
    observe::built(outer, &meta, status, cx.as_deref());
    if let Some(error_meta) = response.extensions_mut().get_mut::<ErrorMeta>() {
        if error_meta.internal_message.is_some() {
            error_meta.internal_message = internal_message(outer, status, &meta);
        }
    }
    response
}

/// Leaves out the header values that fail their field's grammar, as for a value interpolated in
/// a derived type (a required one missing then makes the response the hidden 500).
fn drop_invalid_headers(headers: &mut http::HeaderMap) {
    let valid = |name: &http::HeaderName, value: &HeaderValue| {
        core::str::from_utf8(value.as_bytes()).is_ok_and(|text| {
            let grammar = http_status_core::header::grammar_of(name.as_str());
            http_status_core::header::check_value(grammar, text).is_ok()
        })
    };
    if headers.iter().all(|(name, value)| valid(name, value)) {
        return;
    }
    let mut kept = http::HeaderMap::with_capacity(headers.len());
    for (name, value) in headers.iter().filter(|(name, value)| valid(name, value)) {
        let _ = kept.try_append(name.clone(), value.clone());
    }
    *headers = kept;
}

/// What makes a response one `http-status` would not send, if anything.
fn invalid_response(response: &Response<Bytes>) -> Option<&'static str> {
    let status = response.status();
    if status.is_informational() {
        return Some("an informational (1xx) status");
    }
    let info = http_status_core::lookup(status.as_u16())?;
    if info.content_forbidden && !response.body().is_empty() {
        return Some("a body on a status whose responses have none");
    }
    http_status_core::required_headers(info)
        .find(|required| {
            let value = response.headers().get(required.name);
            !value
                .and_then(|v| core::str::from_utf8(v.as_bytes()).ok())
                .is_some_and(|v| required.satisfied_by(v))
        })
        .map(|required| required.name)
}

/// The status `to_response` sends, without building the body: a 500 when a required header's
/// value is invalid, else `status()`.
#[cfg(any(feature = "actix-web", feature = "poem"))]
pub(crate) fn effective_status<T: HttpStatus + ?Sized>(value: &T) -> StatusCode {
    let mut headers = http::HeaderMap::new();
    match value.__http_status_headers(&mut headers) {
        Ok(()) => value.status(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Assembles the response of `value`: its status and headers, the Content-Type of the
/// representation sent, and `body`; logs it at its level; and under a layer (or for
/// `ErrorMeta::of`) describes it in its extensions. `code` is the code the body sends when it
/// was interpolated (else the literal one of `kind`, if any).
#[inline]
fn respond<T: HttpStatus + ?Sized>(
    value: &T,
    kind: &Kind,
    repr: Repr,
    body: Bytes,
    code: Option<Cow<'static, str>>,
    cx: Option<&Context>,
) -> Response<Bytes> {
    let described = described(cx);
    let mut response = Response::new(body);
    if let Err(invalid) = value.__http_status_headers(response.headers_mut()) {
        return degrade(value, kind, Failure::Header(invalid), cx);
    }
    let status = value.status();
    *response.status_mut() = status;
    observe::built(value, &kind.meta, status, cx);
    decorate(&mut response, kind.format, repr, cx);
    // Most responses have neither a code header nor a reader of their `ErrorMeta`: the code is
    // looked at only for those that do.
    if kind.meta.code_header.is_none() && !described {
        return response;
    }
    // The literal code is borrowed, an interpolated one moved: no copy either way.
    let code = code.or_else(|| kind.meta.code().map(Cow::Borrowed));
    if let (Some(name), Some(code)) = (kind.meta.code_header, &code) {
        add_code_header(response.headers_mut(), name, code);
    }
    if described {
        let meta = error_meta(value, &kind.meta, status, code, cx);
        response.extensions_mut().insert(meta);
    }
    response
}

/// `code_header`: the code in a header of the API's choosing, equal to the body's. A code
/// that is not visible ASCII (an interpolated one) stays in the body only.
fn add_code_header(headers: &mut http::HeaderMap, name: &str, code: &str) {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_graphic()) {
        return;
    }
    if let (Ok(name), Ok(value)) = (
        http::HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_str(code),
    ) {
        let _ = headers.try_insert(name, value);
    }
}

/// Whether a response gets its `ErrorMeta`: under a layer, or for `ErrorMeta::of`.
#[inline]
fn described(cx: Option<&Context>) -> bool {
    cx.is_some() || capture::describing()
}

/// The facts of a response for middleware.
fn error_meta<T: HttpStatus + ?Sized>(
    value: &T,
    meta: &Meta,
    status: StatusCode,
    code: Option<Cow<'static, str>>,
    cx: Option<&Context>,
) -> ErrorMeta {
    ErrorMeta {
        status,
        code,
        meta: *meta,
        type_name: core::any::type_name::<T>(),
        request_id: cx.map(|cx| cx.request_id_value().clone()),
        internal_message: internal_message(value, status, meta),
    }
}

/// The text a 5xx body hid: the value's `Display` (else `Debug`), unless it was exposed.
fn internal_message<T: HttpStatus + ?Sized>(
    value: &T,
    status: StatusCode,
    meta: &Meta,
) -> Option<String> {
    if !status.is_server_error() || meta.exposed {
        return None;
    }
    let mut text = None;
    value.__http_status_explain(&mut |explained| {
        text = Some(explained.message.to_string());
    });
    text
}

/// The Content-Type of the representation, and what the request context adds.
#[inline]
fn decorate(response: &mut Response<Bytes>, format: BodyFormat, repr: Repr, cx: Option<&Context>) {
    let headers = response.headers_mut();
    if let Some(content_type) = repr.content_type(format) {
        // Fails only past 32,768 fields, which a derived type cannot reach.
        let _ = headers.try_insert(CONTENT_TYPE, content_type);
    }
    if let Some(cx) = cx {
        let _ = headers.try_insert(cx.header().clone(), cx.request_id_value().clone());
        if format.is_builtin_json() {
            let _ = headers.try_append(VARY, ACCEPT);
        }
    }
}

/// A response with `status` and no header of the variant.
fn bare(
    status: StatusCode,
    format: BodyFormat,
    repr: Repr,
    body: Bytes,
    cx: Option<&Context>,
) -> Response<Bytes> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    decorate(&mut response, format, repr, cx);
    response
}

/// Why a response could not be built as declared.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
#[derive(Clone, Copy)]
enum Failure {
    /// A required header's interpolated value was invalid (logged with `tracing`).
    Header(InvalidRequired),
    /// The value's `Serialize` failed (`format = "serde"`).
    Body,
    /// A `transparent` or `delegate` field's hand-written impl built an invalid response: what
    /// was wrong with it.
    Inner(&'static str),
}

/// The response that goes out instead of an invalid one: a 500 with the hidden server-error
/// body in the variant's format (the problem format for `serde` and `none`), without the
/// variant's headers.
fn degrade<T: HttpStatus + ?Sized>(
    value: &T,
    kind: &Kind,
    failure: Failure,
    cx: Option<&Context>,
) -> Response<Bytes> {
    let meta = kind.meta.degraded();
    // Inside a delegation, the outermost value logs (at error level, as the 500 it became).
    if !capture::taken(&meta) {
        #[cfg(feature = "tracing")]
        {
            use crate::observe::tracing::{degraded, Degraded};
            let why = match failure {
                Failure::Header(invalid) => Degraded::Header(invalid),
                Failure::Body => Degraded::Body,
                Failure::Inner(why) => Degraded::Inner(why),
            };
            degraded(value, &meta, why, cx);
        }
    }
    let _ = failure;
    let status = StatusCode::INTERNAL_SERVER_ERROR;
    let problem = Problem::new(status, "Internal Server Error");
    let format = match kind.format {
        BodyFormat::Serde | BodyFormat::Empty => BodyFormat::Problem,
        other => other,
    };
    let explain = |f: &mut dyn FnMut(Explanation<'_>)| value.__http_status_explain(f);
    let internals = match cx {
        Some(cx) => Internals::of(cx, &Kind { format, ..*kind }, || status, &explain),
        None => Internals::None,
    };
    let (format, body, repr) = render(problem, format, kind, cx, internals);
    let mut response = bare(status, format, repr, body, cx);
    if described(cx) {
        let meta = error_meta(value, &meta, status, None, cx);
        response.extensions_mut().insert(meta);
    }
    response
}

/// The body of a problem that no derived variant describes (a degraded response, a
/// framework's error), in `format`, negotiated by the context.
fn render<'a>(
    problem: Problem<'a>,
    format: BodyFormat,
    kind: &Kind,
    cx: Option<&'a Context>,
    internals: Internals<'_>,
) -> (BodyFormat, Bytes, Repr) {
    let repr = Repr::of(format, cx);
    let body = match (repr, format) {
        (Repr::Text, _) | (_, BodyFormat::Text) => Bytes::from(
            problem
                .detail()
                .unwrap_or(problem.title())
                .as_bytes()
                .to_vec(),
        ),
        (_, BodyFormat::Custom { .. } | BodyFormat::Google) => write_custom(kind, problem, cx),
        // The members format's members are the variant's; a hidden 500 has none.
        (_, BodyFormat::Members) => Bytes::from_static(b"{}"),
        (_, BodyFormat::Json) => {
            let mut writer = Writer::json(ROOM * 2);
            writer.raw("{");
            writer.str_member("error", problem.title());
            if let Some(detail) = problem.detail() {
                writer.str_member("message", detail);
            }
            close(&mut writer, BodyFormat::Json, cx, internals);
            Bytes::from(writer.into_bytes())
        }
        _ => {
            let mut writer = Writer::json(ROOM * 3);
            writer.raw("{");
            writer.str_member("type", problem.type_uri());
            writer.str_member("title", problem.title());
            writer.status(problem.status());
            if let Some(detail) = problem.detail() {
                writer.str_member("detail", detail);
            }
            close(&mut writer, BodyFormat::Problem, cx, internals);
            Bytes::from(writer.into_bytes())
        }
    };
    (format, body, repr)
}

fn close(writer: &mut Writer, format: BodyFormat, cx: Option<&Context>, internals: Internals<'_>) {
    match cx {
        Some(cx) => close_with_context(writer, &Kind::of(format), cx, internals),
        None => writer.close(),
    }
}

/// The problem body a layer or middleware (`crate::layer`) gives a framework's own error
/// response (a rejection, the router's 404): status kept, title the reason phrase, `detail`
/// the framework's text on a 4xx and nothing on a 5xx, with the request id and instance.
/// The layer has already taken the request id field and any `Content-Encoding` out of
/// `headers`.
#[cfg(any(
    feature = "tower",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket"
))]
pub(crate) fn framework_error(
    status: StatusCode,
    text: &str,
    mut headers: http::HeaderMap,
    cx: &Context,
) -> Response<Bytes> {
    let title = title_of(status);
    let detail = detail_text(text);
    let detail = (status.is_client_error() && !detail.is_empty()).then_some(detail);
    let problem = Problem::new(status, title).with_detail(detail);
    let hidden = detail_text(text);
    let internals = if cfg!(debug_assertions) && cx.expose_internals() && status.is_server_error() {
        Internals::Text(hidden)
    } else {
        Internals::None
    };
    let (format, body, repr) = render(problem, BodyFormat::Problem, &PROBLEM, Some(cx), internals);
    headers.remove(CONTENT_TYPE);
    headers.remove(http::header::CONTENT_LENGTH);
    let mut response = bare(status, format, repr, body, Some(cx));
    response.extensions_mut().insert(ErrorMeta {
        status,
        code: None,
        meta: Meta::new(),
        // No type: `error_type()` is the status code, as OpenTelemetry asks then.
        type_name: "",
        request_id: Some(cx.request_id_value().clone()),
        internal_message: (status.is_server_error() && !detail_text(text).is_empty())
            .then(|| detail_text(text).to_owned()),
    });
    // `into_iter` names a field once, before the first of its values.
    let mut name = None;
    for (next, value) in headers {
        name = next.or(name);
        if let Some(name) = &name {
            let _ = response.headers_mut().try_append(name.clone(), value);
        }
    }
    response
}

/// A framework's error text as a detail, or as the hidden text of a 5xx.
#[cfg(any(
    feature = "tower",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket"
))]
fn detail_text(text: &str) -> &str {
    text.trim()
}
