//! `bad_attribute` and the status-independent part of `invalid_header`: each attribute is
//! checked once, where it is written (the type, a variant, a field), whatever inherits it.

use super::headers::literal_header;
use crate::ast::{Attrs, Field, Input, Variant};
use crate::attr::options::{self, Key, Places, Value, CASES, FORMATS};
use crate::attr::{Attr, FormatSpec, ItemValue, StrLit, TemplateLit};
use crate::diag::{closest, Diagnostics};
use crate::rules::{Message, Rule};
use http_status_core::header::{check_value, Grammar};

/// The type's own attribute.
pub fn type_attrs(input: &Input, diag: &mut Diagnostics) {
    let place = input.type_place();
    check_attrs(&input.attrs, place, None, diag);
}

/// A variant's own attribute (enum variants; a struct's is the type's).
pub fn variant_attrs(input: &Input, variant: &Variant, diag: &mut Diagnostics) {
    check_attrs(&variant.attrs, Places::VARIANT, input.attrs.first(), diag);
}

/// A field's attribute.
pub fn field_attrs(field: &Field, diag: &mut Diagnostics) {
    check_attrs(&field.attrs, Places::FIELD, None, diag);
}

fn check_attrs(attrs: &Attrs, place: Places, enum_attr: Option<&Attr>, diag: &mut Diagnostics) {
    for error in &attrs.syntax_errors {
        diag.syntax(error.clone());
    }
    for extra in attrs.status.iter().skip(1) {
        diag.error(
            extra.original,
            Message::new(Rule::BadAttribute, "duplicate #[status] attribute").help(
                "merge its options into the first #[status(...)]: #[status(CODE, option, ...)]",
            ),
        );
    }
    if let Some(attr) = attrs.first() {
        check_attr(attr, place, enum_attr, diag);
    }
}

fn check_attr(attr: &Attr, place: Places, enum_attr: Option<&Attr>, diag: &mut Diagnostics) {
    for &span in &attr.late_codes {
        diag.error_at(
            span,
            Message::new(Rule::BadAttribute, "the status code comes first")
                .help("write #[status(CODE, option, ...)], e.g. #[status(404, message = \"...\")]"),
        );
    }
    if place == Places::FIELD {
        if let Some(code) = &attr.code {
            diag.error(
                code.tokens(),
                Message::new(Rule::BadAttribute, "a field takes no status code")
                    .help("put the code on the variant: #[status(404)]; on a field, write #[status(extension)], #[status(flatten)] or #[status(delegate)]"),
            );
        }
    }
    for unknown in &attr.unknown {
        unknown_option(unknown, place, diag);
    }
    for (i, item) in attr.items.iter().enumerate() {
        if !item.def.places.contains(place) {
            misplaced(item.def, &item.key, place, diag);
            continue;
        }
        if !item.def.repeatable && attr.items[..i].iter().any(|i| i.def.key == item.def.key) {
            diag.error(
                &item.key,
                Message::new(Rule::BadAttribute, format!("`{}` is set twice", item.key))
                    .help(format!("keep one `{}`", item.key)),
            );
            continue;
        }
        check_value_of(attr, item, enum_attr, diag);
    }
    transparent_alone(attr, diag);
    if let (Some(code), Some(codes)) = (attr.get(Key::Code), attr.get(Key::Codes)) {
        diag.error(
            &codes.key,
            Message::new(
                Rule::BadAttribute,
                "`codes` names every variant's code, but `code` already gives them one",
            )
            .help(format!("keep `{}` or `codes`, not both", code.key)),
        );
    }
    super::headers::repeated_singletons(attr.headers(), diag);
}

fn unknown_option(unknown: &syn::Ident, place: Places, diag: &mut Diagnostics) {
    let name = unknown.to_string();
    let here = options::names_at(place);
    let suggestion = closest(&name, &here).map(|s| format!("did you mean `{s}`?"));
    diag.error(
        unknown,
        Message::new(Rule::BadAttribute, format!("unknown option `{name}`"))
            .help_opt(suggestion)
            .help(format!("the options here are {}", here.join(", "))),
    );
}

fn misplaced(def: &options::Def, key: &syn::Ident, place: Places, diag: &mut Diagnostics) {
    let (problem, help) = match def.key {
        Key::Codes => (
            "`codes` names the codes of an enum's variants".to_owned(),
            "on a struct or a variant, write `code = \"...\"`".to_owned(),
        ),
        Key::Crate => (
            "`crate` is set once, on the type".to_owned(),
            "move crate = \"...\" to the enum's #[status(...)]".to_owned(),
        ),
        Key::Transparent if place == Places::ENUM => (
            "`transparent` applies to a variant or a struct with one field, not to a whole enum"
                .to_owned(),
            "put #[status(transparent)] on the variants that wrap another HttpStatus type".to_owned(),
        ),
        Key::Extension | Key::Flatten | Key::Delegate => (
            format!("`{}` goes on a field", def.name),
            format!("write {} on the field whose value it takes", def.example),
        ),
        _ => (
            format!("`{}` does not go on a field", def.name),
            "field attributes are #[status(extension)], #[status(extension = \"name\")], #[status(flatten)] and #[status(delegate)]".to_owned(),
        ),
    };
    diag.error(key, Message::new(Rule::BadAttribute, problem).help(help));
}

/// `transparent` takes the whole response from the field, so nothing else may shape it.
fn transparent_alone(attr: &Attr, diag: &mut Diagnostics) {
    if !attr.has(Key::Transparent) {
        return;
    }
    if let Some(code) = &attr.code {
        diag.error(
            code.tokens(),
            Message::new(
                Rule::BadAttribute,
                "`transparent` takes the status from the wrapped value, so a code has no effect",
            )
            .help("remove the code, or remove `transparent`"),
        );
    }
    for item in attr.items.iter().filter(|i| i.def.key != Key::Transparent) {
        let key = &item.key;
        diag.error(
            key,
            Message::new(
                Rule::BadAttribute,
                format!("`transparent` takes the whole response from the wrapped value, so `{key}` has no effect"),
            )
            .help(format!("remove `{key}`, or remove `transparent`")),
        );
    }
}

fn check_value_of(
    attr: &Attr,
    item: &crate::attr::Item,
    enum_attr: Option<&Attr>,
    diag: &mut Diagnostics,
) {
    match (&item.value, item.def.value) {
        (ItemValue::Template(template), _) => {
            if malformed_template(template, diag) {
                return;
            }
            match item.def.key {
                Key::Code => empty_code(template, diag),
                Key::Type | Key::Instance => literal_uri(item.def.name, template, diag),
                _ => {}
            }
        }
        (ItemValue::Str(lit), Value::Literal) => reason(lit, diag),
        (ItemValue::Str(lit), Value::Case) => codes_case(lit, diag),
        (ItemValue::Str(lit), Value::Path) => crate_path(lit, diag),
        (ItemValue::Format(FormatSpec::Named(lit)), _) => format_name(lit, diag),
        (ItemValue::Rules(rules), _) => {
            for rule in rules {
                allow_rule(rule, diag);
            }
        }
        (ItemValue::Header(header), _) if !malformed_template(&header.value, diag) => {
            let allowed = |rule: Rule| {
                [Some(attr), enum_attr]
                    .into_iter()
                    .flatten()
                    .flat_map(Attr::allows)
                    .any(|r| r == rule.name())
            };
            literal_header(header, &allowed, diag);
        }
        (ItemValue::Name(Some(name)), _) => member_name(name, diag),
        _ => {}
    }
}

/// Reports a template that does not parse: `{}` names no field (`unknown_field`), anything
/// else is malformed (`bad_attribute`). Returns whether it was reported.
pub fn malformed_template(template: &TemplateLit, diag: &mut Diagnostics) -> bool {
    let Err(error) = &template.parsed else {
        return false;
    };
    let rule = if error.names_no_field {
        Rule::UnknownField
    } else {
        Rule::BadAttribute
    };
    diag.error(
        &template.lit,
        Message::new(rule, error.problem.clone()).help(error.help.clone()),
    );
    true
}

fn empty_code(template: &TemplateLit, diag: &mut Diagnostics) {
    if template.text.is_empty() {
        diag.error(
            &template.lit,
            Message::new(Rule::BadAttribute, "`code` is empty")
                .help("give a machine-readable code, e.g. code = \"USER_NOT_FOUND\""),
        );
    }
}

/// A literal `type` or `instance` is a URI reference, checked by the function that checks an
/// interpolated one at run time.
fn literal_uri(name: &str, template: &TemplateLit, diag: &mut Diagnostics) {
    let Some(text) = template.literal() else {
        return;
    };
    if check_value(Grammar::UriReference, &text).is_err() {
        let example = if name == "type" {
            "type = \"https://example.com/probs/out-of-credit\""
        } else {
            "instance = \"/accounts/12345/msgs/abc\""
        };
        diag.error(
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

fn reason(lit: &StrLit, diag: &mut Diagnostics) {
    let text = &lit.text;
    if text.contains(['{', '}']) {
        diag.error(
            &lit.lit,
            Message::new(
                Rule::BadAttribute,
                "`reason` is the literal reason phrase, not a template: it cannot hold `{` or `}`",
            )
            .help("write the phrase as it is sent, e.g. reason = \"Client Closed Request\"; put varying text in `message`"),
        );
        return;
    }
    let visible = text
        .bytes()
        .all(|b| b == b'\t' || b == b' ' || (0x21..0x7f).contains(&b));
    if text.trim().is_empty() || !visible {
        diag.error(
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

fn codes_case(lit: &StrLit, diag: &mut Diagnostics) {
    if CASES.contains(&lit.text.as_str()) {
        return;
    }
    let suggestion = closest(&lit.text, CASES).map(|s| format!("did you mean \"{s}\"?"));
    diag.error(
        &lit.lit,
        Message::new(Rule::BadAttribute, format!("unknown case \"{}\"", lit.text))
            .help_opt(suggestion)
            .help(format!(
                "the cases are serde's rename_all names: {}",
                CASES.join(", ")
            )),
    );
}

fn crate_path(lit: &StrLit, diag: &mut Diagnostics) {
    if syn::parse_str::<syn::Path>(&lit.text).is_err() {
        diag.error(
            &lit.lit,
            Message::new(Rule::BadAttribute, "`crate` is a path")
                .help("e.g. crate = \"my_app::reexports::http_status\""),
        );
    }
}

fn format_name(lit: &StrLit, diag: &mut Diagnostics) {
    if FORMATS.contains(&lit.text.as_str()) {
        return;
    }
    let suggestion = closest(&lit.text, FORMATS).map(|s| format!("did you mean \"{s}\"?"));
    diag.error(
        &lit.lit,
        Message::new(Rule::BadAttribute, format!("unknown format \"{}\"", lit.text))
            .help_opt(suggestion)
            .help("the formats are \"problem\" (RFC 9457, the default for errors), \"json\", \"text\", \"serde\", \"none\", or the path of a type implementing `http_status::Format` (unquoted)"),
    );
}

fn allow_rule(rule: &syn::Ident, diag: &mut Diagnostics) {
    let name = rule.to_string();
    let warnings = Rule::warning_names();
    match Rule::from_name(&name) {
        Some(found) if found.is_warning() => {}
        Some(_) => diag.error(
            rule,
            Message::new(
                Rule::BadAttribute,
                format!("`{name}` is an error, and errors cannot be allowed"),
            )
            .help(format!(
                "only warnings can be allowed: {}",
                warnings.join(", ")
            )),
        ),
        None => {
            let suggestion = closest(&name, &warnings);
            diag.error(
                rule,
                Message::new(Rule::BadAttribute, format!("unknown rule `{name}`"))
                    .help_opt(suggestion.map(|s| format!("did you mean `{s}`?")))
                    .help(format!(
                        "the warnings that can be allowed are {}",
                        warnings.join(", ")
                    )),
            );
        }
    }
}

fn member_name(name: &StrLit, diag: &mut Diagnostics) {
    if name.text.is_empty() {
        diag.error(
            &name.lit,
            Message::new(Rule::BadAttribute, "a member name cannot be empty")
                .help("e.g. #[status(extension = \"balance\")]"),
        );
    }
}
