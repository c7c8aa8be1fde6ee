//! The where-clause of the impl: the bounds generated code needs, and the place where a field
//! type that lacks a trait is reported.
//!
//! Every field a template formats gets `FieldType: Display` (or `Debug`, … by its spec), and a
//! transparent field `FieldType: HttpStatus`, spanned at the user's code: a missing impl is an
//! error there, before the (span-less) method bodies are type-checked. For a generic type this
//! is also the bound inference thiserror does.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Generics, Ident, Type};

pub struct Bounds {
    params: Vec<String>,
    predicates: Vec<TokenStream>,
    seen: Vec<String>,
}

impl Bounds {
    pub fn new(generics: &Generics) -> Self {
        Bounds {
            params: generics
                .type_params()
                .map(|p| p.ident.to_string())
                .collect(),
            predicates: Vec::new(),
            seen: Vec::new(),
        }
    }

    pub fn is_generic(&self) -> bool {
        !self.params.is_empty()
    }

    /// Requires `ty: bound`, the predicate spanned at `span` (the message or header literal
    /// whose placeholder formats the field, or the transparent field's type). Each type and
    /// bound is required once, at its first use.
    pub fn require(&mut self, ty: &Type, bound: TokenStream, span: Span) {
        let mut key = type_key(ty);
        key.push(':');
        key.push_str(&bound.to_string());
        if self.seen.contains(&key) {
            return;
        }
        self.seen.push(key);
        // The whole predicate at `span`: a span joined across contexts falls back to the derive.
        let predicate = respan(quote!(#ty: #bound), span);
        self.predicates.push(predicate);
    }

    /// Requires `ty: bound` if `ty` mentions a type parameter (bound inference).
    pub fn require_if_generic_type(&mut self, ty: &Type, bound: TokenStream) {
        if self.is_generic() && self.mentions_param(ty.to_token_stream()) {
            self.push(quote!(#ty: #bound));
        }
    }

    fn mentions_param(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => self.params.contains(&ident.to_string()),
            TokenTree::Group(group) => self.mentions_param(group.stream()),
            _ => false,
        })
    }

    /// Requires `predicate` if the type is generic at all (for bounds on `Self`).
    pub fn require_if_generic(&mut self, predicate: TokenStream) {
        if self.is_generic() {
            self.push(predicate);
        }
    }

    fn push(&mut self, predicate: TokenStream) {
        let key = predicate.to_string();
        if !self.seen.contains(&key) {
            self.seen.push(key);
            self.predicates.push(predicate);
        }
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

/// A string that tells types apart, made without stringifying token streams where it can
/// (that is a call into the compiler, for every formatted field): `u64`, `std::string::String`,
/// `&'a str`.
fn type_key(ty: &Type) -> String {
    match ty {
        Type::Path(path)
            if path.qself.is_none() && path.path.segments.iter().all(|s| s.arguments.is_none()) =>
        {
            let mut key = String::new();
            if path.path.leading_colon.is_some() {
                key.push_str("::");
            }
            for (i, segment) in path.path.segments.iter().enumerate() {
                if i > 0 {
                    key.push_str("::");
                }
                key.push_str(&segment.ident.to_string());
            }
            key
        }
        Type::Reference(reference) => {
            let lifetime = reference
                .lifetime
                .as_ref()
                .map(|l| l.ident.to_string())
                .unwrap_or_default();
            let mutability = if reference.mutability.is_some() {
                "mut "
            } else {
                ""
            };
            format!("&'{lifetime} {mutability}{}", type_key(&reference.elem))
        }
        other => other.to_token_stream().to_string(),
    }
}

/// `tokens` with every token's span set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = TokenTree::Group(inner);
            }
            tree.set_span(span);
            tree
        })
        .collect()
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
