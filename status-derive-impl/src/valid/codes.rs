//! Rules about the status code itself, checked where it is written: `unknown_code`,
//! `informational`, `reserved_code`, `success_in_error`, `obsolete_code`; a variant with no
//! code (`bad_attribute`); and `inconsistent_code` across the type.

use super::{Report, Site};
use crate::attr::options::{self, Key, Places};
use crate::attr::CodeSpec;
use crate::diag::closest;
use crate::resolve::{self, Code, Resolved};
use crate::rules::{Message, Rule};
use http_status_core::{Class, Registry, StatusInfo};

/// The code written in this attribute, if it stands for a response: not on a field, not beside
/// `transparent` or a `delegate` field (those are `bad_attribute`).
fn written<'i>(site: &Site<'_, 'i, '_>) -> Option<&'i CodeSpec> {
    let spec = site.attr.code.as_ref()?;
    let delegated = site.attr.has(Key::Transparent)
        || (site.place == Places::VARIANT && site.reaches.iter().any(|v| v.delegates()));
    (site.place != Places::FIELD && !delegated).then_some(spec)
}

/// The code written in this attribute, if it is one a response can have.
fn final_code<'i>(site: &Site<'_, 'i, '_>) -> Option<Code<'i>> {
    let code = resolve::code(written(site)?)?;
    code.is_final(site.has_reason()).then_some(code)
}

/// `unknown_code`: a number outside 100–599, an unregistered number without `reason`, or a
/// name the registry does not know.
pub fn unknown_code(site: &Site, report: &mut Report) {
    let Some(spec) = written(site) else { return };
    let known = resolve::code(spec)
        .is_some_and(|code| code.class().is_some() && (code.info.is_some() || site.has_reason()));
    if !known {
        report_unknown(spec, report);
    }
}

/// `bad_attribute`: a variant with no status code and no enum default.
pub fn no_code(variant: &Resolved, report: &mut Report) {
    if variant.delegates() || variant.code_spec().is_some() {
        return;
    }
    let (attrs, is_struct) = (variant.written, !variant.variant.is_enum_variant);
    let unreadable =
        !attrs.syntax_errors.is_empty() || attrs.status.iter().any(|a| !a.late_codes.is_empty());
    if unreadable {
        return;
    }
    let name = variant.variant.name();
    let help = if is_struct {
        "add a code: #[status(404)]".to_owned()
    } else {
        format!(
            "add #[status(CODE)] to `{name}`, or a default code on the enum, e.g. #[status(500)]"
        )
    };
    let at: &dyn quote::ToTokens = match variant.own {
        Some(own) => own.original,
        None => variant.variant.ident,
    };
    report.error(
        at,
        Message::new(
            Rule::BadAttribute,
            format!("{} `{name}` has no status code", variant.variant.what()),
        )
        .help(help),
    );
}

fn report_unknown(spec: &CodeSpec, report: &mut Report) {
    let message = match spec {
        CodeSpec::Number { digits, .. } => {
            let suggestion = closest_code(digits)
                .map(|info| format!("did you mean {} {}?", info.code, info.reason));
            let value = digits.parse::<u16>().unwrap_or(0);
            match Class::of(value) {
                Some(class) => {
                    let fallback = match http_status_core::lookup(class.fallback()) {
                        Some(info) => info.reason,
                        None => "",
                    };
                    Message::new(
                        Rule::UnknownCode,
                        format!(
                            "{value} is not in the IANA status code registry; clients treat it as {} {fallback}",
                            class.fallback()
                        ),
                    )
                    .spec("RFC 9110 §15")
                    .help_opt(suggestion)
                    .help(format!(
                        "to send an unregistered code on purpose, give it a reason phrase: #[status({value}, reason = \"...\")]"
                    ))
                }
                None => Message::new(
                    Rule::UnknownCode,
                    format!("{digits} is not a status code: codes are three digits from 100 to 599"),
                )
                .spec("RFC 9110 §15")
                .help(suggestion.unwrap_or_else(|| {
                    "use a registered code (listed by http_status::codes::iter()), e.g. 400 Bad Request or 500 Internal Server Error".to_owned()
                })),
            }
        }
        CodeSpec::Name(path) => {
            let name = match path.segments.last() {
                Some(segment) => segment.ident.to_string(),
                None => String::new(),
            };
            let mut names = Vec::new();
            for info in http_status_core::iter() {
                names.push(info.name);
                names.extend_from_slice(info.aliases);
            }
            let suggestion = match closest(&name, &names) {
                Some(n) => http_status_core::lookup_name(n)
                    .map(|info| format!("did you mean {n} ({})?", info.code)),
                None => None,
            };
            let option = match suggestion {
                None => closest(&name, &options::names_at(Places::VARIANT)),
                Some(_) => None,
            };
            let help = match (suggestion, option) {
                (Some(suggestion), _) => suggestion,
                (None, Some(option)) => format!("did you mean the option `{option}`?"),
                (None, None) => {
                    "write the number, e.g. #[status(404)], or a name such as NOT_FOUND".to_owned()
                }
            };
            Message::new(
                Rule::UnknownCode,
                format!("unknown status code name `{name}`"),
            )
            .help(help)
        }
    };
    report.error(spec.tokens(), message);
}

/// The registered code whose digits are one edit away from `digits`, if exactly one is
/// (for 4044 → 404; 499 is as close to 409 as to 429, so nothing is suggested).
fn closest_code(digits: &str) -> Option<&'static StatusInfo> {
    let mut near = None;
    for info in http_status_core::iter() {
        if !info.final_response || info.registry != Registry::Assigned {
            continue;
        }
        if strsim::damerau_levenshtein(digits, &info.code.to_string()) > 1 {
            continue;
        }
        if near.is_some() {
            return None;
        }
        near = Some(info);
    }
    near
}

/// `informational`: a 1xx is interim and can never be the response a value stands for.
pub fn informational(site: &Site, report: &mut Report) {
    let Some(code) = written(site).and_then(resolve::code) else {
        return;
    };
    let interim = match code.info {
        Some(info) => !info.final_response && info.class == Class::Informational,
        None => code.class() == Some(Class::Informational),
    };
    if !interim {
        return;
    }
    report.error(
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
}

/// `reserved_code`: 306 and 418 are reserved ("(Unused)"), 305 is deprecated, and 206 needs
/// range content the derive cannot produce.
pub fn reserved_code(site: &Site, report: &mut Report) {
    let Some(code) = final_code(site) else { return };
    let Some(info) = code.info else { return };
    let (problem, help) = match (info.registry, info.code) {
        (Registry::Reserved, _) => (
            "is reserved by IANA: it is unused and cannot be sent",
            "use 400 Bad Request, or the 4xx code that describes the problem",
        ),
        (Registry::Deprecated, _) => (
            "is deprecated, for security reasons (RFC 7231 Appendix B): clients do not follow it",
            "for a redirect, use 307 Temporary Redirect or 308 Permanent Redirect",
        ),
        (_, 206) => (
            "answers a Range request with part of a representation, and the derive cannot produce range content (Content-Range, multipart/byteranges)",
            "serve ranges with a file or range service (tower-http's ServeFile, actix-files); for errors use 416 Range Not Satisfiable",
        ),
        _ => return,
    };
    let help = match info.class {
        Class::Redirection if info.registry == Registry::Reserved => {
            "for a redirect, use 307 Temporary Redirect or 308 Permanent Redirect"
        }
        _ => help,
    };
    report.error(
        code.spec.tokens(),
        Message::new(
            Rule::ReservedCode,
            format!("{} {} {problem}", info.code, info.reason),
        )
        .spec(info.spec)
        .help(help),
    );
}

/// `success_in_error`: a 2xx or 304 on a type that thiserror makes an error type. (A type that
/// implements `Error` by hand, and an error type reaching a success through `transparent` or
/// `delegate`, are caught by checks the expansion emits.)
pub fn success_in_error(site: &Site, report: &mut Report) {
    let Some(code) = final_code(site) else { return };
    let input = site.input;
    if !code.is_success_status() || !input.has_error_attributes() {
        return;
    }
    report.error(
        code.spec.tokens(),
        Message::new(
            Rule::SuccessInError,
            format!(
                "{} is not an error status, but `{}` is an error type (it has #[error] attributes): clients would take the failure for a success",
                code.describe(),
                input.original.ident
            ),
        )
        .spec("RFC 9110 §15.3")
        .help("use the 4xx or 5xx code that describes the failure, e.g. 400 Bad Request, 409 Conflict or 500 Internal Server Error"),
    );
}

fn is_obsolete(code: Code) -> bool {
    code.info
        .is_some_and(|info| info.registry == Registry::Obsoleted || info.reserved_for_future_use)
}

pub fn obsolete_applies(_: &Resolved, code: Option<Code>) -> bool {
    code.is_some_and(is_obsolete)
}

/// `obsolete_code` (warning): 510 (obsoleted) and 402 (reserved for future use).
pub fn obsolete_code(site: &Site, report: &mut Report) {
    let Some(code) = final_code(site).filter(|c| is_obsolete(*c)) else {
        return;
    };
    let Some(info) = code.info else { return };
    let (problem, help) = if info.registry == Registry::Obsoleted {
        (
            "is obsoleted: RFC 2774, which defines it, is Historic",
            "use the 5xx that describes the failure, e.g. 500 Internal Server Error or 501 Not Implemented",
        )
    } else {
        (
            "is reserved for future use and has no defined meaning yet",
            "use 403 Forbidden or 400 Bad Request, with a `code` that says payment is required",
        )
    };
    report.warning(
        code.spec.span(),
        Message::new(
            Rule::ObsoleteCode,
            format!("{} {} {problem}", info.code, info.reason),
        )
        .spec(info.spec)
        .help(help),
    );
}

/// `inconsistent_code`: one literal `code` used with two statuses in one type.
pub fn inconsistent_code(_: &crate::ast::Input, resolved: &[Resolved], report: &mut Report) {
    // Each literal code with the statuses it is used with (and where first), in order.
    let mut seen: std::collections::HashMap<String, Vec<(Code, proc_macro2::Span)>> =
        std::collections::HashMap::new();
    // Only codes that are sent: a format without a code, or a status without content, sends
    // none.
    for variant in resolved {
        if variant.delegates() || variant.content_forbidden() || !variant.format().sends(Key::Code)
        {
            continue;
        }
        let (Some(machine_code), Some(code)) = (variant.machine_code(), variant.code) else {
            continue;
        };
        let Some(text) = machine_code.literal() else {
            continue;
        };
        let at = || {
            if variant.is_own(Key::Code) {
                machine_code.span()
            } else {
                variant.status_span()
            }
        };
        let uses = seen.entry(text).or_default();
        let mut other = None;
        for (used, used_at) in uses.iter() {
            if used.value != code.value {
                other = Some((used, used_at));
                break;
            }
        }
        if let Some((first, first_at)) = other {
            report.error_at(
                at(),
                Message::new(
                    Rule::InconsistentCode,
                    format!(
                        "the code \"{}\" is used with {} here and with {} elsewhere in this type: one code should mean one thing",
                        machine_code.literal().unwrap_or_default(),
                        code.describe(),
                        first.describe()
                    ),
                )
                .help("give each status its own code, or use the same status for both"),
            );
            report.note_at(
                *first_at,
                format!(
                    "\"{}\" is first used with {} here",
                    machine_code.literal().unwrap_or_default(),
                    first.describe()
                ),
            );
        } else if uses.is_empty() {
            uses.push((code, at()));
        }
    }
}

/// `bad_attribute`: with `type_base`, a variant whose `type` the base gives has a templated
/// code, which gives no slug (one `type` URI per code).
pub fn templated_code_with_type_base(variant: &Resolved, report: &mut Report) {
    let uses_base = !variant.delegates()
        && variant.type_option(Key::TypeBase).is_some()
        && variant.problem_type().is_none()
        && !variant.is_success_like()
        && variant.format().sends(Key::Type);
    if !uses_base {
        return;
    }
    let Some(crate::resolve::MachineCode::Written(template)) = variant.machine_code() else {
        return;
    };
    if template.literal().is_some() {
        return;
    }
    report.error(
        &template.lit,
        Message::new(
            Rule::BadAttribute,
            format!(
                "{} `{}` takes its `type` from `type_base` and the slug of its code, but its code is a template: one `type` URI names one kind of problem",
                variant.variant.what(),
                variant.variant.name()
            ),
        )
        .spec("RFC 9457 §3.1.1")
        .help("give the variant its own type = \"…\", or a literal code"),
    );
}

/// `bad_attribute`: with `type_base`, two variants whose slugs are equal but whose codes
/// differ would share one `type` URI.
pub fn slug_collision(_: &crate::ast::Input, resolved: &[Resolved], report: &mut Report) {
    let mut seen: Vec<(String, Option<String>, &Resolved)> = Vec::new();
    for variant in resolved {
        // The type first: without `type_base` there is no slug to compute.
        let Some(uri) = variant.based_type() else {
            continue;
        };
        let Some(slug) = variant.slug() else {
            continue;
        };
        let code = variant.literal_code();
        let mut first = None;
        for (s, other_code, other) in &seen {
            if *s == slug {
                first = Some((other_code, other));
                break;
            }
        }
        match first {
            Some((other_code, other)) if *other_code != code => {
                report.error_at(
                    variant.status_span(),
                    Message::new(
                        Rule::BadAttribute,
                        format!(
                            "`{}` and `{}` both have the slug `{slug}`, so both would have the type {uri}, for different codes",
                            other.variant.name(),
                            variant.variant.name()
                        ),
                    )
                    .spec("RFC 9457 §3.1.1")
                    .help("rename one of the codes, or give one variant its own type = \"…\""),
                );
            }
            Some(_) => {}
            None => seen.push((slug, code, variant)),
        }
    }
}

/// Whether `code` is what AIP-193 allows as `ErrorInfo.reason`: `[A-Z][A-Z0-9_]+[A-Z0-9]`, at
/// most 63 characters.
fn aip193_reason(code: &str) -> bool {
    let bytes = code.as_bytes();
    let upper_digit = |b: &u8| b.is_ascii_uppercase() || b.is_ascii_digit();
    (3..=63).contains(&bytes.len())
        && bytes[0].is_ascii_uppercase()
        && bytes[1..bytes.len() - 1]
            .iter()
            .all(|b| upper_digit(b) || *b == b'_')
        && upper_digit(&bytes[bytes.len() - 1])
}

/// `grpc_reason_format`: with `domain` set, a literal code (or the codes `codes = "…"` makes)
/// that AIP-193 does not allow as an `ErrorInfo.reason`, which gRPC clients of the API read.
/// Checked where the code is written.
pub fn grpc_reason_format(site: &Site, report: &mut Report) {
    let has_domain =
        site.attr.has(Key::Domain) || matches!(site.enclosing, Some(a) if a.has(Key::Domain));
    if !has_domain {
        return;
    }
    if let Some((_, template)) = site.attr.template(Key::Code) {
        if let Some(text) = template.literal().filter(|t| !aip193_reason(t)) {
            use heck::ToShoutySnakeCase;
            let suggestion = text.to_shouty_snake_case();
            report.error(
                &template.lit,
                reason_message(&text).help_opt(
                    aip193_reason(&suggestion).then(|| format!("e.g. code = \"{suggestion}\"")),
                ),
            );
        }
    }
    if let Some(case) = site.attr.str(Key::Codes) {
        let mut bad = None;
        for variant in &site.reaches {
            if variant.is_own(Key::Code) {
                continue;
            }
            match variant.literal_code() {
                Some(code) if !aip193_reason(&code) => {
                    bad = Some(code);
                    break;
                }
                _ => {}
            }
        }
        if let Some(code) = bad {
            report.error(
                &case.lit,
                reason_message(&code).help("use codes = \"SCREAMING_SNAKE_CASE\""),
            );
        }
    }
}

fn reason_message(code: &str) -> Message {
    Message::new(
        Rule::GrpcReasonFormat,
        format!("\"{code}\" is not an AIP-193 reason: with a `domain`, the code is the reason of gRPC's ErrorInfo, UPPER_SNAKE_CASE, a letter first, at most 63 characters"),
    )
    .spec("AIP-193")
}
