//! `describe_responses`: one typed description per variant, for the catalogue and OpenAPI.
//! Templates keep their structure with each field as its kind (`user {integer} not found`, the
//! grammar of `http_status_core::catalog`), never as Rust field names.
//!
//! A description is data, but rustc pays for every token of it in every build of the user's
//! crate: most variants (no members, a built-in format) are encoded with
//! `http_status_core::catalog`, a run of them in one string literal; the others are written as the
//! full `Described` struct.

use super::{delegate_path, Cx};
use crate::ast::Variant;
use crate::attr::error_text::ErrorText;
use crate::attr::options::Key;
use crate::attr::TemplateLit;
use crate::emit::{source, Code};
use crate::kind::{self, Kind};
use crate::plan;
use crate::resolve::{Format, MachineCode, Resolved};
use crate::template::{Piece, Template};
use http_status_core::BodyFormat;
use std::fmt::Write as _;

/// `Some("…")` or `None` as generated code writes them.
fn option(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("::core::option::Option::Some({text:?})"),
        None => "::core::option::Option::None".to_owned(),
    }
}

/// A template with each placeholder as the kind of its field: `user {integer} not found`.
fn readable(variant: &Variant, template: &Template) -> String {
    use http_status_core::catalog::{write_field, write_literal};
    let mut out = String::new();
    for piece in &template.pieces {
        let _ = match piece {
            Piece::Text(text) => write_literal(&mut out, text),
            Piece::Field(placeholder) => {
                let kind = variant
                    .field(&placeholder.member)
                    .map_or(Kind::Any, |f| kind::of(f.ty));
                write_field(&mut out, kind)
            }
        };
    }
    out
}

/// Literal text as a template (braces doubled).
fn literal(text: &str) -> String {
    let mut out = String::new();
    let _ = http_status_core::catalog::write_literal(&mut out, text);
    out
}

fn readable_lit(variant: &Variant, template: &TemplateLit) -> Option<String> {
    template.parsed.as_ref().ok().map(|t| readable(variant, t))
}

/// A Rust type as a person writes it: `BTreeMap<String, Vec<String>>`.
fn type_text(ty: &syn::Type) -> String {
    let text = source(ty);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let before = out.chars().last();
            let after = chars.peek().copied();
            let tight = matches!(before, Some('<' | '&' | ':' | '\'' | '('))
                || matches!(after, Some('<' | '>' | ',' | ':' | ')'));
            if tight {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A header's value, readable, and its kind: the field's when the value is exactly one field
/// of a scalar kind, else text.
fn header_value(variant: &Variant, header: &crate::attr::HeaderOpt) -> Option<(String, Kind)> {
    let template = header.value.parsed.as_ref().ok()?;
    let kind = match template.pieces.as_slice() {
        [Piece::Field(placeholder)] => variant
            .field(&placeholder.member)
            .map_or(Kind::String, |f| kind::of(f.ty)),
        _ => Kind::String,
    };
    let kind = match kind {
        Kind::Any | Kind::Array | Kind::Object => Kind::String,
        other => other,
    };
    Some((readable(variant, template), kind))
}

pub fn descriptions(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    let mut run = String::new();
    let flush = |run: &mut String, code: &mut Code| {
        if !run.is_empty() {
            code.text(&format!("__hs::describe_encoded(__catalog, {run:?});"));
            run.clear();
        }
    };
    for (index, variant) in resolved.iter().enumerate() {
        let cfgs = crate::emit::cfgs(&variant.variant.cfgs);
        if let Some(field) = variant.delegate {
            flush(&mut run, code);
            let describe = delegate_path(cx, field, "describe_responses");
            code.text(&cfgs)
                .text("__catalog.include_with")
                .tokens(quote::quote!((#describe)))
                .text(";");
            continue;
        }
        let static_body = cx.static_bodies.get(index).copied().unwrap_or(false);
        let parts = Parts::of(cx, variant, static_body);
        match (cfgs.is_empty(), parts.encode(&mut run)) {
            (true, true) => {}
            _ => {
                flush(&mut run, code);
                code.text(&cfgs)
                    .text(&format!("__hs::describe(__catalog, &{});", parts.full(cx)));
            }
        }
    }
    flush(&mut run, code);
}

/// The log level: the variant's `level`, else its status's.
fn level(variant: &Resolved, status: u16) -> http_status_core::LogLevel {
    match variant.level() {
        Some(level) => level,
        None => http_status_core::LogLevel::for_status(status),
    }
}

/// Whether a retry may succeed: the variant's `retryable`, else its status's default.
fn retryable(variant: &Resolved, status: u16) -> bool {
    match variant.retryable() {
        Some(retryable) => retryable,
        None => http_status_core::retryable_by_default(status),
    }
}

fn grpc_name(variant: &Resolved) -> Option<&'static str> {
    Some(variant.grpc()?.name)
}

/// What a description says, worked out once.
struct Parts<'v, 'i, 'a> {
    variant: &'v Resolved<'i, 'a>,
    message: Option<String>,
    hidden: bool,
    code: Option<String>,
    code_varies: bool,
    problem_type: Option<String>,
    /// The `type_base` the problem type was built from, when it was.
    type_base: Option<String>,
    instance: Option<String>,
    /// The body is rendered at compile time (the catalogue renders the same bytes from the
    /// parts).
    static_body: bool,
}

impl<'v, 'i, 'a> Parts<'v, 'i, 'a> {
    fn of(cx: &Cx, variant: &'v Resolved<'i, 'a>, static_body: bool) -> Self {
        let v = variant.variant;
        let format = variant.format();
        let has_body = !variant.content_forbidden()
            && !matches!(format.builtin(), Some(BodyFormat::None | BodyFormat::Serde));
        let detail = if has_body {
            plan::detail(cx.input, variant)
        } else {
            None
        };
        let message = match detail {
            None => None,
            Some(plan::Text::Static(text)) => Some(literal(&text)),
            Some(plan::Text::Dynamic(plan::Source::Template(lit, _))) => readable_lit(v, lit),
            Some(plan::Text::Dynamic(plan::Source::Display)) => match v.error_text(cx.input) {
                Some(ErrorText::Runtime {
                    written: Some(written),
                }) => match Template::parse(written) {
                    Ok(template) => Some(readable(v, &template)),
                    Err(_) => Some(literal(written)),
                },
                _ => None,
            },
        };
        let takes_code = has_body && format.sends(Key::Code);
        let machine_code = if takes_code {
            variant.machine_code()
        } else {
            None
        };
        let (code, code_varies) = match machine_code {
            Some(MachineCode::Written(template)) => match template.literal() {
                Some(text) => (Some(literal(&text)), false),
                None => (readable_lit(v, template), true),
            },
            Some(MachineCode::Cased { code, .. }) => (Some(literal(&code)), false),
            None => (None, false),
        };
        let uri = |template: Option<(&syn::Ident, &TemplateLit)>, key: Key| match template {
            Some((_, template)) if has_body && format.sends(key) => readable_lit(v, template),
            _ => None,
        };
        let based = if has_body && format.sends(Key::Type) {
            variant.based_type()
        } else {
            None
        };
        let type_base = match (&based, variant.type_option(Key::TypeBase)) {
            (Some(_), Some(base)) => Some(base.text.clone()),
            _ => None,
        };
        let problem_type = match (uri(variant.problem_type(), Key::Type), &based) {
            (Some(uri), _) => Some(uri),
            (None, Some(based)) => Some(literal(based)),
            (None, None) => None,
        };
        Parts {
            variant,
            message,
            hidden: has_body && plan::detail_hidden(cx.input, variant),
            code,
            code_varies,
            problem_type,
            type_base,
            instance: uri(variant.instance(), Key::Instance),
            static_body,
        }
    }

    /// Appends the encoded entry of a variant without members in a built-in format; returns
    /// whether it could.
    fn encode(&self, run: &mut String) -> bool {
        use http_status_core::catalog::{encode, Entry, Flags, Format as F, Header, Headers};
        let variant = self.variant;
        if !variant.members.is_empty() || variant.errors.is_some() {
            return false;
        }
        let format = match variant.format() {
            _ if variant.content_forbidden() => F::Empty,
            Format::Builtin(BodyFormat::Problem) => F::Problem,
            Format::Builtin(BodyFormat::Json) => F::Json,
            Format::Builtin(BodyFormat::Text) => F::Text,
            Format::Builtin(BodyFormat::Serde) => F::Serde,
            Format::Builtin(BodyFormat::None) => F::Empty,
            // Described in full.
            Format::Builtin(BodyFormat::Members | BodyFormat::Google) | Format::Custom(_) => {
                return false
            }
        };
        let mut texts = Vec::new();
        for &header in variant.headers() {
            if let Some((value, kind)) = header_value(variant.variant, header) {
                texts.push((header.name(), value, kind));
            }
        }
        let mut headers = Vec::with_capacity(texts.len());
        for (name, value, kind) in &texts {
            headers.push(Header {
                name,
                value,
                kind: *kind,
            });
        }
        let title = if variant.reason().is_some() {
            variant.title()
        } else {
            String::new()
        };
        let source = variant.variant.name();
        let status = variant.code_value();
        let entry = Entry {
            status,
            title: &title,
            source: &source,
            doc: variant.variant.doc.as_deref(),
            message: self.message.as_deref(),
            code: self.code.as_deref(),
            problem_type: self.problem_type.as_deref(),
            type_base: self.type_base.as_deref(),
            instance: self.instance.as_deref(),
            grpc: grpc_name(variant),
            flags: Flags {
                format,
                detail_hidden: self.hidden,
                code_varies: self.code_varies,
                static_body: self.static_body,
                retryable: retryable(variant, status),
                level: level(variant, status),
            },
            headers: Headers::given(&headers),
        };
        encode(&entry, run).is_ok()
    }

    /// The `Described` struct, with headers and members.
    fn full(&self, cx: &Cx) -> String {
        let variant = self.variant;
        let v = variant.variant;
        let format = match variant.format() {
            _ if variant.content_forbidden() => "__hs::BodyFormat::Empty".to_owned(),
            Format::Builtin(BodyFormat::None) => "__hs::BodyFormat::Empty".to_owned(),
            Format::Builtin(format) => format!("__hs::BodyFormat::{}", format.ident()),
            Format::Custom(path) => format!(
                "__hs::BodyFormat::Custom {{ content_type: <{} as __hs::Format>::CONTENT_TYPE }}",
                source(path)
            ),
        };
        let status_number = variant.code_value();
        let status = format!("__hs::status_code({status_number})");
        let level = level(variant, status_number);
        let retryable = retryable(variant, status_number);
        let mut headers = String::new();
        for &header in variant.headers() {
            let Some((value, kind)) = header_value(v, header) else {
                continue;
            };
            let _ = write!(
                headers,
                "__hs::header_description({:?}, {value:?}, {}),",
                header.name(),
                kind::path(kind)
            );
        }
        let mut members = String::new();
        let takes_members = !variant.content_forbidden() && variant.format().takes_members();
        for member in variant.members.iter().filter(|_| takes_members) {
            let ty = member.field.ty;
            let _ = write!(
                members,
                "__hs::member_description({}, {:?}, {}, {}::__http_status_schema!({})),",
                option(member.name.as_deref()),
                type_text(ty),
                kind::path(kind::of(ty)),
                cx.rt_text,
                source(ty)
            );
        }
        // The `errors` list is a member named `errors`, an array of violations.
        if let Some((field, _)) = variant.errors.filter(|_| takes_members) {
            let _ = write!(
                members,
                "__hs::member_description(::core::option::Option::Some(\"errors\"), {:?}, __hs::ValueKind::Array, {}::__http_status_schema!(__hs::Violation)),",
                type_text(field.ty),
                cx.rt_text,
            );
        }
        format!(
            "__hs::Described {{ status: {status}, title: {title:?}, source: {source:?}, doc: {doc}, message: {message}, detail_hidden: {hidden}, code: {code}, code_varies: {code_varies}, format: {format}, problem_type: {problem_type}, type_base: {type_base}, instance: {instance}, grpc: {grpc}, retryable: {retryable}, level: __hs::LogLevel::{level:?}, static_body: {static_body}, headers: &[{headers}], members: &[{members}] }}",
            type_base = option(self.type_base.as_deref()),
            grpc = option(grpc_name(variant)),
            title = variant.title(),
            source = v.name(),
            doc = option(v.doc.as_deref()),
            message = option(self.message.as_deref()),
            hidden = self.hidden,
            code = option(self.code.as_deref()),
            code_varies = self.code_varies,
            problem_type = option(self.problem_type.as_deref()),
            instance = option(self.instance.as_deref()),
            static_body = self.static_body,
        )
    }
}
