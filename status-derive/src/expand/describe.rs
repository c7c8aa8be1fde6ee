//! `describe_responses`: one typed description per variant, for the catalogue and OpenAPI.
//! Templates are rendered readably (a field as its kind, `<integer>`), never as Rust field
//! names.

use super::{delegate_path, Cx};
use crate::ast::Variant;
use crate::attr::error_text::ErrorText;
use crate::attr::TemplateLit;
use crate::emit::{source, Code};
use crate::kind;
use crate::plan::{self, Plan};
use crate::resolve::{Format, MachineCode, Resolved};
use crate::template::{Piece, Template};
use std::fmt::Write as _;

/// `Some("…")` or `None` as generated code writes them.
fn option(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("::core::option::Option::Some({text:?})"),
        None => "::core::option::Option::None".to_owned(),
    }
}

/// A template with each placeholder shown as the kind of its field: `user <integer> not
/// found`.
fn readable(variant: &Variant, template: &Template) -> String {
    let mut out = String::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field(placeholder) => {
                let kind = variant
                    .field(&placeholder.member)
                    .map_or(kind::Kind::Any, |f| kind::of(f.ty));
                let _ = write!(out, "<{}>", kind.name());
            }
        }
    }
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

pub fn descriptions(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    for variant in resolved {
        let cfgs: String = variant.variant.cfgs.iter().map(source).collect();
        if let Some(field) = variant.delegate {
            let describe = delegate_path(cx, field, "describe_responses");
            code.text(&cfgs)
                .text("__catalog.include_with")
                .tokens(quote::quote!((#describe)))
                .text(";");
            continue;
        }
        code.text(&cfgs).text(&describe(cx, variant)).text(";");
    }
}

fn describe(cx: &Cx, variant: &Resolved) -> String {
    let v = variant.variant;
    let title = variant.title();
    let planned = plan::plan(cx.input, variant);
    let format = match variant.format() {
        _ if variant.content_forbidden() => "__hs::BodyFormat::Empty".to_owned(),
        Format::Problem => "__hs::BodyFormat::Problem".to_owned(),
        Format::Json => "__hs::BodyFormat::Json".to_owned(),
        Format::Text => "__hs::BodyFormat::Text".to_owned(),
        Format::Serde => "__hs::BodyFormat::Serde".to_owned(),
        Format::None => "__hs::BodyFormat::Empty".to_owned(),
        Format::Custom(path) => format!(
            "(&&__hs::FormatProbe::<{}>::new()).__hs_body_format()",
            source(path)
        ),
    };
    let has_body =
        !variant.content_forbidden() && !matches!(variant.format(), Format::None | Format::Serde);
    let message = if has_body {
        match plan::detail(cx.input, variant) {
            Some(plan::Text::Static(text)) => Some(text),
            Some(plan::Text::Dynamic(plan::Source::Template(lit, _))) => readable_lit(v, lit),
            Some(plan::Text::Dynamic(plan::Source::Display)) => match v.error_text(cx.input) {
                Some(ErrorText::Runtime {
                    written: Some(written),
                }) => Template::parse(written)
                    .ok()
                    .map(|t| readable(v, &t))
                    .or_else(|| Some(written.clone())),
                _ => None,
            },
            None => None,
        }
    } else {
        None
    };
    let hidden = has_body && plan::detail_hidden(cx.input, variant);
    let takes_code = has_body && variant.format().takes_code();
    let (code, code_varies) = match variant.machine_code().filter(|_| takes_code) {
        Some(MachineCode::Written(template)) => match template.literal() {
            Some(literal) => (Some(literal), false),
            None => (readable_lit(v, template), true),
        },
        Some(MachineCode::Cased { code, .. }) => (Some(code), false),
        None => (None, false),
    };
    let problem_shaped =
        has_body && matches!(variant.format(), Format::Problem | Format::Custom(_));
    let problem_type = variant
        .problem_type()
        .filter(|_| problem_shaped)
        .and_then(|(_, t)| readable_lit(v, t));
    let instance = variant
        .instance()
        .filter(|_| problem_shaped)
        .and_then(|(_, t)| readable_lit(v, t));
    let example = match &planned.plan {
        Plan::Fixed { body, .. } => Some(body.as_str()),
        _ => None,
    };
    let status = match variant.code {
        Some(code) => match code.info.and_then(|info| info.http_name) {
            Some(name) => format!("__hs::StatusCode::{name}"),
            None => format!("__hs::status_code({})", code.value),
        },
        None => "__hs::StatusCode::INTERNAL_SERVER_ERROR".to_owned(),
    };
    let mut headers = String::new();
    for header in variant.headers() {
        let Ok(template) = &header.value.parsed else {
            continue;
        };
        let value_kind = match template.pieces.as_slice() {
            [Piece::Field(placeholder)] => v
                .field(&placeholder.member)
                .map_or(kind::Kind::String, |f| kind::of(f.ty)),
            _ => kind::Kind::String,
        };
        let kind = match value_kind {
            kind::Kind::Any | kind::Kind::Array | kind::Kind::Object => kind::Kind::String,
            other => other,
        };
        let _ = write!(
            headers,
            "__hs::header_description({:?}, {:?}, {}),",
            header.name(),
            readable(v, template),
            kind.path()
        );
    }
    let mut members = String::new();
    if has_body && variant.format().takes_members() {
        for member in &variant.members {
            let ty = member.field.ty;
            let _ = write!(
                members,
                "__hs::member_description({}, {:?}, {}, {}::__http_status_schema!({})),",
                option(member.name.as_deref()),
                type_text(ty),
                kind::of(ty).path(),
                cx.rt_text,
                source(ty)
            );
        }
    }
    format!(
        "__hs::describe(__catalog, __hs::Described {{ status: {status}, title: {title:?}, source: {source:?}, doc: {doc}, message: {message}, detail_hidden: {hidden}, code: {code}, code_varies: {code_varies}, format: {format}, problem_type: {problem_type}, instance: {instance}, example: {example} }}, &[{headers}], &[{members}])",
        source = v.name(),
        doc = option(v.doc.as_deref()),
        message = option(message.as_deref()),
        code = option(code.as_deref()),
        problem_type = option(problem_type.as_deref()),
        instance = option(instance.as_deref()),
        example = option(example),
    )
}
