//! The rule catalogue: one row per rule (name, severity, RFC basis), from which the rule enum,
//! name lookup and the lists in messages are generated; and the layout every finding shares.
//! A new rule is one row here, one function in `valid`, one UI case.

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
}

macro_rules! rules {
    ($($variant:ident $name:literal $severity:ident $basis:literal;)*) => {
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
            },)*
        ];
    };
}

rules! {
    UnknownCode "unknown_code" Error "RFC 9110 §15";
    Informational "informational" Error "RFC 9110 §15.2";
    ReservedCode "reserved_code" Error "RFC 9110 §15.4.6, §15.4.7, §15.5.19, §15.3.7";
    SuccessInError "success_in_error" Error "RFC 9110 §15.3, RFC 9457 §3.1.2";
    ProblemOnSuccess "problem_on_success" Error "RFC 9457 §1";
    MissingRequiredHeader "missing_required_header" Error "RFC 9110 §15.5.2, §15.5.6, §15.5.8, §15.5.22, §7.8, §15.4";
    BodyForbidden "body_forbidden" Error "RFC 9110 §6.4.1, §15.3.5, §15.3.6, §15.4.5";
    InvalidHeader "invalid_header" Error "RFC 9110 §5, §7.6.1, §8, §10, §11, §14.4";
    InconsistentCode "inconsistent_code" Error "—";
    UnknownField "unknown_field" Error "—";
    BadAttribute "bad_attribute" Error "—";
    MissingRetryAfter "missing_retry_after" Warning "RFC 6585 §4, RFC 9110 §15.6.4";
    MissingLocation "missing_location" Warning "RFC 9110 §15.3.2, §15.4.1";
    MissingContentRange "missing_content_range" Warning "RFC 9110 §15.5.17";
    ObsoleteCode "obsolete_code" Warning "RFC 2774 §7, RFC 9110 §15.5.3";
    MissingErrorBody "missing_error_body" Warning "RFC 9110 §15.5, §15.6";
    NonAsciiHeaderValue "non_ascii_header_value" Warning "RFC 9110 §5.5";
    HeaderLeak "header_leak" Warning "—";
    StorableError "storable_error" Warning "RFC 6585 §3–§6";
    MissingBlockedBy "missing_blocked_by" Warning "RFC 7725 §4";
    ChallengeOn511 "challenge_on_511" Warning "RFC 6585 §6";
    CustomTitle "custom_title" Warning "RFC 9457 §4.2.1";
    UnusedAllow "unused_allow" Warning "—";
}

impl Rule {
    fn def(self) -> &'static RuleDef {
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
        RULES
            .iter()
            .filter(|def| def.severity == Severity::Warning)
            .map(|def| def.name)
            .collect()
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
        assert_eq!(RULES.len(), 23);
        assert_eq!(Rule::warning_names().len(), 12);
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
