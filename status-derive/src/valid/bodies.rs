//! Body rules: `body_forbidden`, `problem_on_success`, members and formats (`bad_attribute`),
//! delegation, and the warnings `missing_error_body` and `custom_title`.

use crate::attr::options::Key;
use crate::diag::Diagnostics;
use crate::resolve::{Code, Format, Resolved};
use crate::rules::{Message, Rule};
use http_status_core::header::field_named;

/// The standard members of a format, which a member may not be named after.
pub fn standard_members(format: Format) -> &'static [&'static str] {
    match format {
        Format::Problem | Format::Custom(_) => {
            &["type", "title", "status", "detail", "instance", "code"]
        }
        Format::Json => &["error", "message", "code"],
        _ => &[],
    }
}

/// `body_forbidden`: options, members and content headers on a status whose responses have
/// no content.
pub fn body_forbidden(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let Some(info) = code.info.filter(|info| info.content_forbidden) else {
        return;
    };
    let status = format!("{} {}", info.code, info.reason);
    let forbid = |at: &dyn quote::ToTokens, what: &str, diag: &mut Diagnostics| {
        diag.error(
            at,
            Message::new(
                Rule::BodyForbidden,
                format!("{status} responses have no body, so {what} would never be sent"),
            )
            .spec(info.spec)
            .help("remove it, or use a status that has content (e.g. 200 OK) if there is something to say"),
        );
    };
    if let Some(own) = variant.own {
        for item in own.items.iter().filter(|i| i.def.shapes_body) {
            forbid(&item.key, &format!("`{}`", item.key), diag);
        }
    }
    for member in &variant.members {
        forbid(
            member.key,
            &format!("the member `{}`", member.field.name),
            diag,
        );
    }
    for header in variant.headers() {
        let Some(field) = field_named(header.name()).filter(|f| f.describes_content) else {
            continue;
        };
        // A 304 repeats some of them from the 200 it stands for (RFC 9110 §15.4.5).
        if info
            .must_headers
            .iter()
            .any(|r| r.name.eq_ignore_ascii_case(field.name))
        {
            continue;
        }
        if field.owner.is_some() {
            continue; // reported where it is written
        }
        let own = variant
            .own
            .is_some_and(|a| a.headers().any(|h| std::ptr::eq(h, header)));
        if !own && !diag.first_for(header, Rule::BodyForbidden) {
            continue;
        }
        let status = if own || !variant.variant.is_enum_variant {
            status.clone()
        } else {
            format!("{status} (variant `{}`)", variant.variant.name())
        };
        diag.error_at(
            header.name.lit.span(),
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

/// `problem_on_success`: problem details on a 2xx/3xx.
pub fn problem_on_success(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    if !variant.is_success_like() || variant.content_forbidden() {
        return;
    }
    let Some(own) = variant.own else { return };
    let problem_format = matches!(variant.format_written(), Some((_, _, true)))
        && matches!(variant.format(), Format::Problem);
    let mut report = |at: &dyn quote::ToTokens, what: &str| {
        diag.error(
            at,
            Message::new(
                Rule::ProblemOnSuccess,
                format!(
                    "{what} on {}: problem details describe errors, and a client that sees application/problem+json takes the response for a failure",
                    code.describe()
                ),
            )
            .spec("RFC 9457 §1")
            .help("send a success body with format = \"json\" (or a message as text), or use a 4xx/5xx status"),
        );
    };
    if problem_format {
        if let Some((key, _, _)) = variant.format_written() {
            report(key, "the problem format");
        }
    }
    for key in [Key::Type, Key::Instance] {
        if let Some((ident, _)) = own.template(key) {
            report(ident, &format!("`{ident}`"));
        }
    }
}

/// Options that the chosen format would not send, and `serde` on a hidden 5xx.
pub fn format_options(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    if variant.content_forbidden() {
        return;
    }
    let format = variant.format();
    let Some(own) = variant.own else { return };
    let unsent = |key: Key| match key {
        Key::Type | Key::Instance => !matches!(format, Format::Problem | Format::Custom(_)),
        Key::Code => !format.takes_code(),
        Key::Message => matches!(format, Format::None | Format::Serde),
        _ => false,
    };
    for key in [Key::Message, Key::Code, Key::Type, Key::Instance] {
        // A 2xx/3xx reports problem-only options under problem_on_success.
        if variant.is_success_like() && matches!(key, Key::Type | Key::Instance) {
            continue;
        }
        let Some(item) = own.get(key).filter(|_| unsent(key)) else {
            continue;
        };
        diag.error(
            &item.key,
            Message::new(
                Rule::BadAttribute,
                format!(
                    "the {} format does not send `{}`, so it would have no effect",
                    format.name(),
                    item.key
                ),
            )
            .help(match key {
                Key::Type | Key::Instance => {
                    "remove it, or use format = \"problem\" (or a custom format, which sees it)"
                }
                _ => "remove it, or use format = \"problem\" or \"json\"",
            }),
        );
    }
    if matches!(format, Format::Serde) && variant.is_server_error() && variant.expose().is_none() {
        if let Some((key, _, _)) = variant.format_written() {
            diag.error(
                key,
                Message::new(
                    Rule::BadAttribute,
                    format!("format = \"serde\" sends the whole value, but {} is a server error, whose value stays on the server", code.describe()),
                )
                .help("add `expose` if every field is meant for clients, or use the problem format (its detail is hidden)"),
            );
        }
    }
}

/// `bad_attribute`: `expose` on a code that is not a server error.
pub fn expose_not_5xx(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let Some(expose) = variant.own.and_then(|a| a.flag(Key::Expose)) else {
        return;
    };
    if variant.is_server_error() || variant.content_forbidden() {
        return;
    }
    diag.error(
        expose,
        Message::new(
            Rule::BadAttribute,
            format!("`expose` only applies to server errors (5xx), and {} is not one", code.describe()),
        )
        .help("remove `expose`: the message of a 4xx is always sent; 5xx messages are hidden unless exposed"),
    );
}

/// Members: a format that has them, a name, no clash.
pub fn members(variant: &Resolved, diag: &mut Diagnostics) {
    if variant.members.is_empty() || variant.content_forbidden() {
        return;
    }
    if variant.delegates() {
        for member in &variant.members {
            diag.error(
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
            && matches!(
                format,
                crate::resolve::Format::None | crate::resolve::Format::Text
            ) {
            "a 2xx/3xx has no body by default: add format = \"json\" to send members"
        } else {
            "use format = \"problem\" or \"json\" (or a custom format, which sees them)"
        };
        for member in &variant.members {
            diag.error(
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
    let standard = standard_members(format);
    for (i, member) in variant.members.iter().enumerate() {
        let Some(name) = &member.name else { continue };
        let unnamed_tuple = matches!(member.field.name, crate::template::MemberName::Index(_))
            && member
                .field
                .attr()
                .and_then(|a| a.extension())
                .is_some_and(|(_, n)| n.is_none());
        if unnamed_tuple {
            diag.error(
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
        } else if variant.members[..i]
            .iter()
            .any(|m| m.name.as_ref() == Some(name))
        {
            Some(format!(
                "\"{name}\" is already a member of this {}",
                variant.variant.what()
            ))
        } else {
            None
        };
        if let Some(problem) = clash {
            diag.error(
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
pub fn delegation(variant: &Resolved, diag: &mut Diagnostics) {
    let fields = &variant.variant.fields;
    if let Some(transparent) = variant.transparent() {
        if fields.len() != 1 {
            diag.error(
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
    let delegates: Vec<&syn::Ident> = fields
        .iter()
        .filter_map(|f| f.attr().and_then(|a| a.flag(Key::Delegate)))
        .collect();
    for extra in delegates.iter().skip(1) {
        diag.error(
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
            diag.error(
                code.tokens(),
                Message::new(
                    Rule::BadAttribute,
                    "the status comes from the `delegate` field, so a code here has no effect",
                )
                .help("remove the code, or remove #[status(delegate)]"),
            );
        }
        for item in own.items.iter().filter(|i| i.def.key != Key::Allow) {
            diag.error(
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

pub fn missing_error_body_applies(variant: &Resolved, code: Code) -> bool {
    code.info.map_or(code.value >= 400, |i| i.is_error())
        && matches!(variant.format(), Format::None)
}

/// `missing_error_body` (warning): an error response without a body.
pub fn missing_error_body(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let at = variant
        .format_written()
        .map_or_else(|| variant.status_span(), |(key, _, _)| key.span());
    diag.warning(
        at,
        Message::new(
            Rule::MissingErrorBody,
            format!("{} is an error, and format = \"none\" sends no body to explain it: the server SHOULD say what went wrong and whether it is temporary", code.describe()),
        )
        .spec(if variant.is_server_error() { "RFC 9110 §15.6" } else { "RFC 9110 §15.5" })
        .help("use format = \"problem\" or \"json\" (with a message); to match an API that sends no body, allow it"),
    );
}

pub fn custom_title_applies(variant: &Resolved, code: Code) -> bool {
    let about_blank = variant
        .problem_type()
        .map_or(true, |(_, t)| t.literal().as_deref() == Some("about:blank"));
    matches!(variant.format(), Format::Problem)
        && about_blank
        && code.info.is_some()
        && variant.reason().is_some()
}

/// `custom_title` (warning): a `reason` that replaces the phrase of an `about:blank` problem.
pub fn custom_title(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let (Some(reason), Some(info)) = (variant.reason(), code.info) else {
        return;
    };
    if reason.text == info.reason {
        return;
    }
    diag.warning(
        reason.lit.span(),
        Message::new(
            Rule::CustomTitle,
            format!("the title of an about:blank problem SHOULD be the status's phrase, \"{}\", not \"{}\"", info.reason, reason.text),
        )
        .spec("RFC 9457 §4.2.1")
        .help("remove `reason` (it is for codes the registry lacks), or give the problem a `type` URI of its own"),
    );
}
