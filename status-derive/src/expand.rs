//! Generates the impl from a model `valid` has accepted. No rule lives here.
//!
//! The method bodies are written as text through [`Code`] (see `emit` for why); the impl's
//! where-clause, built as tokens, carries the spans that point at the user's code.

use crate::ast::{Field, Input, Variant};
use crate::body::{self, Body, Detail};
use crate::diag::Warning;
use crate::emit::{source, Code};
use crate::generics::{format_trait, Bounds};
use crate::resolve::{Format, Resolved};
use crate::template::Template;
use crate::warning;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use std::fmt::Write as _;
use syn::spanned::Spanned as _;
use syn::{LitStr, Path};

/// The path generated code names the runtime by: `::http_status`, or `crate = "..."`.
pub fn runtime_path(input: &Input) -> TokenStream {
    input
        .attrs
        .first()
        .and_then(|attr| attr.krate.as_ref())
        .and_then(|krate| krate.value.lit.parse::<Path>().ok())
        .map_or_else(|| quote!(::http_status), |path| path.to_token_stream())
}

struct Cx<'i, 'a> {
    input: &'i Input<'a>,
    rt: TokenStream,
    /// `rt` as source text.
    rt_text: String,
    bounds: Bounds,
}

pub fn expand(input: &Input, resolved: &[Resolved], warnings: &[Warning]) -> TokenStream {
    let rt = runtime_path(input);
    let mut cx = Cx {
        input,
        rt_text: source(&rt),
        rt,
        bounds: Bounds::new(&input.original.generics),
    };
    // The bodies first: writing them collects the bounds the impl header needs.
    let status = method_body(&mut cx, |cx, code| status_match(cx, resolved, code));
    let headers = method_body(&mut cx, |cx, code| headers_match(cx, resolved, code));
    let response = method_body(&mut cx, |cx, code| response_match(cx, resolved, code));
    let describe = method_body(&mut cx, |cx, code| descriptions(cx, resolved, code));

    let rt = &cx.rt;
    let ty = &input.original.ident;
    let generics = &input.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let predicates = cx.bounds.where_predicates(generics);
    let display_bounds = display_bounds(input);
    let warnings = warnings.iter().map(warning::tokens);
    // Only types with a 5xx of their own report (transparent variants report through the
    // wrapped type); with the `tracing` feature off the macro expands to nothing.
    let report = resolved
        .iter()
        .any(|v| v.transparent().is_none() && v.is_server_error())
        .then(|| {
            quote! {
                fn __http_status_report(&self) {
                    #rt::__http_status_report!(self);
                }
            }
        });

    quote! {
        #(#warnings)*

        #[automatically_derived]
        #[allow(unused_qualifications, clippy::match_single_binding)]
        impl #impl_generics #rt::HttpStatus for #ty #ty_generics where #(#predicates,)* {
            fn status(&self) -> #rt::__private::StatusCode {
                #status
            }

            fn headers(&self) -> #rt::__private::HeaderMap {
                #headers
            }

            fn to_response(&self) -> #rt::__private::Response<#rt::__private::Bytes> {
                #response
            }

            fn describe_responses(__catalog: &mut #rt::__private::ResponseCatalog)
            where
                Self: ::core::marker::Sized,
            {
                #describe
            }

            #report
        }

        #rt::__http_status_integrations! {
            impl [#impl_generics] for [#ty #ty_generics] where [#(#predicates,)*] display [#display_bounds]
        }
    }
}

/// A method body: the local names generated code uses (short, to keep it small), then what
/// `fill` writes.
fn method_body(cx: &mut Cx, fill: impl FnOnce(&mut Cx, &mut Code)) -> TokenStream {
    let mut code = Code::default();
    code.text("#[allow(unused_imports)] use")
        .text(&cx.rt_text)
        .text(
            "::__private::{self as __hs, empty as __hs_empty, fixed as __hs_fixed, format_args as __hs_format, \
             json as __hs_json, text as __hs_text, JSON as __HS_JSON, PROBLEM as __HS_PROBLEM, TEXT as __HS_TEXT};",
        );
    fill(cx, &mut code);
    code.finish()
}

/// `match self { … }`, or `match *self {}` for an empty enum.
fn match_self(empty: bool, code: &mut Code, arms: impl FnOnce(&mut Code)) {
    code.text(if empty { "match *self" } else { "match self" })
        .braced(arms);
}

/// The bounds actix-web's ResponseError needs, Debug + Display. Written as a higher-ranked
/// bound (as thiserror works around trivial bounds), they make the impl apply only to types
/// that have both, instead of failing to compile for those that have not.
pub fn display_bounds(input: &Input) -> TokenStream {
    let ty = &input.original.ident;
    let (_, ty_generics, _) = input.original.generics.split_for_impl();
    quote!(for<'__http_status> #ty #ty_generics: ::core::fmt::Debug + ::core::fmt::Display,)
}

/// `#[cfg(...)] Self::V { a: __field_a, .. } =>`, binding only `used`; `Self { .. }` for a
/// struct.
fn arm_head(variant: &Variant, used: &[usize]) -> String {
    let mut out = String::new();
    for cfg in &variant.cfgs {
        out.push_str(&source(cfg));
    }
    out.push_str(&pattern(variant, used));
    out.push_str(" =>");
    out
}

fn pattern(variant: &Variant, used: &[usize]) -> String {
    let mut out = String::from("Self");
    if variant.is_enum_variant {
        let _ = write!(out, "::{}", variant.ident);
    }
    out.push_str(" {");
    for field in variant.fields.iter().filter(|f| used.contains(&f.index)) {
        for cfg in &field.cfgs {
            out.push_str(&source(cfg));
        }
        let _ = write!(out, " {}: {},", field.member_text, field.binding);
    }
    out.push_str(" .. }");
    out
}

/// The one field of a transparent variant.
fn transparent_field<'v, 'a>(variant: &'v Resolved<'v, 'a>) -> Option<&'v Field<'a>> {
    variant.transparent().and(variant.variant.fields.first())
}

/// `<FieldType as HttpStatus>::method`, spanned at the field's type so that a type without
/// HttpStatus is reported there. (Not a where-clause bound, as for formatted fields: a type
/// that contains itself, `Boxed(Box<Self>)`, would make it cyclic. A generic field type does
/// get the bound, as inference.)
fn delegate_path(cx: &mut Cx, field: &Field, method: &str) -> TokenStream {
    let rt = &cx.rt;
    let ty = field.ty;
    cx.bounds
        .require_if_generic_type(ty, quote!(#rt::HttpStatus));
    let method = proc_macro2::Ident::new(method, proc_macro2::Span::call_site());
    quote_spanned!(ty.span()=> <#ty as #rt::HttpStatus>::#method)
}

/// A transparent variant's arm: the method of its field.
fn delegate_arm(cx: &mut Cx, code: &mut Code, variant: &Resolved, field: &Field, method: &str) {
    let path = delegate_path(cx, field, method);
    let binding = &field.binding;
    code.text(&arm_head(variant.variant, &[field.index]))
        .tokens(quote!(#path(#binding)))
        .text(",");
}

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

/// `status()`: one arm per status code, its variants joined in an or-pattern (the same machine
/// code as an arm per variant, and less to compile); a `cfg`-ed or transparent variant gets
/// an arm of its own.
fn status_match(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    match_self(resolved.is_empty(), code, |arms| {
        // (code, its expression, the patterns of its variants), in order of first appearance.
        let mut groups: Vec<(Option<u16>, String, Vec<String>)> = Vec::new();
        for variant in resolved {
            if let Some(field) = transparent_field(variant) {
                delegate_arm(cx, arms, variant, field, "status");
            } else if !variant.variant.cfgs.is_empty() {
                arms.text(&arm_head(variant.variant, &[]))
                    .text(&status_expr(variant))
                    .text(",");
            } else {
                let value = variant.code.map(|c| c.value);
                let pattern = pattern(variant.variant, &[]);
                match groups.iter_mut().find(|(v, _, _)| *v == value) {
                    Some((_, _, patterns)) => patterns.push(pattern),
                    None => groups.push((value, status_expr(variant), vec![pattern])),
                }
            }
        }
        for (_, status, patterns) in groups {
            arms.text(&patterns.join(" | "))
                .text("=>")
                .text(&status)
                .text(",");
        }
    });
}

/// `headers()`: an arm for each variant with headers (literal values are `const`, so
/// validated and built at compile time), `_ => HeaderMap::new()` for the rest.
fn headers_match(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    match_self(resolved.is_empty(), code, |arms| {
        let mut without = false;
        for variant in resolved {
            if let Some(field) = transparent_field(variant) {
                delegate_arm(cx, arms, variant, field, "headers");
                continue;
            }
            let headers = variant.headers();
            if headers.is_empty() {
                without = true;
                continue;
            }
            let mut used = Vec::new();
            let mut body = String::from("{ let mut __headers = __hs::HeaderMap::new();");
            for header in headers {
                let Ok(template) = &header.value.parsed else {
                    continue;
                };
                let name = format!(
                    "{{ const NAME: __hs::HeaderName = __hs::HeaderName::from_static({:?}); NAME }}",
                    header.name().to_ascii_lowercase()
                );
                let _ = match template.literal() {
                    Some(value) => write!(
                        body,
                        "__hs::add(&mut __headers, {name}, {{ const VALUE: __hs::HeaderValue = __hs::HeaderValue::from_static({value:?}); VALUE }});"
                    ),
                    None => {
                        let args = format_args(cx, variant.variant, template, &header.value.lit, &mut used);
                        write!(body, "__hs::add_formatted(&mut __headers, {name}, {args});")
                    }
                };
            }
            body.push_str(" __headers }");
            arms.text(&arm_head(variant.variant, &used))
                .text(&body)
                .text(",");
        }
        if without {
            arms.text("_ => __hs::HeaderMap::new(),");
        }
    });
}

/// `__hs_format!("...", __field_a, __field_b)` (`format_args!`) for a template, recording the
/// fields it binds, and requiring of each field's type the trait its spec formats with,
/// spanned at the template.
fn format_args(
    cx: &mut Cx,
    variant: &Variant,
    template: &Template,
    lit: &LitStr,
    used: &mut Vec<usize>,
) -> String {
    let mut out = format!("__hs_format!({:?}", template.format_string());
    for placeholder in template.placeholders() {
        let Some(field) = variant.field(&placeholder.member) else {
            continue;
        };
        if !used.contains(&field.index) {
            used.push(field.index);
        }
        let format_trait = format_trait(&placeholder.spec);
        cx.bounds
            .require(field.ty, quote!(::core::fmt::#format_trait), lit.span());
        let _ = write!(out, ", {}", field.binding);
    }
    out.push(')');
    out
}

/// `to_response()`: each arm one call of a runtime helper with what was rendered at compile
/// time, and the `format_args!` of what is formatted now.
fn response_match(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    match_self(resolved.is_empty(), code, |arms| {
        for variant in resolved {
            if let Some(field) = transparent_field(variant) {
                delegate_arm(cx, arms, variant, field, "to_response");
            } else {
                response_arm(cx, variant, arms);
            }
        }
    });
}

fn response_arm(cx: &mut Cx, variant: &Resolved, arms: &mut Code) {
    let mut used = Vec::new();
    let body = body::body(cx.input, variant);
    // The fields the detail binds, before the arm's pattern is written.
    let args = match &body {
        Body::Json { detail, .. } | Body::Text { detail, .. } => {
            detail_args(cx, variant, detail, &mut used)
        }
        Body::Empty | Body::Fixed { .. } => String::new(),
    };
    arms.text(&arm_head(variant.variant, &used));
    match body {
        Body::Empty => arms.text("__hs_empty(self),"),
        Body::Fixed { format, text } => arms
            .text("__hs_fixed(self,")
            .text(body_format(format))
            .text(",")
            .str_lit(&text)
            .text("),"),
        Body::Json {
            format, head, tail, ..
        } => arms
            .text("__hs_json(self,")
            .text(body_format(format))
            .text(",")
            .str_lit(&head)
            .text(",")
            .str_lit(&tail)
            .text(",")
            .text(&args)
            .text("),"),
        Body::Text { fallback, .. } => arms
            .text("__hs_text(self,")
            .str_lit(&fallback)
            .text(",")
            .text(&args)
            .text("),"),
    };
}

/// The `format_args!` of the run-time detail.
fn detail_args(cx: &mut Cx, variant: &Resolved, detail: &Detail, used: &mut Vec<usize>) -> String {
    match detail {
        Detail::Template(lit, template) => {
            format_args(cx, variant.variant, template, &lit.lit, used)
        }
        _ => {
            let ty = &cx.input.original.ident;
            let (_, ty_generics, _) = cx.input.original.generics.split_for_impl();
            cx.bounds
                .require_if_generic(quote!(#ty #ty_generics: ::core::fmt::Display));
            "__hs_format!(\"{}\", self)".to_owned()
        }
    }
}

fn body_format(format: Format) -> &'static str {
    match format {
        Format::Problem => "__HS_PROBLEM",
        Format::Json => "__HS_JSON",
        Format::Text => "__HS_TEXT",
    }
}

/// `describe_responses`: each run of plain variants becomes one encoded string literal (see
/// `__private::describe`); a `cfg`-ed variant gets its own statement under its `cfg`, a
/// transparent one includes its field's type. Declaration order is kept.
fn descriptions(cx: &mut Cx, resolved: &[Resolved], code: &mut Code) {
    let mut run = String::new();
    let flush = |run: &mut String, code: &mut Code| {
        if !run.is_empty() {
            code.text("__hs::describe(__catalog,")
                .str_lit(run)
                .text(");");
            run.clear();
        }
    };
    for variant in resolved {
        let cfgs: String = variant.variant.cfgs.iter().map(source).collect();
        if let Some(field) = transparent_field(variant) {
            flush(&mut run, code);
            let describe = delegate_path(cx, field, "describe_responses");
            code.text(&cfgs)
                .text("__catalog.include_with")
                .tokens(quote!((#describe)))
                .text(";");
        } else if cfgs.is_empty() {
            encode(cx, variant, &mut run);
        } else {
            flush(&mut run, code);
            let mut one = String::new();
            encode(cx, variant, &mut one);
            code.text(&cfgs)
                .text("__hs::describe(__catalog,")
                .str_lit(&one)
                .text(");");
        }
    }
    flush(&mut run, code);
}

/// Appends one variant's description in the `<length>:<text>` fields `__private::describe`
/// reads.
fn encode(cx: &Cx, variant: &Resolved, out: &mut String) {
    let mut field = |text: &str| {
        out.push_str(&text.len().to_string());
        out.push(':');
        out.push_str(text);
    };
    let title = variant.title();
    let detail = body::detail(cx.input, variant);
    let has_detail = !matches!(detail, Detail::None) && !variant.content_forbidden();
    let description = match (&detail, variant.message()) {
        (Detail::None, _) => title.clone(),
        (_, Some(message)) => message.value.text.clone(),
        (_, None) => variant
            .variant
            .error_text(cx.input)
            .and_then(|text| text.written())
            .map_or_else(|| title.clone(), str::to_owned),
    };
    let format = match (variant.content_forbidden(), variant.format()) {
        (true, _) => "e",
        (false, Format::Problem) => "p",
        (false, Format::Json) => "j",
        (false, Format::Text) => "t",
    };
    let problem_type = match (variant.format(), variant.problem_type()) {
        (Format::Problem, Some(uri)) => uri.value.value().to_owned(),
        _ => String::new(),
    };
    let headers = variant.headers();
    field(&variant.code.map_or(500, |c| c.value).to_string());
    field(&title);
    field(&variant.variant.name());
    field(&description);
    field(
        variant
            .machine_code()
            .map(|c| c.value.value())
            .unwrap_or_default(),
    );
    field(&problem_type);
    field(format);
    field(if has_detail { "1" } else { "0" });
    field(&headers.len().to_string());
    for header in headers {
        field(header.name());
        field(&header.value.text);
    }
}
