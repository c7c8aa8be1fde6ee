//! The derive input as the derive sees it: the type, its variants and fields, each with its
//! parsed attributes and original syn nodes (for spans).

use crate::attr::error_text::{self, ErrorText};
use crate::attr::options::Places;
use crate::attr::{self, Attr};
use crate::template::MemberName;
use proc_macro2::Span;
use quote::format_ident;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, Type};

pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub shape: Shape<'a>,
    /// `#[status(...)]` on the type.
    pub attrs: Attrs<'a>,
}

pub enum Shape<'a> {
    Enum(Vec<Variant<'a>>),
    /// A struct is one "variant" whose attributes are the type's.
    Struct(Variant<'a>),
    Union(Span),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// `Self::V` for a variant, `Self` for a struct.
    pub is_enum_variant: bool,
    pub attrs: Attrs<'a>,
    pub fields: Vec<Field<'a>>,
    /// `#[cfg(...)]`s to repeat on every match arm of this variant.
    pub cfgs: Vec<&'a Attribute>,
    /// The first paragraph of the doc comment.
    pub doc: Option<String>,
}

pub struct Field<'a> {
    /// Position among the variant's fields.
    pub index: usize,
    /// The member as generated code writes it: `id`, `r#type`, `0`.
    pub member_text: String,
    pub name: MemberName,
    pub ty: &'a Type,
    /// The identifier generated code binds the field to.
    pub binding: Ident,
    pub cfgs: Vec<&'a Attribute>,
    pub attrs: Attrs<'a>,
    pub span: Span,
}

pub struct Attrs<'a> {
    pub status: Vec<Attr<'a>>,
    pub syntax_errors: Vec<syn::Error>,
    /// thiserror's `#[error(...)]`, if present.
    pub error: Option<ErrorText>,
}

impl<'a> Attrs<'a> {
    fn get(attrs: &'a [Attribute]) -> Self {
        let mut out = Attrs::none();
        for attr in attrs {
            if attr.path().is_ident("status") {
                match attr::parse_status(attr) {
                    Ok(parsed) => out.status.push(parsed),
                    Err(error) => out.syntax_errors.push(error),
                }
            } else if attr.path().is_ident("error") && out.error.is_none() {
                out.error = Some(error_text::parse(attr));
            }
        }
        out
    }

    fn none() -> Self {
        Attrs {
            status: Vec::new(),
            syntax_errors: Vec::new(),
            error: None,
        }
    }

    /// The attribute in force; further ones are reported as duplicates.
    pub fn first(&self) -> Option<&Attr<'a>> {
        self.status.first()
    }
}

fn cfgs(attrs: &[Attribute]) -> Vec<&Attribute> {
    let mut cfgs = Vec::new();
    for attr in attrs {
        if attr.path().is_ident("cfg") {
            cfgs.push(attr);
        }
    }
    cfgs
}

/// The first paragraph of `///` comments, lines joined with spaces.
fn doc(attrs: &[Attribute]) -> Option<String> {
    let mut joined = String::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        let syn::Meta::NameValue(meta) = &attr.meta else {
            continue;
        };
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = &meta.value
        else {
            continue;
        };
        let text = text.value();
        let line = text.trim();
        if line.is_empty() {
            if joined.is_empty() {
                continue;
            }
            break;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    if joined.is_empty() {
        None
    } else {
        Some(joined)
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(original: &'a DeriveInput) -> Self {
        let attrs = Attrs::get(&original.attrs);
        let shape = match &original.data {
            Data::Enum(data) => {
                let mut variants = Vec::with_capacity(data.variants.len());
                for variant in &data.variants {
                    variants.push(Variant {
                        ident: &variant.ident,
                        is_enum_variant: true,
                        attrs: Attrs::get(&variant.attrs),
                        fields: fields(&variant.fields),
                        cfgs: cfgs(&variant.attrs),
                        doc: doc(&variant.attrs),
                    });
                }
                Shape::Enum(variants)
            }
            Data::Struct(data) => Shape::Struct(Variant {
                ident: &original.ident,
                is_enum_variant: false,
                // The struct's own attributes are read once, as the type's.
                attrs: Attrs::none(),
                fields: fields(&data.fields),
                cfgs: Vec::new(),
                doc: doc(&original.attrs),
            }),
            Data::Union(data) => Shape::Union(data.union_token.span),
        };
        Input {
            original,
            shape,
            attrs,
        }
    }

    pub fn variants(&self) -> &[Variant<'a>] {
        match &self.shape {
            Shape::Enum(variants) => variants,
            Shape::Struct(variant) => std::slice::from_ref(variant),
            Shape::Union(_) => &[],
        }
    }

    pub fn is_struct(&self) -> bool {
        matches!(self.shape, Shape::Struct(_))
    }

    /// Where the type's own attribute is written.
    pub fn type_place(&self) -> Places {
        if self.is_struct() {
            Places::STRUCT
        } else {
            Places::ENUM
        }
    }

    /// Whether thiserror derives `Display` for this type: any `#[error]` on it or its variants.
    pub fn has_error_attributes(&self) -> bool {
        if self.attrs.error.is_some() {
            return true;
        }
        for variant in self.variants() {
            if variant.attrs.error.is_some() {
                return true;
            }
        }
        false
    }

    pub fn name(&self) -> String {
        self.original.ident.unraw_string()
    }

    /// A string option of the type's own attribute.
    pub fn type_str(&self, key: crate::attr::options::Key) -> Option<&crate::attr::StrLit> {
        self.attrs.first()?.str(key)
    }
}

impl<'a> Variant<'a> {
    /// The thiserror text that `Display` prints for this variant: its own `#[error]`, or for a
    /// struct, the type's.
    pub fn error_text<'i>(&'i self, input: &'i Input<'a>) -> Option<&'i ErrorText> {
        self.attrs.error.as_ref().or(input.attrs.error.as_ref())
    }

    pub fn field(&self, name: &MemberName) -> Option<&Field<'a>> {
        for field in &self.fields {
            if &field.name == name {
                return Some(field);
            }
        }
        None
    }

    pub fn name(&self) -> String {
        self.ident.unraw_string()
    }

    /// "variant" or "struct", for messages.
    pub fn what(&self) -> &'static str {
        if self.is_enum_variant {
            "variant"
        } else {
            "struct"
        }
    }
}

impl Field<'_> {
    /// The field's `#[status(...)]`, if any.
    pub fn attr(&self) -> Option<&Attr<'_>> {
        self.attrs.first()
    }
}

pub trait Unraw {
    fn unraw_string(&self) -> String;
}

impl Unraw for Ident {
    fn unraw_string(&self) -> String {
        let text = self.to_string();
        match text.strip_prefix("r#") {
            Some(bare) => bare.to_owned(),
            None => text,
        }
    }
}

fn fields(fields: &Fields) -> Vec<Field<'_>> {
    let mut out = Vec::with_capacity(fields.len());
    for (index, field) in fields.iter().enumerate() {
        let (member_text, name, binding, span) = match &field.ident {
            Some(ident) => {
                let bare = ident.unraw_string();
                let binding = format_ident!("__field_{}", bare, span = ident.span());
                (
                    ident.to_string(),
                    MemberName::Named(bare),
                    binding,
                    ident.span(),
                )
            }
            None => (
                index.to_string(),
                MemberName::Index(index),
                format_ident!("__field_{}", index),
                syn::spanned::Spanned::span(&field.ty),
            ),
        };
        out.push(Field {
            index,
            member_text,
            name,
            ty: &field.ty,
            binding,
            cfgs: cfgs(&field.attrs),
            attrs: Attrs::get(&field.attrs),
            span,
        });
    }
    out
}
