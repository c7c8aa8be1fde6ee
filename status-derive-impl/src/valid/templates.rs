//! `unknown_field`: a placeholder that names no field of the variant, in any template the
//! variant uses (its own or the enum's).

use super::Report;
use crate::attr::options::Key;
use crate::attr::TemplateLit;
use crate::diag::closest;
use crate::resolve::Resolved;
use crate::rules::{Message, Rule};
use crate::template::MemberName;
use std::fmt::Write as _;

pub fn unknown_field(variant: &Resolved, report: &mut Report) {
    if variant.delegates() {
        return;
    }
    let mut templates: Vec<(&TemplateLit, String)> = Vec::new();
    for key in [Key::Message, Key::Code, Key::Type, Key::Instance] {
        if let Some((ident, template)) = variant.template(key) {
            templates.push((template, format!("`{ident}`")));
        }
    }
    for &header in variant.headers() {
        templates.push((&header.value, format!("the `{}` header", header.name())));
    }
    for &(template, ref place) in &templates {
        let Ok(parsed) = &template.parsed else {
            continue;
        };
        for placeholder in parsed.placeholders() {
            if variant.variant.field(&placeholder.member).is_some() {
                continue;
            }
            report.error(
                &template.lit,
                problem(variant, &placeholder.member, &placeholder.written, place),
            );
        }
    }
}

fn problem(variant: &Resolved, member: &MemberName, written: &str, place: &str) -> Message {
    let v = variant.variant;
    let (owner, name) = (v.what(), v.name());
    if v.fields.is_empty() {
        return Message::new(
            Rule::UnknownField,
            format!("{written} in {place} names a field, but {owner} `{name}` has no fields"),
        )
        .help("remove the placeholder, or add the field to the variant");
    }
    let suggestion = match member {
        MemberName::Named(n) => {
            let mut names = Vec::new();
            for field in &v.fields {
                names.push(field.name.to_string());
            }
            let names = crate::diag::as_strs(&names);
            closest(n, &names).map(|s| format!("did you mean {{{s}}}?"))
        }
        MemberName::Index(_) => None,
    };
    let help = match suggestion {
        Some(suggestion) => suggestion,
        None => {
            let mut help = "its fields are ".to_owned();
            for (i, field) in v.fields.iter().enumerate() {
                let separator = if i == 0 { "" } else { ", " };
                let _ = write!(help, "{separator}{{{}}}", field.name);
            }
            help
        }
    };
    Message::new(
        Rule::UnknownField,
        format!("{written} in {place} names no field of {owner} `{name}`"),
    )
    .help(help)
}
