//! The collector that lets one build report every problem of a type at once, and the "did you
//! mean" suggestions.

use crate::rules::{Message, Rule};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

/// A warning to emit, at `span`.
pub struct Warning {
    pub rule: Rule,
    pub span: Span,
    pub text: String,
}

/// Collects every error and warning of one derive. Each check runs once per place a fact is
/// written (see `valid`), so nothing is reported twice.
#[derive(Default)]
pub struct Diagnostics {
    errors: Option<syn::Error>,
    pub warnings: Vec<Warning>,
}

impl Diagnostics {
    /// An error at the tokens of `at` (their whole span).
    pub fn error(&mut self, at: &dyn ToTokens, message: Message) {
        self.push(syn::Error::new_spanned(
            at.to_token_stream(),
            message.render(),
        ));
    }

    /// An error at a single span.
    pub fn error_at(&mut self, span: Span, message: Message) {
        self.push(syn::Error::new(span, message.render()));
    }

    /// A note that belongs to the error just reported, at a second span (the other half of a
    /// duplicate or a conflict).
    pub fn note_at(&mut self, span: Span, text: String) {
        self.push(syn::Error::new(span, text));
    }

    /// A syntax error from syn, kept as is but for the rule line.
    pub fn syntax(&mut self, error: syn::Error) {
        for single in error {
            let text = format!("{}\n  = rule: {}", single, Rule::BadAttribute.name());
            let span = single.span();
            self.push(syn::Error::new(span, text));
        }
    }

    pub fn warning(&mut self, span: Span, message: Message) {
        self.warnings.push(Warning {
            rule: message.rule,
            span,
            text: message.render_warning(),
        });
    }

    fn push(&mut self, error: syn::Error) {
        match &mut self.errors {
            Some(errors) => errors.combine(error),
            None => self.errors = Some(error),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.errors.is_some()
    }

    pub fn errors_to_tokens(&self) -> TokenStream {
        match &self.errors {
            Some(errors) => errors.to_compile_error(),
            None => TokenStream::new(),
        }
    }
}

/// The candidate closest to `input` if it is close enough to be a plausible misspelling:
/// case-insensitive Damerau–Levenshtein distance of at most a third of the length (at least 1,
/// at most 3).
pub fn closest<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let input = input.to_ascii_lowercase();
    let limit = (input.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(&input, &candidate.to_ascii_lowercase());
        let closer = match best {
            Some((best, _)) => distance < best,
            None => true,
        };
        // The first of equally close candidates wins.
        if distance <= limit && closer {
            best = Some((distance, candidate));
        }
    }
    Some(best?.1)
}

// Messages list names with the helpers below rather than `collect` and `join`: those are
// generic, and each new element type or closure is more code for rustc to compile in a
// crate on the critical path of users' builds.

/// `strings` as `&str`s, for [`closest`] and [`join`].
pub fn as_strs(strings: &[String]) -> Vec<&str> {
    let mut strs = Vec::with_capacity(strings.len());
    for string in strings {
        strs.push(string.as_str());
    }
    strs
}

/// `items` with `separator` between them.
pub fn join(items: &[&str], separator: &str) -> String {
    let mut joined = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            joined.push_str(separator);
        }
        joined.push_str(item);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let options = ["message", "code", "header", "format"];
        assert_eq!(closest("mesage", &options), Some("message"));
        assert_eq!(closest("MESSAGE", &options), Some("message"));
        assert_eq!(closest("headr", &options), Some("header"));
        assert_eq!(closest("fromat", &options), Some("format"));
        assert_eq!(closest("frmt", &options), None); // two edits in four letters: too far
        assert_eq!(closest("xyz", &options), None);
        assert_eq!(closest("", &options), None);
        assert_eq!(
            closest("NOT_FUOND", &["NOT_FOUND", "FOUND"]),
            Some("NOT_FOUND")
        );
    }
}
