//! `#[derive(HttpStatus)]`, the derive of the `http-status` crate. Use it through
//! `http_status::HttpStatus`; this crate is an implementation detail.
//!
//! The derive itself is the library `http-status-derive-impl`; this crate is its proc-macro
//! entry point, so that the library compiles beside syn (see its manifest).

extern crate proc_macro;

#[proc_macro_derive(HttpStatus, attributes(status))]
pub fn derive_http_status(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    http_status_derive_impl::derive(input.into()).into()
}
