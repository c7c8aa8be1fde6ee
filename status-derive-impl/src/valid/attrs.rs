//! `bad_attribute`: each attribute is checked once, where it is written (the type, a variant, a
//! field), whatever inherits it — its syntax, its options (known, in their place, not
//! repeated), and each option's value, by the kind of value its row says it takes.

use super::{Report, Site};
use crate::ast::{Input, Shape};
use crate::attr::options::{self, Key, Literal, Places, Text, Value, CASES};
use crate::attr::{Attr, FormatSpec, Item, ItemValue, StrLit, TemplateLit};
use crate::diag::{closest, join};
use crate::resolve::Resolved;
use crate::rules::{Message, Rule};
use http_status_core::header::{check_value, Grammar};
use http_status_core::{grpc, BodyFormat, LogLevel};

/// `bad_attribute`: a union has no variants to give statuses to.
pub fn not_a_union(input: &Input, _: &[Resolved], report: &mut Report) {
    if let Shape::Union(span) = input.shape {
        report.error_at(
            span,
            Message::new(
                Rule::BadAttribute,
                "HttpStatus cannot be derived for a union",
            )
            .help("derive it for an enum (one status per variant) or a struct"),
        );
    }
}

/// `bad_attribute`: the attribute's syntax, its options and their values.
pub fn bad_attribute(site: &Site, report: &mut Report) {
    let attr = site.attr;
    for &span in &attr.late_codes {
        report.error_at(
            span,
            Message::new(Rule::BadAttribute, "the status code comes first")
                .help("write #[status(CODE, option, ...)], e.g. #[status(404, message = \"...\")]"),
        );
    }
    if site.place == Places::FIELD {
        if let Some(code) = &attr.code {
            report.error(
                code.tokens(),
                Message::new(Rule::BadAttribute, "a field takes no status code")
                    .help("put the code on the variant: #[status(404)]; on a field, write #[status(extension)], #[status(flatten)] or #[status(delegate)]"),
            );
        }
    }
    for unknown in &attr.unknown {
        unknown_option(unknown, site.place, report);
    }
    for (i, item) in attr.items.iter().enumerate() {
        if !item.def.places.contains(site.place) {
            misplaced(item.def, &item.key, site.place, report);
            continue;
        }
        if !item.def.repeatable && attr.items[..i].iter().any(|i| i.def.key == item.def.key) {
            report.error(
                &item.key,
                Message::new(Rule::BadAttribute, format!("`{}` is set twice", item.key))
                    .help(format!("keep one `{}`", item.key)),
            );
            continue;
        }
        value(item, report);
    }
    transparent_alone(attr, report);
    if let (Some(code), Some(codes)) = (attr.get(Key::Code), attr.get(Key::Codes)) {
        report.error(
            &codes.key,
            Message::new(
                Rule::BadAttribute,
                "`codes` names every variant's code, but `code` already gives them one",
            )
            .help(format!("keep `{}` or `codes`, not both", code.key)),
        );
    }
}

/// The value of one option, by the kind its row says it takes.
fn value(item: &Item, report: &mut Report) {
    match (&item.value, item.def.value) {
        (ItemValue::Template(template), Value::Template(text)) => {
            if malformed_template(template, report) {
                return;
            }
            match text {
                Text::Prose => {}
                Text::Code => machine_code(template, report),
                Text::Uri => literal_uri(item.def.name, template, report),
            }
        }
        (ItemValue::Header(header), _) => {
            malformed_template(&header.value, report);
        }
        (ItemValue::Str(lit), Value::Literal(kind)) => match kind {
            Literal::Phrase => reason(lit, report),
            Literal::Case => codes_case(lit, report),
            Literal::Path => crate_path(lit, report),
            Literal::Level => level_name(lit, report),
            Literal::Grpc => grpc_name(lit, report),
            Literal::BaseUri => base_uri(lit, report),
            Literal::HeaderName => header_name(lit, report),
            Literal::Domain => domain_name(lit, report),
        },
        (ItemValue::Format(FormatSpec::Named(lit)), _) => format_name(lit, report),
        (ItemValue::Rules(rules), _) => {
            for rule in rules {
                allow_rule(rule, report);
            }
        }
        (ItemValue::Name(Some(name)), _) => empty_member_name(name, report),
        _ => {}
    }
}

fn unknown_option(unknown: &syn::Ident, place: Places, report: &mut Report) {
    let name = unknown.to_string();
    let here = options::names_at(place);
    let suggestion = closest(&name, &here).map(|s| format!("did you mean `{s}`?"));
    report.error(
        unknown,
        Message::new(Rule::BadAttribute, format!("unknown option `{name}`"))
            .help_opt(suggestion)
            .help(format!("the options here are {}", join(&here, ", "))),
    );
}

fn misplaced(def: &options::Def, key: &syn::Ident, place: Places, report: &mut Report) {
    let (problem, help) = match def.key {
        Key::Codes => (
            "`codes` names the codes of an enum's variants".to_owned(),
            "on a struct or a variant, write `code = \"...\"`".to_owned(),
        ),
        Key::Transparent if place == Places::ENUM => (
            "`transparent` applies to a variant or a struct with one field, not to a whole enum"
                .to_owned(),
            "put #[status(transparent)] on the variants that wrap another HttpStatus type"
                .to_owned(),
        ),
        _ if def.places == Places::FIELD => (
            format!("`{}` goes on a field", def.name),
            format!("write {} on the field whose value it takes", def.example),
        ),
        _ if place == Places::FIELD => {
            let mut field_options = Vec::new();
            for def in options::OPTIONS {
                if def.places == Places::FIELD {
                    field_options.push(def.example);
                }
            }
            (
                format!("`{}` does not go on a field", def.name),
                format!("field attributes are {}", join(&field_options, ", ")),
            )
        }
        _ => (
            format!("`{}` is set once, on the type", def.name),
            format!("move {} to the type's #[status(...)]", def.example),
        ),
    };
    report.error(key, Message::new(Rule::BadAttribute, problem).help(help));
}

/// `transparent` takes the whole response from the field, so nothing else may shape it.
fn transparent_alone(attr: &Attr, report: &mut Report) {
    if !attr.has(Key::Transparent) {
        return;
    }
    if let Some(code) = &attr.code {
        report.error(
            code.tokens(),
            Message::new(
                Rule::BadAttribute,
                "`transparent` takes the status from the wrapped value, so a code has no effect",
            )
            .help("remove the code, or remove `transparent`"),
        );
    }
    // `decode` is about the type, not its response: a transparent struct decodes through its
    // field.
    for item in &attr.items {
        if matches!(item.def.key, Key::Transparent | Key::Decode) {
            continue;
        }
        let key = &item.key;
        report.error(
            key,
            Message::new(
                Rule::BadAttribute,
                format!("`transparent` takes the whole response from the wrapped value, so `{key}` has no effect"),
            )
            .help(format!("remove `{key}`, or remove `transparent`")),
        );
    }
}

/// Reports a template that does not parse: `{}` names no field (`unknown_field`), anything
/// else is malformed (`bad_attribute`). Returns whether it was reported.
pub fn malformed_template(template: &TemplateLit, report: &mut Report) -> bool {
    let Err(error) = &template.parsed else {
        return false;
    };
    let rule = if error.names_no_field {
        Rule::UnknownField
    } else {
        Rule::BadAttribute
    };
    report.error(
        &template.lit,
        Message::new(rule, error.problem.clone()).help(error.help.clone()),
    );
    true
}

/// A machine-readable code is not empty, and a literal one is visible ASCII: it also travels
/// in header fields (`code_header`) and gRPC metadata, which are ASCII. (An interpolated code
/// that is not is left out of those and kept in the body.)
fn machine_code(template: &TemplateLit, report: &mut Report) {
    if template.text.is_empty() {
        report.error(
            &template.lit,
            Message::new(Rule::BadAttribute, "`code` is empty")
                .help("give a machine-readable code, e.g. code = \"USER_NOT_FOUND\""),
        );
        return;
    }
    let Some(text) = template.literal() else {
        return;
    };
    let mut invisible = None;
    for c in text.chars() {
        if !c.is_ascii_graphic() {
            invisible = Some(c);
            break;
        }
    }
    if let Some(c) = invisible {
        let what = match c {
            ' ' => "a space".to_owned(),
            c if c.is_control() => format!("the control character `{}`", c.escape_default()),
            c => format!("`{c}`, which is not ASCII"),
        };
        report.error(
            &template.lit,
            Message::new(
                Rule::BadAttribute,
                format!("`code` contains {what}: a machine-readable code is visible ASCII, since it travels in header fields and gRPC metadata too"),
            )
            .spec("RFC 9110 §5.5")
            .help("use letters, digits and `_`, e.g. code = \"USER_NOT_FOUND\""),
        );
    }
}

/// A literal `type` or `instance` is a URI reference, checked by the function that checks an
/// interpolated one at run time.
fn literal_uri(name: &str, template: &TemplateLit, report: &mut Report) {
    let Some(text) = template.literal() else {
        return;
    };
    if check_value(Grammar::UriReference, &text).is_err() {
        let example = if name == "type" {
            "type = \"https://example.com/probs/out-of-credit\""
        } else {
            "instance = \"/accounts/12345/msgs/abc\""
        };
        report.error(
            &template.lit,
            Message::new(
                Rule::BadAttribute,
                format!("`{name}` is a URI reference: not empty, no spaces, reserved characters percent-encoded"),
            )
            .spec(if name == "type" { "RFC 9457 §3.1.1" } else { "RFC 9457 §3.1.5" })
            .help(format!("e.g. {example}")),
        );
    }
}

fn reason(lit: &StrLit, report: &mut Report) {
    let text = &lit.text;
    if text.contains(['{', '}']) {
        report.error(
            &lit.lit,
            Message::new(
                Rule::BadAttribute,
                "`reason` is the literal reason phrase, not a template: it cannot hold `{` or `}`",
            )
            .help("write the phrase as it is sent, e.g. reason = \"Client Closed Request\"; put varying text in `message`"),
        );
        return;
    }
    let visible = crate::ascii::all(text, |&b| {
        b == b'\t' || b == b' ' || (0x21..0x7f).contains(&b)
    });
    if text.trim().is_empty() || !visible {
        report.error(
            &lit.lit,
            Message::new(
                Rule::BadAttribute,
                "a reason phrase is non-empty visible US-ASCII text",
            )
            .spec("RFC 9112 §4")
            .help("e.g. reason = \"Client Closed Request\""),
        );
    }
}

fn codes_case(lit: &StrLit, report: &mut Report) {
    if CASES.contains(&lit.text.as_str()) {
        return;
    }
    let suggestion = did_you_mean(&lit.text, CASES);
    report.error(
        &lit.lit,
        Message::new(Rule::BadAttribute, format!("unknown case \"{}\"", lit.text))
            .help_opt(suggestion)
            .help(format!(
                "the cases are serde's rename_all names: {}",
                join(CASES, ", ")
            )),
    );
}

/// "did you mean "…"?" for a misspelled string value.
fn did_you_mean(text: &str, names: &[&str]) -> Option<String> {
    Some(format!("did you mean \"{}\"?", closest(text, names)?))
}

fn crate_path(lit: &StrLit, report: &mut Report) {
    if syn::parse_str::<syn::Path>(&lit.text).is_err() {
        report.error(
            &lit.lit,
            Message::new(Rule::BadAttribute, "`crate` is a path")
                .help("e.g. crate = \"my_app::reexports::http_status\""),
        );
    }
}

fn format_name(lit: &StrLit, report: &mut Report) {
    if BodyFormat::from_name(&lit.text).is_some() {
        return;
    }
    let mut names = Vec::new();
    for format in BodyFormat::ALL {
        names.push(format.name());
    }
    let suggestion = did_you_mean(&lit.text, &names);
    report.error(
        &lit.lit,
        Message::new(Rule::BadAttribute, format!("unknown format \"{}\"", lit.text))
            .help_opt(suggestion)
            .help(format!(
                "the formats are {} (\"problem\", RFC 9457, is the default for errors), or the path of a type implementing `http_status::Format` (unquoted)",
                options::format_names()
            )),
    );
}

fn allow_rule(rule: &syn::Ident, report: &mut Report) {
    let name = rule.to_string();
    let warnings = Rule::warning_names();
    match Rule::from_name(&name) {
        Some(found) if found.is_warning() => {}
        Some(_) => report.error(
            rule,
            Message::new(
                Rule::BadAttribute,
                format!("`{name}` is an error, and errors cannot be allowed"),
            )
            .help(format!(
                "only warnings can be allowed: {}",
                join(&warnings, ", ")
            )),
        ),
        None => {
            let suggestion = closest(&name, &warnings);
            report.error(
                rule,
                Message::new(Rule::BadAttribute, format!("unknown rule `{name}`"))
                    .help_opt(suggestion.map(|s| format!("did you mean `{s}`?")))
                    .help(format!(
                        "the warnings that can be allowed are {}",
                        join(&warnings, ", ")
                    )),
            );
        }
    }
}

fn empty_member_name(name: &StrLit, report: &mut Report) {
    if name.text.is_empty() {
        report.error(
            &name.lit,
            Message::new(Rule::BadAttribute, "a member name cannot be empty")
                .help("e.g. #[status(extension = \"balance\")]"),
        );
    }
}

fn level_name(lit: &StrLit, report: &mut Report) {
    if LogLevel::from_name(&lit.text).is_some() {
        return;
    }
    let mut names = Vec::new();
    for level in LogLevel::ALL {
        names.push(level.name());
    }
    let suggestion = did_you_mean(&lit.text, &names);
    report.error(
        &lit.lit,
        Message::new(
            Rule::BadAttribute,
            format!("unknown log level \"{}\"", lit.text),
        )
        .help_opt(suggestion)
        .help(format!("the levels are {}", join(&names, ", "))),
    );
}

fn grpc_name(lit: &StrLit, report: &mut Report) {
    if grpc::code_named(&lit.text).is_some() {
        return;
    }
    let mut names = Vec::new();
    for code in grpc::CODES {
        names.push(code.name);
    }
    let suggestion = did_you_mean(&lit.text, &names);
    report.error(
        &lit.lit,
        Message::new(
            Rule::BadAttribute,
            format!("unknown gRPC code \"{}\"", lit.text),
        )
        .help_opt(suggestion)
        .help(format!(
            "the codes of google.rpc.Code are {}",
            join(&names, ", ")
        )),
    );
}

/// `type_base`: an absolute URI ending in `/`, to which each code's slug is appended.
fn base_uri(lit: &StrLit, report: &mut Report) {
    let absolute = match lit.text.split_once(':') {
        Some((scheme, _)) => {
            crate::ascii::leading(scheme, u8::is_ascii_alphabetic) > 0
                && crate::ascii::all(scheme, |&b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')
                })
        }
        None => false,
    };
    if absolute && lit.text.ends_with('/') && check_value(Grammar::UriReference, &lit.text).is_ok()
    {
        return;
    }
    report.error(
        &lit.lit,
        Message::new(
            Rule::BadAttribute,
            "`type_base` is an absolute URI ending in `/`, to which each variant's slug is appended",
        )
        .spec("RFC 9457 §3.1.1")
        .help("e.g. type_base = \"https://api.example.com/problems/\""),
    );
}

fn header_name(lit: &StrLit, report: &mut Report) {
    if http_status_core::header::is_token(&lit.text)
        && http_status_core::header::field_named(&lit.text).is_none()
    {
        return;
    }
    report.error(
        &lit.lit,
        Message::new(
            Rule::BadAttribute,
            format!("\"{}\" cannot carry the code: it must be a header name (a token) of your own, not one HTTP defines", lit.text),
        )
        .spec("RFC 9110 §5.1")
        .help("e.g. code_header = \"x-error-code\""),
    );
}

/// `domain`: the logical grouping of the codes (gRPC's `ErrorInfo.domain`), usually a service
/// name: visible ASCII without spaces.
fn domain_name(lit: &StrLit, report: &mut Report) {
    if !lit.text.is_empty() && crate::ascii::all(&lit.text, u8::is_ascii_graphic) {
        return;
    }
    report.error(
        &lit.lit,
        Message::new(
            Rule::BadAttribute,
            "`domain` is the name of the service the codes belong to, in visible ASCII without spaces",
        )
        .help("e.g. domain = \"users.example.com\""),
    );
}
