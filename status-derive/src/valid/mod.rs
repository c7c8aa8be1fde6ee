//! Every rule, one function each, grouped by what it looks at: attributes as written
//! (`attrs`), the status code (`codes`), headers (`headers`), bodies and members (`bodies`),
//! templates (`templates`). The facts come from the `status-core` registry; these files only
//! decide what to say about them.
//!
//! Attributes are checked once, where they are written. Rules that depend on a variant's
//! resolved status run per variant; a variant that inherits everything from the enum is
//! checked once for all such variants, so an enum default is reported once.

mod attrs;
mod bodies;
mod codes;
mod headers;
mod templates;

pub use bodies::standard_members;
pub use codes::is_success_status;

use crate::ast::{Input, Shape};
use crate::diag::Diagnostics;
use crate::resolve::{Code, Resolved};
use crate::rules::{Message, Rule};
use http_status_core::header::first_non_ascii;

type Applies = fn(&Resolved, Code) -> bool;
type Check = fn(&Resolved, Code, &mut Diagnostics);

/// The warnings that depend on the status: when each can fire, and the check.
fn warnings() -> [(Rule, Applies, Check); 10] {
    [
        (
            Rule::MissingRetryAfter,
            |_, code| headers::advises(code, Rule::MissingRetryAfter),
            |v, code, diag| {
                headers::advised_header(
                    Rule::MissingRetryAfter,
                    ", so clients cannot tell when to retry",
                    v,
                    code,
                    diag,
                );
            },
        ),
        (
            Rule::MissingLocation,
            |_, code| headers::advises(code, Rule::MissingLocation),
            |v, code, diag| {
                let why = if code.value == 201 {
                    ", so clients cannot tell where the new resource is"
                } else {
                    ", so clients cannot tell which choice is preferred"
                };
                headers::advised_header(Rule::MissingLocation, why, v, code, diag);
            },
        ),
        (
            Rule::MissingContentRange,
            |_, code| headers::advises(code, Rule::MissingContentRange),
            |v, code, diag| {
                headers::advised_header(
                    Rule::MissingContentRange,
                    ", so clients cannot tell the length of the representation",
                    v,
                    code,
                    diag,
                );
            },
        ),
        (
            Rule::MissingBlockedBy,
            |_, code| headers::advises(code, Rule::MissingBlockedBy),
            headers::missing_blocked_by,
        ),
        (
            Rule::ObsoleteCode,
            codes::obsolete_applies,
            codes::obsolete_code,
        ),
        (
            Rule::StorableError,
            headers::storable_applies,
            headers::storable_error,
        ),
        (
            Rule::ChallengeOn511,
            headers::challenge_applies,
            headers::challenge_on_511,
        ),
        (
            Rule::HeaderLeak,
            headers::header_leak_applies,
            headers::header_leak,
        ),
        (
            Rule::MissingErrorBody,
            bodies::missing_error_body_applies,
            bodies::missing_error_body,
        ),
        (
            Rule::CustomTitle,
            bodies::custom_title_applies,
            bodies::custom_title,
        ),
    ]
}

pub fn check(input: &Input, resolved: &[Resolved], diag: &mut Diagnostics) {
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
    attrs::type_attrs(input, diag);
    for variant in input.variants() {
        if variant.is_enum_variant {
            attrs::variant_attrs(input, variant, diag);
        }
        for field in &variant.fields {
            attrs::field_attrs(field, diag);
        }
    }
    let warnings = warnings();
    // The warnings that can fire on each variant, for `unused_allow`.
    let mut applicable: Vec<Vec<Rule>> = Vec::with_capacity(resolved.len());
    let mut bare_checked = false;
    for variant in resolved {
        let mut can_fire = Vec::new();
        templates::unknown_field(variant, diag);
        bodies::delegation(variant, diag);
        bodies::members(variant, diag);
        if variant.delegates() {
            applicable.push(can_fire);
            continue;
        }
        let Some(code) = codes::status(input, variant, diag) else {
            applicable.push(can_fire);
            continue;
        };
        let report = !(variant.is_bare() && bare_checked);
        bare_checked |= variant.is_bare();
        for (rule, applies, check) in &warnings {
            if !applies(variant, code) {
                continue;
            }
            can_fire.push(*rule);
            if report && !variant.allows(rule.name()) {
                check(variant, code, diag);
            }
        }
        if has_non_ascii_header(variant) {
            can_fire.push(Rule::NonAsciiHeaderValue);
        }
        applicable.push(can_fire);
        if !report {
            continue;
        }
        codes::reserved_code(code, diag);
        codes::success_in_error(input, code, diag);
        headers::status_headers(variant, code, diag);
        bodies::body_forbidden(variant, code, diag);
        bodies::problem_on_success(variant, code, diag);
        bodies::format_options(variant, code, diag);
        bodies::expose_not_5xx(variant, code, diag);
    }
    codes::inconsistent_code(resolved, diag);
    unused_allow(input, resolved, &applicable, diag);
}

fn has_non_ascii_header(variant: &Resolved) -> bool {
    variant.headers().iter().any(|h| {
        h.value.parsed.as_ref().is_ok_and(|t| {
            t.pieces.iter().any(|p| match p {
                crate::template::Piece::Text(text) => first_non_ascii(text).is_some(),
                crate::template::Piece::Field(_) => false,
            })
        })
    })
}

/// `unused_allow` (warning): an `allow(rule)` for a warning that cannot fire where it is
/// written, which would hide nothing (and hide a future mistake if the status changes).
fn unused_allow(
    input: &Input,
    resolved: &[Resolved],
    applicable: &[Vec<Rule>],
    diag: &mut Diagnostics,
) {
    let enum_allows_it = input
        .attrs
        .first()
        .is_some_and(|a| a.allows().any(|r| r == Rule::UnusedAllow.name()));
    let report = |rule_ident: &syn::Ident, rule: Rule, place: String, diag: &mut Diagnostics| {
        diag.warning(
            rule_ident.span(),
            Message::new(
                Rule::UnusedAllow,
                format!(
                    "`allow({})` silences nothing: {} cannot fire on {place}",
                    rule.name(),
                    rule.name()
                ),
            )
            .help(format!("remove `{}` from allow(...)", rule.name())),
        );
    };
    for (variant, can_fire) in resolved.iter().zip(applicable) {
        let Some(own) = variant.own.filter(|_| !variant.delegates()) else {
            continue;
        };
        if input.is_struct() {
            // The struct's attribute is the type's: checked below.
            break;
        }
        let own_allows_it = own.allows().any(|r| r == Rule::UnusedAllow.name());
        for ident in own.allows() {
            let Some(rule) = Rule::from_name(&ident.to_string()).filter(|r| r.is_warning()) else {
                continue;
            };
            if rule == Rule::UnusedAllow
                || can_fire.contains(&rule)
                || own_allows_it
                || enum_allows_it
            {
                continue;
            }
            let place = variant
                .code
                .map_or_else(|| format!("`{}`", variant.variant.name()), |c| c.describe());
            report(ident, rule, place, diag);
        }
    }
    let Some(type_attr) = input.attrs.first() else {
        return;
    };
    for ident in type_attr.allows() {
        let Some(rule) = Rule::from_name(&ident.to_string()).filter(|r| r.is_warning()) else {
            continue;
        };
        if rule == Rule::UnusedAllow
            || enum_allows_it
            || applicable.iter().any(|rules| rules.contains(&rule))
        {
            continue;
        }
        let place = if input.is_struct() {
            resolved
                .first()
                .and_then(|v| v.code)
                .map_or_else(|| format!("`{}`", input.name()), |c| c.describe())
        } else {
            format!("any variant of `{}`", input.name())
        };
        report(ident, rule, place, diag);
    }
}
