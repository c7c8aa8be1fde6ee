//! Rule names, the layout of every message, and the collector that lets one build report every
//! problem of a type at once.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use std::fmt::Write as _;

/// Every rule the derive checks. Errors cannot be allowed; warnings can, with `allow(name)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    UnknownCode,
    Informational,
    ReservedCode,
    SuccessInError,
    MissingRequiredHeader,
    BodyForbidden,
    InvalidHeader,
    UnknownField,
    BadAttribute,
    MissingRetryAfter,
    MissingLocation,
    MissingContentRange,
    ObsoleteCode,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::UnknownCode,
        Rule::Informational,
        Rule::ReservedCode,
        Rule::SuccessInError,
        Rule::MissingRequiredHeader,
        Rule::BodyForbidden,
        Rule::InvalidHeader,
        Rule::UnknownField,
        Rule::BadAttribute,
        Rule::MissingRetryAfter,
        Rule::MissingLocation,
        Rule::MissingContentRange,
        Rule::ObsoleteCode,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::UnknownCode => "unknown_code",
            Rule::Informational => "informational",
            Rule::ReservedCode => "reserved_code",
            Rule::SuccessInError => "success_in_error",
            Rule::MissingRequiredHeader => "missing_required_header",
            Rule::BodyForbidden => "body_forbidden",
            Rule::InvalidHeader => "invalid_header",
            Rule::UnknownField => "unknown_field",
            Rule::BadAttribute => "bad_attribute",
            Rule::MissingRetryAfter => "missing_retry_after",
            Rule::MissingLocation => "missing_location",
            Rule::MissingContentRange => "missing_content_range",
            Rule::ObsoleteCode => "obsolete_code",
        }
    }

    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.name() == name)
    }

    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Rule::MissingRetryAfter
                | Rule::MissingLocation
                | Rule::MissingContentRange
                | Rule::ObsoleteCode
        )
    }
}

/// One finding, laid out the same way for every rule:
///
/// ```text
/// <what is wrong> (<RFC section>)
///   = rule: <name>
///   = help: <how to fix it>
/// ```
pub struct Message {
    rule: Rule,
    text: String,
    spec: Option<String>,
    help: Vec<String>,
}

impl Message {
    pub fn new(rule: Rule, text: impl Into<String>) -> Self {
        Message {
            rule,
            text: text.into(),
            spec: None,
            help: Vec::new(),
        }
    }

    pub fn spec(mut self, spec: impl Into<String>) -> Self {
        self.spec = Some(spec.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn help_opt(self, help: Option<String>) -> Self {
        match help {
            Some(help) => self.help(help),
            None => self,
        }
    }

    pub fn render(&self) -> String {
        let mut out = self.text.clone();
        if let Some(spec) = &self.spec {
            let _ = write!(out, " ({spec})");
        }
        let _ = write!(out, "\n  = rule: {}", self.rule.name());
        for help in &self.help {
            let _ = write!(out, "\n  = help: {help}");
        }
        out
    }

    /// The text of a warning: rustc prints it on one line after "use of deprecated constant
    /// `_::<rule name>`:", which names the rule already.
    pub fn render_warning(&self) -> String {
        let mut out = self.text.clone();
        if let Some(spec) = &self.spec {
            let _ = write!(out, " ({spec})");
        }
        for help in &self.help {
            let _ = write!(out, "; {help}");
        }
        let _ = write!(out, "; silence with allow({})", self.rule.name());
        out
    }
}

/// A warning to emit, at `span`.
pub struct Warning {
    pub rule: Rule,
    pub span: Span,
    pub text: String,
}

/// Collects every error and warning of one derive.
#[derive(Default)]
pub struct Diagnostics {
    errors: Option<syn::Error>,
    pub warnings: Vec<Warning>,
    /// (location, text) of what was reported: an enum-level default is checked for each
    /// variant that inherits it, and must be reported once.
    reported: Vec<String>,
}

impl Diagnostics {
    /// An error at the tokens of `at` (their whole span).
    pub fn error(&mut self, at: &dyn ToTokens, message: Message) {
        debug_assert!(!message.rule.is_warning());
        let tokens = at.to_token_stream();
        let text = message.render();
        if self.first_report(tokens.clone().into_iter().map(|t| t.span()), &text) {
            self.push(syn::Error::new_spanned(tokens, text));
        }
    }

    /// An error at a single span.
    pub fn error_at(&mut self, span: Span, message: Message) {
        let text = message.render();
        if self.first_report([span], &text) {
            self.push(syn::Error::new(span, text));
        }
    }

    fn first_report(&mut self, spans: impl IntoIterator<Item = Span>, text: &str) -> bool {
        let mut key: String = spans.into_iter().map(|span| format!("{span:?}")).collect();
        key.push_str(text);
        if self.reported.contains(&key) {
            return false;
        }
        self.reported.push(key);
        true
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
        debug_assert!(message.rule.is_warning());
        let text = message.render_warning();
        if self.first_report([span], &text) {
            self.warnings.push(Warning {
                rule: message.rule,
                span,
                text,
            });
        }
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
    candidates
        .iter()
        .map(|candidate| {
            (
                strsim::damerau_levenshtein(&input, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| *candidate)
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

    #[test]
    fn rule_names_round_trip() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_name(rule.name()), Some(rule));
        }
        assert_eq!(Rule::ALL.iter().filter(|r| r.is_warning()).count(), 4);
    }

    #[test]
    fn layout() {
        let message = Message::new(
            Rule::MissingRequiredHeader,
            "401 Unauthorized requires a WWW-Authenticate header",
        )
        .spec("RFC 9110 §15.5.2")
        .help("add header(\"WWW-Authenticate\" = \"Bearer\")");
        assert_eq!(
            message.render(),
            "401 Unauthorized requires a WWW-Authenticate header (RFC 9110 §15.5.2)\n  \
             = rule: missing_required_header\n  = help: add header(\"WWW-Authenticate\" = \"Bearer\")"
        );
    }
}
