//! The words the derive and the runtime share: the body formats of `format = "…"` and the
//! kinds of value a field holds. Defined once here; both crates match on them without a
//! wildcard arm, so a new format or kind is a compile error wherever it is not yet handled.

/// A body format that `format = "…"` names (the runtime adds formats of the user's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// RFC 9457 problem details, `application/problem+json` (the default for 4xx and 5xx).
    Problem,
    /// `{"error": …, "message": …, "code": …}`, `application/json`.
    Json,
    /// The message as `text/plain; charset=utf-8`.
    Text,
    /// The value itself serialized with serde, `application/json`.
    Serde,
    /// A JSON object of the members (and `errors`) only, `application/json`.
    Members,
    /// Google's JSON error (AIP-193), `application/json`.
    Google,
    /// No body and no `Content-Type`.
    None,
}

impl BodyFormat {
    /// Every format, in the order the documentation lists them.
    pub const ALL: &'static [BodyFormat] = &[
        BodyFormat::Problem,
        BodyFormat::Json,
        BodyFormat::Text,
        BodyFormat::Serde,
        BodyFormat::Members,
        BodyFormat::Google,
        BodyFormat::None,
    ];

    /// The name written in `format = "…"`.
    ///
    /// ```
    /// use http_status_core::BodyFormat;
    /// assert_eq!(BodyFormat::from_name("json"), Some(BodyFormat::Json));
    /// assert_eq!(BodyFormat::Json.name(), "json");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            BodyFormat::Problem => "problem",
            BodyFormat::Json => "json",
            BodyFormat::Text => "text",
            BodyFormat::Serde => "serde",
            BodyFormat::Members => "members",
            BodyFormat::Google => "google",
            BodyFormat::None => "none",
        }
    }

    /// Whether the format says the request failed (problem details, Google's JSON error): a
    /// 2xx/3xx never takes it, and does not inherit it from its enum.
    ///
    /// ```
    /// use http_status_core::BodyFormat;
    /// assert!(BodyFormat::Google.describes_failure());
    /// assert!(!BodyFormat::Json.describes_failure());
    /// ```
    pub const fn describes_failure(self) -> bool {
        matches!(self, BodyFormat::Problem | BodyFormat::Google)
    }

    /// The variant's identifier, for generated code (`BodyFormat::Problem`).
    pub const fn ident(self) -> &'static str {
        match self {
            BodyFormat::Problem => "Problem",
            BodyFormat::Json => "Json",
            BodyFormat::Text => "Text",
            BodyFormat::Serde => "Serde",
            BodyFormat::Members => "Members",
            BodyFormat::Google => "Google",
            BodyFormat::None => "None",
        }
    }

    /// The format named `name`.
    pub fn from_name(name: &str) -> Option<BodyFormat> {
        BodyFormat::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// The `Content-Type` of a body in this format; `None` for [`BodyFormat::None`].
    pub const fn content_type(self) -> Option<&'static str> {
        match self {
            BodyFormat::Problem => Some(PROBLEM_JSON),
            BodyFormat::Json | BodyFormat::Serde | BodyFormat::Members | BodyFormat::Google => {
                Some(APPLICATION_JSON)
            }
            BodyFormat::Text => Some(TEXT_PLAIN),
            BodyFormat::None => None,
        }
    }

    /// Whether the body is made of named members that `http-status` writes, so that
    /// `#[status(extension)]` fields have a place in it (in Google's JSON error, the metadata
    /// of its `ErrorInfo`).
    pub const fn has_members(self) -> bool {
        match self {
            BodyFormat::Problem | BodyFormat::Json | BodyFormat::Members | BodyFormat::Google => {
                true
            }
            BodyFormat::Text | BodyFormat::Serde | BodyFormat::None => false,
        }
    }

    /// The names of the members the format writes itself, which a field member may not take.
    pub const fn standard_members(self) -> &'static [&'static str] {
        match self {
            BodyFormat::Problem => &["type", "title", "status", "detail", "instance", "code"],
            BodyFormat::Json => &["error", "message", "code"],
            BodyFormat::Members => &[],
            BodyFormat::Google => &["error"],
            BodyFormat::Text | BodyFormat::Serde | BodyFormat::None => &[],
        }
    }
}

/// `application/problem+json`.
pub const PROBLEM_JSON: &str = "application/problem+json";
/// `application/json`.
pub const APPLICATION_JSON: &str = "application/json";
/// `text/plain; charset=utf-8`.
pub const TEXT_PLAIN: &str = "text/plain; charset=utf-8";

/// What kind of value a field holds, as far as the derive can tell from its Rust type: for
/// documentation, OpenAPI schemas and realistic examples.
///
/// Not `#[non_exhaustive]`, on purpose: every crate matches it without a wildcard arm, so a
/// new kind is a compile error wherever it is not handled yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Every kind.
    pub const ALL: &'static [ValueKind] = &[
        ValueKind::Integer,
        ValueKind::Number,
        ValueKind::String,
        ValueKind::Boolean,
        ValueKind::Array,
        ValueKind::Object,
        ValueKind::Any,
    ];

    /// The JSON Schema type name (`"integer"`, …; `"value"` for [`ValueKind::Any`]).
    ///
    /// ```
    /// use http_status_core::ValueKind;
    /// assert_eq!(ValueKind::Integer.name(), "integer");
    /// ```
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

    /// The variant's identifier, for generated code (`ValueKind::Integer`).
    pub const fn ident(self) -> &'static str {
        match self {
            ValueKind::Integer => "Integer",
            ValueKind::Number => "Number",
            ValueKind::String => "String",
            ValueKind::Boolean => "Boolean",
            ValueKind::Array => "Array",
            ValueKind::Object => "Object",
            ValueKind::Any => "Any",
        }
    }

    /// The kind named `name` (as [`ValueKind::name`] writes it).
    pub fn from_name(name: &str) -> Option<ValueKind> {
        ValueKind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// A sample value as text, for example bodies: `42`, `1.5`, `example`, `true`; `[]` and
    /// `{}` for arrays and objects, `example` for any other value.
    pub const fn sample_text(self) -> &'static str {
        match self {
            ValueKind::Integer => "42",
            ValueKind::Number => "1.5",
            ValueKind::String | ValueKind::Any => "example",
            ValueKind::Boolean => "true",
            ValueKind::Array => "[]",
            ValueKind::Object => "{}",
        }
    }

    /// A sample value as JSON, for example bodies: `42`, `1.5`, `"example"`, `true`, `[]`,
    /// `{}` (also for any other value: the type serializes as it likes).
    pub const fn sample_json(self) -> &'static str {
        match self {
            ValueKind::Integer => "42",
            ValueKind::Number => "1.5",
            ValueKind::String => "\"example\"",
            ValueKind::Boolean => "true",
            ValueKind::Array => "[]",
            ValueKind::Object | ValueKind::Any => "{}",
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::format;

    #[test]
    fn names_round_trip() {
        for format in BodyFormat::ALL {
            assert_eq!(BodyFormat::from_name(format.name()), Some(*format));
            assert_eq!(format!("{format:?}"), format.ident());
        }
        for kind in ValueKind::ALL {
            assert_eq!(ValueKind::from_name(kind.name()), Some(*kind));
            assert_eq!(format!("{kind:?}"), kind.ident());
        }
    }
}
