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
    let parsed = attr.parse_args_with(|input: ParseStream| {
        let lit: LitStr = input.parse()?;
        let bare = input.is_empty() || (input.parse::<Token![,]>().is_ok() && input.is_empty());
        Ok((lit.value(), bare))
    });
    match parsed {
        Ok((written, true)) => match Template::parse(&written).ok().and_then(|t| t.literal()) {
            Some(text) => ErrorText::Literal { text },
            None => ErrorText::Runtime {
                written: Some(written),
            },
        },
        Ok((written, false)) => ErrorText::Runtime {
            written: Some(written),
        },
        Err(_) => ErrorText::Runtime { written: None },
    }
}
