//! Warnings on stable Rust. There is no stable API for a proc macro to emit a warning, so the
//! derive emits a `#[deprecated]` constant and uses it, spanned at the offending token: rustc
//! then prints "use of deprecated constant" with our text, as an ordinary, allowable warning.
//! (The `proc-macro-warning` crate does the same; it depends on syn 2, which would add a
//! second syn to builds that are otherwise all on syn 3, so the dozen lines live here.)

use crate::diag::Warning;
use proc_macro2::TokenStream;
use quote::{format_ident, quote_spanned};

pub fn tokens(warning: &Warning) -> TokenStream {
    let name = format_ident!("{}", warning.rule.name(), span = warning.span);
    let note = &warning.text;
    quote_spanned! {warning.span=>
        const _: () = {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const #name: () = ();
            #name
        };
    }
}
