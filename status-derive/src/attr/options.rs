//! The vocabulary of `#[status(...)]`: one row per option, read by the parser (what value it
//! takes), by the attribute checks (where it may be written, whether it may repeat) and by the
//! body rules (whether it shapes a body). A new option is one row here plus its effect.

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
}

/// What follows an option's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// `= "text with {field}"`.
    Template,
    /// `= "text"`, no placeholders.
    Literal,
    /// `= "SCREAMING_SNAKE_CASE"`, one of serde's `rename_all` names.
    Case,
    /// `("Name" = "value with {field}")`.
    Header,
    /// `= "problem"` or `= path::To::Format`.
    Format,
    /// Nothing: a flag.
    Flag,
    /// `(rule, …)`.
    Rules,
    /// `= "path::to::crate"`.
    Path,
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

/// One option.
pub struct Def {
    pub key: Key,
    pub name: &'static str,
    pub value: Value,
    pub places: Places,
    /// May be written more than once in one attribute.
    pub repeatable: bool,
    /// Shapes the body, so it has no place where there is none (204, 205, 304).
    pub shapes_body: bool,
    /// How it is written, for messages.
    pub example: &'static str,
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
        shapes_body: false,
        example,
    }
}

const fn repeatable(mut def: Def) -> Def {
    def.repeatable = true;
    def
}

const fn body(mut def: Def) -> Def {
    def.shapes_body = true;
    def
}

/// Every option, in the README's order.
pub const OPTIONS: &[Def] = &[
    body(def(
        Key::Message,
        "message",
        Value::Template,
        ANYWHERE,
        "message = \"user {id} not found\"",
    )),
    body(def(
        Key::Code,
        "code",
        Value::Template,
        ANYWHERE,
        "code = \"USER_NOT_FOUND\"",
    )),
    def(
        Key::Codes,
        "codes",
        Value::Case,
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
    body(def(
        Key::Format,
        "format",
        Value::Format,
        ANYWHERE,
        "format = \"json\"",
    )),
    body(def(
        Key::Type,
        "type",
        Value::Template,
        ANYWHERE,
        "type = \"https://example.com/probs/out-of-credit\"",
    )),
    body(def(
        Key::Instance,
        "instance",
        Value::Template,
        ANYWHERE,
        "instance = \"/accounts/{id}\"",
    )),
    def(
        Key::Reason,
        "reason",
        Value::Literal,
        ANYWHERE,
        "reason = \"Client Closed Request\"",
    ),
    body(def(Key::Expose, "expose", Value::Flag, ANYWHERE, "expose")),
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
        Value::Path,
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
    body(def(
        Key::Extension,
        "extension",
        Value::OptionalName,
        Places::FIELD,
        "#[status(extension)]",
    )),
    body(def(
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
];

/// The option named `name`.
pub fn named(name: &str) -> Option<&'static Def> {
    OPTIONS.iter().find(|def| def.name == name)
}

/// The names of the options that may be written at `place`, for "the options are …".
pub fn names_at(place: Places) -> Vec<&'static str> {
    OPTIONS
        .iter()
        .filter(|def| def.places.contains(place))
        .map(|def| def.name)
        .collect()
}

/// The body format names of `format = "…"`.
pub const FORMATS: &[&str] = &["problem", "json", "text", "serde", "none"];

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
            assert_eq!(OPTIONS.iter().filter(|d| d.key == def.key).count(), 1);
        }
        assert_eq!(OPTIONS.len(), 15);
    }
}
