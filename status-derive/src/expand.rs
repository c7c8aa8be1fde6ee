//! Generates the impl from a model `valid` has accepted. No rule lives here.

use crate::ast::{Field, Input, Variant};
use crate::body::{self, Body, Detail};
use crate::diag::Warning;
use crate::generics::{format_trait, Bounds};
use crate::resolve::{Format, Resolved};
use crate::template::Template;
use crate::warning;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use std::collections::BTreeSet;
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
    bounds: Bounds,
}

pub fn expand(input: &Input, resolved: &[Resolved], warnings: &[Warning]) -> TokenStream {
    let mut cx = Cx {
        input,
        rt: runtime_path(input),
        bounds: Bounds::new(&input.original.generics),
    };
    let empty = resolved.is_empty();
    let status_arms = status_arms(&mut cx, resolved);
    let header_arms: Vec<TokenStream> = resolved
        .iter()
        .filter_map(|v| header_arm(&mut cx, v))
        .collect();
    let response_arms: Vec<TokenStream> =
        resolved.iter().map(|v| response_arm(&mut cx, v)).collect();
    let descriptions = descriptions(&mut cx, resolved);
    let every_variant_has_headers = header_arms.len() == resolved.len();

    let rt = &cx.rt;
    let scrutinee = if empty { quote!(*self) } else { quote!(self) };
    let no_headers = (!every_variant_has_headers).then(|| quote!(_ => __hs::HeaderMap::new(),));
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
    // A local alias keeps the generated code short, which is most of what it costs to compile.
    let alias = quote!(#[allow(unused_imports)] use #rt::__private as __hs;);

    quote! {
        #(#warnings)*

        #[automatically_derived]
        #[allow(unused_qualifications, clippy::match_single_binding)]
        impl #impl_generics #rt::HttpStatus for #ty #ty_generics where #(#predicates,)* {
            fn status(&self) -> #rt::__private::StatusCode {
                #alias
                match #scrutinee {
                    #(#status_arms)*
                }
            }

            fn headers(&self) -> #rt::__private::HeaderMap {
                #alias
                match #scrutinee {
                    #(#header_arms)*
                    #no_headers
                }
            }

            fn to_response(&self) -> #rt::__private::Response<#rt::__private::Bytes> {
                #alias
                match #scrutinee {
                    #(#response_arms)*
                }
            }

            fn describe_responses(__catalog: &mut #rt::__private::ResponseCatalog)
            where
                Self: ::core::marker::Sized,
            {
                #alias
                #(#descriptions)*
            }

            #report
        }

        #rt::__http_status_integrations! {
            impl [#impl_generics] for [#ty #ty_generics] where [#(#predicates,)*] display [#display_bounds]
        }
    }
}

/// The bounds actix-web's ResponseError needs, Debug + Display. Written as a higher-ranked
/// bound (as thiserror works around trivial bounds), they make the impl apply only to types
/// that have both, instead of failing to compile for those that have not.
pub fn display_bounds(input: &Input) -> TokenStream {
    let ty = &input.original.ident;
    let (_, ty_generics, _) = input.original.generics.split_for_impl();
    quote!(for<'__http_status> #ty #ty_generics: ::core::fmt::Debug + ::core::fmt::Display,)
}

/// `Self::V { a: __field_a, .. }` binding only `used`; `Self { .. }` for a struct.
fn pattern(variant: &Variant, used: &BTreeSet<usize>) -> TokenStream {
    let path = if variant.is_enum_variant {
        let ident = variant.ident;
        quote!(Self::#ident)
    } else {
        quote!(Self)
    };
    let bindings = variant
        .fields
        .iter()
        .filter(|f| used.contains(&f.index))
        .map(|field| {
            let member = &field.member;
            let binding = &field.binding;
            let cfgs = &field.cfgs;
            quote!(#(#cfgs)* #member: #binding,)
        });
    quote!(#path { #(#bindings)* .. })
}

fn arm(variant: &Variant, used: &BTreeSet<usize>, body: TokenStream) -> TokenStream {
    let cfgs = &variant.cfgs;
    let pattern = pattern(variant, used);
    quote!(#(#cfgs)* #pattern => #body,)
}

/// The one field of a transparent variant.
fn transparent_field<'v, 'a>(variant: &'v Resolved<'v, 'a>) -> Option<&'v Field<'a>> {
    variant.transparent().and(variant.variant.fields.first())
}

/// `<FieldType as HttpStatus>::method`, spanned at the field's type so that a type without
/// HttpStatus is reported there.
fn delegate_path(cx: &mut Cx, field: &Field, method: TokenStream) -> TokenStream {
    let rt = &cx.rt;
    let ty = field.ty;
    cx.bounds.require(ty, quote!(#rt::HttpStatus));
    quote_spanned!(ty.span()=> <#ty as #rt::HttpStatus>::#method)
}

fn delegate(cx: &mut Cx, field: &Field, method: TokenStream) -> TokenStream {
    let path = delegate_path(cx, field, method);
    let binding = &field.binding;
    quote!(#path(#binding))
}

fn status_expr(variant: &Resolved) -> TokenStream {
    let Some(code) = variant.code else {
        return quote!(__hs::StatusCode::INTERNAL_SERVER_ERROR);
    };
    match code.info.and_then(|info| info.http_name) {
        Some(name) => {
            let name = format_ident!("{}", name);
            quote!(__hs::StatusCode::#name)
        }
        None => {
            let value = code.value;
            quote!({
                const STATUS: __hs::StatusCode = __hs::status_code(#value);
                STATUS
            })
        }
    }
}

/// The arms of `status()`: one per status code, its variants joined in an or-pattern (the same
/// machine code as an arm per variant, and less for the compiler to read); a `cfg`-ed or
/// transparent variant gets an arm of its own.
fn status_arms(cx: &mut Cx, resolved: &[Resolved]) -> Vec<TokenStream> {
    let mut arms = Vec::new();
    // (code, its expression, the patterns of its variants), in order of first appearance.
    let mut groups: Vec<(Option<u16>, TokenStream, Vec<TokenStream>)> = Vec::new();
    for variant in resolved {
        if let Some(field) = transparent_field(variant) {
            arms.push(arm(
                variant.variant,
                &BTreeSet::from([field.index]),
                delegate(cx, field, quote!(status)),
            ));
        } else if !variant.variant.cfgs.is_empty() {
            arms.push(arm(variant.variant, &BTreeSet::new(), status_expr(variant)));
        } else {
            let code = variant.code.map(|c| c.value);
            let pattern = pattern(variant.variant, &BTreeSet::new());
            match groups.iter_mut().find(|(c, _, _)| *c == code) {
                Some((_, _, patterns)) => patterns.push(pattern),
                None => groups.push((code, status_expr(variant), vec![pattern])),
            }
        }
    }
    for (_, status, patterns) in groups {
        arms.push(quote!(#(#patterns)|* => #status,));
    }
    arms
}

fn header_arm(cx: &mut Cx, variant: &Resolved) -> Option<TokenStream> {
    if let Some(field) = transparent_field(variant) {
        return Some(arm(
            variant.variant,
            &BTreeSet::from([field.index]),
            delegate(cx, field, quote!(headers)),
        ));
    }
    let headers = variant.headers();
    if headers.is_empty() {
        return None;
    }
    let mut used = BTreeSet::new();
    let adds: Vec<TokenStream> = headers
        .iter()
        .map(|header| {
            let name = header.name().to_ascii_lowercase();
            let name = quote!({
                const NAME: __hs::HeaderName = __hs::HeaderName::from_static(#name);
                NAME
            });
            let Ok(template) = &header.value.parsed else {
                return TokenStream::new();
            };
            match template.literal() {
                Some(value) => quote! {
                    __hs::add(&mut __headers, #name, {
                        const VALUE: __hs::HeaderValue = __hs::HeaderValue::from_static(#value);
                        VALUE
                    });
                },
                None => {
                    let args =
                        format_args(cx, variant.variant, template, &header.value.lit, &mut used);
                    quote!(__hs::add_formatted(&mut __headers, #name, #args);)
                }
            }
        })
        .collect();
    let body = quote!({
        let mut __headers = __hs::HeaderMap::new();
        #(#adds)*
        __headers
    });
    Some(arm(variant.variant, &used, body))
}

/// `__hs::format_args!("...", __field_a, __field_b)` for a template, recording the fields
/// it binds and the bounds their types need.
fn format_args(
    cx: &mut Cx,
    variant: &Variant,
    template: &Template,
    lit: &LitStr,
    used: &mut BTreeSet<usize>,
) -> TokenStream {
    let format = LitStr::new(&template.format_string(), lit.span());
    let args: Vec<TokenStream> = template
        .placeholders()
        .filter_map(|placeholder| {
            let field = variant.field(&placeholder.member)?;
            used.insert(field.index);
            let format_trait = format_trait(&placeholder.spec);
            cx.bounds
                .require(field.ty, quote!(::core::fmt::#format_trait));
            let binding = &field.binding;
            Some(quote_spanned!(lit.span()=> #binding))
        })
        .collect();
    quote!(__hs::format_args!(#format #(, #args)*))
}

fn response_arm(cx: &mut Cx, variant: &Resolved) -> TokenStream {
    if let Some(field) = transparent_field(variant) {
        return arm(
            variant.variant,
            &BTreeSet::from([field.index]),
            delegate(cx, field, quote!(to_response)),
        );
    }
    let mut used = BTreeSet::new();
    let built = match body::body(cx.input, variant) {
        Body::Empty => quote!(__hs::empty(self)),
        Body::Fixed { format, text } => {
            let format = body_format(format);
            quote!(__hs::fixed(self, #format, #text))
        }
        Body::Json {
            format,
            head,
            tail,
            detail,
        } => {
            let (args, hint) = detail_args(cx, variant, &detail, &mut used);
            let format = body_format(format);
            quote!(__hs::json(self, #format, #head, #tail, #hint, #args))
        }
        Body::Text { detail, fallback } => {
            let (args, hint) = detail_args(cx, variant, &detail, &mut used);
            quote!(__hs::text(self, #fallback, #hint, #args))
        }
    };
    arm(variant.variant, &used, built)
}

/// The run-time detail and the number of bytes it is expected to take.
fn detail_args(
    cx: &mut Cx,
    variant: &Resolved,
    detail: &Detail,
    used: &mut BTreeSet<usize>,
) -> (TokenStream, usize) {
    match detail {
        Detail::Template(lit, template) => {
            let args = format_args(cx, variant.variant, template, &lit.lit, used);
            let hint = template.text_len() + 16 * template.placeholders().count();
            (args, hint)
        }
        _ => {
            let ty = &cx.input.original.ident;
            let (_, ty_generics, _) = cx.input.original.generics.split_for_impl();
            cx.bounds
                .require_if_generic(quote!(#ty #ty_generics: ::core::fmt::Display));
            (quote!(__hs::format_args!("{}", self)), 64)
        }
    }
}

fn body_format(format: Format) -> TokenStream {
    match format {
        Format::Problem => quote!(__hs::PROBLEM),
        Format::Json => quote!(__hs::JSON),
        Format::Text => quote!(__hs::TEXT),
    }
}

/// `describe_responses`: each run of plain variants becomes one encoded string literal (see
/// `__private::describe`); a `cfg`-ed variant gets its own statement under its `cfg`, a
/// transparent one includes its field's type. Declaration order is kept.
fn descriptions(cx: &mut Cx, resolved: &[Resolved]) -> Vec<TokenStream> {
    let mut statements = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, statements: &mut Vec<TokenStream>| {
        if !run.is_empty() {
            statements.push(quote!(__hs::describe(__catalog, #run);));
            run.clear();
        }
    };
    for variant in resolved {
        let cfgs = &variant.variant.cfgs;
        if let Some(field) = transparent_field(variant) {
            flush(&mut run, &mut statements);
            let describe = delegate_path(cx, field, quote!(describe_responses));
            statements.push(quote!(#(#cfgs)* __catalog.include_with(#describe);));
        } else if cfgs.is_empty() {
            encode(cx, variant, &mut run);
        } else {
            flush(&mut run, &mut statements);
            let mut one = String::new();
            encode(cx, variant, &mut one);
            statements.push(quote!(#(#cfgs)* __hs::describe(__catalog, #one);));
        }
    }
    flush(&mut run, &mut statements);
    statements
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
