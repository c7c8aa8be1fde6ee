//! What the derive reads from thiserror's `#[error(...)]`: the text `Display` prints, when it
//! is known at compile time.

use crate::template::Template;
use syn::parse::ParseStream;
use syn::{Attribute, LitStr, Token};

/// What thiserror's `#[error(...)]` on a variant says, as far as the body is concerned.
pub enum ErrorText {
    /// A string with no placeholders and no arguments: what `Display` prints is known now.
    Literal { text: String },
    /// Anything else (`"{id}"`, extra arguments, `transparent`, `fmt = ...`): `Display`
    /// must run. `written` is the format string when there is one.
    Runtime { written: Option<String> },
}

/// Reads `#[error(...)]`. thiserror reports its own syntax errors, so nothing here fails.
pub fn parse(attr: &Attribute) -> ErrorText {
    let syn::Meta::List(list) = &attr.meta else {
        return ErrorText::Runtime { written: None };
    };
    let mut read = None;
    let parsed = super::parse_tokens(list, &mut |input: ParseStream| {
        let lit: LitStr = input.parse()?;
        let bare = input.is_empty() || (input.parse::<Token![,]>().is_ok() && input.is_empty());
        read = Some((lit.value(), bare));
        Ok(())
    });
    let (written, bare) = match (parsed, read) {
        (Ok(()), Some(read)) => read,
        _ => return ErrorText::Runtime { written: None },
    };
    let literal = match Template::parse(&written) {
        Ok(template) if bare => template.literal(),
        _ => None,
    };
    match literal {
        Some(text) => ErrorText::Literal { text },
        None => ErrorText::Runtime {
            written: Some(written),
        },
    }
}
