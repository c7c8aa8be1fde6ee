//! What generated code requires of field types, and where a missing trait is reported.
//!
//! A field type that mentions a type parameter gets the bound in the impl's where-clause: that
//! is the bound inference thiserror does, and the error, if any, is at the use of the type.
//!
//! Any other field type is checked by an assertion spanned at the template or field that needs
//! the trait, inside a function that is never called: that is the one error a user sees. The
//! impl still needs the bound for its bodies to type-check, and gets it written higher-ranked
//! (`for<'__hs> UserId: Display`): a plain bound on a type without parameters is a "trivial
//! bound", and when it does not hold rustc reports it with a note about issue #48214 instead
//! of the user's mistake; the higher-ranked one is not checked at the impl, which then simply
//! does not apply.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::{Generics, Ident, Type};

pub struct Bounds {
    params: Vec<String>,
    predicates: Vec<TokenStream>,
    assertions: Vec<TokenStream>,
    seen: Vec<String>,
}

impl Bounds {
    pub fn new(generics: &Generics) -> Self {
        let mut params = Vec::new();
        for param in generics.type_params() {
            params.push(param.ident.to_string());
        }
        Bounds {
            params,
            predicates: Vec::new(),
            assertions: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// Whether `ty` mentions a type parameter of the type.
    pub fn is_generic(&self, ty: &Type) -> bool {
        self.mentions_param_tokens(ty.to_token_stream())
    }

    /// Whether `tokens` mention a type parameter of the type.
    pub fn mentions_param_tokens(&self, tokens: TokenStream) -> bool {
        !self.params.is_empty() && self.mentions_param(tokens)
    }

    fn mentions_param(&self, tokens: TokenStream) -> bool {
        for tree in tokens {
            let mentions = match tree {
                TokenTree::Ident(ident) => self.params.contains(&ident.to_string()),
                TokenTree::Group(group) => self.mentions_param(group.stream()),
                _ => false,
            };
            if mentions {
                return true;
            }
        }
        false
    }

    fn first(&mut self, key: String) -> bool {
        if self.seen.contains(&key) {
            return false;
        }
        self.seen.push(key);
        true
    }

    // Each `require_*` checks `first` before it builds any tokens (building them is calls
    // into the compiler), then hands them to one of the two non-generic functions below.

    /// Requires `ty: bound` in the where-clause, spanned at `span` (`ty` has parameters).
    fn bound(&mut self, ty: TokenStream, bound: TokenStream, span: Span) {
        self.predicates.push(respan(quote!(#ty: #bound), span));
    }

    /// Requires `ty: bound` higher-ranked (not checked at the impl), with `assertion`,
    /// spanned by the caller, for the error (`ty` has no parameters).
    fn higher_ranked(&mut self, ty: TokenStream, bound: TokenStream, assertion: TokenStream) {
        self.predicates
            .push(quote!(for<'__http_status> #ty: #bound));
        self.assertions.push(assertion);
    }

    /// Requires `ty: core::fmt::<Trait>` for a placeholder of the template at `span`.
    pub fn require_fmt(&mut self, ty: &Type, format_trait: &Ident, span: Span) {
        if !self.first(format!("{}:fmt::{format_trait}", type_key(ty))) {
            return;
        }
        let bound = quote!(::core::fmt::#format_trait);
        if self.is_generic(ty) {
            self.bound(ty.to_token_stream(), bound, span);
        } else {
            let spanned = respan(ty.to_token_stream(), span);
            let assertion =
                quote_spanned!(span=> let _ = <#spanned as ::core::fmt::#format_trait>::fmt;);
            self.higher_ranked(ty.to_token_stream(), bound, assertion);
        }
    }

    /// Requires a member's type to be `Serialize`, reported at `span` (the field).
    pub fn require_member(&mut self, rt: &TokenStream, ty: &Type, span: Span) {
        if !self.first(format!("{}:member", type_key(ty))) {
            return;
        }
        let bound = quote!(#rt::__private::Serialize);
        if self.is_generic(ty) {
            self.bound(ty.to_token_stream(), bound, span);
        } else {
            let spanned = respan(ty.to_token_stream(), span);
            let assertion = quote_spanned!(span=> let _ = <#spanned as #rt::__private::SerializableMember>::CHECKED;);
            self.higher_ranked(ty.to_token_stream(), bound, assertion);
        }
    }

    /// Requires an `errors` field's type to be `Violations`, reported at `span` (the field).
    pub fn require_violations(&mut self, rt: &TokenStream, ty: &Type, span: Span) {
        if !self.first(format!("{}:violations", type_key(ty))) {
            return;
        }
        let bound = quote!(#rt::Violations);
        if self.is_generic(ty) {
            self.bound(ty.to_token_stream(), bound, span);
        } else {
            let spanned = respan(ty.to_token_stream(), span);
            let assertion =
                quote_spanned!(span=> let _ = <#spanned as #rt::Violations>::violations;);
            self.higher_ranked(ty.to_token_stream(), bound, assertion);
        }
    }

    /// Requires the type itself to be `Serialize` (`format = "serde"`), reported at `span`.
    pub fn require_serde(
        &mut self,
        rt: &TokenStream,
        self_ty: TokenStream,
        generic: bool,
        span: Span,
    ) {
        if !self.first("Self:serde".to_owned()) {
            return;
        }
        let bound = quote!(#rt::__private::Serialize);
        if generic {
            self.bound(self_ty, bound, span);
        } else {
            let spanned = respan(self_ty.clone(), span);
            let assertion = quote_spanned!(span=> let _ = <#spanned as #rt::__private::SerializableBody>::CHECKED;);
            self.higher_ranked(self_ty, bound, assertion);
        }
    }

    /// Requires a custom format to implement `Format`; the expansion's `const` check of its
    /// Content-Type reports, at the path, a type that does not.
    pub fn require_format(&mut self, rt: &TokenStream, path: &syn::Path) {
        let tokens = path.to_token_stream();
        if !self.first(format!("{tokens}:format")) {
            return;
        }
        let bound = quote!(#rt::__private::Format);
        if self.mentions_param_tokens(tokens.clone()) {
            self.bound(tokens, bound, Span::call_site());
        } else {
            self.higher_ranked(tokens, bound, TokenStream::new());
        }
    }

    /// Requires `ty: bound` if `ty` mentions a type parameter (bound inference for delegated
    /// fields, whose body call reports a missing impl at the field itself).
    pub fn require_if_generic(&mut self, ty: &Type, bound: TokenStream) {
        if self.is_generic(ty) {
            let predicate = quote!(#ty: #bound);
            if self.first(predicate.to_string()) {
                self.predicates.push(predicate);
            }
        }
    }

    /// Requires `predicate` if the type has type parameters (for bounds on `Self`).
    pub fn require_if_any_param(&mut self, predicate: TokenStream) {
        if !self.params.is_empty() && self.first(predicate.to_string()) {
            self.predicates.push(predicate);
        }
    }

    /// Adds a check of the whole type (spanned by the caller) to the assertion function.
    pub fn assert(&mut self, check: TokenStream) {
        self.assertions.push(check);
    }

    /// The where-clause predicates: the type's own, then the inferred ones.
    pub fn where_predicates(&self, generics: &Generics) -> Vec<TokenStream> {
        where_predicates(generics, &self.predicates)
    }

    /// The assertions, in a function that is never called, with the type's generics in
    /// scope (for lifetimes in field types).
    pub fn assertions(&self, generics: &Generics) -> TokenStream {
        if self.assertions.is_empty() {
            return TokenStream::new();
        }
        let (impl_generics, _, where_clause) = generics.split_for_impl();
        let assertions = &self.assertions;
        quote! {
            const _: () = {
                #[allow(dead_code, unused_qualifications, clippy::all, clippy::pedantic)]
                fn __http_status_assertions #impl_generics () #where_clause {
                    #(#assertions)*
                }
            };
        }
    }
}

/// A string that tells types apart, made without stringifying token streams where it can
/// (that is a call into the compiler, for every formatted field): `u64`,
/// `std::string::String`, `&'a str`.
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

/// The where-clause predicates of an impl: the type's own, then `inferred`.
pub fn where_predicates(generics: &Generics, inferred: &[TokenStream]) -> Vec<TokenStream> {
    let mut predicates = Vec::new();
    if let Some(clause) = &generics.where_clause {
        for predicate in &clause.predicates {
            predicates.push(predicate.to_token_stream());
        }
    }
    predicates.extend_from_slice(inferred);
    predicates
}

/// `tokens` with every token's span set to `span`.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    let mut out = TokenStream::new();
    for mut tree in tokens {
        if let TokenTree::Group(group) = &tree {
            let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
            inner.set_span(span);
            tree = TokenTree::Group(inner);
        }
        tree.set_span(span);
        out.extend([tree]);
    }
    out
}

/// The formatting trait a `format!` spec calls: `?` Debug, `x` LowerHex, … , else Display.
pub fn format_trait(spec: &str) -> &'static str {
    match spec.chars().next_back() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        Some('p') => "Pointer",
        _ => "Display",
    }
}
