//! The catalogue as JSON (`catalog.json`), both ways: written with `Serialize` by hand and
//! read back through `serde_json::Value`, so the runtime needs no serde_derive (a proc-macro
//! every user would build) and a file that does not fit says where.
//!
//! Reading is lenient where a file from an older or newer version may differ: keys it does not
//! know are ignored, and every key but `status`, `title`, `source` and `format` may be missing
//! (its default is what the derive writes for an attribute that does not say).

use super::description::{HeaderDescription, MemberDescription, Shape, Text, ValueKind};
use super::template::Template;
use super::{ResponseCatalog, ResponseDescription};
use crate::format::BodyFormat;
use http::StatusCode;
use http_status_core::LogLevel;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// The JSON shape of one response; the README's Catalogue section documents each key.
impl Serialize for ResponseDescription {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let template = |t: &Option<Template>| t.as_ref().map(Template::as_str).map(str::to_owned);
        let mut out = serializer.serialize_struct("ResponseDescription", 20)?;
        out.serialize_field("status", &self.status.as_u16())?;
        out.serialize_field("title", &self.title)?;
        out.serialize_field("source", &self.source)?;
        out.serialize_field("doc", &self.doc)?;
        out.serialize_field("format", self.shape.name())?;
        out.serialize_field("content_type", &self.shape.content_type())?;
        out.serialize_field("message", &template(&self.message))?;
        out.serialize_field("detail_hidden", &self.detail_hidden)?;
        out.serialize_field("code", &template(&self.code))?;
        out.serialize_field("code_varies", &self.code_varies())?;
        out.serialize_field("type", &template(&self.problem_type))?;
        out.serialize_field("type_base", &self.type_base)?;
        out.serialize_field("instance", &template(&self.instance))?;
        out.serialize_field("retryable", &self.retryable)?;
        out.serialize_field("level", self.level.name())?;
        out.serialize_field("grpc_code", &self.grpc_code)?;
        out.serialize_field("headers", &self.headers)?;
        out.serialize_field("members", &self.members)?;
        out.serialize_field("example", &self.example)?;
        out.serialize_field("example_exact", &self.example_exact)?;
        out.end()
    }
}

impl Serialize for HeaderDescription {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("HeaderDescription", 3)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("value", self.value.as_str())?;
        out.serialize_field("kind", self.kind.name())?;
        out.end()
    }
}

impl Serialize for MemberDescription {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("MemberDescription", 3)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("type", &self.type_name)?;
        out.serialize_field("kind", self.kind.name())?;
        out.end()
    }
}

/// As a JSON array of response objects, in declaration order (see the README for the shape).
impl Serialize for ResponseCatalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries.serialize(serializer)
    }
}

/// What [`ResponseCatalog::from_json`] reads back (through any serde format).
impl<'de> Deserialize<'de> for ResponseCatalog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        catalog(&value).map_err(serde::de::Error::custom)
    }
}

/// Why a `catalog.json` could not be read back: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CatalogError {}

fn error(message: impl Into<String>) -> CatalogError {
    CatalogError {
        message: message.into(),
    }
}

pub(super) fn from_str(json: &str) -> Result<ResponseCatalog, CatalogError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| error(format!("catalog.json is not JSON: {e}")))?;
    catalog(&value)
}

fn catalog(value: &Value) -> Result<ResponseCatalog, CatalogError> {
    let entries = value
        .as_array()
        .ok_or_else(|| error("catalog.json: expected an array of responses"))?;
    let mut catalog = ResponseCatalog::default();
    for (index, entry) in entries.iter().enumerate() {
        let object = entry
            .as_object()
            .ok_or_else(|| error(format!("catalog.json: response {index} is not an object")))?;
        let reader = Reader {
            object,
            at: format!("catalog.json: response {index}"),
        };
        catalog.push(description(&reader)?);
    }
    Ok(catalog)
}

/// One object being read, and where it is (for errors).
struct Reader<'a> {
    object: &'a Map<String, Value>,
    at: String,
}

impl Reader<'_> {
    fn fail(&self, key: &str, what: &str) -> CatalogError {
        error(format!("{}: `{key}` {what}", self.at))
    }

    fn value(&self, key: &str) -> Option<&Value> {
        self.object.get(key).filter(|value| !value.is_null())
    }

    fn text(&self, key: &str) -> Result<Text, CatalogError> {
        self.optional_text(key)?
            .ok_or_else(|| self.fail(key, "is missing"))
    }

    fn optional_text(&self, key: &str) -> Result<Option<Text>, CatalogError> {
        match self.value(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(Cow::Owned(text.clone()))),
            Some(_) => Err(self.fail(key, "is not a string")),
        }
    }

    fn template(&self, key: &str) -> Result<Option<Template>, CatalogError> {
        Ok(self.optional_text(key)?.map(Template::new))
    }

    fn flag(&self, key: &str, default: bool) -> Result<bool, CatalogError> {
        match self.value(key) {
            None => Ok(default),
            Some(Value::Bool(flag)) => Ok(*flag),
            Some(_) => Err(self.fail(key, "is not true or false")),
        }
    }

    fn list(&self, key: &str) -> Result<&[Value], CatalogError> {
        match self.value(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(self.fail(key, "is not a list")),
        }
    }

    fn item<'a>(
        &self,
        key: &str,
        index: usize,
        item: &'a Value,
    ) -> Result<Reader<'a>, CatalogError> {
        let object = item
            .as_object()
            .ok_or_else(|| self.fail(key, &format!("item {index} is not an object")))?;
        Ok(Reader {
            object,
            at: format!("{}, {key} {index}", self.at),
        })
    }

    fn kind(&self) -> Result<ValueKind, CatalogError> {
        match self.optional_text("kind")? {
            None => Ok(ValueKind::Any),
            Some(name) => ValueKind::from_name(&name)
                .ok_or_else(|| self.fail("kind", &format!("is not a kind: {name:?}"))),
        }
    }
}

fn description(r: &Reader<'_>) -> Result<ResponseDescription, CatalogError> {
    let status = r
        .value("status")
        .and_then(Value::as_u64)
        .and_then(|n| u16::try_from(n).ok())
        .and_then(|n| StatusCode::from_u16(n).ok())
        .ok_or_else(|| r.fail("status", "is missing or not a status code"))?;
    let number = status.as_u16();
    let format = r.text("format")?;
    // The names `format = "…"` takes, as `Shape::name` writes them.
    let shape = match http_status_core::BodyFormat::from_name(&format) {
        Some(builtin) => Shape::Format(BodyFormat::from_builtin(builtin)),
        None if format == "custom" => Shape::Custom(r.text("content_type")?.into_owned()),
        None => return Err(r.fail("format", &format!("is not a format: {format:?}"))),
    };
    let level = match r.optional_text("level")? {
        None => LogLevel::for_status(number),
        Some(name) => LogLevel::from_name(&name)
            .ok_or_else(|| r.fail("level", &format!("is not a log level: {name:?}")))?,
    };
    let mut headers = Vec::new();
    for (index, item) in r.list("headers")?.iter().enumerate() {
        let h = r.item("headers", index, item)?;
        headers.push(HeaderDescription {
            name: h.text("name")?,
            value: Template::new(h.text("value")?),
            kind: h.kind()?,
        });
    }
    let mut members = Vec::new();
    for (index, item) in r.list("members")?.iter().enumerate() {
        let m = r.item("members", index, item)?;
        members.push(MemberDescription {
            name: m.optional_text("name")?,
            type_name: m.text("type")?,
            kind: m.kind()?,
            schema: super::MemberSchema::none(),
        });
    }
    Ok(ResponseDescription {
        status,
        title: r.text("title")?,
        source: r.text("source")?,
        doc: r.optional_text("doc")?,
        message: r.template("message")?,
        detail_hidden: r.flag("detail_hidden", false)?,
        code: r.template("code")?,
        shape,
        problem_type: r.template("type")?,
        type_base: r.optional_text("type_base")?,
        instance: r.template("instance")?,
        retryable: r.flag("retryable", http_status_core::retryable_by_default(number))?,
        level,
        grpc_code: match r.optional_text("grpc_code")? {
            Some(code) => code,
            None => Cow::Borrowed(http_status_core::grpc::code_for_status(number).name),
        },
        headers,
        members,
        example: r.optional_text("example")?,
        example_exact: r.flag("example_exact", false)?,
    })
}
