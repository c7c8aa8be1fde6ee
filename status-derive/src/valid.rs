//! Every rule, one function each, named after the rule. The facts come from the
//! `status-core` registry; this file only decides what to say about them.

use crate::ast::{Input, Shape, Variant};
use crate::attr::{CodeSpec, HeaderOpt, StatusAttr, TemplateLit, OPTIONS};
use crate::diag::{closest, Diagnostics, Message, Rule};
use crate::resolve::{Code, Format, Resolved};
use crate::template::{MemberName, Template};
use quote::ToTokens;
use status_core::header::{
    describes_content, framework_owned, has_outer_whitespace, invalid_value_byte, is_token,
};
use status_core::{Class, HeaderRule, Registry, StatusInfo};

pub fn check(input: &Input, resolved: &[Resolved], diag: &mut Diagnostics) {
    bad_attribute_on_type(input, diag);
    for variant in resolved {
        bad_attribute(input, variant, diag);
        unknown_field(variant, diag);
        if variant.transparent().is_some() {
            continue;
        }
        invalid_header(variant.own, diag);
        let Some(spec) = variant.code_spec() else {
            continue;
        };
        let Some(code) = variant.code.filter(|code| in_range(code)) else {
            unknown_code(spec, diag);
            continue;
        };
        if code.info.is_none() && variant.reason().is_none() {
            unknown_code(spec, diag);
            continue;
        }
        if informational(code, diag) {
            continue;
        }
        reserved_code(code, diag);
        success_in_error(input, code, diag);
        missing_required_header(variant, code, diag);
        body_forbidden(variant, code, diag);
        missing_retry_after(variant, code, diag);
        missing_location(variant, code, diag);
        missing_content_range(variant, code, diag);
        obsolete_code(variant, code, diag);
    }
}

fn in_range(code: &Code) -> bool {
    code.class().is_some()
}

/// `unknown_code`: a number outside 100–599, an unregistered number without `reason`, or a
/// name the registry does not know.
fn unknown_code(spec: &CodeSpec, diag: &mut Diagnostics) {
    let message = match spec {
        CodeSpec::Number(lit) => {
            let digits = lit.base10_digits();
            let suggestion = closest_code(digits);
            match lit.base10_parse::<u16>().ok().filter(|n| Class::of(*n).is_some()) {
                Some(value) => {
                    let class = Class::of(value).unwrap_or(Class::ServerError);
                    let fallback = status_core::lookup(class.fallback()).map_or("", |i| i.reason);
                    Message::new(
                        Rule::UnknownCode,
                        format!(
                            "{value} is not in the IANA status code registry; clients treat it as {} {fallback}",
                            class.fallback()
                        ),
                    )
                    .spec("RFC 9110 §15")
                    .help_opt(suggestion.map(|info| format!("did you mean {} {}?", info.code, info.reason)))
                    .help(format!(
                        "to send an unregistered code on purpose, give it a reason phrase: #[status({value}, reason = \"...\")]"
                    ))
                }
                None => Message::new(
                    Rule::UnknownCode,
                    format!("{digits} is not a status code: codes are three digits from 100 to 599"),
                )
                .spec("RFC 9110 §15")
                .help(
                    suggestion.map_or_else(
                        || "use a registered code (listed by http_status::codes::iter()), e.g. 400 Bad Request or 500 Internal Server Error".to_owned(),
                        |info| format!("did you mean {} {}?", info.code, info.reason),
                    ),
                ),
            }
        }
        CodeSpec::Name(path) => {
            let name = path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default();
            let names: Vec<&str> = status_core::iter()
                .flat_map(|info| std::iter::once(info.name).chain(info.aliases.iter().copied()))
                .collect();
            let suggestion = closest(&name, &names)
                .and_then(|n| status_core::lookup_name(n).map(|info| (n, info)));
            let option = if suggestion.is_none() {
                closest(&name, OPTIONS)
            } else {
                None
            };
            Message::new(
                Rule::UnknownCode,
                format!("unknown status code name `{name}`"),
            )
            .help_opt(suggestion.map(|(n, info)| format!("did you mean {n} ({})?", info.code)))
            .help_opt(option.map(|o| format!("did you mean the option `{o}`?")))
            .help_opt((suggestion.is_none() && option.is_none()).then(|| {
                "write the number, e.g. #[status(404)], or a name such as NOT_FOUND".to_owned()
            }))
        }
    };
    diag.error(spec.tokens(), message);
}

/// The registered code whose digits are one edit away from `digits`, if exactly one is
/// (for 4044 → 404; 499 is as close to 409 as to 429, so nothing is suggested).
fn closest_code(digits: &str) -> Option<&'static StatusInfo> {
    let mut near = status_core::iter()
        .filter(|info| info.final_response && info.registry == Registry::Assigned)
        .filter(|info| strsim::damerau_levenshtein(digits, &info.code.to_string()) <= 1);
    match (near.next(), near.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// `informational`: a 1xx is interim and can never be the response a value stands for.
fn informational(code: Code, diag: &mut Diagnostics) -> bool {
    let is_final = code
        .info
        .map_or(code.class() != Some(Class::Informational), |i| {
            i.final_response
        });
    if is_final {
        return false;
    }
    diag.error(
        code.spec.tokens(),
        Message::new(
            Rule::Informational,
            format!(
                "{} is an informational (1xx) status: an interim response, never the final response to a request",
                code.describe()
            ),
        )
        .spec("RFC 9110 §15.2")
        .help("HTTP servers send 1xx codes themselves; use the 2xx–5xx code that describes the outcome"),
    );
    true
}

/// `reserved_code`: 306 and 418 are reserved ("(Unused)"), 305 is deprecated.
fn reserved_code(code: Code, diag: &mut Diagnostics) {
    let Some(info) = code.info else { return };
    let problem = match info.registry {
        Registry::Reserved => "is reserved by IANA and must not be sent",
        Registry::Deprecated => "is deprecated for security reasons and must not be sent",
        _ => return,
    };
    let help = match info.class {
        Class::Redirection => {
            "for a redirect, use 307 Temporary Redirect or 308 Permanent Redirect"
        }
        _ => "use 400 Bad Request, or the 4xx code that describes the problem",
    };
    diag.error(
        code.spec.tokens(),
        Message::new(
            Rule::ReservedCode,
            format!("{} {} {problem}", info.code, info.reason),
        )
        .spec(info.spec)
        .help(help),
    );
}

/// `success_in_error`: a 2xx on a type that thiserror makes an error type.
fn success_in_error(input: &Input, code: Code, diag: &mut Diagnostics) {
    if code.class() != Some(Class::Success) || !input.is_error_type() {
        return;
    }
    diag.error(
        code.spec.tokens(),
        Message::new(
            Rule::SuccessInError,
            format!(
                "{} is a success code, but `{}` is an error type (it has #[error] attributes): clients would take the failure for a success",
                code.describe(),
                input.original.ident
            ),
        )
        .spec("RFC 9110 §15.3")
        .help("use the 4xx or 5xx code that describes the failure, e.g. 400 Bad Request, 409 Conflict or 500 Internal Server Error"),
    );
}

/// `missing_required_header`: a header field the specification says the response MUST carry
/// (unconditionally), and `Location` on a redirect.
fn missing_required_header(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let Some(info) = code.info else { return };
    let headers = variant.headers();
    for rule in info.must_headers.iter().filter(|r| r.condition.is_none()) {
        match headers
            .iter()
            .find(|h| h.name().eq_ignore_ascii_case(rule.name))
        {
            Some(header) => require_non_empty(header, rule, info, diag),
            None => report_missing(&headers, code, rule.name, rule.spec, rule.example, "", diag),
        }
    }
    if info.redirect && !variant.has_header("Location") {
        let example = info
            .should_headers
            .iter()
            .find(|r| r.name == "Location")
            .map_or("/other/location", |r| r.example);
        report_missing(
            &headers,
            code,
            "Location",
            info.spec,
            example,
            ": it sends the client there",
            diag,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn report_missing(
    headers: &[&HeaderOpt],
    code: Code,
    name: &str,
    spec: &str,
    example: &str,
    why: &str,
    diag: &mut Diagnostics,
) {
    let written: Vec<&str> = headers.iter().map(|h| h.name()).collect();
    let misspelled = closest(name, &written)
        .filter(|written| !written.eq_ignore_ascii_case(name))
        .map(|written| format!("the header `{written}` is spelled `{name}`"));
    diag.error(
        code.spec.tokens(),
        Message::new(
            Rule::MissingRequiredHeader,
            format!(
                "{} requires {} {name} header{why}",
                code.describe(),
                article(name)
            ),
        )
        .spec(spec)
        .help_opt(misspelled)
        .help(format!("add {}", header_snippet(name, example))),
    );
}

/// `header("Name" = "value")` as the user would write it, quotes in the value escaped.
fn header_snippet(name: &str, example: &str) -> String {
    format!("header({name:?} = {example:?})")
}

/// "a" or "an", by how the header name is spelled out.
fn article(name: &str) -> &'static str {
    match name.bytes().next().map(|b| b.to_ascii_uppercase()) {
        Some(b'A' | b'E' | b'I' | b'O' | b'U') => "an",
        _ => "a",
    }
}

fn require_non_empty(
    header: &HeaderOpt,
    rule: &HeaderRule,
    info: &StatusInfo,
    diag: &mut Diagnostics,
) {
    if rule.empty_ok || !header.value.text.trim().is_empty() {
        return;
    }
    diag.error(
        &header.value.lit,
        Message::new(
            Rule::MissingRequiredHeader,
            format!(
                "{} {} requires a non-empty {} header",
                info.code, info.reason, rule.name
            ),
        )
        .spec(rule.spec)
        .help(format!(
            "give it a value, e.g. {}",
            header_snippet(rule.name, rule.example)
        )),
    );
}

/// `body_forbidden`: options that shape a body, on a code whose responses have none.
fn body_forbidden(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let Some(info) = code.info.filter(|info| info.content_forbidden) else {
        return;
    };
    let Some(own) = variant.own else { return };
    let status = format!("{} {}", info.code, info.reason);
    let mut forbid = |at: &dyn ToTokens, option: &str| {
        diag.error(
            at,
            Message::new(Rule::BodyForbidden, format!("{status} responses have no body, so `{option}` would never be sent"))
                .spec(info.spec)
                .help(format!("remove `{option}`, or use a status that has content (e.g. 200 OK) if there is something to say")),
        );
    };
    if let Some(opt) = &own.message {
        forbid(&opt.key, "message");
    }
    if let Some(opt) = &own.machine_code {
        forbid(&opt.key, "code");
    }
    if let Some(opt) = &own.format {
        forbid(&opt.key, "format");
    }
    if let Some(opt) = &own.problem_type {
        forbid(&opt.key, "type");
    }
    if let Some(opt) = &own.expose {
        forbid(opt, "expose");
    }
    for header in variant
        .headers()
        .into_iter()
        .filter(|h| describes_content(h.name()))
    {
        diag.error(
            &header.name,
            Message::new(
                Rule::BodyForbidden,
                format!(
                    "`{}` describes content, and {status} responses have none",
                    header.name()
                ),
            )
            .spec("RFC 9110 §6.4.1")
            .help(format!("remove header(\"{}\" = ...)", header.name())),
        );
    }
}

/// `invalid_header`: names that are not tokens, literal values that are not field values,
/// fields the HTTP library owns.
fn invalid_header(attr: Option<&StatusAttr>, diag: &mut Diagnostics) {
    for header in attr.map_or(&[][..], |a| &a.headers[..]) {
        invalid_header_name(header, diag);
        invalid_header_value(header, diag);
    }
}

fn invalid_header_name(header: &HeaderOpt, diag: &mut Diagnostics) {
    let name = header.name();
    if !is_token(name) {
        let repaired: String = name
            .trim()
            .chars()
            .map(|c| if c == ' ' || c == '_' { '-' } else { c })
            .collect();
        let suggestion = (is_token(&repaired) && repaired != name)
            .then(|| format!("did you mean \"{repaired}\"?"));
        let problem = if name.is_empty() {
            "a header name cannot be empty".to_owned()
        } else {
            format!("\"{name}\" is not a valid header name: names are tokens, without spaces or separators")
        };
        diag.error(
            &header.name,
            Message::new(Rule::InvalidHeader, problem)
                .spec("RFC 9110 §5.1")
                .help_opt(suggestion),
        );
        return;
    }
    if let Some(owned) = framework_owned(name) {
        let help = if owned.name == "Content-Type" {
            "remove it; choose the body with format = \"problem\", \"json\" or \"text\"".to_owned()
        } else {
            format!("remove header(\"{name}\" = ...)")
        };
        diag.error(
            &header.name,
            Message::new(
                Rule::InvalidHeader,
                format!("`{}` cannot be set here: {}", owned.name, owned.reason),
            )
            .help(help),
        );
    }
}

fn invalid_header_value(header: &HeaderOpt, diag: &mut Diagnostics) {
    let name = header.name();
    let lit = &header.value.lit;
    // Placeholders are checked when the value is formatted; the literal text around them now.
    let literal_text: String = match &header.value.parsed {
        Ok(template) => template
            .pieces
            .iter()
            .filter_map(|p| match p {
                crate::template::Piece::Text(text) => Some(text.as_str()),
                crate::template::Piece::Field(_) => None,
            })
            .collect(),
        Err(_) => return,
    };
    if let Some((index, byte)) = invalid_value_byte(&literal_text) {
        let what = match byte {
            b'\r' => "a carriage return (CR), which would end the header line".to_owned(),
            b'\n' => "a line feed (LF), which would end the header line".to_owned(),
            0 => "a NUL byte".to_owned(),
            0x80.. => {
                let c = literal_text[index..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                format!("`{c}`, which is not US-ASCII")
            }
            _ => format!("the control character 0x{byte:02X}"),
        };
        diag.error(
            lit,
            Message::new(
                Rule::InvalidHeader,
                format!("the value of `{name}` contains {what}"),
            )
            .spec("RFC 9110 §5.5")
            .help("header values are visible US-ASCII, spaces and tabs; percent-encode other text"),
        );
        return;
    }
    let value = &header.value.text;
    if header
        .value
        .parsed
        .as_ref()
        .is_ok_and(|t| t.literal().is_some())
        && has_outer_whitespace(value)
    {
        diag.error(
            lit,
            Message::new(
                Rule::InvalidHeader,
                format!("the value of `{name}` begins or ends with whitespace, which is not part of a field value"),
            )
            .spec("RFC 9110 §5.5")
            .help(format!("write \"{}\"", value.trim_matches([' ', '\t']))),
        );
    }
}

/// `unknown_field`: a placeholder that names no field of the variant.
fn unknown_field(variant: &Resolved, diag: &mut Diagnostics) {
    if variant.transparent().is_some() {
        return;
    }
    let mut templates: Vec<(&TemplateLit, String)> = Vec::new();
    if let Some(message) = variant.message() {
        templates.push((&message.value, "message".to_owned()));
    }
    for header in variant.headers() {
        templates.push((&header.value, format!("the `{}` header", header.name())));
    }
    for (template, place) in templates {
        let Ok(parsed) = &template.parsed else {
            continue;
        };
        check_placeholders(variant.variant, parsed, template, &place, diag);
    }
}

fn check_placeholders(
    variant: &Variant,
    template: &Template,
    lit: &TemplateLit,
    place: &str,
    diag: &mut Diagnostics,
) {
    for placeholder in template.placeholders() {
        if variant.field(&placeholder.member).is_some() {
            continue;
        }
        let written = &placeholder.written;
        let owner = if variant.is_enum_variant {
            "variant"
        } else {
            "struct"
        };
        let name = variant.name();
        let fields: Vec<String> = variant
            .fields
            .iter()
            .map(|f| format!("{{{}}}", f.name))
            .collect();
        let (problem, help) = if fields.is_empty() {
            (
                format!("{written} in {place} names a field, but {owner} `{name}` has no fields"),
                "remove the placeholder, or add the field to the variant".to_owned(),
            )
        } else {
            let suggestion = match &placeholder.member {
                MemberName::Named(n) => closest(
                    n,
                    &fields
                        .iter()
                        .map(|f| f.trim_matches(['{', '}']))
                        .collect::<Vec<_>>(),
                )
                .map(|s| format!("did you mean {{{s}}}?")),
                MemberName::Index(_) => None,
            };
            (
                format!("{written} in {place} names no field of {owner} `{name}`"),
                suggestion.unwrap_or_else(|| format!("its fields are {}", fields.join(", "))),
            )
        };
        diag.error(
            &lit.lit,
            Message::new(Rule::UnknownField, problem).help(help),
        );
    }
}

/// Reports a template that does not parse: `{}` names no field (unknown_field), anything
/// else is malformed (bad_attribute).
fn malformed_template(template: &TemplateLit, diag: &mut Diagnostics) {
    if let Err(error) = &template.parsed {
        let rule = if error.names_no_field {
            Rule::UnknownField
        } else {
            Rule::BadAttribute
        };
        diag.error(
            &template.lit,
            Message::new(rule, error.problem.clone()).help(error.help.clone()),
        );
    }
}

fn advised_header(rule: Rule, why: &str, variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let Some(info) = code.info else { return };
    if variant.allows(rule.name()) {
        return;
    }
    let advised = info.should_headers.iter().chain(info.may_headers);
    for header in advised.filter(|h| h.lint == Some(rule.name())) {
        if variant.has_header(header.name) {
            continue;
        }
        let level = match header.level {
            status_core::Level::May => "MAY",
            _ => "SHOULD",
        };
        let condition = header
            .condition
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        diag.warning(
            code.spec.span(),
            Message::new(
                rule,
                format!(
                    "{} has no {} header{why} ({}: the response {level} carry one{condition})",
                    code.describe(),
                    header.name,
                    header.spec
                ),
            )
            .help(format!(
                "add {}",
                header_snippet(header.name, header.example)
            )),
        );
    }
}

/// `missing_retry_after` (warning): 429 and 503 without `Retry-After`.
fn missing_retry_after(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    advised_header(
        Rule::MissingRetryAfter,
        ", so clients cannot tell when to retry",
        variant,
        code,
        diag,
    );
}

/// `missing_location` (warning): 300 without `Location`.
fn missing_location(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    advised_header(
        Rule::MissingLocation,
        ", so clients cannot tell which choice is preferred",
        variant,
        code,
        diag,
    );
}

/// `missing_content_range` (warning): 416 without `Content-Range`.
fn missing_content_range(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    advised_header(
        Rule::MissingContentRange,
        ", so clients cannot tell the length of the representation",
        variant,
        code,
        diag,
    );
}

/// `obsolete_code` (warning): 510 (obsoleted) and 402 (reserved for future use).
fn obsolete_code(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let Some(info) = code.info else { return };
    if variant.allows(Rule::ObsoleteCode.name()) {
        return;
    }
    let problem = if info.registry == Registry::Obsoleted {
        "is obsoleted: its specification is Historic"
    } else if info.reserved_for_future_use {
        "is reserved for future use and has no defined meaning yet"
    } else {
        return;
    };
    diag.warning(
        code.spec.span(),
        Message::new(
            Rule::ObsoleteCode,
            format!("{} {} {problem}", info.code, info.reason),
        )
        .spec(info.spec)
        .help("use a current code, e.g. 403 Forbidden or 400 Bad Request"),
    );
}

/// `bad_attribute` checks on the type's own attributes.
fn bad_attribute_on_type(input: &Input, diag: &mut Diagnostics) {
    if let Shape::Union(span) = input.shape {
        diag.error_at(
            span,
            Message::new(
                Rule::BadAttribute,
                "HttpStatus cannot be derived for a union",
            )
            .help("derive it for an enum (one status per variant) or a struct"),
        );
        return;
    }
    check_attr_list(&input.attrs, diag);
    let Some(attr) = input.attrs.first() else {
        return;
    };
    check_options(attr, diag);
    if !input.is_struct() {
        if let Some(transparent) = &attr.transparent {
            diag.error(
                transparent,
                Message::new(Rule::BadAttribute, "`transparent` applies to a variant or a struct with one field, not to a whole enum")
                    .help("put #[status(transparent)] on the variants that wrap another HttpStatus type"),
            );
        }
        invalid_header(Some(attr), diag);
        // The enum's code and `expose` are checked where a variant inherits them; a lone
        // `expose` on a non-5xx default is reported here once.
        if let (Some(expose), Some(code)) = (
            &attr.expose,
            attr.code.as_ref().and_then(crate::resolve::code),
        ) {
            if code.class().is_some() && code.class() != Some(Class::ServerError) {
                expose_not_5xx(expose, code, diag);
            }
        }
    }
}

/// `bad_attribute` checks on one variant (or the struct).
fn bad_attribute(input: &Input, variant: &Resolved, diag: &mut Diagnostics) {
    let is_struct = input.is_struct();
    if !is_struct {
        check_attr_list(&variant.variant.attrs, diag);
        if let Some(own) = variant.own {
            check_options(own, diag);
            if let Some(krate) = &own.krate {
                diag.error(
                    &krate.key,
                    Message::new(Rule::BadAttribute, "`crate` is set once, on the type")
                        .help("move crate = \"...\" to the enum's #[status(...)]"),
                );
            }
        }
    }
    if let Some(transparent) = variant.transparent() {
        check_transparent(variant, transparent, diag);
        return;
    }
    if variant.code_spec().is_none() && !attribute_unreadable(input, variant) {
        let help = if is_struct {
            "add a code: #[status(404)]".to_owned()
        } else {
            format!(
                "add #[status(CODE)] to `{}`, or a default code on the enum, e.g. #[status(500)]",
                variant.variant.name()
            )
        };
        let what = if is_struct { "struct" } else { "variant" };
        let at: &dyn ToTokens = match variant.own {
            Some(own) => own.original,
            None => variant.variant.ident,
        };
        diag.error(
            at,
            Message::new(
                Rule::BadAttribute,
                format!("{what} `{}` has no status code", variant.variant.name()),
            )
            .help(help),
        );
    }
    if let (Some(own), Some(code)) = (variant.own, variant.code) {
        if let Some(expose) = &own.expose {
            if code.class().is_some_and(|c| c != Class::ServerError) {
                expose_not_5xx(expose, code, diag);
            }
        }
    }
    format_option(variant, diag);
}

/// Whether the variant's (or struct's) `#[status]` failed to parse or put its code in the
/// wrong place, so that "has no status code" would only repeat that error.
fn attribute_unreadable(input: &Input, variant: &Resolved) -> bool {
    let attrs = if input.is_struct() {
        &input.attrs
    } else {
        &variant.variant.attrs
    };
    !attrs.syntax_errors.is_empty() || attrs.status.iter().any(|a| a.late_code.is_some())
}

fn expose_not_5xx(expose: &syn::Ident, code: Code, diag: &mut Diagnostics) {
    diag.error(
        expose,
        Message::new(
            Rule::BadAttribute,
            format!("`expose` only applies to server errors (5xx), and {} is not one", code.describe()),
        )
        .help("remove `expose`: the message of a 4xx is always sent; 5xx messages are hidden unless exposed"),
    );
}

fn format_option(variant: &Resolved, diag: &mut Diagnostics) {
    let Some(opt) = variant.format_opt() else {
        return;
    };
    let name = opt.value.value();
    if Format::parse(name).is_none() {
        let suggestion = closest(name, &Format::NAMES);
        diag.error(
            &opt.value,
            Message::new(Rule::BadAttribute, format!("unknown format \"{name}\""))
                .help_opt(suggestion.map(|s| format!("did you mean \"{s}\"?")))
                .help("the formats are \"problem\" (RFC 9457, the default), \"json\" and \"text\""),
        );
        return;
    }
    let format = variant.format();
    // An option inherited from the enum does not clash with a format the variant chose for
    // itself: the variant opted out of that body shape.
    let own = |has: fn(&StatusAttr) -> bool| variant.own.is_some_and(has);
    let inherited_only = |has: fn(&StatusAttr) -> bool| !own(has) && own(|a| a.format.is_some());
    let type_clashes = !inherited_only(|a| a.problem_type.is_some());
    let code_clashes = !inherited_only(|a| a.machine_code.is_some());
    if let (Some(type_opt), true, true) = (
        variant.problem_type(),
        format != Format::Problem,
        type_clashes,
    ) {
        diag.error(
            &type_opt.key,
            Message::new(
                Rule::BadAttribute,
                format!("`type` is a member of problem details, but the format is \"{name}\""),
            )
            .spec("RFC 9457 §3.1.1")
            .help("remove `type`, or use format = \"problem\""),
        );
    }
    if let (Some(code_opt), Format::Text, true) = (variant.machine_code(), format, code_clashes) {
        diag.error(
            &code_opt.key,
            Message::new(
                Rule::BadAttribute,
                "a text body carries only the message, so `code` would never be sent",
            )
            .help("remove `code`, or use format = \"json\" or \"problem\""),
        );
    }
}

fn check_transparent(variant: &Resolved, transparent: &syn::Ident, diag: &mut Diagnostics) {
    if let Some(own) = variant.own {
        if let Some(code) = &own.code {
            diag.error(
                code.tokens(),
                Message::new(Rule::BadAttribute, "`transparent` takes the status from the wrapped value, so a code has no effect")
                    .help("remove the code, or remove `transparent`"),
            );
        }
        for key in own.option_keys() {
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
    let count = variant.variant.fields.len();
    if count != 1 {
        let what = if variant.variant.is_enum_variant {
            "variant"
        } else {
            "struct"
        };
        diag.error(
            transparent,
            Message::new(
                Rule::BadAttribute,
                format!(
                    "`transparent` needs exactly one field to take the response from, but {what} `{}` has {count}",
                    variant.variant.name()
                ),
            )
            .help("wrap one value: `Storage(StorageError)`, where StorageError implements HttpStatus"),
        );
    }
}

fn check_attr_list(attrs: &crate::ast::Attrs, diag: &mut Diagnostics) {
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
}

fn check_options(attr: &StatusAttr, diag: &mut Diagnostics) {
    if let Some(span) = attr.late_code {
        diag.error_at(
            span,
            Message::new(Rule::BadAttribute, "the status code comes first")
                .help("write #[status(CODE, option, ...)], e.g. #[status(404, message = \"...\")]"),
        );
    }
    for unknown in &attr.unknown {
        let name = unknown.to_string();
        let suggestion = closest(&name, OPTIONS).map(|s| format!("did you mean `{s}`?"));
        diag.error(
            unknown,
            Message::new(Rule::BadAttribute, format!("unknown option `{name}`"))
                .help_opt(suggestion)
                .help(format!("the options are {}", OPTIONS.join(", "))),
        );
    }
    for (_, repeated) in &attr.duplicates {
        diag.error(
            repeated,
            Message::new(Rule::BadAttribute, format!("`{repeated}` is set twice"))
                .help(format!("keep one `{repeated}`")),
        );
    }
    for rule in &attr.allow {
        allow_option(rule, diag);
    }
    if let Some(message) = &attr.message {
        malformed_template(&message.value, diag);
    }
    for header in &attr.headers {
        malformed_template(&header.value, diag);
    }
    literal_options(attr, diag);
}

fn allow_option(rule: &syn::Ident, diag: &mut Diagnostics) {
    let name = rule.to_string();
    match Rule::from_name(&name) {
        Some(rule_found) if rule_found.is_warning() => {}
        Some(_) => diag.error(
            rule,
            Message::new(
                Rule::BadAttribute,
                format!("`{name}` is an error, and errors cannot be allowed"),
            )
            .help(format!("only warnings can be allowed: {}", warning_names())),
        ),
        None => {
            let warnings: Vec<&str> = Rule::ALL
                .iter()
                .filter(|r| r.is_warning())
                .map(|r| r.name())
                .collect();
            let suggestion = closest(&name, &warnings);
            diag.error(
                rule,
                Message::new(Rule::BadAttribute, format!("unknown rule `{name}`"))
                    .help_opt(suggestion.map(|s| format!("did you mean `{s}`?")))
                    .help(format!(
                        "the warnings that can be allowed are {}",
                        warning_names()
                    )),
            );
        }
    }
}

fn warning_names() -> String {
    Rule::ALL
        .iter()
        .filter(|r| r.is_warning())
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn literal_options(attr: &StatusAttr, diag: &mut Diagnostics) {
    if let Some(code) = &attr.machine_code {
        if code.value.value().is_empty() {
            diag.error(
                &code.value,
                Message::new(Rule::BadAttribute, "`code` is empty")
                    .help("give a machine-readable code, e.g. code = \"USER_NOT_FOUND\""),
            );
        }
    }
    if let Some(reason) = &attr.reason {
        let text = reason.value.value();
        if text.trim().is_empty() || invalid_value_byte(text).is_some() {
            diag.error(
                &reason.value,
                Message::new(
                    Rule::BadAttribute,
                    "a reason phrase is non-empty visible US-ASCII text",
                )
                .spec("RFC 9112 §4")
                .help("e.g. reason = \"Client Closed Request\""),
            );
        }
    }
    if let Some(uri) = &attr.problem_type {
        let text = uri.value.value();
        if text.is_empty() || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            diag.error(
                &uri.value,
                Message::new(
                    Rule::BadAttribute,
                    "`type` is a URI reference: non-empty, without spaces",
                )
                .spec("RFC 9457 §3.1.1")
                .help("e.g. type = \"https://example.com/probs/out-of-credit\""),
            );
        }
    }
    if let Some(krate) = &attr.krate {
        if krate.value.lit.parse::<syn::Path>().is_err() {
            diag.error(
                &krate.value,
                Message::new(Rule::BadAttribute, "`crate` is a path")
                    .help("e.g. crate = \"my_app::reexports::http_status\""),
            );
        }
    }
}
