//! The impl emitted next to compile errors: it has the right signatures and bodies that
//! cannot run, so that the user sees the errors we report and not "HttpStatus is not
//! implemented" wherever the type is used.

use crate::ast::Input;
use crate::diag::Diagnostics;
use crate::emit::{source, Code};
use crate::expand::{display_bounds, integrations, runtime_path};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// Text and spliced tokens, as `expand` writes the impl.
pub fn expand(input: &Input, diag: &Diagnostics) -> TokenStream {
    let rt = source(&runtime_path(input));
    let ty = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let impl_generics = impl_generics.to_token_stream();
    let self_ty = quote!(#ty #ty_generics);
    let mut predicates = TokenStream::new();
    if let Some(where_clause) = where_clause {
        for predicate in &where_clause.predicates {
            predicates.extend(quote!(#predicate,));
        }
    }
    let mut code = Code::default();
    code.tokens(diag.errors_to_tokens())
        .text("#[automatically_derived] #[allow(unused_qualifications)] impl")
        .tokens(impl_generics.clone())
        .text(&rt)
        .text("::HttpStatus for")
        .tokens(self_ty.clone())
        .tokens(where_clause.to_token_stream())
        .text(&format!(
            "{{ fn status(&self) -> {rt}::__private::StatusCode {{ ::core::unreachable!() }} \
             fn headers(&self) -> {rt}::__private::HeaderMap {{ ::core::unreachable!() }} \
             fn to_response(&self) -> {rt}::__private::Response<{rt}::__private::Bytes> \
             {{ ::core::unreachable!() }} }}"
        ));
    integrations(
        &mut code,
        &rt,
        impl_generics,
        self_ty,
        predicates,
        display_bounds(input),
    );
    code.finish()
}
