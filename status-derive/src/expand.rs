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
        .and_then(|krate| krate.value.parse::<Path>().ok())
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
    let status_arms: Vec<TokenStream> = resolved.iter().map(|v| status_arm(&mut cx, v)).collect();
    let header_arms: Vec<TokenStream> = resolved
        .iter()
        .filter_map(|v| header_arm(&mut cx, v))
        .collect();
    let response_arms: Vec<TokenStream> =
        resolved.iter().map(|v| response_arm(&mut cx, v)).collect();
    let descriptions: Vec<TokenStream> = resolved.iter().map(|v| description(&mut cx, v)).collect();
    let every_variant_has_headers = header_arms.len() == resolved.len();

    let rt = &cx.rt;
    let scrutinee = if empty { quote!(*self) } else { quote!(self) };
    let no_headers =
        (!every_variant_has_headers).then(|| quote!(_ => #rt::__private::HeaderMap::new(),));
    let ty = &input.original.ident;
    let generics = &input.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let predicates = cx.bounds.where_predicates(generics);
    let display_bounds = display_bounds(input);
    let warnings = warnings.iter().map(warning::tokens);

    quote! {
        #(#warnings)*

        #[automatically_derived]
        #[allow(unused_qualifications, clippy::match_single_binding)]
        impl #impl_generics #rt::HttpStatus for #ty #ty_generics where #(#predicates,)* {
            fn status(&self) -> #rt::__private::StatusCode {
                match #scrutinee {
                    #(#status_arms)*
                }
            }

            fn headers(&self) -> #rt::__private::HeaderMap {
                match #scrutinee {
                    #(#header_arms)*
                    #no_headers
                }
            }

            fn to_response(&self) -> #rt::__private::Response<#rt::__private::Bytes> {
                match #scrutinee {
                    #(#response_arms)*
                }
            }

            fn describe_responses(__catalog: &mut #rt::__private::ResponseCatalog)
            where
                Self: ::core::marker::Sized,
            {
                #(#descriptions)*
            }
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

fn status_expr(cx: &Cx, variant: &Resolved) -> TokenStream {
    let rt = &cx.rt;
    let Some(code) = variant.code else {
        return quote!(#rt::__private::StatusCode::INTERNAL_SERVER_ERROR);
    };
    match code.info.and_then(|info| info.http_name) {
        Some(name) => {
            let name = format_ident!("{}", name);
            quote!(#rt::__private::StatusCode::#name)
        }
        None => {
            let value = code.value;
            quote!({
                const STATUS: #rt::__private::StatusCode = #rt::__private::status_code(#value);
                STATUS
            })
        }
    }
}

fn status_arm(cx: &mut Cx, variant: &Resolved) -> TokenStream {
    match transparent_field(variant) {
        Some(field) => arm(
            variant.variant,
            &BTreeSet::from([field.index]),
            delegate(cx, field, quote!(status)),
        ),
        None => arm(variant.variant, &BTreeSet::new(), status_expr(cx, variant)),
    }
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
    let rt = cx.rt.clone();
    let mut used = BTreeSet::new();
    let adds: Vec<TokenStream> = headers
        .iter()
        .map(|header| {
            let name = header.name().to_ascii_lowercase();
            let name = quote!({
                const NAME: #rt::__private::HeaderName = #rt::__private::HeaderName::from_static(#name);
                NAME
            });
            let Ok(template) = &header.value.parsed else {
                return TokenStream::new();
            };
            match template.literal() {
                Some(value) => quote! {
                    #rt::__private::add(&mut __headers, #name, {
                        const VALUE: #rt::__private::HeaderValue = #rt::__private::HeaderValue::from_static(#value);
                        VALUE
                    });
                },
                None => {
                    let args = format_args(cx, variant.variant, template, &header.value.lit, &mut used);
                    quote!(#rt::__private::add_formatted(&mut __headers, #name, #args);)
                }
            }
        })
        .collect();
    let body = quote!({
        let mut __headers = #rt::__private::HeaderMap::new();
        #(#adds)*
        __headers
    });
    Some(arm(variant.variant, &used, body))
}

/// `::core::format_args!("...", __field_a, __field_b)` for a template, recording the fields
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
    quote!(::core::format_args!(#format #(, #args)*))
}

fn response_arm(cx: &mut Cx, variant: &Resolved) -> TokenStream {
    if let Some(field) = transparent_field(variant) {
        return arm(
            variant.variant,
            &BTreeSet::from([field.index]),
            delegate(cx, field, quote!(to_response)),
        );
    }
    let rt = cx.rt.clone();
    let status = status_expr(cx, variant);
    let headers = quote!(<Self as #rt::HttpStatus>::headers(self));
    let report = variant
        .is_server_error()
        .then(|| quote!(#rt::__http_status_report!(self, #status);));
    let mut used = BTreeSet::new();
    let built = match body::body(cx.input, variant) {
        Body::Empty => quote!(#rt::__private::empty(#status, #headers)),
        Body::Fixed { format, text } => {
            let format = body_format(&rt, format);
            quote!(#rt::__private::fixed(#status, #headers, #format, #text))
        }
        Body::Json {
            format,
            head,
            key,
            tail,
            detail,
        } => {
            let (args, hint) = detail_args(cx, variant, &detail, &mut used);
            let format = body_format(&rt, format);
            quote! {
                #rt::__private::json(
                    #status,
                    #headers,
                    #format,
                    #rt::__private::JsonParts { head: #head, key: #key, tail: #tail, hint: #hint },
                    #args,
                )
            }
        }
        Body::Text { detail, fallback } => {
            let (args, hint) = detail_args(cx, variant, &detail, &mut used);
            quote!(#rt::__private::text(#status, #headers, #hint, #args, #fallback))
        }
    };
    arm(variant.variant, &used, quote!({ #report #built }))
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
            (quote!(::core::format_args!("{}", self)), 64)
        }
    }
}

fn body_format(rt: &TokenStream, format: Format) -> TokenStream {
    match format {
        Format::Problem => quote!(#rt::__private::BodyFormat::Problem),
        Format::Json => quote!(#rt::__private::BodyFormat::Json),
        Format::Text => quote!(#rt::__private::BodyFormat::Text),
    }
}

fn description(cx: &mut Cx, variant: &Resolved) -> TokenStream {
    let rt = cx.rt.clone();
    let cfgs = &variant.variant.cfgs;
    if let Some(field) = transparent_field(variant) {
        // The same `<T as HttpStatus>` path as the other methods use, so that a field type
        // without HttpStatus is reported once, not once more for this call.
        let describe = delegate_path(cx, field, quote!(describe_responses));
        return quote!(#(#cfgs)* __catalog.include_with(#describe););
    }
    let status = status_expr(cx, variant);
    let title = variant.title();
    let source = variant.variant.name();
    let detail = body::detail(cx.input, variant);
    let has_detail = !matches!(detail, Detail::None) && !variant.content_forbidden();
    let description = match (&detail, variant.message()) {
        (Detail::None, _) => title.clone(),
        (_, Some(message)) => message.value.lit.value(),
        (_, None) => variant
            .variant
            .error_text(cx.input)
            .and_then(|text| text.written())
            .map_or_else(|| title.clone(), str::to_owned),
    };
    let option = |value: Option<String>| match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    };
    let format = match body::body(cx.input, variant) {
        Body::Empty => quote!(#rt::__private::BodyFormat::Empty),
        _ => body_format(&rt, variant.format()),
    };
    let code = option(variant.machine_code().map(|c| c.value.value()));
    let problem_type = option(
        (variant.format() == Format::Problem)
            .then(|| variant.problem_type().map(|t| t.value.value()))
            .flatten(),
    );
    let headers = variant.headers().into_iter().map(|header| {
        let name = header.name();
        let value = header.value.lit.value();
        quote!(#rt::__private::HeaderDescription { name: #name, value: #value })
    });
    quote! {
        #(#cfgs)*
        __catalog.push(#rt::__private::describe(
            #status, #title, #source, #description, #code, #problem_type, #format, #has_detail, &[#(#headers),*],
        ));
    }
}
