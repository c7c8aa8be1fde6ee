//! What body a variant sends, decided once from the resolved attributes, with every static
//! part rendered to its final bytes at compile time: a whole body when nothing is
//! interpolated, else the static runs between the parts formatted at run time.

use crate::ast::{Field, Input};
use crate::attr::error_text::ErrorText;
use crate::attr::options::Key;
use crate::attr::TemplateLit;
use crate::resolve::{Format, MachineCode, Resolved};
use crate::template::Template;
use http_status_core::BodyFormat;
use std::fmt::Write as _;

/// Text formatted at run time.
#[derive(Clone, Copy)]
pub enum Source<'i> {
    /// A template with placeholders.
    Template(&'i TemplateLit, &'i Template),
    /// What `Display` prints for the value (thiserror's `#[error]`).
    Display,
}

/// Text known now, or formatted at run time.
pub enum Text<'i> {
    Static(String),
    Dynamic(Source<'i>),
}

impl<'i> Text<'i> {
    pub fn of(template: &'i TemplateLit) -> Option<Text<'i>> {
        let parsed = template.parsed.as_ref().ok()?;
        Some(match parsed.literal() {
            Some(text) => Text::Static(text),
            None => Text::Dynamic(Source::Template(template, parsed)),
        })
    }
}

/// One part of a JSON body being written at run time.
pub enum Step<'i> {
    /// The opening of the object, with the members that are always there.
    Raw(String),
    /// Members known now (`"code":"X"`), after a part that may have been left out.
    Lit(String),
    /// The detail or message, formatted now; `key` is `"detail":`.
    Detail {
        key: &'static str,
        source: Source<'i>,
    },
    /// `"code":`, formatted now.
    Code(Source<'i>),
    /// `"type":`, formatted now.
    TypeUri(Source<'i>),
    /// `"instance":`, formatted now.
    Instance(Source<'i>),
    /// A member from a field; `key` is `"name":`.
    Member { key: String, field: &'i Field<'i> },
    /// The entries of a field, except `reserved`.
    Flatten {
        field: &'i Field<'i>,
        reserved: Vec<String>,
    },
    /// The RFC 9457 `errors` list from a `#[status(errors)]` field.
    Errors { field: &'i Field<'i> },
}

/// A member for a custom format.
pub struct CustomMember<'i> {
    pub name: Option<String>,
    pub field: &'i Field<'i>,
}

pub enum Plan<'i> {
    /// No body, no Content-Type.
    Empty,
    /// The whole body, rendered now; `text` for clients that accept only text.
    Fixed { body: String, text: String },
    /// A problem or json body with parts formatted at run time.
    Built {
        capacity: usize,
        text: String,
        steps: Vec<Step<'i>>,
    },
    /// A text body formatted at run time; `fallback` if `Display` fails.
    Text {
        fallback: String,
        source: Source<'i>,
    },
    /// The value serialized with serde.
    Serde,
    /// A custom format's body from the parts.
    Custom {
        title: String,
        detail: Option<Text<'i>>,
        code: Option<Text<'i>>,
        type_uri: Option<Text<'i>>,
        instance: Option<Text<'i>>,
        members: Vec<CustomMember<'i>>,
        errors: Option<&'i Field<'i>>,
    },
}

/// A variant's plan and the runtime `Kind` expression that goes with it.
pub struct Planned<'i> {
    pub kind: String,
    /// When the `Kind` is the problem format's with nothing but its `error.type`, that: the
    /// arm calls a helper that takes the text instead of a `Kind` expression.
    pub plain: Option<ErrorType>,
    pub plan: Plan<'i>,
}

/// The detail a client may see. Text derived from the value (placeholders, thiserror's
/// message) of a 5xx stays on the server unless the variant says `expose`; a literal
/// `message` is written for clients and is always sent.
pub fn detail<'i>(input: &'i Input, variant: &Resolved<'i, '_>) -> Option<Text<'i>> {
    let hidden = variant.hides_values();
    if let Some((_, message)) = variant.message() {
        return match Text::of(message)? {
            Text::Dynamic(_) if hidden => None,
            text => Some(text),
        };
    }
    if hidden || variant.is_success_like() {
        return None;
    }
    match variant.variant.error_text(input)? {
        ErrorText::Literal { text } => Some(Text::Static(text.clone())),
        ErrorText::Runtime { .. } => Some(Text::Dynamic(Source::Display)),
    }
}

/// Whether the variant's detail is value-derived text that stays on the server.
pub fn detail_hidden(input: &Input, variant: &Resolved) -> bool {
    if !variant.hides_values() {
        return false;
    }
    match variant.message() {
        Some((_, message)) => message.literal().is_none(),
        None => variant.variant.error_text(input).is_some(),
    }
}

/// A variant's `error.type`: its literal code, else `Type::Variant`.
pub enum ErrorType {
    Coded(String),
    Named(String),
}

impl ErrorType {
    fn of(input: &Input, variant: &Resolved) -> Self {
        match variant.literal_code() {
            Some(code) => ErrorType::Coded(code.to_owned()),
            None => ErrorType::Named(variant.qualified_name(input)),
        }
    }

    /// The `Kind` method that sets it.
    fn method(&self) -> String {
        match self {
            ErrorType::Coded(code) => format!(".coded({code:?})"),
            ErrorType::Named(name) => format!(".named({name:?})"),
        }
    }
}

/// What the runtime is told of the response besides its body and `error.type`, as `Kind`
/// methods: the overrides of its level, retryability and gRPC code, and the code header.
fn modifiers(variant: &Resolved) -> String {
    let mut out = String::new();
    if let Some(level) = variant.level() {
        let _ = write!(out, ".level(__hs::LogLevel::{level:?})");
    }
    if let Some(retryable) = variant.retryable() {
        let _ = write!(out, ".retryable({retryable})");
    }
    if let Some(code) = variant.grpc() {
        let _ = write!(out, ".grpc({:?})", code.name);
    }
    if let Some(header) = variant.type_option(Key::CodeHeader) {
        let _ = write!(out, ".code_header({:?})", header.text);
    }
    out
}

/// The runtime's `Kind` constant of a built-in format.
fn kind_of(format: BodyFormat) -> &'static str {
    match format {
        BodyFormat::Problem => "__hs::PROBLEM",
        BodyFormat::Json => "__hs::JSON",
        BodyFormat::Text => "__hs::TEXT",
        BodyFormat::Serde => "__hs::SERDE",
        BodyFormat::Members => "__hs::MEMBERS",
        BodyFormat::Google => "__hs::GOOGLE",
        BodyFormat::None => "__hs::EMPTY",
    }
}

pub fn plan<'i>(input: &'i Input, variant: &Resolved<'i, '_>) -> Planned<'i> {
    let format = variant.format();
    let mut kind = match format {
        _ if variant.content_forbidden() => kind_of(BodyFormat::None).to_owned(),
        Format::Builtin(format) => kind_of(format).to_owned(),
        Format::Custom(path) => format!("__hs::Kind::custom::<{}>()", crate::emit::source(path)),
    };
    let error_type = ErrorType::of(input, variant);
    let modifiers = modifiers(variant);
    let exposed = variant.is_server_error() && !variant.hides_values();
    if exposed {
        kind.push_str(".exposed()");
    }
    kind.push_str(&error_type.method());
    kind.push_str(&modifiers);
    if variant.content_forbidden() {
        return Planned {
            kind,
            plain: None,
            plan: Plan::Empty,
        };
    }
    let mut plain = (matches!(format, Format::Builtin(BodyFormat::Problem))
        && !exposed
        && modifiers.is_empty())
    .then_some(error_type);
    let title = variant.title();
    let plan = match format {
        Format::Builtin(BodyFormat::None) => Plan::Empty,
        Format::Builtin(BodyFormat::Serde) => Plan::Serde,
        Format::Builtin(BodyFormat::Text) => match detail(input, variant) {
            Some(Text::Static(text)) => Plan::Fixed {
                body: text.clone(),
                text,
            },
            Some(Text::Dynamic(source)) => Plan::Text {
                fallback: title,
                source,
            },
            None => Plan::Fixed {
                body: title.clone(),
                text: title,
            },
        },
        // Google's JSON error is written by the runtime from the same parts a custom format
        // sees.
        Format::Custom(_) | Format::Builtin(BodyFormat::Google) => Plan::Custom {
            detail: detail(input, variant),
            code: machine_code(variant),
            type_uri: type_text(variant),
            instance: instance_text(variant),
            members: custom_members(variant),
            errors: match variant.errors {
                Some((field, _)) => Some(field),
                None => None,
            },
            title,
        },
        Format::Builtin(
            format @ (BodyFormat::Problem | BodyFormat::Json | BodyFormat::Members),
        ) => {
            if format == BodyFormat::Problem && variant.instance().is_some() {
                kind.push_str(".with_instance()");
                plain = None;
            }
            json_body(input, variant, format, title)
        }
    };
    Planned { kind, plain, plan }
}

fn custom_members<'i>(variant: &Resolved<'i, '_>) -> Vec<CustomMember<'i>> {
    let mut members = Vec::with_capacity(variant.members.len());
    for member in &variant.members {
        members.push(CustomMember {
            name: member.name.clone(),
            field: member.field,
        });
    }
    members
}

fn instance_text<'i>(variant: &Resolved<'i, '_>) -> Option<Text<'i>> {
    Text::of(variant.instance()?.1)
}

/// The problem `type`: written (own or inherited), else what `type_base` gives.
fn type_text<'i>(variant: &Resolved<'i, '_>) -> Option<Text<'i>> {
    match variant.problem_type() {
        Some((_, template)) => Text::of(template),
        None => Some(Text::Static(variant.based_type()?)),
    }
}

fn machine_code<'i>(variant: &Resolved<'i, '_>) -> Option<Text<'i>> {
    match variant.machine_code()? {
        MachineCode::Written(template) => Text::of(template),
        MachineCode::Cased { code, .. } => Some(Text::Static(code)),
    }
}

/// A JSON object whose members are written in order: static runs merged, with commas decided
/// now where a member is certain to precede, at run time after one that may be left out.
struct Object<'i> {
    steps: Vec<Step<'i>>,
    /// The object certainly has a member already.
    started: bool,
    static_len: usize,
    dynamic: usize,
}

impl<'i> Object<'i> {
    fn open(head: String) -> Self {
        let started = head.len() > 1;
        Object {
            static_len: head.len(),
            steps: vec![Step::Raw(head)],
            started,
            dynamic: 0,
        }
    }

    fn member(&mut self, json: &str) {
        self.static_len += json.len() + 1;
        match self.steps.last_mut() {
            Some(Step::Raw(run) | Step::Lit(run)) if self.started => {
                run.push(',');
                run.push_str(json);
            }
            _ => self.steps.push(Step::Lit(json.to_owned())),
        }
        self.started = true;
    }

    fn step(&mut self, step: Step<'i>) {
        self.dynamic += 1;
        self.steps.push(step);
    }
}

fn json_body<'i>(
    input: &'i Input,
    variant: &Resolved<'i, '_>,
    format: BodyFormat,
    title: String,
) -> Plan<'i> {
    let status = variant.code_value();
    // The members format is the members alone.
    let detail = match format {
        BodyFormat::Members => None,
        _ => detail(input, variant),
    };
    let error = matches!(variant.code, Some(c) if !c.is_success_status() && c.value >= 400);
    let mut object = match format {
        BodyFormat::Problem => match type_text(variant) {
            Some(Text::Dynamic(source)) => {
                let mut object = Object::open("{".to_owned());
                object.step(Step::TypeUri(source));
                object.started = true;
                object.member(&format!(
                    "\"title\":{},\"status\":{status}",
                    json_string(&title)
                ));
                object
            }
            static_type => {
                let uri = match static_type {
                    Some(Text::Static(uri)) => uri,
                    _ => "about:blank".to_owned(),
                };
                Object::open(format!(
                    "{{\"type\":{},\"title\":{},\"status\":{status}",
                    json_string(&uri),
                    json_string(&title)
                ))
            }
        },
        BodyFormat::Json if error => Object::open(format!("{{\"error\":{}", json_string(&title))),
        _ => Object::open("{".to_owned()),
    };
    let key = match format {
        BodyFormat::Problem => "\"detail\":",
        _ => "\"message\":",
    };
    let text = match &detail {
        Some(Text::Static(text)) => text.clone(),
        _ => title,
    };
    match detail {
        Some(Text::Static(text)) => object.member(&format!("{key}{}", json_string(&text))),
        Some(Text::Dynamic(source)) => object.step(Step::Detail { key, source }),
        None => {}
    }
    if format == BodyFormat::Problem {
        match instance_text(variant) {
            Some(Text::Static(uri)) => {
                object.member(&format!("\"instance\":{}", json_string(&uri)))
            }
            Some(Text::Dynamic(source)) => object.step(Step::Instance(source)),
            None => {}
        }
    }
    if Key::Code.def().sent_by(Some(format)) {
        match machine_code(variant) {
            Some(Text::Static(code)) => object.member(&format!("\"code\":{}", json_string(&code))),
            Some(Text::Dynamic(source)) => object.step(Step::Code(source)),
            None => {}
        }
    }
    if let Some((field, _)) = variant.errors {
        object.step(Step::Errors { field });
    }
    let standard = format.standard_members();
    let mut named = Vec::new();
    for member in &variant.members {
        if let Some(name) = &member.name {
            named.push(name.as_str());
        }
    }
    for member in &variant.members {
        match &member.name {
            Some(name) => object.step(Step::Member {
                key: format!("{}:", json_string(name)),
                field: member.field,
            }),
            None => {
                let mut reserved = Vec::new();
                for name in standard.iter().chain(&named) {
                    reserved.push((*name).to_owned());
                }
                object.step(Step::Flatten {
                    field: member.field,
                    reserved,
                })
            }
        }
    }
    if object.dynamic == 0 {
        let mut body = String::with_capacity(object.static_len + 1);
        for step in &object.steps {
            if let Step::Raw(run) | Step::Lit(run) = step {
                if !body.is_empty() && body != "{" && !run.starts_with('{') {
                    body.push(',');
                }
                body.push_str(run);
            }
        }
        body.push('}');
        return Plan::Fixed { body, text };
    }
    Plan::Built {
        capacity: object.static_len + 1 + object.dynamic * 64,
        text,
        steps: object.steps,
    }
}

/// `s` as a JSON string, quotes included, escaped exactly as `serde_json` escapes it (the
/// tests compare the two on arbitrary input).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn escapes_like_serde_json() {
        let mut samples: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        samples.extend(
            [
                "",
                "plain",
                "quote \" backslash \\ slash /",
                "tab\tnewline\ncr\r",
                "é ü 😀 \u{2028}",
                "\u{7f}\u{0}\u{1f}",
            ]
            .map(String::from),
        );
        for sample in samples {
            assert_eq!(
                json_string(&sample),
                serde_json::to_string(&sample).unwrap(),
                "{sample:?}"
            );
        }
    }
}
