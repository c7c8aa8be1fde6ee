//! What generated `Decode` code reads: a response (or a `tonic::Status`) parsed once into a
//! [`Received`] — its status, its code, its members and `errors`, its headers — the choice of
//! a variant ([`Select`]), and the getters each field comes back through. Nothing here panics;
//! anything that does not fit is a [`Miss`], which becomes [`Undecoded`].

use super::Undecoded;
use crate::render::google::pointer_of;
use crate::violation::Violation;
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Why a type did not decode a response: it is not one of its responses (another type of a
/// `transparent` field may have it), or it is, but a field did not come back (no other type
/// is asked then).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    NotMine,
    Malformed,
}

/// The two passes of decoding: first every type is asked whether a variant has the response's
/// code, then whether one alone has its status. (So a code an inner type of a `transparent`
/// field declares wins over a variant that only shares the status.)
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Code,
    Status,
}

/// What a variant's response looks like, by its format.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A JSON body (problem, json, members, serde, google).
    Json,
    /// `text/plain`.
    Text,
    /// No body (`none`, 204, 205, 304).
    Empty,
    /// A custom format: anything.
    Any,
}

/// What arrived, as far as decoding is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repr {
    Json,
    Text,
    Empty,
    Other,
    /// A `tonic::Status`: its details say what the body would.
    Grpc,
}

/// A response parsed for decoding.
#[doc(hidden)]
pub struct Received<'a> {
    status: StatusCode,
    /// The gRPC code's name, for a `tonic::Status`.
    grpc: Option<&'static str>,
    headers: Cow<'a, HeaderMap>,
    body: Cow<'a, [u8]>,
    repr: Repr,
    code: Option<String>,
    /// The members: the body's object, or `ErrorInfo.metadata` (strings).
    members: Map<String, Value>,
    /// The members are metadata text (gRPC, Google's JSON error): a value that is not a string
    /// was sent as its compact JSON.
    textual: bool,
    /// The `errors` list in its wire form.
    errors: Option<Value>,
    /// A delay-seconds `RetryInfo`.
    retry_after: Option<u64>,
}

impl<'a> Received<'a> {
    /// An HTTP response; `code_header` is the type's `code_header`, read when the body has no
    /// code.
    pub fn http(
        status: StatusCode,
        headers: &'a HeaderMap,
        body: &'a [u8],
        code_header: Option<&'static str>,
    ) -> Self {
        let mut received = Received {
            status,
            grpc: None,
            headers: Cow::Borrowed(headers),
            body: Cow::Borrowed(body),
            repr: Repr::Other,
            code: None,
            members: Map::new(),
            textual: false,
            errors: None,
            retry_after: None,
        };
        received.read_body();
        if received.code.is_none() {
            received.code = code_header
                .and_then(|name| headers.get(name))
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
        }
        received
    }

    fn read_body(&mut self) {
        let media = self
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(|value| {
                value
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
        self.repr = match media.as_deref() {
            None if self.body.is_empty() => Repr::Empty,
            Some(media) if media == "application/json" || media.ends_with("+json") => {
                match serde_json::from_slice::<Value>(&self.body) {
                    Ok(Value::Object(object)) => {
                        self.read_object(object);
                        Repr::Json
                    }
                    Ok(_) => Repr::Json,
                    Err(_) => Repr::Other,
                }
            }
            Some(media) if media.starts_with("text/") => Repr::Text,
            _ => Repr::Other,
        };
    }

    /// A JSON object body: Google's JSON error, or one whose members are at the top.
    fn read_object(&mut self, object: Map<String, Value>) {
        if object.len() == 1 {
            if let Some(Value::Object(error)) = object.get("error") {
                if error.get("status").is_some_and(Value::is_string) {
                    self.read_google(error);
                    return;
                }
            }
        }
        self.code = match object.get("code") {
            Some(Value::String(code)) => Some(code.clone()),
            _ => None,
        };
        // Kept as a member too, for a type that names a member `errors` itself.
        self.errors = object.get("errors").cloned();
        self.members = object;
    }

    /// `{"error":{…,"details":[…]}}`: the code, members and fields from `ErrorInfo`, the
    /// `errors` list from `BadRequest`, the delay from `RetryInfo`.
    fn read_google(&mut self, error: &Map<String, Value>) {
        self.textual = true;
        let details = error.get("details").and_then(Value::as_array);
        for detail in details.into_iter().flatten() {
            let kind = detail.get("@type").and_then(Value::as_str).unwrap_or("");
            let text = |key: &str| detail.get(key).and_then(Value::as_str).unwrap_or("");
            match kind.rsplit('.').next().unwrap_or("") {
                "ErrorInfo" => {
                    self.code = Some(text("reason").to_owned()).filter(|r| !r.is_empty());
                    if let Some(Value::Object(metadata)) = detail.get("metadata") {
                        self.members = metadata.clone();
                    }
                }
                "RetryInfo" => {
                    self.retry_after = text("retryDelay")
                        .strip_suffix('s')
                        .and_then(|seconds| seconds.parse().ok());
                }
                "BadRequest" => {
                    let list = detail.get("fieldViolations").and_then(Value::as_array);
                    let violations = list.into_iter().flatten().map(|v| {
                        let text = |key: &str| v.get(key).and_then(Value::as_str).unwrap_or("");
                        field_violation(text("field"), text("description"), text("reason"))
                    });
                    self.errors = Some(wire(violations.collect()));
                }
                _ => {}
            }
        }
    }

    /// What is left when no variant fits.
    pub fn undecoded(&self) -> Undecoded {
        Undecoded::new(
            self.status,
            self.code.clone(),
            Bytes::copy_from_slice(&self.body),
        )
    }

    /// Runs a hand-written `decode` on the response (for a `tonic::Status`, on the HTTP
    /// response it stands for).
    pub(crate) fn as_http<T>(
        &self,
        decode: impl FnOnce(StatusCode, &HeaderMap, &[u8]) -> Result<T, Undecoded>,
    ) -> Result<T, Undecoded> {
        if self.repr != Repr::Grpc {
            return decode(self.status, &self.headers, &self.body);
        }
        // A problem body with the code, the members and the `errors` list.
        let mut object = self.members.clone();
        object.insert("status".to_owned(), Value::from(self.status.as_u16()));
        if let Some(code) = &self.code {
            object.insert("code".to_owned(), Value::String(code.clone()));
        }
        if let Some(errors) = &self.errors {
            object.insert("errors".to_owned(), errors.clone());
        }
        let body = serde_json::to_vec(&object).unwrap_or_default();
        let mut headers = self.headers.clone().into_owned();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
        }
        decode(self.status, &headers, &body)
    }

    /// The member `name`, deserialized.
    pub fn member<T: DecodeMember>(&self, name: &str) -> Result<T, Miss> {
        let value = self.members.get(name).ok_or(Miss::Malformed)?;
        T::__from_member(value, self.textual).ok_or(Miss::Malformed)
    }

    /// The `errors` list (empty when none was sent), deserialized.
    pub fn errors<T: DecodeMember>(&self) -> Result<T, Miss> {
        let empty = Value::Array(Vec::new());
        T::__from_member(self.errors.as_ref().unwrap_or(&empty), false).ok_or(Miss::Malformed)
    }

    /// A field that is the whole value of `header`: from the header, else (gRPC, Google's JSON
    /// error) from the metadata of the field `field`, else for `Retry-After` from `RetryInfo`.
    pub fn header<T: DecodeHeader>(&self, header: &str, field: &str) -> Result<T, Miss> {
        if let Some(value) = self.headers.get(header) {
            let text = value.to_str().map_err(|_| Miss::Malformed)?;
            return T::__from_text(text).ok_or(Miss::Malformed);
        }
        if self.textual {
            if let Some(Value::String(text)) = self.members.get(field) {
                return T::__from_text(text).ok_or(Miss::Malformed);
            }
        }
        match self.retry_after {
            Some(seconds) if header.eq_ignore_ascii_case("retry-after") => {
                T::__from_text(&seconds.to_string()).ok_or(Miss::Malformed)
            }
            _ => Err(Miss::Malformed),
        }
    }
}

/// A `BadRequest` field violation as a violation: the dotted path back to a pointer.
fn field_violation(field: &str, description: &str, reason: &str) -> Violation {
    let violation = Violation::pointer(pointer_of(field), description);
    if reason.is_empty() {
        violation
    } else {
        violation.with_code(reason)
    }
}

/// Violations in their wire form, as an `errors` field deserializes them.
fn wire(violations: Vec<Violation>) -> Value {
    serde_json::to_value(violations).unwrap_or_else(|_| Value::Array(Vec::new()))
}

/// Picks the variant a response is, among a type's own variants (generated code reports each
/// with [`variant`](Select::variant), then asks [`chosen`](Select::chosen)).
#[doc(hidden)]
pub struct Select<'r, 'a> {
    received: &'r Received<'a>,
    by: By,
    exact: Option<usize>,
    /// Variants with the status whose responses carry no code: how many, and the last.
    codeless: (u32, usize),
}

impl<'r, 'a> Select<'r, 'a> {
    pub fn new(received: &'r Received<'a>, by: By) -> Self {
        Select {
            received,
            by,
            exact: None,
            codeless: (0, 0),
        }
    }

    /// Variant number `index`: its status, the gRPC code it maps to, its literal code, whether
    /// its HTTP responses carry that code (its format sends it, or the type's `code_header`;
    /// gRPC always carries it), and what its body looks like.
    pub fn variant(
        &mut self,
        index: usize,
        status: u16,
        grpc: &'static str,
        code: Option<&'static str>,
        sends_code: bool,
        expect: Expect,
    ) {
        let received = self.received;
        let fits = matches!(
            (received.repr, expect),
            (Repr::Grpc, _)
                | (_, Expect::Any)
                | (Repr::Json, Expect::Json)
                | (Repr::Text, Expect::Text)
                | (Repr::Empty, Expect::Empty)
        );
        if !fits {
            return;
        }
        let code = code.filter(|_| sends_code || received.grpc.is_some());
        match self.by {
            By::Code => {
                if self.exact.is_none() && code.is_some() && code == received.code.as_deref() {
                    self.exact = Some(index);
                }
            }
            By::Status => {
                let same = match received.grpc {
                    Some(name) => name == grpc,
                    None => received.status.as_u16() == status,
                };
                if same && code.is_none() {
                    self.codeless = (self.codeless.0 + 1, index);
                }
            }
        }
    }

    /// The variant: by code, the one that has it; by status (for a response without a code),
    /// the one variant that has the status and whose responses carry no code. A response with
    /// a code no variant has is none of them (a newer server's error is not taken for an
    /// older one), and neither is one without a code at a status whose variants all send one
    /// (the router's own 404 is not `UserNotFound`).
    pub fn chosen(&self) -> Option<usize> {
        match self.by {
            By::Code => self.exact,
            By::Status if self.received.code.is_some() => None,
            By::Status if self.codeless.0 == 1 => Some(self.codeless.1),
            By::Status => None,
        }
    }
}

/// A `transparent` or `delegate` field's type's answer: its value, `None` to go on with the
/// next (not its response), or the error that ends decoding.
#[doc(hidden)]
pub fn delegated<T>(answer: Result<T, Miss>) -> Result<Option<T>, Miss> {
    match answer {
        Ok(value) => Ok(Some(value)),
        Err(Miss::NotMine) => Ok(None),
        Err(Miss::Malformed) => Err(Miss::Malformed),
    }
}

/// Decodes by code, then by status (what a generated `decode` calls).
#[doc(hidden)]
pub fn decode_with<T>(
    received: &Received<'_>,
    decode: impl Fn(&Received<'_>, By) -> Result<T, Miss>,
) -> Result<T, Undecoded> {
    let by_code = match received.code {
        Some(_) => decode(received, By::Code),
        None => Err(Miss::NotMine),
    };
    match by_code {
        Ok(value) => Ok(value),
        Err(Miss::Malformed) => Err(received.undecoded()),
        Err(Miss::NotMine) => decode(received, By::Status).map_err(|_| received.undecoded()),
    }
}

/// A type a member or an `errors` list comes back as.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot come back from its member when decoding: it is not `serde::Deserialize`",
    label = "a member (`extension`, `errors`) comes back deserialized",
    note = "derive or implement `serde::Deserialize` for it (rule: bad_attribute)"
)]
#[doc(hidden)]
pub trait DecodeMember: Sized {
    #[doc(hidden)]
    fn __from_member(value: &Value, textual: bool) -> Option<Self>;
}

impl<T: DeserializeOwned> DecodeMember for T {
    fn __from_member(value: &Value, textual: bool) -> Option<Self> {
        if let Value::String(text) = value {
            // A string member is the type's string form (a `String`, a unit variant)...
            let as_str = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(text);
            if let Ok(value) = T::deserialize(as_str) {
                return Some(value);
            }
            // ... or, in metadata, a value sent as its compact JSON.
            if textual {
                if let Ok(value) = serde_json::from_str(text) {
                    return Some(value);
                }
            }
        }
        T::deserialize(value).ok()
    }
}

/// A type a header's whole value comes back as.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot come back from its header when decoding: it is not `FromStr`",
    label = "a field that is a header's whole value comes back parsed with `FromStr`",
    note = "implement `std::str::FromStr` for it (rule: bad_attribute)"
)]
#[doc(hidden)]
pub trait DecodeHeader: Sized {
    #[doc(hidden)]
    fn __from_text(text: &str) -> Option<Self>;
}

impl<T: core::str::FromStr> DecodeHeader for T {
    fn __from_text(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

/// A type a field that is not sent comes back as.
#[diagnostic::on_unimplemented(
    message = "this field cannot come back when decoding: `{Self}` is not `Default`",
    label = "not a member, an `errors` list, a header's whole value or a `transparent`/`delegate` field, so it comes back as its `Default`",
    note = "make it a member (#[status(extension)]), or give its type a `Default` (rule: bad_attribute)"
)]
#[doc(hidden)]
pub trait DecodeDefault: Sized {
    #[doc(hidden)]
    fn __default() -> Self;
}

impl<T: Default> DecodeDefault for T {
    fn __default() -> Self {
        T::default()
    }
}

#[cfg(feature = "tonic")]
impl<'a> Received<'a> {
    /// A `tonic::Status`, read as [`super::grpc`] says.
    pub(crate) fn grpc_parts(
        status: StatusCode,
        grpc: &'static str,
        message: &'a [u8],
        code: Option<String>,
        metadata: Map<String, Value>,
        violations: Option<Vec<Violation>>,
        retry_after: Option<u64>,
    ) -> Self {
        Received {
            status,
            grpc: Some(grpc),
            headers: Cow::Owned(HeaderMap::new()),
            body: Cow::Borrowed(message),
            repr: Repr::Grpc,
            code,
            members: metadata,
            textual: true,
            errors: violations.map(wire),
            retry_after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received<'a>(headers: &'a HeaderMap, body: &'a [u8]) -> Received<'a> {
        Received::http(StatusCode::NOT_FOUND, headers, body, Some("x-error-code"))
    }

    #[test]
    fn members_come_back_as_their_types() {
        let value = |json: &str| serde_json::from_str::<Value>(json).unwrap();
        assert_eq!(
            String::__from_member(&value(r#""30""#), false),
            Some("30".into())
        );
        assert_eq!(
            String::__from_member(&value(r#""null""#), true),
            Some("null".into())
        );
        assert_eq!(u64::__from_member(&value("30"), false), Some(30));
        assert_eq!(u64::__from_member(&value(r#""30""#), true), Some(30));
        assert_eq!(
            Option::<String>::__from_member(&value(r#""null""#), false),
            Some(Some("null".into()))
        );
        assert_eq!(
            Option::<u8>::__from_member(&value(r#""null""#), true),
            Some(None)
        );
        assert_eq!(
            Vec::<u8>::__from_member(&value(r#""[1,2]""#), true),
            Some(vec![1, 2])
        );
        assert_eq!(u64::__from_member(&value(r#""x""#), true), None);
    }

    #[test]
    fn bodies_are_read_by_their_media_type() {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", "application/problem+json".parse().unwrap());
        let body = br#"{"type":"about:blank","status":404,"code":"NO","id":7,"errors":[]}"#;
        let r = received(&headers, body);
        assert_eq!(r.repr, Repr::Json);
        assert_eq!(r.code.as_deref(), Some("NO"));
        assert_eq!(r.member::<u64>("id"), Ok(7));
        assert_eq!(r.errors::<Vec<Violation>>(), Ok(vec![]));
        assert_eq!(r.member::<u64>("missing"), Err(Miss::Malformed));

        headers.insert("content-type", "text/plain; charset=utf-8".parse().unwrap());
        headers.insert("x-error-code", "FROM_HEADER".parse().unwrap());
        let r = received(&headers, b"upstream down");
        assert_eq!(r.repr, Repr::Text);
        assert_eq!(r.code.as_deref(), Some("FROM_HEADER"));
        assert_eq!(r.undecoded().body(), b"upstream down");

        headers.insert("content-type", "application/json".parse().unwrap());
        assert_eq!(received(&headers, b"{not json").repr, Repr::Other);
        assert_eq!(received(&HeaderMap::new(), b"").repr, Repr::Empty);
    }

    #[test]
    fn google_bodies_give_code_metadata_errors_and_delay() {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", "application/json".parse().unwrap());
        let body = br#"{"error":{"code":429,"message":"m","status":"RESOURCE_EXHAUSTED","details":[
            {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SLOW","domain":"d","metadata":{"n":"3","s":"x"}},
            {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"},
            {"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"items[0].name","description":"empty","reason":"length"}]}]}}"#;
        let r = received(&headers, body);
        assert_eq!(r.code.as_deref(), Some("SLOW"));
        assert_eq!(r.member::<u8>("n"), Ok(3));
        assert_eq!(r.header::<u64>("retry-after", "secs"), Ok(30));
        assert_eq!(r.header::<String>("x-other", "s"), Ok("x".into()));
        assert_eq!(
            r.errors::<Vec<Violation>>(),
            Ok(vec![
                Violation::pointer("/items/0/name", "empty").with_code("length")
            ])
        );
    }

    #[test]
    fn the_variant_is_found_by_code_then_by_status() {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", "application/problem+json".parse().unwrap());
        let coded = received(&headers, br#"{"code":"B"}"#);
        let plain = received(&headers, br#"{}"#);
        let pick = |r: &Received, by: By| {
            let mut select = Select::new(r, by);
            select.variant(0, 404, "NOT_FOUND", Some("A"), true, Expect::Json);
            select.variant(1, 404, "NOT_FOUND", Some("B"), true, Expect::Json);
            select.variant(2, 404, "NOT_FOUND", None, false, Expect::Json);
            select.variant(3, 404, "NOT_FOUND", None, false, Expect::Text);
            select.chosen()
        };
        assert_eq!(pick(&coded, By::Code), Some(1));
        assert_eq!(pick(&plain, By::Code), None);
        assert_eq!(pick(&plain, By::Status), Some(2));
        let none = HeaderMap::new();
        let text = received(&none, b"x");
        assert_eq!(pick(&text, By::Status), None);
    }
}
