//! Bounds for generic types: only those the generated code needs, only on types that mention
//! a type parameter (as thiserror infers them).

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use std::collections::BTreeSet;
use syn::{Generics, Ident, Type};

pub struct Bounds {
    params: BTreeSet<String>,
    predicates: Vec<TokenStream>,
    seen: BTreeSet<String>,
}

impl Bounds {
    pub fn new(generics: &Generics) -> Self {
        Bounds {
            params: generics
                .type_params()
                .map(|p| p.ident.to_string())
                .collect(),
            predicates: Vec::new(),
            seen: BTreeSet::new(),
        }
    }

    pub fn is_generic(&self) -> bool {
        !self.params.is_empty()
    }

    /// Requires `ty: bound` if `ty` mentions a type parameter.
    pub fn require(&mut self, ty: &Type, bound: TokenStream) {
        if !self.is_generic() || !self.mentions_param(ty.to_token_stream()) {
            return;
        }
        self.push(quote!(#ty: #bound));
    }

    /// Requires `predicate` if the type is generic at all (for bounds on `Self`).
    pub fn require_if_generic(&mut self, predicate: TokenStream) {
        if self.is_generic() {
            self.push(predicate);
        }
    }

    fn push(&mut self, predicate: TokenStream) {
        if self.seen.insert(predicate.to_string()) {
            self.predicates.push(predicate);
        }
    }

    fn mentions_param(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => self.params.contains(&ident.to_string()),
            TokenTree::Group(group) => self.mentions_param(group.stream()),
            _ => false,
        })
    }

    /// The where-clause predicates: the type's own, then the inferred ones.
    pub fn where_predicates(&self, generics: &Generics) -> Vec<TokenStream> {
        let own = generics
            .where_clause
            .iter()
            .flat_map(|w| w.predicates.iter().map(ToTokens::to_token_stream));
        own.chain(self.predicates.iter().cloned()).collect()
    }
}

/// The formatting trait a `format!` spec calls: `?` Debug, `x` LowerHex, … , else Display.
pub fn format_trait(spec: &str) -> Ident {
    let name = match spec.chars().next_back() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        Some('p') => "Pointer",
        _ => "Display",
    };
    Ident::new(name, proc_macro2::Span::call_site())
}
