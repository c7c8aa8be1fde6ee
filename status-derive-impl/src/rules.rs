//! The rule catalogue: one row per rule — name, severity, RFC basis, the functions that check
//! it and the scope each runs at, and (for a warning) where it can fire — from which the rule
//! enum, name lookup, the lists in messages and the order of validation are generated; and the
//! layout every finding shares. A new rule is one row here, one function in `valid`, one UI
//! case.

use crate::ast::Input;
use crate::resolve::{Code, Resolved};
use crate::valid::{attrs, bodies, codes, decode, headers, templates, OptionAt, Report, Site};
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

pub struct RuleDef {
    pub rule: Rule,
    pub name: &'static str,
    pub severity: Severity,
    /// The RFC sections the rule rests on ("—" for attribute hygiene); the README's rules
    /// table says the same (checked by a test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub basis: &'static str,
    /// The functions that check it, each at the scope it looks at.
    pub checks: &'static [Check],
    /// For a warning: whether it can fire on a variant with this status (`unused_allow` reports
    /// an `allow` of a warning that cannot).
    pub applies: Option<Applies>,
}

/// Whether a warning can fire on a variant (with its status, when it has a valid one).
pub type Applies = fn(&Resolved, Option<Code>) -> bool;

/// A rule's check, by what it looks at. The driver in `valid` runs each at its scope: so an
/// option written once on an enum is judged once per status it is used with, however many
/// variants inherit it, and nothing needs to be de-duplicated afterwards.
#[derive(Clone, Copy)]
pub enum Check {
    /// The type as a whole, once.
    Type(fn(&Input, &[Resolved], &mut Report)),
    /// Each `#[status(...)]` as written (on the type, a variant or a field), once.
    Attribute(fn(&Site, &mut Report)),
    /// Each variant (or the struct), on what it resolves to, whatever its status.
    Variant(fn(&Resolved, &mut Report)),
    /// Each distinct response with a valid status: a variant with attributes of its own, or
    /// the variants of one status that take everything from the enum, together.
    Response(fn(&Resolved, Code, &mut Report)),
    /// Each option as written, once per distinct status of the variants it reaches.
    OptionAt(fn(&OptionAt, &mut Report)),
}

macro_rules! rules {
    ($($variant:ident $name:literal $severity:ident $basis:literal [$($check:expr),* $(,)?] $(applies $applies:expr)?;)*) => {
        /// Every rule the derive checks. Errors cannot be allowed; warnings can, with
        /// `allow(name)`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Rule {
            $($variant,)*
        }

        pub const RULES: &[RuleDef] = &[
            $(RuleDef {
                rule: Rule::$variant,
                name: $name,
                severity: Severity::$severity,
                basis: $basis,
                checks: &[$($check),*],
                applies: rules!(@applies $($applies)?),
            },)*
        ];
    };
    (@applies) => { None };
    (@applies $applies:expr) => { Some($applies) };
}

rules! {
    UnknownCode "unknown_code" Error "RFC 9110 §15"
        [Check::Attribute(codes::unknown_code)];
    Informational "informational" Error "RFC 9110 §15.2"
        [Check::Attribute(codes::informational)];
    ReservedCode "reserved_code" Error "RFC 9110 §15.4.6, §15.4.7, §15.5.19, §15.3.7"
        [Check::Attribute(codes::reserved_code)];
    SuccessInError "success_in_error" Error "RFC 9110 §15.3, RFC 9457 §3.1.2"
        [Check::Attribute(codes::success_in_error)];
    ProblemOnSuccess "problem_on_success" Error "RFC 9457 §1"
        [Check::OptionAt(bodies::problem_on_success)];
    MissingRequiredHeader "missing_required_header" Error "RFC 9110 §15.5.2, §15.5.6, §15.5.8, §15.5.22, §7.8, §15.4"
        [Check::Response(headers::missing_required_header)];
    BodyForbidden "body_forbidden" Error "RFC 9110 §15.3.5, §15.3.6, §15.4.5"
        [Check::OptionAt(bodies::body_forbidden), Check::Response(bodies::members_without_body)];
    InvalidHeader "invalid_header" Error "RFC 9110 §5, §7.6.1, §8, §10, §11, §14.4; RFC 9111 §5; RFC 8288 §3; RFC 6266 §4"
        [Check::Attribute(headers::invalid_header), Check::OptionAt(headers::invalid_at_status)];
    InconsistentCode "inconsistent_code" Error "—"
        [Check::Type(codes::inconsistent_code)];
    UnknownField "unknown_field" Error "—"
        [Check::Variant(templates::unknown_field)];
    GrpcReasonFormat "grpc_reason_format" Error "AIP-193"
        [Check::Attribute(codes::grpc_reason_format)];
    ImpossibleTemplate "impossible_template" Error "RFC 9110 §5.5"
        [Check::Attribute(headers::impossible_template)];
    BadAttribute "bad_attribute" Error "—"
        [
            Check::Type(attrs::not_a_union),
            Check::Attribute(attrs::bad_attribute),
            Check::Variant(codes::no_code),
            Check::Variant(codes::templated_code_with_type_base),
            Check::Type(codes::slug_collision),
            Check::Variant(bodies::delegation),
            Check::Variant(bodies::members),
            Check::Variant(bodies::errors_list),
            Check::OptionAt(bodies::unsent_option),
            Check::OptionAt(bodies::serde_on_hidden_5xx),
            Check::OptionAt(bodies::expose_not_5xx),
            Check::Type(decode::same_status_and_code),
            Check::Variant(decode::templated_code),
        ];
    MissingRetryAfter "missing_retry_after" Warning "RFC 6585 §4, RFC 9110 §15.6.4"
        [Check::Response(headers::missing_retry_after)]
        applies headers::advises_retry_after;
    MissingLocation "missing_location" Warning "RFC 9110 §15.3.2, §15.4.1"
        [Check::Response(headers::missing_location)]
        applies headers::advises_location;
    MissingContentRange "missing_content_range" Warning "RFC 9110 §15.5.17"
        [Check::Response(headers::missing_content_range)]
        applies headers::advises_content_range;
    ObsoleteCode "obsolete_code" Warning "RFC 2774 §7, RFC 9110 §15.5.3"
        [Check::Attribute(codes::obsolete_code)]
        applies codes::obsolete_applies;
    MissingErrorBody "missing_error_body" Warning "RFC 9110 §15.5, §15.6"
        [Check::OptionAt(bodies::missing_error_body)]
        applies bodies::missing_error_body_applies;
    NonAsciiHeaderValue "non_ascii_header_value" Warning "RFC 9110 §5.5"
        [Check::Attribute(headers::non_ascii_header_value)]
        applies headers::non_ascii_applies;
    HeaderLeak "header_leak" Warning "—"
        [Check::OptionAt(headers::header_leak)]
        applies headers::header_leak_applies;
    StorableError "storable_error" Warning "RFC 6585 §3–§6"
        [Check::OptionAt(headers::storable_error)]
        applies headers::storable_applies;
    MissingBlockedBy "missing_blocked_by" Warning "RFC 7725 §4"
        [Check::Response(headers::missing_blocked_by)]
        applies headers::advises_blocked_by;
    ChallengeOn511 "challenge_on_511" Warning "RFC 6585 §6"
        [Check::OptionAt(headers::challenge_on_511)]
        applies headers::challenge_applies;
    CustomTitle "custom_title" Warning "RFC 9457 §4.2.1"
        [Check::OptionAt(bodies::custom_title)]
        applies bodies::custom_title_applies;
    UnusedAllow "unused_allow" Warning "—"
        [Check::Type(crate::valid::unused_allow)];
    MemberName "member_name" Warning "RFC 9457 §3.2"
        [Check::Attribute(bodies::member_name)]
        applies bodies::member_name_applies;
}

impl Rule {
    pub fn def(self) -> &'static RuleDef {
        // Every variant has a row: the macro writes both from one list.
        RULES
            .iter()
            .find(|def| def.rule == self)
            .unwrap_or(&RULES[0])
    }

    pub fn name(self) -> &'static str {
        self.def().name
    }

    pub fn from_name(name: &str) -> Option<Rule> {
        RULES
            .iter()
            .find(|def| def.name == name)
            .map(|def| def.rule)
    }

    pub fn is_warning(self) -> bool {
        self.def().severity == Severity::Warning
    }

    /// The names of the warnings, which `allow(…)` takes.
    pub fn warning_names() -> Vec<&'static str> {
        let mut names = Vec::new();
        for def in RULES {
            if def.severity == Severity::Warning {
                names.push(def.name);
            }
        }
        names
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
    pub rule: Rule,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_round_trip() {
        for def in RULES {
            assert_eq!(Rule::from_name(def.name), Some(def.rule));
            assert_eq!(def.rule.name(), def.name);
        }
        assert_eq!(RULES.len(), 26);
        assert_eq!(Rule::warning_names().len(), 13);
        for def in RULES {
            assert!(!def.checks.is_empty(), "{} has no check", def.name);
            let warning = def.severity == Severity::Warning;
            assert!(
                def.applies.is_some() || !warning || def.rule == Rule::UnusedAllow,
                "{} says nothing of where it applies",
                def.name
            );
        }
    }

    /// The README's rules table lists every rule with its severity and basis. (Skipped where
    /// the workspace README is not around, as in a packaged crate.)
    #[test]
    fn readme_lists_every_rule() {
        let Ok(readme) =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        else {
            return;
        };
        for def in RULES {
            let row = readme
                .lines()
                .find(|line| line.starts_with(&format!("| `{}` |", def.name)))
                .unwrap_or_else(|| panic!("README has no row for {}", def.name));
            let severity = match def.severity {
                Severity::Error => "| error |",
                Severity::Warning => "| warning |",
            };
            assert!(row.contains(severity), "{row}");
            assert!(row.contains(def.basis), "{row} lacks {}", def.basis);
        }
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
