//! What `#[derive(HttpStatus)]` does, as a function from tokens to tokens: the proc macro in
//! `http-status-derive` calls [`derive()`]. Use the derive through `http_status::HttpStatus`;
//! this crate is an implementation detail, and its API may change in any release.
//!
//! Three passes, as in thiserror and serde: `ast`/`attr` parse the input into a typed model
//! that keeps every span, `valid` checks every rule against the `status-core` registry and
//! collects all problems, `expand` generates code from a model that passed.

// Searches are written as `for` loops, not `find` with a closure: each closure handed to a
// generic adapter is one more instantiation for rustc to compile, and this crate's compile
// time is on the critical path of every user's build.
#![allow(clippy::manual_find)]

extern crate proc_macro;

mod ascii;
mod ast;
mod attr;
mod bounds;
mod case;
mod diag;
mod emit;
mod expand;
mod fallback;
mod kind;
mod plan;
mod resolve;
mod rules;
mod template;
mod valid;
mod warning;

use proc_macro2::TokenStream;
use syn::DeriveInput;

/// The derive of the item in `input`: its impls, or compile errors with a fallback impl.
pub fn derive(input: TokenStream) -> TokenStream {
    match syn::parse2::<DeriveInput>(input) {
        Ok(input) => derive_input(&input),
        Err(error) => error.to_compile_error(),
    }
}

/// The whole derive as a function of its input: code, or compile errors with a fallback impl.
/// Never panics (see the property test in `tests`).
fn derive_input(input: &DeriveInput) -> TokenStream {
    let input = ast::Input::from_syn(input);
    let resolved = resolve::Resolved::all(&input);
    let mut diag = diag::Diagnostics::default();
    valid::check(&input, &resolved, &mut diag);
    if diag.has_errors() {
        return fallback::expand(&input, &diag);
    }
    expand::expand(&input, &resolved, &diag.warnings)
}

#[cfg(test)]
mod tests;
