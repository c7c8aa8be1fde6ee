//! The match arms of `status`, `__http_status_headers` and `to_response`.

use super::{
    arm_head, delegate_path, errors_value, match_self, member_value, pattern, source_args,
    template_args, Cx,
};
use crate::emit::Code;
use crate::plan::{self, ErrorType, Plan, Source, Step, Text};
use crate::resolve::Resolved;
use http_status_core::header::{escaped_placeholders, grammar_of, Grammar};
use std::fmt::Write as _;

fn status_expr(variant: &Resolved) -> String {
    match variant.code {
        Some(code) => match code.info.and_then(|info| info.http_name) {
            Some(name) => format!("__hs::StatusCode::{name}"),
            None => format!(
                "{{ const STATUS: __hs::StatusCode = __hs::status_code({}); STATUS }}",
                code.value
            ),
        },
        None => "__hs::StatusCode::INTERNAL_SERVER_ERROR".to_owned(),
    }
}

/// A delegating variant's arm: `method` of its field, called with `args` after the field.
fn delegate_arm(
    cx: &mut Cx,
    code: &mut Code,
    variant: &Resolved,
    method: &str,
    prefix: &str,
    args: &str,
) {
    let Some(field) = variant.delegate else {
        return;
    };
    let path = delegate_path(cx, field, method);
    code.text(&arm_head(variant.variant, &[field.index]))
        .text(prefix)
        .tokens(path)
        .text(&format!("({}{args}),", field.binding));
}

/// `status()`: one arm per status code, its variants joined in an or-pattern (the same machine
/// code as an arm per variant, and less to compile); a `cfg`-ed or delegating variant gets an
/// arm of its own.
pub fn status(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    match_self(resolved.is_empty(), code, &mut |arms| {
        // (code, its expression, the patterns of its variants joined by `|`), in order of
        // first appearance.
        let mut groups: Vec<(Option<u16>, String, String)> = Vec::new();
        for variant in resolved {
            if variant.delegates() {
                delegate_arm(cx, arms, variant, "status", "", "");
            } else if !variant.variant.cfgs.is_empty() {
                arms.text(&arm_head(variant.variant, &[]))
                    .text(&status_expr(variant))
                    .text(",");
            } else {
                let value = variant.code.map(|c| c.value);
                let pattern = pattern(variant.variant, &[]);
                let mut group = None;
                for (v, _, patterns) in &mut groups {
                    if *v == value {
                        group = Some(patterns);
                        break;
                    }
                }
                match group {
                    Some(patterns) => {
                        patterns.push_str(" | ");
                        patterns.push_str(&pattern);
                    }
                    None => groups.push((value, status_expr(variant), pattern)),
                }
            }
        }
        for (_, status, patterns) in &groups {
            arms.text(patterns).text("=>").text(status).text(",");
        }
    });
}

/// The path generated code names a grammar by.
fn grammar_path(grammar: Grammar) -> String {
    format!("__hs::Grammar::{}", grammar.name())
}

/// `__http_status_headers()`: literal values are `const` (validated and built at compile
/// time), each name once per type (an evaluation of `HeaderName::from_static` in every arm that
/// sends it cost rustc more than the arm); interpolated values are checked when formatted, a
/// required one failing the response. The arms are statements, and one `Ok` ends the match.
pub fn headers(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    let mut names = HeaderNames::default();
    // When every variant delegates, the match is the method's value; else delegations return
    // and one `Ok` follows (a match whose arms all diverged would make it unreachable).
    let mut statements = false;
    for variant in resolved {
        statements |= !variant.delegates();
    }
    let prefix = if statements { "return " } else { "" };
    match_self(resolved.is_empty(), code, &mut |arms| {
        let mut without = false;
        for variant in resolved {
            if variant.delegates() {
                delegate_arm(cx, arms, variant, "__http_status_headers", prefix, ", __h");
            } else if variant.headers().is_empty() {
                without = true;
            } else {
                let mut used = Vec::new();
                let body = header_statements(cx, variant, &mut names, &mut used);
                arms.text(&arm_head(variant.variant, &used)).text(&body);
            }
        }
        if without {
            arms.text("_ => {}");
        }
    });
    // Items, in scope in the whole block wherever they stand.
    for (index, name) in names.0.iter().enumerate() {
        code.text(&format!(
            "const {}: __hs::HeaderName = __hs::HeaderName::from_static({name:?});",
            HeaderNames::ident(index)
        ));
    }
    if statements {
        code.text("::core::result::Result::Ok(())");
    }
}

/// The header names a type's variants send, each once, lowercase.
#[derive(Default)]
struct HeaderNames(Vec<String>);

impl HeaderNames {
    /// The constant that holds `name`.
    fn of(&mut self, name: &str) -> String {
        let name = name.to_ascii_lowercase();
        for (index, known) in self.0.iter().enumerate() {
            if *known == name {
                return Self::ident(index);
            }
        }
        self.0.push(name);
        Self::ident(self.0.len() - 1)
    }

    fn ident(index: usize) -> String {
        format!("__HS_NAME_{index}")
    }
}

/// `{ … }`: the statements that add a variant's headers, binding the fields they format in
/// `used`.
fn header_statements(
    cx: &mut Cx,
    variant: &Resolved,
    names: &mut HeaderNames,
    used: &mut Vec<usize>,
) -> String {
    let required = variant.required_headers();
    let type_variant = if variant.variant.is_enum_variant {
        format!("{}::{}", cx.input.name(), variant.variant.name())
    } else {
        cx.input.name()
    };
    let mut body = String::from("{");
    for &header in variant.headers() {
        let Ok(template) = &header.value.parsed else {
            continue;
        };
        let name = names.of(header.name());
        let _ = match template.literal() {
            Some(value) if value.is_ascii() => write!(
                body,
                "__hs::add(__h, {name}, const {{ __hs::HeaderValue::from_static({value:?}) }});"
            ),
            Some(value) => write!(body, "__hs::add_obs_text(__h, {name}, {value:?});"),
            None => {
                let grammar = grammar_of(header.name());
                let pieces = crate::valid::headers::pieces(template);
                let mut escaped = Vec::new();
                for placeholder in escaped_placeholders(grammar, &pieces) {
                    escaped.push(placeholder);
                }
                let span = header.value.lit.span();
                let args = template_args(cx, variant.variant, template, span, &escaped, used);
                let grammar = grammar_path(grammar);
                let mut is_required = false;
                for required in &required {
                    is_required |= required.name.eq_ignore_ascii_case(header.name());
                }
                if is_required {
                    let field = header.name();
                    write!(
                        body,
                        "__hs::add_required(__h, {name}, {grammar}, {args}, {type_variant:?}, {field:?})?;"
                    )
                } else {
                    write!(body, "__hs::add_checked(__h, {name}, {grammar}, {args});")
                }
            }
        };
    }
    body.push('}');
    body
}

/// `to_response()`: each arm one call of a runtime helper with what was rendered at compile
/// time, and the `format_args!` of what is formatted now.
pub fn response(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    match_self(resolved.is_empty(), code, &mut |arms| {
        for variant in resolved {
            if let Some(field) = variant.delegate {
                cx.static_bodies.push(false);
                let path = delegate_path(cx, field, "to_response");
                arms.text(&arm_head(variant.variant, &[field.index]))
                    .text(&format!("__hs::delegate(self, {},", field.binding))
                    .tokens(path)
                    .text("),");
                continue;
            }
            response_arm(cx, variant, arms);
        }
    });
}

fn response_arm(cx: &mut Cx, variant: &Resolved, arms: &mut Code) {
    let planned = plan::plan(cx.input, variant);
    cx.static_bodies
        .push(matches!(planned.plan, Plan::Fixed { .. }));
    let kind = planned.kind;
    let mut used = Vec::new();
    let call = match planned.plan {
        Plan::Empty => format!("__hs::empty(self, {kind})"),
        Plan::Fixed { body, text } => match &planned.plain {
            Some(ErrorType::Coded(code)) => {
                format!("__hs::coded_fixed(self, {code:?}, {body:?}, {text:?})")
            }
            Some(ErrorType::Named(name)) => {
                format!("__hs::named_fixed(self, {name:?}, {body:?}, {text:?})")
            }
            None => format!("__hs::fixed(self, {kind}, {body:?}, {text:?})"),
        },
        Plan::Text { fallback, source } => {
            let args = source_args(cx, variant.variant, source, &mut used);
            format!("__hs::text(self, {kind}, {fallback:?}, {args})")
        }
        Plan::Serde => {
            let rt = cx.rt.clone();
            let ty = &cx.input.original.ident;
            let (_, ty_generics, _) = cx.input.original.generics.split_for_impl();
            let generic = cx.input.original.generics.type_params().next().is_some();
            let span = variant
                .format_written()
                .map_or_else(proc_macro2::Span::call_site, |(key, _, _)| key.span());
            cx.bounds
                .require_serde(&rt, quote::quote!(#ty #ty_generics), generic, span);
            format!("__hs::serde(self, {kind}, self)")
        }
        Plan::Built {
            capacity,
            text,
            steps,
        } => match head_detail_tail(&steps) {
            Some((head, key, source, tail)) => {
                let args = source_args(cx, variant.variant, source, &mut used);
                // Without a title of its own, the runtime finds the registry's.
                let registry_title =
                    variant.reason().is_none() && variant.code.and_then(|c| c.info).is_some();
                match planned.plain.as_ref().filter(|_| registry_title) {
                    Some(ErrorType::Coded(code)) => format!(
                        "__hs::coded_detailed(self, {code:?}, {head:?}, {args}, {tail:?})"
                    ),
                    Some(ErrorType::Named(name)) => format!(
                        "__hs::named_detailed(self, {name:?}, {head:?}, {args}, {tail:?})"
                    ),
                    None => format!(
                        "__hs::detailed(self, {kind}, {text:?}, {head:?}, {key:?}, {args}, {tail:?})"
                    ),
                }
            }
            None => {
                let mut fill = String::new();
                for step in &steps {
                    step_code(cx, variant, step, &mut fill, &mut used);
                }
                format!("__hs::built(self, {kind}, {capacity}, {text:?}, |__w| {{ {fill} }})")
            }
        },
        Plan::Custom {
            title,
            detail,
            code,
            type_uri,
            instance,
            members,
            errors,
        } => {
            let text = |cx: &mut Cx, text: Option<Text>, used: &mut Vec<usize>| match text {
                None => "::core::option::Option::None".to_owned(),
                Some(Text::Static(text)) => {
                    format!("::core::option::Option::Some(__hs::Text::Static({text:?}))")
                }
                Some(Text::Dynamic(source)) => format!(
                    "::core::option::Option::Some(__hs::Text::Args({}))",
                    source_args(cx, variant.variant, source, used)
                ),
            };
            let detail = text(cx, detail, &mut used);
            let code = text(cx, code, &mut used);
            let type_uri = text(cx, type_uri, &mut used);
            let instance = text(cx, instance, &mut used);
            let mut list = String::new();
            for member in &members {
                let value = member_value(cx, member.field, &mut used);
                let _ = match &member.name {
                    Some(name) => write!(list, "__hs::Member::new({name:?}, {value}),"),
                    None => write!(list, "__hs::Member::flatten({value}),"),
                };
            }
            let errors = match errors {
                Some(field) => format!(
                    "::core::option::Option::Some({})",
                    errors_value(cx, field, &mut used)
                ),
                None => "::core::option::Option::None".to_owned(),
            };
            format!(
                "__hs::custom(self, {kind}, __hs::Parts {{ title: {title:?}, detail: {detail}, code: {code}, type_uri: {type_uri}, instance: {instance}, members: &[{list}], errors: {errors} }})"
            )
        }
    };
    if plan::detail_hidden(cx.input, variant) {
        if let Some(Text::Dynamic(source @ Source::Template(..))) =
            variant.message().and_then(|(_, message)| Text::of(message))
        {
            // The hidden message is not formatted, but the fields it names are bound, so
            // that rustc does not report them as never read.
            let _ = source_args(cx, variant.variant, source, &mut used);
        }
    }
    arms.text(&arm_head(variant.variant, &used))
        .text(&call)
        .text(",");
}

/// A head, a detail, and optionally static members (what most interpolated bodies are), for
/// one call of `detailed`.
fn head_detail_tail<'s, 'i>(
    steps: &'s [Step<'i>],
) -> Option<(&'s str, &'static str, Source<'i>, &'s str)> {
    match steps {
        [Step::Raw(head), Step::Detail { key, source }] => Some((head, key, *source, "")),
        [Step::Raw(head), Step::Detail { key, source }, Step::Lit(tail)] => {
            Some((head, key, *source, tail))
        }
        _ => None,
    }
}

fn step_code(
    cx: &mut Cx,
    variant: &Resolved,
    step: &Step,
    out: &mut String,
    used: &mut Vec<usize>,
) {
    let dynamic = |cx: &mut Cx, method: &str, key: &str, source: Source, used: &mut Vec<usize>| {
        let args = source_args(cx, variant.variant, source, used);
        format!("__w.{method}({key:?}, {args});")
    };
    let code = match step {
        Step::Raw(run) => format!("__w.raw({run:?});"),
        Step::Lit(run) => format!("__w.lit({run:?});"),
        Step::Detail { key, source } => dynamic(cx, "detail", key, *source, used),
        Step::Code(source) => dynamic(cx, "code", "\"code\":", *source, used),
        Step::TypeUri(source) => dynamic(cx, "type_uri", "\"type\":", *source, used),
        Step::Instance(source) => dynamic(cx, "instance", "\"instance\":", *source, used),
        Step::Member { key, field } => {
            let value = member_value(cx, field, used);
            format!("__w.member({key:?}, {value});")
        }
        Step::Flatten { field, reserved } => {
            let value = member_value(cx, field, used);
            format!("__w.flatten({value}, &{reserved:?});")
        }
        Step::Errors { field } => {
            let value = errors_value(cx, field, used);
            format!("__w.errors({value});")
        }
    };
    out.push_str(&code);
}

/// `__http_status_fields()`: each variant visits the fields its templates interpolate, once
/// each, formatted as the first placeholder that names it; a delegating variant asks its field.
pub fn fields(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    match_self(resolved.is_empty(), code, &mut |arms| {
        let mut without = false;
        for variant in resolved {
            if variant.delegates() {
                delegate_arm(cx, arms, variant, "__http_status_fields", "", ", __visit");
                continue;
            }
            let placeholders = interpolated(variant);
            if variant.hides_values() || placeholders.is_empty() {
                without = true;
                continue;
            }
            let mut used = Vec::new();
            let mut body = String::from("{");
            for (field, spec) in &placeholders {
                used.push(field.index);
                let _ = write!(
                    body,
                    "__visit({:?}, &__hs_format!(\"{{:{spec}}}\", {}));",
                    field.name.to_string(),
                    field.binding
                );
            }
            body.push('}');
            arms.text(&arm_head(variant.variant, &used))
                .text(&body)
                .text(",");
        }
        if without {
            arms.text("_ => {}");
        }
    });
}

/// The fields a variant's templates interpolate, each once, with the spec it is first
/// formatted with.
fn interpolated<'i>(variant: &Resolved<'i, '_>) -> Vec<(&'i crate::ast::Field<'i>, String)> {
    use crate::attr::options::Key;
    let mut templates: Vec<&crate::attr::TemplateLit> = Vec::new();
    for key in [Key::Message, Key::Code, Key::Type, Key::Instance] {
        if let Some((_, template)) = variant.template(key) {
            templates.push(template);
        }
    }
    for &header in variant.headers() {
        templates.push(&header.value);
    }
    let mut out: Vec<(&crate::ast::Field, String)> = Vec::new();
    for template in &templates {
        let Ok(parsed) = &template.parsed else {
            continue;
        };
        for placeholder in parsed.placeholders() {
            let Some(field) = variant.variant.field(&placeholder.member) else {
                continue;
            };
            let mut seen = false;
            for (known, _) in &out {
                seen |= known.index == field.index;
            }
            if !seen {
                out.push((field, placeholder.spec.clone()));
            }
        }
    }
    out
}
