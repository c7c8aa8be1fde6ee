//! Builds generated code as text, lexed into tokens once per method.
//!
//! In a real build, every token stream a proc macro concatenates or groups is a call into the
//! compiler, and the client side of that bridge runs unoptimised in a debug build: measured on
//! a 1,000-variant enum, those calls made most of the derive's cost. Generated code needs no
//! span of its own (it is spanned at the call site either way), so the impls and their method
//! bodies are written as source text and lexed by rustc in one call.
//!
//! What must keep the user's spans is spliced in as tokens (`Code::tokens`): the type, its
//! generics and where-predicates, the assertions whose errors point at a field (`bounds.rs`),
//! a delegating variant's call of its field's type, warnings and errors. The text holds a
//! placeholder identifier for each, replaced after lexing.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::ToTokens;
use std::fmt::Write as _;

const PLACEHOLDER: &str = "__http_status_splice_";

#[derive(Default)]
pub struct Code {
    text: String,
    /// Each taken when its placeholder is replaced.
    splices: Vec<Option<TokenStream>>,
}

impl Code {
    /// Appends Rust source: whole tokens. A group may open in one call and close in a later
    /// one on the same `Code`, whose text is lexed at once.
    pub fn text(&mut self, source: &str) -> &mut Self {
        self.text.push_str(source);
        self.text.push(' ');
        self
    }

    /// Appends tokens that keep their spans.
    pub fn tokens(&mut self, tokens: impl ToTokens) -> &mut Self {
        let _ = write!(self.text, "{PLACEHOLDER}{} ", self.splices.len());
        self.splices.push(Some(tokens.into_token_stream()));
        self
    }

    /// Appends a `{ … }` group whose content `fill` writes. `fill` is a `dyn`: a generic would
    /// compile this once per caller.
    pub fn braced(&mut self, fill: &mut dyn FnMut(&mut Code)) -> &mut Self {
        let mut inner = Code::default();
        fill(&mut inner);
        if inner.splices.is_empty() {
            self.text("{").text(&inner.text).text("}")
        } else {
            self.tokens(TokenTree::Group(Group::new(
                Delimiter::Brace,
                inner.finish(),
            )))
        }
    }

    pub fn finish(mut self) -> TokenStream {
        let Some(lexed) = lex(&self.text) else {
            // Only a bug in the derive writes text that does not lex; say so rather than panic.
            return quote::quote! {
                ::core::compile_error!("http-status: the derive generated invalid code; please report this");
            };
        };
        if self.splices.is_empty() {
            return lexed;
        }
        splice(lexed, &mut self.splices)
    }
}

/// Replaces each placeholder identifier in `tokens` (at any depth) by its splice.
fn splice(tokens: TokenStream, splices: &mut [Option<TokenStream>]) -> TokenStream {
    let mut out = TokenStream::new();
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => {
                let spliced = ident
                    .to_string()
                    .strip_prefix(PLACEHOLDER)
                    .and_then(|index| index.parse::<usize>().ok())
                    .and_then(|index| splices.get_mut(index)?.take());
                match spliced {
                    Some(tokens) => out.extend(tokens),
                    None => out.extend([TokenTree::Ident(ident)]),
                }
            }
            TokenTree::Group(group) => {
                let mut inner = Group::new(group.delimiter(), splice(group.stream(), splices));
                inner.set_span(group.span());
                out.extend([TokenTree::Group(inner)]);
            }
            other => out.extend([other]),
        }
    }
    out
}

/// Lexes `text` with rustc's own lexer when running as a proc macro (proc-macro2's `FromStr`
/// first re-lexes the text with its own lexer, which costs more than the calls it saves), with
/// proc-macro2's elsewhere (unit tests).
fn lex(text: &str) -> Option<TokenStream> {
    if proc_macro::is_available() {
        text.parse::<proc_macro::TokenStream>()
            .ok()
            .map(TokenStream::from)
    } else {
        text.parse::<TokenStream>().ok()
    }
}

/// The source text of tokens (types, `#[cfg]` attributes, paths), for [`Code::text`].
pub fn source(tokens: &impl ToTokens) -> String {
    tokens.to_token_stream().to_string()
}

/// The source text of `#[cfg(...)]` attributes, to repeat on generated code.
pub fn cfgs(cfgs: &[&syn::Attribute]) -> String {
    let mut out = String::new();
    for cfg in cfgs {
        out.push_str(&source(cfg));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn text_literals_and_splices_make_one_stream() {
        let mut code = Code::default();
        code.text("fn f()").braced(&mut |body| {
            body.text("let x = \"a \\\"quoted\\\"\\n\\u{7f} é\";");
            body.text("match x").braced(&mut |arms| {
                arms.text("_ =>").tokens(quote!(g(x))).text(",");
            });
        });
        assert_eq!(
            code.finish().to_string(),
            quote!(
                fn f() {
                    let x = "a \"quoted\"\n\u{7f} é";
                    match x {
                        _ => g(x),
                    }
                }
            )
            .to_string()
        );
    }

    #[test]
    fn text_that_does_not_lex_becomes_a_compile_error() {
        let mut code = Code::default();
        code.text("fn f( {");
        assert!(code.finish().to_string().contains("compile_error"));
    }
}
