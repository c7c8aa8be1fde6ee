//! The impl emitted next to compile errors: it has the right signatures and bodies that
//! cannot run, so that the user sees the errors we report and not "HttpStatus is not
//! implemented" wherever the type is used.

use crate::ast::Input;
use crate::diag::Diagnostics;
use crate::expand::{display_bounds, runtime_path};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

pub fn expand(input: &Input, diag: &Diagnostics) -> TokenStream {
    let errors = diag.errors_to_tokens();
    let rt = runtime_path(input);
    let ty = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let mut predicates = Vec::new();
    if let Some(where_clause) = where_clause {
        for predicate in &where_clause.predicates {
            predicates.push(predicate.to_token_stream());
        }
    }
    let display_bounds = display_bounds(input);
    quote! {
        #errors

        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #rt::HttpStatus for #ty #ty_generics #where_clause {
            fn status(&self) -> #rt::__private::StatusCode {
                ::core::unreachable!()
            }
            fn headers(&self) -> #rt::__private::HeaderMap {
                ::core::unreachable!()
            }
            fn to_response(&self) -> #rt::__private::Response<#rt::__private::Bytes> {
                ::core::unreachable!()
            }
        }

        #rt::__http_status_integrations! {
            impl [#impl_generics] for [#ty #ty_generics] where [#(#predicates,)*] display [#display_bounds]
        }
    }
}
