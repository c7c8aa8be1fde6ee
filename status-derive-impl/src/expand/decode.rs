//! `impl Decode` for a type with `#[status(decode)]`: `decode` parses the response once into
//! the runtime's `Received`, and `__http_status_decode` picks the variant (its own, by code or
//! status, through `Select`; then each `transparent`/`delegate` field's type) and reads each
//! field back from where the response carries it. Only types with `decode` pay for it.
//!
//! What each field requires (`Deserialize` for a member, `FromStr` for a header's whole value,
//! `Default` for the rest) is checked at the field: a where-clause bound for a generic type,
//! else a higher-ranked bound and an assertion spanned at the field (as in `bounds`), so a
//! field that cannot come back is one error that points at it.

use super::Cx;
use crate::ast::Field;
use crate::attr::options::Key;
use crate::emit::Code;
use crate::resolve::{Format, Resolved};
use crate::template::Piece;
use http_status_core::BodyFormat;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use std::fmt::Write as _;

/// Where a field comes back from.
enum Source {
    /// The member of this name.
    Member(String),
    /// The `errors` list.
    Errors,
    /// The whole value of this header.
    Header(String),
    /// The value a `transparent`/`delegate` field's type decodes.
    Delegate,
    /// Nowhere: its `Default`.
    Default,
}

/// The runtime trait a field's type must implement for its source.
fn requirement(source: &Source) -> Option<&'static str> {
    match source {
        Source::Member(_) | Source::Errors => Some("DecodeMember"),
        Source::Header(_) => Some("DecodeHeader"),
        Source::Default => Some("DecodeDefault"),
        Source::Delegate => None,
    }
}

fn source_of(variant: &Resolved, field: &Field) -> Source {
    if matches!(variant.delegate, Some(d) if d.index == field.index) {
        return Source::Delegate;
    }
    let mut member = None;
    for m in &variant.members {
        if m.field.index == field.index {
            member = Some(m);
            break;
        }
    }
    match member {
        Some(m) => {
            if let Some(name) = &m.name {
                return Source::Member(name.clone());
            }
        }
        None => {
            if matches!(variant.errors, Some((f, _)) if f.index == field.index) {
                return Source::Errors;
            }
        }
    }
    for &header in variant.headers() {
        let Ok(template) = &header.value.parsed else {
            continue;
        };
        if let [Piece::Field(placeholder)] = template.pieces.as_slice() {
            if placeholder.spec.is_empty() && placeholder.member == field.name {
                return Source::Header(header.name().to_ascii_lowercase());
            }
        }
    }
    Source::Default
}

/// What a variant's body looks like, for the runtime's `Expect`.
fn expect(variant: &Resolved) -> &'static str {
    if variant.content_forbidden() {
        return "Empty";
    }
    match variant.format() {
        Format::Custom(_) => "Any",
        Format::Builtin(BodyFormat::Text) => "Text",
        Format::Builtin(BodyFormat::None) => "Empty",
        Format::Builtin(
            BodyFormat::Problem
            | BodyFormat::Json
            | BodyFormat::Members
            | BodyFormat::Serde
            | BodyFormat::Google,
        ) => "Json",
    }
}

/// The bounds of the impl: where-clause predicates and assertions spanned at fields.
struct Needs {
    predicates: Vec<TokenStream>,
    assertions: Vec<TokenStream>,
    seen: Vec<String>,
}

impl Needs {
    fn require(&mut self, cx: &Cx, field: &Field, trait_name: &str) {
        let rt = &cx.rt;
        let ty = field.ty;
        let key = format!("{}:{trait_name}", ty.to_token_stream());
        if self.seen.contains(&key) {
            return;
        }
        self.seen.push(key);
        let trait_ident = proc_macro2::Ident::new(trait_name, Span::call_site());
        let span = field.span;
        let spanned = crate::bounds::respan(ty.to_token_stream(), span);
        if cx.bounds.is_generic(ty) {
            self.predicates
                .push(quote_spanned!(span=> #spanned: #rt::__private::#trait_ident));
        } else {
            self.predicates
                .push(quote!(for<'__http_status> #ty: #rt::__private::#trait_ident));
            self.assertions.push(quote_spanned! {span=>
                {
                    fn __check<__T: #rt::__private::#trait_ident>() {}
                    __check::<#spanned>();
                }
            });
        }
    }
}

/// The `impl Decode` of a type with `decode`; nothing for any other.
pub fn expand(cx: &mut Cx, resolved: &[Resolved]) -> TokenStream {
    let decodes = matches!(cx.input.attrs.first(), Some(attr) if attr.has(Key::Decode));
    if !decodes {
        return TokenStream::new();
    }
    let mut needs = Needs {
        predicates: Vec::new(),
        assertions: Vec::new(),
        seen: Vec::new(),
    };
    let body = choose(cx, resolved, &mut needs);
    let code_header = match cx.input.type_str(Key::CodeHeader) {
        Some(name) => format!(
            "::core::option::Option::Some({:?})",
            name.text.to_ascii_lowercase()
        ),
        None => "::core::option::Option::None".to_owned(),
    };
    let ty = &cx.input.original.ident;
    let generics = &cx.input.original.generics;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = crate::bounds::where_predicates(generics, &needs.predicates);
    let mut code = Code::default();
    if !needs.assertions.is_empty() {
        let assertions = &needs.assertions;
        code.tokens(quote! {
            const _: () = {
                #[allow(dead_code, unused_qualifications, clippy::all, clippy::pedantic)]
                fn __http_status_decode_assertions #impl_generics () #where_clause {
                    #(#assertions)*
                }
            };
        });
    }
    // Text, the user's tokens spliced in (as `expand` writes the `HttpStatus` impl).
    let rt = cx.rt_text.as_str();
    code.text("#[automatically_derived]")
        .text("#[allow(unused_qualifications, clippy::match_single_binding, clippy::needless_return)]")
        .text("impl")
        .tokens(impl_generics.to_token_stream())
        .text(rt)
        .text("::Decode for")
        .tokens(quote!(#ty #ty_generics))
        .text("where")
        .tokens(quote!(#(#predicates,)*))
        .braced(&mut |items| {
            items
                .text(&format!(
                    "fn decode(__status: {rt}::__private::StatusCode, \
                     __headers: &{rt}::__private::HeaderMap, __body: &[u8]) \
                     -> ::core::result::Result<Self, {rt}::Undecoded> {{ \
                     let __r = {rt}::__private::Received::http(__status, __headers, __body, {code_header}); \
                     {rt}::__private::decode_with(&__r, <Self as {rt}::Decode>::__http_status_decode) }}"
                ))
                .text(&format!(
                    "fn __http_status_decode(__r: &{rt}::__private::Received<'_>, \
                     __by: {rt}::__private::By) \
                     -> ::core::result::Result<Self, {rt}::__private::Miss>"
                ))
                .braced(&mut |fill| {
                    fill.tokens(body.clone());
                });
        });
    code.finish()
}

/// The body of `__http_status_decode`.
fn choose(cx: &mut Cx, resolved: &[Resolved], needs: &mut Needs) -> TokenStream {
    let mut code = Code::default();
    code.text("#[allow(unused_imports)] use")
        .text(&cx.rt_text)
        .text("::__private as __hs;");
    let mut own = Vec::new();
    for (index, variant) in resolved.iter().enumerate() {
        if !variant.delegates() && variant.status().is_some() {
            own.push((index, variant));
        }
    }
    let code_header = matches!(cx.input.attrs.first(), Some(a) if a.has(Key::CodeHeader));
    if !own.is_empty() {
        code.text("let mut __s = __hs::Select::new(__r, __by);");
        for (index, variant) in &own {
            let Some(status) = variant.status() else {
                continue;
            };
            let grpc = match variant.grpc() {
                Some(code) => code.name,
                None => http_status_core::grpc::code_for_status(status.value).name,
            };
            let machine = match variant.literal_code() {
                Some(text) => format!("::core::option::Option::Some({text:?})"),
                None => "::core::option::Option::None".to_owned(),
            };
            let sends =
                !variant.content_forbidden() && (code_header || variant.format().sends(Key::Code));
            code.text(&cfgs(variant)).text(&format!(
                "__s.variant({index}, {}, {grpc:?}, {machine}, {sends}, __hs::Expect::{});",
                status.value,
                expect(variant)
            ));
        }
        code.text("match __s.chosen()").braced(&mut |arms| {
            for (index, variant) in &own {
                let value = construct(cx, variant, needs, None);
                arms.text(&cfgs(variant))
                    .text(&format!("::core::option::Option::Some({index}) =>"))
                    .braced(&mut |arm| {
                        arm.text("return ::core::result::Result::Ok(")
                            .text(&value)
                            .text(");");
                    });
            }
            arms.text("_ => {}");
        });
    }
    for variant in resolved {
        let Some(field) = variant.delegate else {
            continue;
        };
        let rt = cx.rt.clone();
        let ty = field.ty;
        if cx.bounds.is_generic(ty) {
            needs.predicates.push(quote!(#ty: #rt::Decode));
        }
        let path = quote_spanned!(syn::spanned::Spanned::span(ty)=> <#ty as #rt::Decode>::__http_status_decode);
        let value = construct(cx, variant, needs, Some(field.index));
        code.text(&cfgs(variant))
            .text("if let ::core::option::Option::Some(__inner) = __hs::delegated(")
            .tokens(path)
            .text("(__r, __by))?")
            .braced(&mut |then| {
                then.text("return ::core::result::Result::Ok(")
                    .text(&value)
                    .text(");");
            });
    }
    code.text("::core::result::Result::Err(__hs::Miss::NotMine)");
    code.finish()
}

/// The `#[cfg(...)]`s of a variant, as text.
fn cfgs(variant: &Resolved) -> String {
    crate::emit::cfgs(&variant.variant.cfgs)
}

/// `Self::V { a: …, b: … }`: each field from its source (`__inner` for the delegated one).
fn construct(cx: &Cx, variant: &Resolved, needs: &mut Needs, delegated: Option<usize>) -> String {
    let mut out = String::from("Self");
    if variant.variant.is_enum_variant {
        let _ = write!(out, "::{}", variant.variant.ident);
    }
    out.push_str(" {");
    for field in &variant.variant.fields {
        let from = source_of(variant, field);
        if let Some(trait_name) = requirement(&from) {
            needs.require(cx, field, trait_name);
        }
        let value = match from {
            Source::Delegate if delegated == Some(field.index) => "__inner".to_owned(),
            Source::Member(name) => format!("__r.member({name:?})?"),
            Source::Errors => "__r.errors()?".to_owned(),
            Source::Header(header) => {
                format!("__r.header({header:?}, {:?})?", field.name.to_string())
            }
            Source::Delegate | Source::Default => "__hs::DecodeDefault::__default()".to_owned(),
        };
        out.push_str(&crate::emit::cfgs(&field.cfgs));
        let _ = write!(out, " {}: {value},", field.member_text);
    }
    out.push_str(" }");
    out
}
