//! Body rules: `body_forbidden`, `problem_on_success`, members and formats (`bad_attribute`),
//! delegation, and the warnings `missing_error_body`, `custom_title` and `member_name`.

use super::{OptionAt, Report, Site};
use crate::attr::options::{Key, Places};
use crate::attr::{FormatSpec, ItemValue};
use crate::resolve::{Code, Resolved};
use crate::rules::{Message, Rule};
use http_status_core::header::field_named;
use http_status_core::BodyFormat;

/// The status of a variant whose responses have no content (204, 205, 304), if it is one.
fn no_content(code: Code) -> Option<&'static http_status_core::StatusInfo> {
    code.info.filter(|info| info.content_forbidden)
}

/// `body_forbidden`: an option that shapes the body, or a header that describes content, on
/// a status whose responses have none. Options are judged on the variant that writes them (an
/// enum's `message` is for its other variants); a content header also where it is inherited.
pub fn body_forbidden(at: &OptionAt, report: &mut Report) {
    let Some(info) = no_content(at.code) else {
        return;
    };
    let status = at.on();
    match &at.item.value {
        ItemValue::Header(header) => {
            let Some(field) = field_named(header.name()) else {
                return;
            };
            if !field.describes_content {
                return;
            }
            // A 304 repeats some of them from the 200 it stands for (RFC 9110 §15.4.5); a field
            // the library owns is reported where it is written.
            let mut repeated = false;
            for required in info.must_headers {
                repeated |= required.name.eq_ignore_ascii_case(field.name);
            }
            if repeated || field.owner.is_some() {
                return;
            }
            report.error_at(
                header.name.lit.span(),
                Message::new(
                    Rule::BodyForbidden,
                    format!(
                        "`{}` describes content, and {status} responses have none",
                        header.name()
                    ),
                )
                .spec(info.spec)
                .help(format!("remove header(\"{}\" = ...)", header.name())),
            );
        }
        _ if at.own && at.item.def.shapes_body() => {
            report.error(
                &at.item.key,
                Message::new(
                    Rule::BodyForbidden,
                    format!(
                        "{status} responses have no body, so `{}` would never be sent",
                        at.item.key
                    ),
                )
                .spec(info.spec)
                .help("remove it, or use a status that has content (e.g. 200 OK) if there is something to say"),
            );
        }
        _ => {}
    }
}

/// `body_forbidden`: a member on a status whose responses have no body.
pub fn members_without_body(variant: &Resolved, code: Code, report: &mut Report) {
    let Some(info) = no_content(code) else {
        return;
    };
    for member in &variant.members {
        report.error(
            member.key,
            Message::new(
                Rule::BodyForbidden,
                format!(
                    "{} {} responses have no body, so the member `{}` would never be sent",
                    info.code, info.reason, member.field.name
                ),
            )
            .spec(info.spec)
            .help("remove it, or use a status that has content (e.g. 200 OK) if there is something to say"),
        );
    }
}

/// `problem_on_success`: an error body on a 2xx/3xx — the variant's own problem or google
/// format, `type` or `instance` (the enum's are not inherited by a success).
pub fn problem_on_success(at: &OptionAt, report: &mut Report) {
    let variant = at.variant();
    if !variant.is_success_like() || variant.content_forbidden() || !at.own {
        return;
    }
    const PROBLEM: &str = "problem details describe errors, and a client that sees application/problem+json takes the response for a failure";
    const RFC: &str = "RFC 9457 §1";
    let (what, why, spec) = match (&at.item.value, at.item.def.key) {
        (ItemValue::Format(FormatSpec::Named(lit)), _) => match BodyFormat::from_name(&lit.text) {
            Some(BodyFormat::Problem) => ("the problem format".to_owned(), PROBLEM, RFC),
            Some(BodyFormat::Google) => (
                "the google format".to_owned(),
                "Google's JSON error describes errors, and a client that reads its `error` object takes the response for a failure",
                "AIP-193",
            ),
            _ => return,
        },
        (_, Key::Type | Key::Instance) => (format!("`{}`", at.item.key), PROBLEM, RFC),
        _ => return,
    };
    report.error(
        &at.item.key,
        Message::new(
            Rule::ProblemOnSuccess,
            format!("{what} on {}: {why}", at.code.describe()),
        )
        .spec(spec)
        .help("send a success body with format = \"json\" (or a message as text), or use a 4xx/5xx status"),
    );
}

/// `bad_attribute`: a part of the body that the variant's format does not send, written on the
/// variant (an enum's `type` is for its problem variants).
pub fn unsent_option(at: &OptionAt, report: &mut Report) {
    let variant = at.variant();
    let def = at.item.def;
    if !at.own || variant.content_forbidden() || def.formats().is_empty() {
        return;
    }
    // A 2xx/3xx reports problem-only options under problem_on_success.
    if variant.is_success_like() && !def.inherited_by_success {
        return;
    }
    let format = variant.format();
    if format.sends(def.key) {
        return;
    }
    report.error(
        &at.item.key,
        Message::new(
            Rule::BadAttribute,
            format!(
                "the {} format does not send `{}`, so it would have no effect",
                format.name(),
                at.item.key
            ),
        )
        .help(format!(
            "remove it, or use format = {} (or a custom format, which sees every part)",
            crate::attr::options::quoted(def.formats(), " or ")
        )),
    );
}

/// `bad_attribute`: `format = "serde"` on a 5xx whose values stay on the server — wherever the
/// format is written, on the variant or on the enum: it would send the whole value.
pub fn serde_on_hidden_5xx(at: &OptionAt, report: &mut Report) {
    let ItemValue::Format(FormatSpec::Named(lit)) = &at.item.value else {
        return;
    };
    if lit.text != BodyFormat::Serde.name() {
        return;
    }
    let mut hiding = None;
    for variant in &at.variants {
        if variant.hides_values() {
            hiding = Some(variant);
            break;
        }
    }
    let Some(hiding) = hiding else {
        return;
    };
    let status = if at.own || !hiding.variant.is_enum_variant {
        at.code.describe()
    } else {
        format!(
            "variant `{}` ({})",
            hiding.variant.name(),
            at.code.describe()
        )
    };
    report.error(
        &at.item.key,
        Message::new(
            Rule::BadAttribute,
            format!("format = \"serde\" sends the whole value, but {status} is a server error, whose values stay on the server"),
        )
        .help("add `expose` if every field is meant for clients, or use the problem format (its detail is hidden)"),
    );
}

/// `bad_attribute`: `expose` written on a variant that is not a server error.
pub fn expose_not_5xx(at: &OptionAt, report: &mut Report) {
    let variant = at.variant();
    if at.item.def.key != Key::Expose
        || !at.own
        || variant.is_server_error()
        || variant.content_forbidden()
    {
        return;
    }
    report.error(
        &at.item.key,
        Message::new(
            Rule::BadAttribute,
            format!("`expose` only applies to server errors (5xx), and {} is not one", at.code.describe()),
        )
        .help("remove `expose`: the message of a 4xx is always sent; 5xx messages are hidden unless exposed"),
    );
}

/// Members: a format that has them, a name, no clash.
pub fn members(variant: &Resolved, report: &mut Report) {
    if variant.members.is_empty() || variant.content_forbidden() {
        return;
    }
    if variant.delegates() {
        for member in &variant.members {
            report.error(
                member.key,
                Message::new(
                    Rule::BadAttribute,
                    "the response comes from the delegated field, so this member would never be sent",
                )
                .help("remove it, or put it on the type the response comes from"),
            );
        }
        return;
    }
    let format = variant.format();
    if !format.takes_members() {
        let help = if variant.is_success_like()
            && (format.is(BodyFormat::None) || format.is(BodyFormat::Text))
        {
            "a 2xx/3xx has no body by default: add format = \"json\" to send members"
        } else {
            "use format = \"problem\" or \"json\" (or a custom format, which sees them)"
        };
        for member in &variant.members {
            report.error(
                member.key,
                Message::new(
                    Rule::BadAttribute,
                    format!(
                        "the {} format has no members, so `{}` would never be sent",
                        format.name(),
                        member.field.name
                    ),
                )
                .help(help),
            );
        }
        return;
    }
    let standard = format.standard_members();
    for (i, member) in variant.members.iter().enumerate() {
        let Some(name) = &member.name else { continue };
        let unnamed_tuple = matches!(member.field.name, crate::template::MemberName::Index(_))
            && matches!(member.field.attr(), Some(attr) if matches!(attr.extension(), Some((_, None))));
        if unnamed_tuple {
            report.error(
                member.key,
                Message::new(
                    Rule::BadAttribute,
                    format!(
                        "field {} of a tuple has no name to be a member under",
                        member.field.name
                    ),
                )
                .help("name the member: #[status(extension = \"balance\")]"),
            );
            continue;
        }
        let clash = if standard.contains(&name.as_str()) {
            Some(format!(
                "\"{name}\" is a standard member of the {} format",
                format.name()
            ))
        } else if has_member(&variant.members[..i], name) {
            Some(format!(
                "\"{name}\" is already a member of this {}",
                variant.variant.what()
            ))
        } else {
            None
        };
        if let Some(problem) = clash {
            report.error(
                member.key,
                Message::new(
                    Rule::BadAttribute,
                    format!("{problem}, so the body would have it twice"),
                )
                .help("rename it: #[status(extension = \"another_name\")]"),
            );
        }
    }
}

/// `transparent` and `delegate`: exactly one field to take the response from.
pub fn delegation(variant: &Resolved, report: &mut Report) {
    let fields = &variant.variant.fields;
    if let Some(transparent) = variant.transparent() {
        if fields.len() != 1 {
            report.error(
                transparent,
                Message::new(
                    Rule::BadAttribute,
                    format!(
                        "`transparent` needs exactly one field to take the response from, but {} `{}` has {}",
                        variant.variant.what(),
                        variant.variant.name(),
                        fields.len()
                    ),
                )
                .help("wrap one value: `Storage(StorageError)`, where StorageError implements HttpStatus; with several fields, mark one #[status(delegate)]"),
            );
        }
        return;
    }
    let delegates = flagged(fields, Key::Delegate);
    for extra in delegates.iter().skip(1) {
        report.error(
            *extra,
            Message::new(
                Rule::BadAttribute,
                "only one field can give the response: there is already a `delegate`",
            )
            .help("keep one #[status(delegate)]"),
        );
    }
    if delegates.is_empty() {
        return;
    }
    if let Some(own) = variant.own {
        if let Some(code) = &own.code {
            report.error(
                code.tokens(),
                Message::new(
                    Rule::BadAttribute,
                    "the status comes from the `delegate` field, so a code here has no effect",
                )
                .help("remove the code, or remove #[status(delegate)]"),
            );
        }
        for item in &own.items {
            if item.def.key == Key::Allow {
                continue;
            }
            report.error(
                &item.key,
                Message::new(
                    Rule::BadAttribute,
                    format!(
                        "the response comes from the `delegate` field, so `{}` has no effect",
                        item.key
                    ),
                )
                .help(format!(
                    "remove `{}`, or remove #[status(delegate)]",
                    item.key
                )),
            );
        }
    }
}

pub fn missing_error_body_applies(variant: &Resolved, code: Option<Code>) -> bool {
    code.is_some_and(|code| code.info.map_or(code.value >= 400, |i| i.is_error()))
        && variant.format().is(BodyFormat::None)
}

/// `missing_error_body` (warning): an error response without a body.
pub fn missing_error_body(at: &OptionAt, report: &mut Report) {
    let variant = at.variant();
    let is_none = matches!(&at.item.value, ItemValue::Format(FormatSpec::Named(lit)) if lit.text == BodyFormat::None.name());
    if !is_none || !missing_error_body_applies(variant, Some(at.code)) {
        return;
    }
    report.warning(
        at.item.key.span(),
        Message::new(
            Rule::MissingErrorBody,
            format!("{} is an error, and format = \"none\" sends no body to explain it: the server SHOULD say what went wrong and whether it is temporary", at.on()),
        )
        .spec(if variant.is_server_error() { "RFC 9110 §15.6" } else { "RFC 9110 §15.5" })
        .help("use format = \"problem\" or \"json\" (with a message); to match an API that sends no body, allow it"),
    );
}

pub fn custom_title_applies(variant: &Resolved, code: Option<Code>) -> bool {
    let about_blank = match variant.problem_type() {
        Some((_, t)) => t.literal().as_deref() == Some("about:blank"),
        None => variant.based_type().is_none(),
    };
    variant.format().is(BodyFormat::Problem)
        && about_blank
        && code.is_some_and(|c| c.info.is_some())
        && variant.reason().is_some()
}

/// `custom_title` (warning): a `reason` that replaces the phrase of an `about:blank` problem.
pub fn custom_title(at: &OptionAt, report: &mut Report) {
    let (ItemValue::Str(reason), Some(info)) = (&at.item.value, at.code.info) else {
        return;
    };
    if at.item.def.key != Key::Reason
        || reason.text == info.reason
        || !custom_title_applies(at.variant(), Some(at.code))
    {
        return;
    }
    report.warning(
        reason.lit.span(),
        Message::new(
            Rule::CustomTitle,
            format!("the title of an about:blank problem SHOULD be the status's phrase, \"{}\", not \"{}\"", info.reason, reason.text),
        )
        .spec("RFC 9457 §4.2.1")
        .help("remove `reason` (it is for codes the registry lacks), or give the problem a `type` URI of its own"),
    );
}

/// Whether a member name is one every client language can use as an identifier: a letter, then
/// letters, digits or `_`, at least three characters (RFC 9457 §3.2).
fn usable_member_name(name: &str) -> bool {
    // Bytes rather than chars: every byte of a non-ASCII char fails both tests.
    let bytes = name.as_bytes();
    if bytes.len() < 3 || !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    for b in &bytes[1..] {
        if !(b.is_ascii_alphanumeric() || *b == b'_') {
            return false;
        }
    }
    true
}

/// Whether a variant's members are extension members of problem details, which RFC 9457
/// §3.2 names (a json body's shape is the API's own).
fn problem_members(variant: &Resolved) -> bool {
    variant.format().is(BodyFormat::Problem)
}

/// A name like `name` that every client can use: separators as `_`, a letter first, three
/// characters at least.
fn usable_name(name: &str) -> String {
    let mut usable = String::new();
    for c in name.chars() {
        usable.push(if c.is_ascii_alphanumeric() { c } else { '_' });
    }
    if !usable.starts_with(|c: char| c.is_ascii_alphabetic()) {
        usable.insert_str(0, "value_");
    }
    if usable.len() < 3 {
        usable.push_str("_value");
    }
    usable
}

pub fn member_name_applies(variant: &Resolved, _: Option<Code>) -> bool {
    if !problem_members(variant) {
        return false;
    }
    for member in &variant.members {
        if let Some(name) = &member.name {
            if !usable_member_name(name) {
                return true;
            }
        }
    }
    false
}

/// `member_name` (warning): an extension member of problem details that clients in other
/// languages cannot use as an identifier (RFC 9457 §3.2: names SHOULD start with a letter, be
/// made of letters, digits and `_`, and be three characters or longer).
pub fn member_name(site: &Site, report: &mut Report) {
    let (Some(field), Places::FIELD) = (site.field, site.place) else {
        return;
    };
    let mut in_problem = false;
    for variant in &site.reaches {
        in_problem |= problem_members(variant);
    }
    if !in_problem {
        return;
    }
    let Some((key, written)) = site.attr.extension() else {
        return;
    };
    let (name, span) = match written {
        Some(written) => (written.text.clone(), written.lit.span()),
        None => (field.name.to_string(), key.span()),
    };
    if name.is_empty() || usable_member_name(&name) {
        return;
    }
    report.warning(
        span,
        Message::new(
            Rule::MemberName,
            format!("the member name \"{name}\" is not one every client can use as an identifier: it SHOULD start with a letter, be made of letters, digits and `_`, and be three characters or longer"),
        )
        .spec("RFC 9457 §3.2")
        .help(format!("rename it: #[status(extension = \"{}\")]", usable_name(&name))),
    );
}

/// The `key` flags written on `fields`, in order.
fn flagged<'f>(fields: &'f [crate::ast::Field], key: Key) -> Vec<&'f syn::Ident> {
    let mut flags = Vec::new();
    for field in fields {
        if let Some(flag) = field.attr().and_then(|attr| attr.flag(key)) {
            flags.push(flag);
        }
    }
    flags
}

/// Whether one of `members` is named `name`.
fn has_member(members: &[crate::resolve::MemberField], name: &str) -> bool {
    for member in members {
        if member.name.as_deref() == Some(name) {
            return true;
        }
    }
    false
}

/// `bad_attribute`: a `#[status(errors)]` field where the list has no place: twice, on a
/// delegating variant, on a 2xx/3xx (a list of what is wrong with a request belongs to an
/// error), in a format without members, or beside a member named `errors`.
pub fn errors_list(variant: &Resolved, report: &mut Report) {
    let marked = flagged(&variant.variant.fields, Key::Errors);
    for extra in marked.iter().skip(1) {
        report.error(
            *extra,
            Message::new(
                Rule::BadAttribute,
                "only one field can be the `errors` list: there is already one",
            )
            .help("keep one #[status(errors)]; merge the lists in the field's type"),
        );
    }
    let Some((_, key)) = variant.errors else {
        return;
    };
    // Google's JSON error carries the list as a `BadRequest` detail.
    let carries_list = variant.format().takes_members() || variant.format().is(BodyFormat::Google);
    let problem = if variant.delegates() {
        Some(
            "the response comes from the delegated field, so this list would never be sent"
                .to_owned(),
        )
    } else if variant.is_success_like() {
        Some(format!(
            "`errors` lists what is wrong with a request, and {} is not an error",
            variant.code.map_or_else(String::new, |c| c.describe())
        ))
    } else if !carries_list {
        Some(format!(
            "the {} format has no `errors` member, so the list would never be sent",
            variant.format().name()
        ))
    } else if has_member(&variant.members, "errors") {
        Some(format!(
            "a member of this {} is named `errors` already, so the body would have it twice",
            variant.variant.what()
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        report.error(
            key,
            Message::new(Rule::BadAttribute, problem)
                .spec("RFC 9457 §3")
                .help("use it on a 4xx (or 5xx) variant in the problem, json, members or google format, or a custom one"),
        );
    }
}
