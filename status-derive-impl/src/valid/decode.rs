//! Rules of `#[status(decode)]` (`bad_attribute`): a client finds the variant of a response by
//! its code, else by its status, so two variants with the same status and code (or both
//! without one) cannot be told apart, and a templated code names no one variant. (A field that
//! cannot come back is reported by the compiler at the field: its type is not `Default`.)

use super::Report;
use crate::ast::Input;
use crate::attr::options::Key;
use crate::resolve::{MachineCode, Resolved};
use crate::rules::{Message, Rule};

/// Whether the type asks for `Decode`.
pub fn decodes(variant: &Resolved) -> bool {
    let type_attr = if variant.variant.is_enum_variant {
        variant.defaults
    } else {
        variant.own
    };
    type_attr.is_some_and(|attr| attr.has(Key::Decode))
}

/// `bad_attribute`: with `decode`, two variants with the same status and the same literal
/// code, or both without a code: no response says which of them it is.
pub fn same_status_and_code(_: &Input, resolved: &[Resolved], report: &mut Report) {
    let mut seen: Vec<(u16, Option<String>, &Resolved)> = Vec::new();
    for variant in resolved {
        if !decodes(variant) || variant.delegates() {
            continue;
        }
        let Some(status) = variant.status() else {
            continue;
        };
        let code = variant.literal_code();
        let mut first = None;
        for (s, c, seen) in &seen {
            if *s == status.value && *c == code {
                first = Some(*seen);
                break;
            }
        }
        let Some(first) = first else {
            seen.push((status.value, code, variant));
            continue;
        };
        let with = match &code {
            Some(code) => format!("the code \"{code}\""),
            None => "no code".to_owned(),
        };
        report.error_at(
            variant.status_span(),
            Message::new(
                Rule::BadAttribute,
                format!(
                    "`{}` and `{}` both answer {} with {with}: `decode` cannot tell their responses apart",
                    first.variant.name(),
                    variant.variant.name(),
                    status.describe()
                ),
            )
            .help("give one of them a code of its own (code = \"…\"), or another status"),
        );
        report.note_at(
            first.status_span(),
            format!(
                "`{}` answers {} here",
                first.variant.name(),
                status.describe()
            ),
        );
    }
}

/// `bad_attribute`: with `decode`, a templated code, which names no one variant.
pub fn templated_code(variant: &Resolved, report: &mut Report) {
    if !decodes(variant) || variant.delegates() {
        return;
    }
    let Some(MachineCode::Written(template)) = variant.machine_code() else {
        return;
    };
    if template.literal().is_some() || template.parsed.is_err() {
        return;
    }
    report.error(
        &template.lit,
        Message::new(
            Rule::BadAttribute,
            format!(
                "{} `{}` has a templated code, and `decode` finds a variant by its code: a code that changes with the value names no one variant",
                variant.variant.what(),
                variant.variant.name()
            ),
        )
        .help("write a literal code, e.g. code = \"USER_NOT_FOUND\", and send the value as a member (#[status(extension)])"),
    );
}
