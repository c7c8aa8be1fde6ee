//! The vocabulary of `#[status(...)]`: one row per option, saying everything the derive needs
//! to know about it — what value it takes, where it may be written, whether it may repeat,
//! what it does to the body (and which formats send it), whether a 2xx/3xx inherits it from
//! the enum. The parser, the attribute checks and the body rules ask the row; nothing else
//! spells an option's meaning. A new option is one row here plus its effect.

use http_status_core::BodyFormat;
use std::fmt::Write as _;

/// An option of `#[status(...)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Message,
    Code,
    Codes,
    Header,
    Format,
    Type,
    Instance,
    Reason,
    Expose,
    Allow,
    Crate,
    Transparent,
    Extension,
    Flatten,
    Delegate,
    Level,
    Retryable,
    Grpc,
    TypeBase,
    CodeHeader,
    Domain,
    Errors,
    Decode,
}

/// What a template's text must be once formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Text for people (`message`).
    Prose,
    /// A URI reference (`type`, `instance`): a literal one is checked now, an interpolated one
    /// when the body is written.
    Uri,
    /// A machine-readable code: visible ASCII, since it also travels in header fields and gRPC
    /// metadata.
    Code,
}

/// What a string without placeholders must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Literal {
    /// A reason phrase (`reason`).
    Phrase,
    /// One of serde's `rename_all` names (`codes`).
    Case,
    /// A Rust path (`crate`).
    Path,
    /// A log level: `error`, `warn`, `info`, `debug`, `trace`, `off` (`level`).
    Level,
    /// A gRPC code name, `ABORTED` (`grpc`).
    Grpc,
    /// An absolute URI ending in `/` (`type_base`).
    BaseUri,
    /// A header field name (`code_header`).
    HeaderName,
    /// A domain for gRPC's `ErrorInfo` (`domain`).
    Domain,
}

/// What follows an option's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// `= "text with {field}"`.
    Template(Text),
    /// `= "text"`, no placeholders.
    Literal(Literal),
    /// `= true` or `= false`.
    Bool,
    /// `("Name" = "value with {field}")`.
    Header,
    /// `= "problem"` or `= path::To::Format`.
    Format,
    /// Nothing: a flag.
    Flag,
    /// `(rule, …)`.
    Rules,
    /// Nothing, or `= "name"`.
    OptionalName,
}

/// Where an option may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Places(u8);

impl Places {
    pub const ENUM: Places = Places(1);
    pub const VARIANT: Places = Places(2);
    pub const STRUCT: Places = Places(4);
    pub const FIELD: Places = Places(8);

    const fn and(self, other: Places) -> Places {
        Places(self.0 | other.0)
    }

    pub fn contains(self, place: Places) -> bool {
        self.0 & place.0 != 0
    }
}

/// Type, variant and struct: where most options go.
const ANYWHERE: Places = Places::ENUM.and(Places::VARIANT).and(Places::STRUCT);
/// A response of its own: a variant or a struct.
const RESPONSE: Places = Places::VARIANT.and(Places::STRUCT);
/// The type as a whole.
const TYPE: Places = Places::ENUM.and(Places::STRUCT);

/// What an option does to the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Nothing: it is about the status line, the headers, logs or the type.
    Unrelated,
    /// It shapes the body as a whole (its format, what is hidden, its members), so it has no
    /// place where there is no body (204, 205, 304).
    Shapes,
    /// It is one part of the body, which these built-in formats send (a custom format sees
    /// every part); elsewhere it would have no effect.
    Part(&'static [BodyFormat]),
}

/// One option.
pub struct Def {
    pub key: Key,
    pub name: &'static str,
    pub value: Value,
    pub places: Places,
    /// May be written more than once in one attribute.
    pub repeatable: bool,
    pub body: Body,
    /// A 2xx or 3xx variant takes it from the enum. Problem-shaped parts (`type`, `instance`)
    /// are not inherited: problem details describe errors.
    pub inherited_by_success: bool,
    /// How it is written, for messages.
    pub example: &'static str,
}

impl Def {
    /// Whether the option has no place where there is no body.
    pub fn shapes_body(&self) -> bool {
        self.body != Body::Unrelated
    }

    /// Whether a body in `format` carries it (`None`: a custom format, which sees every part).
    pub fn sent_by(&self, format: Option<BodyFormat>) -> bool {
        match (self.body, format) {
            (Body::Part(formats), Some(format)) => formats.contains(&format),
            (Body::Part(_), None) | (Body::Unrelated | Body::Shapes, _) => true,
        }
    }

    /// The built-in formats that send it, for messages ("problem" or "json").
    pub fn formats(&self) -> &'static [BodyFormat] {
        match self.body {
            Body::Part(formats) => formats,
            Body::Unrelated | Body::Shapes => &[],
        }
    }
}

const fn def(
    key: Key,
    name: &'static str,
    value: Value,
    places: Places,
    example: &'static str,
) -> Def {
    Def {
        key,
        name,
        value,
        places,
        repeatable: false,
        body: Body::Unrelated,
        inherited_by_success: true,
        example,
    }
}

const fn repeatable(mut def: Def) -> Def {
    def.repeatable = true;
    def
}

const fn shapes(mut def: Def) -> Def {
    def.body = Body::Shapes;
    def
}

const fn part(mut def: Def, formats: &'static [BodyFormat]) -> Def {
    def.body = Body::Part(formats);
    def
}

const fn errors_only(mut def: Def) -> Def {
    def.inherited_by_success = false;
    def
}

use BodyFormat::{Google, Json, Problem, Text as TextFormat};

/// Every option, in the README's order.
pub const OPTIONS: &[Def] = &[
    part(
        def(
            Key::Message,
            "message",
            Value::Template(Text::Prose),
            ANYWHERE,
            "message = \"user {id} not found\"",
        ),
        &[Problem, Json, TextFormat, Google],
    ),
    part(
        def(
            Key::Code,
            "code",
            Value::Template(Text::Code),
            ANYWHERE,
            "code = \"USER_NOT_FOUND\"",
        ),
        &[Problem, Json, Google],
    ),
    def(
        Key::Codes,
        "codes",
        Value::Literal(Literal::Case),
        Places::ENUM,
        "codes = \"SCREAMING_SNAKE_CASE\"",
    ),
    repeatable(def(
        Key::Header,
        "header",
        Value::Header,
        ANYWHERE,
        "header(\"Retry-After\" = \"120\")",
    )),
    shapes(def(
        Key::Format,
        "format",
        Value::Format,
        ANYWHERE,
        "format = \"json\"",
    )),
    errors_only(part(
        def(
            Key::Type,
            "type",
            Value::Template(Text::Uri),
            ANYWHERE,
            "type = \"https://example.com/probs/out-of-credit\"",
        ),
        &[Problem, Google],
    )),
    errors_only(part(
        def(
            Key::Instance,
            "instance",
            Value::Template(Text::Uri),
            ANYWHERE,
            "instance = \"/accounts/{id}\"",
        ),
        &[Problem],
    )),
    def(
        Key::Reason,
        "reason",
        Value::Literal(Literal::Phrase),
        ANYWHERE,
        "reason = \"Client Closed Request\"",
    ),
    shapes(def(Key::Expose, "expose", Value::Flag, ANYWHERE, "expose")),
    repeatable(def(
        Key::Allow,
        "allow",
        Value::Rules,
        ANYWHERE,
        "allow(missing_retry_after)",
    )),
    def(
        Key::Crate,
        "crate",
        Value::Literal(Literal::Path),
        TYPE,
        "crate = \"my_app::http_status\"",
    ),
    def(
        Key::Transparent,
        "transparent",
        Value::Flag,
        RESPONSE,
        "#[status(transparent)]",
    ),
    shapes(def(
        Key::Extension,
        "extension",
        Value::OptionalName,
        Places::FIELD,
        "#[status(extension)]",
    )),
    shapes(def(
        Key::Flatten,
        "flatten",
        Value::Flag,
        Places::FIELD,
        "#[status(flatten)]",
    )),
    def(
        Key::Delegate,
        "delegate",
        Value::Flag,
        Places::FIELD,
        "#[status(delegate)]",
    ),
    shapes(def(
        Key::Errors,
        "errors",
        Value::Flag,
        Places::FIELD,
        "#[status(errors)]",
    )),
    def(
        Key::Level,
        "level",
        Value::Literal(Literal::Level),
        ANYWHERE,
        "level = \"warn\"",
    ),
    def(
        Key::Retryable,
        "retryable",
        Value::Bool,
        ANYWHERE,
        "retryable = true",
    ),
    def(
        Key::Grpc,
        "grpc",
        Value::Literal(Literal::Grpc),
        ANYWHERE,
        "grpc = \"ABORTED\"",
    ),
    def(
        Key::TypeBase,
        "type_base",
        Value::Literal(Literal::BaseUri),
        TYPE,
        "type_base = \"https://api.example.com/problems/\"",
    ),
    def(
        Key::CodeHeader,
        "code_header",
        Value::Literal(Literal::HeaderName),
        TYPE,
        "code_header = \"x-error-code\"",
    ),
    def(
        Key::Domain,
        "domain",
        Value::Literal(Literal::Domain),
        TYPE,
        "domain = \"users.example.com\"",
    ),
    def(Key::Decode, "decode", Value::Flag, TYPE, "decode"),
];

impl Key {
    /// The option's row.
    pub fn def(self) -> &'static Def {
        // Every key has a row (a test checks it); the fallback is never taken.
        OPTIONS
            .iter()
            .find(|def| def.key == self)
            .unwrap_or(&OPTIONS[0])
    }
}

/// The option named `name`.
pub fn named(name: &str) -> Option<&'static Def> {
    OPTIONS.iter().find(|def| def.name == name)
}

/// The names of the options that may be written at `place`, for "the options are …".
pub fn names_at(place: Places) -> Vec<&'static str> {
    let mut names = Vec::new();
    for def in OPTIONS {
        if def.places.contains(place) {
            names.push(def.name);
        }
    }
    names
}

/// The built-in format names, quoted and listed for messages: `"problem", "json", …`.
pub fn format_names() -> String {
    quoted(BodyFormat::ALL, ", ")
}

/// The names of `formats`, quoted, with `separator` between them.
pub fn quoted(formats: &[BodyFormat], separator: &str) -> String {
    let mut out = String::new();
    for (i, format) in formats.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        let _ = write!(out, "\"{}\"", format.name());
    }
    out
}

/// serde's `rename_all` names, accepted by `codes = "…"`.
pub const CASES: &[&str] = &[
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_one_row() {
        for def in OPTIONS {
            assert_eq!(named(def.name).map(|d| d.key), Some(def.key));
            assert_eq!(def.key.def().name, def.name);
            assert_eq!(OPTIONS.iter().filter(|d| d.key == def.key).count(), 1);
        }
        assert_eq!(OPTIONS.len(), 23);
    }

    #[test]
    fn meanings() {
        assert!(Key::Type.def().sent_by(Some(Problem)));
        assert!(!Key::Type.def().sent_by(Some(Json)));
        assert!(Key::Type.def().sent_by(None));
        assert!(!Key::Instance.def().inherited_by_success);
        assert!(Key::Message.def().inherited_by_success);
        assert!(Key::Expose.def().shapes_body());
        assert!(!Key::Reason.def().shapes_body());
    }
}
