//! Generates the impl from a model `valid` has accepted. No rule lives here.
//!
//! The method bodies are written as text through [`Code`] (see `emit` for why); the impl's
//! where-clause and the assertion function, built as tokens, carry the spans that point at
//! the user's code.

mod arms;
mod decode;
mod describe;

use crate::ast::{Field, Input, Variant};
use crate::bounds::{format_trait, Bounds};
use crate::diag::Warning;
use crate::emit::{source, Code};
use crate::plan::Source;
use crate::resolve::{Format, Resolved};
use crate::template::{Piece, Template};
use crate::warning;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use std::fmt::Write as _;
use syn::Path;

/// The path generated code names the runtime by: `::http_status`, or `crate = "..."`.
pub fn runtime_path(input: &Input) -> TokenStream {
    if let Some(krate) = type_option(input, crate::attr::options::Key::Crate) {
        if let Ok(path) = syn::parse_str::<Path>(&krate.text) {
            return path.to_token_stream();
        }
    }
    quote!(::http_status)
}

/// A text option of the type's attribute (`crate`, `domain`).
fn type_option<'i>(
    input: &'i Input,
    key: crate::attr::options::Key,
) -> Option<&'i crate::attr::StrLit> {
    match input.attrs.first() {
        Some(attr) => attr.str(key),
        None => None,
    }
}

pub(crate) struct Cx<'i, 'a> {
    pub input: &'i Input<'a>,
    pub rt: TokenStream,
    /// `rt` as source text.
    pub rt_text: String,
    pub bounds: Bounds,
    /// For each variant, whether its body was rendered whole at compile time (recorded by the
    /// `to_response` arms, read by the descriptions, which come after).
    pub static_bodies: Vec<bool>,
}

pub fn expand(input: &Input, resolved: &[Resolved], warnings: &[Warning]) -> TokenStream {
    let rt = runtime_path(input);
    let mut cx = Cx {
        input,
        rt_text: source(&rt),
        rt,
        bounds: Bounds::new(&input.original.generics),
        static_bodies: Vec::with_capacity(resolved.len()),
    };
    // The bodies first: writing them collects the bounds and assertions.
    let status = method_body(&mut cx, resolved, arms::status);
    let headers = method_body(&mut cx, resolved, arms::headers);
    let response = method_body(&mut cx, resolved, arms::response);
    let describe = method_body(&mut cx, resolved, describe::descriptions);
    let grpc = grpc_methods(&mut cx, resolved);
    let decode = decode::expand(&mut cx, resolved);
    let format_checks = checks(&mut cx, resolved);
    let can_succeed = can_succeed(&cx, resolved);

    let ty = &input.original.ident;
    let generics = &input.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let impl_generics = impl_generics.to_token_stream();
    let self_ty = quote!(#ty #ty_generics);
    let predicates = cx.bounds.where_predicates(generics);
    let predicates = quote!(#(#predicates,)*);
    let assertions = cx.bounds.assertions(generics);

    let mut code = Code::default();
    for warning in warnings {
        code.tokens(warning::tokens(warning));
    }
    code.tokens(assertions)
        .tokens(format_checks)
        .tokens(can_succeed);
    // Text like the method bodies (see `emit`: a `quote!` this size was a large part of this
    // crate's own compile time); the user's tokens (the type, its generics and bounds) are
    // spliced in, keeping their spans.
    let rt = cx.rt_text.as_str();
    code.text("#[automatically_derived]")
        .text("#[allow(unused_qualifications, clippy::match_single_binding, clippy::needless_return)]")
        .text("impl")
        .tokens(impl_generics.clone())
        .text(rt)
        .text("::HttpStatus for")
        .tokens(self_ty.clone())
        .text("where")
        .tokens(predicates.clone())
        .braced(&mut |items| {
            items
                .text(&format!("fn status(&self) -> {rt}::__private::StatusCode"))
                .braced(&mut |body| {
                    body.tokens(status.clone());
                })
                .text(&format!(
                    "fn headers(&self) -> {rt}::__private::HeaderMap {{ \
                     let mut headers = {rt}::__private::HeaderMap::new(); \
                     let _ = {rt}::HttpStatus::__http_status_headers(self, &mut headers); \
                     headers }}"
                ))
                .text(&format!(
                    "fn to_response(&self) -> {rt}::__private::Response<{rt}::__private::Bytes>"
                ))
                .braced(&mut |body| {
                    body.tokens(response.clone());
                })
                .text(&format!(
                    "fn describe_responses(__catalog: &mut {rt}::__private::ResponseCatalog) \
                     where Self: ::core::marker::Sized"
                ))
                .braced(&mut |body| {
                    body.tokens(describe.clone());
                })
                .text(&format!(
                    "fn __http_status_headers(&self, __h: &mut {rt}::__private::HeaderMap) \
                     -> ::core::result::Result<(), {rt}::__private::InvalidRequired>"
                ))
                .braced(&mut |body| {
                    body.tokens(headers.clone());
                })
                // How the value is put into words for logs: the richest account its type
                // allows.
                .text(&format!(
                    "fn __http_status_explain(&self, \
                     explain: &mut dyn ::core::ops::FnMut({rt}::__private::Explanation<'_>)) \
                     {{ {rt}::__http_status_explain!(self, explain); }}"
                ))
                .tokens(grpc.clone());
        });
    integrations(
        &mut code,
        rt,
        impl_generics,
        self_ty,
        predicates,
        display_bounds(input),
    );
    code.tokens(decode);
    code.finish()
}

/// `__http_status_integrations!`, which implements the traits of the enabled frameworks.
pub fn integrations(
    code: &mut Code,
    rt: &str,
    impl_generics: TokenStream,
    self_ty: TokenStream,
    predicates: TokenStream,
    display_bounds: TokenStream,
) {
    code.text(rt)
        .text("::__http_status_integrations!")
        .braced(&mut |args| {
            args.text("impl [")
                .tokens(impl_generics.clone())
                .text("] for [")
                .tokens(self_ty.clone())
                .text("] where [")
                .tokens(predicates.clone())
                .text("] display [")
                .tokens(display_bounds.clone())
                .text("]");
        });
}

/// What gRPC's `ErrorInfo` says besides the code: the domain (the `domain` option, else the
/// package name of the user's crate), and, with the `tonic` feature, the fields interpolated
/// into the variant's templates (a 5xx that hides its values visits none).
fn grpc_methods(cx: &mut Cx, resolved: &[Resolved]) -> TokenStream {
    let domain = match type_option(cx.input, crate::attr::options::Key::Domain) {
        Some(domain) => {
            let text = &domain.text;
            quote!(#text)
        }
        None => quote!(::core::env!("CARGO_PKG_NAME")),
    };
    // gRPC's `ErrorInfo.metadata` (the `tonic` feature) and Google's JSON error carry the
    // interpolated fields; nothing else reads them, so other builds do not get the method.
    let mut google = false;
    for variant in resolved {
        google |= variant.format().is(http_status_core::BodyFormat::Google);
    }
    let fields = if google || cfg!(feature = "tonic") {
        let fields = method_body(cx, resolved, arms::fields);
        quote! {
            fn __http_status_fields(
                &self,
                __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display),
            ) {
                #fields
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        fn __http_status_domain(&self) -> &'static str {
            #domain
        }

        #fields
    }
}

/// A method body: the local names generated code uses (short, to keep it small), then what
/// `fill` writes (a function pointer: one copy of this for all the methods).
fn method_body(
    cx: &mut Cx,
    resolved: &[Resolved],
    fill: fn(&mut Cx, &[Resolved], &mut Code),
) -> TokenStream {
    let mut code = Code::default();
    code.text("#[allow(unused_imports)] use")
        .text(&cx.rt_text)
        .text("::__private::{self as __hs, format_args as __hs_format};");
    fill(cx, resolved, &mut code);
    code.finish()
}

/// Checks of the whole type: a success status on a type that implements `Error` by hand (an
/// assertion), and each custom format's Content-Type (returned as `const` items).
fn checks(cx: &mut Cx, resolved: &[Resolved]) -> TokenStream {
    let rt = cx.rt.clone();
    success_in_error(cx, resolved);
    let mut formats: Vec<String> = Vec::new();
    let mut items = TokenStream::new();
    for variant in resolved {
        let Format::Custom(path) = variant.format() else {
            continue;
        };
        let text = source(path);
        if formats.contains(&text) {
            continue;
        }
        formats.push(text);
        cx.bounds.require_format(&rt, path);
        if cx.bounds.mentions_param_tokens(path.to_token_stream()) {
            continue;
        }
        let span = syn::spanned::Spanned::span(path);
        items.extend(quote_spanned! {span=>
            const _: () = ::core::assert!(
                #rt::__private::valid_content_type(<#path as #rt::__private::Format>::CONTENT_TYPE),
                "Format::CONTENT_TYPE is not a valid header value: it must be non-empty visible ASCII without leading or trailing whitespace (RFC 9110 §5.5; rule: bad_attribute)"
            );
        });
    }
    items
}

/// `success_in_error`, where only the compiler can tell: a success status on a type that
/// implements `Error` by hand (the derive reports thiserror's types itself), and any error
/// type whose `transparent` or `delegate` field is a derived type that can answer with a
/// success. Both are autoref probes in the assertion function, on a concrete type: the type
/// itself, or for a generic type declared without bounds, the type at `&'static str` for
/// each parameter (what a generic hand-written `impl<T: Display> Error` covers).
fn success_in_error(cx: &mut Cx, resolved: &[Resolved]) {
    let rt = cx.rt.clone();
    let Some(probed) = probe_type(cx.input) else {
        return;
    };
    let error = |span: Span| {
        let probed = crate::bounds::respan(probed.clone(), span);
        quote_spanned!(span=> (&&#rt::__private::ErrorProbe::<#probed>::new()).__hs_verdict())
    };
    let uses = quote! {
        #[allow(unused_imports)]
        use #rt::__private::{ProbeError as _, ProbeOther as _, ProbeSuccess as _, ProbeNoSuccess as _};
    };
    if !cx.input.has_error_attributes() {
        if let Some(code) = first_success(resolved) {
            let span = code.spec.span();
            let error = error(span);
            cx.bounds.assert(quote_spanned! {span=>
                {
                    #uses
                    #rt::__private::success_allowed(#error);
                }
            });
        }
    }
    for variant in resolved {
        let Some(field) = variant.delegate else {
            continue;
        };
        if cx.bounds.is_generic(field.ty) {
            continue;
        }
        let ty = field.ty;
        let span = syn::spanned::Spanned::span(ty);
        let error = error(span);
        cx.bounds.assert(quote_spanned! {span=>
            {
                #uses
                #rt::__private::no_success_through((
                    #error,
                    (&&#rt::__private::SuccessProbe::<#ty>::new()).__hs_success(),
                ));
            }
        });
    }
}

/// A concrete type to probe for `Error`: the type, or one made from it (see
/// `success_in_error`); `None` when no well-formed one can be named.
fn probe_type(input: &Input) -> Option<TokenStream> {
    let generics = &input.original.generics;
    let ty = &input.original.ident;
    if generics.params.is_empty() {
        return Some(quote!(#ty));
    }
    if generics.where_clause.is_some() {
        return None;
    }
    let mut args = String::new();
    for param in &generics.params {
        let (bounded, arg) = match param {
            syn::GenericParam::Type(param) => (
                !param.bounds.is_empty() || param.default.is_some(),
                "&'static str",
            ),
            syn::GenericParam::Lifetime(param) => (!param.bounds.is_empty(), "'static"),
            syn::GenericParam::Const(_) => (true, ""),
        };
        if bounded {
            return None;
        }
        if !args.is_empty() {
            args.push(',');
        }
        args.push_str(arg);
    }
    let args: TokenStream = args.parse().ok()?;
    Some(quote!(#ty<#args>))
}

/// The marker a type with a success variant carries, for the probe above.
fn can_succeed(cx: &Cx, resolved: &[Resolved]) -> TokenStream {
    if first_success(resolved).is_none() {
        return TokenStream::new();
    }
    let rt = &cx.rt;
    let ty = &cx.input.original.ident;
    let (impl_generics, ty_generics, where_clause) = cx.input.original.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #rt::__private::CanSucceed for #ty #ty_generics #where_clause {}
    }
}

/// The first success status of a variant that does not delegate.
fn first_success<'i>(resolved: &[Resolved<'i, '_>]) -> Option<crate::resolve::Code<'i>> {
    for variant in resolved {
        match variant.code {
            Some(code) if !variant.delegates() && code.is_success_status() => return Some(code),
            _ => {}
        }
    }
    None
}

/// The bounds actix-web's ResponseError needs, Debug + Display. Written as a higher-ranked
/// bound (as thiserror works around trivial bounds), they make the impl apply only to types
/// that have both, instead of failing to compile for those that have not.
pub fn display_bounds(input: &Input) -> TokenStream {
    let ty = &input.original.ident;
    let (_, ty_generics, _) = input.original.generics.split_for_impl();
    quote!(for<'__http_status> #ty #ty_generics: ::core::fmt::Debug + ::core::fmt::Display,)
}

/// `match self { … }`, or `match *self {}` for an empty enum.
fn match_self(empty: bool, code: &mut Code, arms: &mut dyn FnMut(&mut Code)) {
    code.text(if empty { "match *self" } else { "match self" })
        .braced(arms);
}

/// `#[cfg(...)] Self::V { a: __field_a, .. } =>`, binding only `used`; `Self { .. }` for a
/// struct.
fn arm_head(variant: &Variant, used: &[usize]) -> String {
    let mut out = crate::emit::cfgs(&variant.cfgs);
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
    for field in &variant.fields {
        if !used.contains(&field.index) {
            continue;
        }
        out.push_str(&crate::emit::cfgs(&field.cfgs));
        let _ = write!(out, " {}: {},", field.member_text, field.binding);
    }
    out.push_str(" .. }");
    out
}

/// `<FieldType as HttpStatus>::method`, spanned at the field's type so that a type without
/// HttpStatus is reported there. (Not a where-clause bound, as for formatted fields: a type
/// that contains itself, `Boxed(Box<Self>)`, would make it cyclic. A generic field type does
/// get the bound, as inference.)
fn delegate_path(cx: &mut Cx, field: &Field, method: &str) -> TokenStream {
    let rt = &cx.rt;
    let ty = field.ty;
    cx.bounds.require_if_generic(ty, quote!(#rt::HttpStatus));
    let method = proc_macro2::Ident::new(method, Span::call_site());
    quote_spanned!(syn::spanned::Spanned::span(ty)=> <#ty as #rt::HttpStatus>::#method)
}

/// `__hs_format!("...", a, b)` (`format_args!`) for a template, recording the fields it binds,
/// and requiring of each field's type the trait its spec formats with, reported at the
/// template. A placeholder marked in `escaped` sits in a quoted-string of a header value: its
/// text is written with `"` and `\` as quoted-pairs (`__hs::QuotedPairs`) instead of being
/// refused by the field's grammar.
fn template_args(
    cx: &mut Cx,
    variant: &Variant,
    template: &Template,
    span: Span,
    escaped: &[bool],
    used: &mut Vec<usize>,
) -> String {
    let mut format = String::new();
    let mut args = String::new();
    let mut placeholders = 0;
    for piece in &template.pieces {
        let placeholder = match piece {
            Piece::Text(text) => {
                format.push_str(&text.replace('{', "{{").replace('}', "}}"));
                continue;
            }
            Piece::Field(placeholder) => placeholder,
        };
        let quoted = escaped.get(placeholders).copied().unwrap_or(false);
        placeholders += 1;
        let Some(field) = variant.field(&placeholder.member) else {
            continue;
        };
        if !used.contains(&field.index) {
            used.push(field.index);
        }
        let trait_ident =
            proc_macro2::Ident::new(format_trait(&placeholder.spec), Span::call_site());
        cx.bounds.require_fmt(field.ty, &trait_ident, span);
        let binding = &field.binding;
        match (quoted, placeholder.spec.is_empty()) {
            (false, true) => {
                format.push_str("{}");
                let _ = write!(args, ", {binding}");
            }
            (false, false) => {
                let _ = write!(format, "{{:{}}}", placeholder.spec);
                let _ = write!(args, ", {binding}");
            }
            (true, true) => {
                format.push_str("{}");
                let _ = write!(args, ", __hs::QuotedPairs({binding})");
            }
            (true, false) => {
                format.push_str("{}");
                let _ = write!(
                    args,
                    ", __hs::QuotedPairs(__hs_format!(\"{{:{}}}\", {binding}))",
                    placeholder.spec
                );
            }
        }
    }
    format!("__hs_format!({format:?}{args})")
}

/// The `format_args!` of text formatted at run time.
fn source_args(cx: &mut Cx, variant: &Variant, source: Source, used: &mut Vec<usize>) -> String {
    match source {
        Source::Template(lit, template) => {
            template_args(cx, variant, template, lit.lit.span(), &[], used)
        }
        Source::Display => {
            let ty = &cx.input.original.ident;
            let (_, ty_generics, _) = cx.input.original.generics.split_for_impl();
            cx.bounds
                .require_if_any_param(quote!(#ty #ty_generics: ::core::fmt::Display));
            "__hs_format!(\"{}\", self)".to_owned()
        }
    }
}

/// An `errors` field's value in a method body (its type required to be `Violations`), as the
/// trait object the runtime takes.
fn errors_value(cx: &mut Cx, field: &Field, used: &mut Vec<usize>) -> String {
    if !used.contains(&field.index) {
        used.push(field.index);
    }
    let rt = cx.rt.clone();
    cx.bounds.require_violations(&rt, field.ty, field.span);
    format!("{} as &dyn __hs::Violations", field.binding)
}

/// A member's value in a method body (its type required to be `Serialize`).
fn member_value(cx: &mut Cx, field: &Field, used: &mut Vec<usize>) -> String {
    if !used.contains(&field.index) {
        used.push(field.index);
    }
    let rt = cx.rt.clone();
    cx.bounds.require_member(&rt, field.ty, field.span);
    field.binding.to_string()
}
