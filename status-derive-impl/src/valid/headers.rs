//! Header rules: `invalid_header` (names, values and their grammar, fields the library owns,
//! connection-specific fields, singletons, fields a status does not define),
//! `impossible_template`, `missing_required_header`, and the warnings about headers a status
//! asks for or should not carry. Values are checked by the `status-core` functions the runtime
//! uses on interpolated values.

use super::{OptionAt, Report, Site};
use crate::attr::options::{Key, Text, Value};
use crate::attr::{HeaderOpt, ItemValue, TemplateLit};
use crate::diag::closest;
use crate::resolve::{Code, Resolved};
use crate::rules::{Message, Rule};
use crate::template::{Piece, Template};
use http_status_core::header::{
    cache_control_allows_storing, check_value, field_named, first_non_ascii, grammar_of,
    is_for_clients, is_token, link_has_rel, list_contains, template_can_be_valid, Field, Grammar,
    TemplatePiece, ValueError,
};
use http_status_core::{Cache, HeaderRule, Level};

/// `header(…)` as the user would write it, quotes in the value escaped.
pub fn snippet(name: &str, example: &str) -> String {
    format!("header({name:?} = {example:?})")
}

/// "a" or "an", by how the header name is spelled out.
fn article(name: &str) -> &'static str {
    match name.bytes().next().map(|b| b.to_ascii_uppercase()) {
        Some(b'A' | b'E' | b'I' | b'O' | b'U') => "an",
        _ => "a",
    }
}

/// The headers written in an attribute.
fn headers<'i>(site: &Site<'_, 'i, '_>) -> Vec<&'i HeaderOpt> {
    site.attr.headers()
}

/// The literal text around a template's placeholders, joined.
fn literal_text(template: &Template) -> String {
    let mut text = String::new();
    for piece in &template.pieces {
        if let Piece::Text(literal) = piece {
            text.push_str(literal);
        }
    }
    text
}

/// A template as the pieces `status-core` reads.
pub fn pieces(template: &Template) -> Vec<TemplatePiece<'_>> {
    let mut pieces = Vec::with_capacity(template.pieces.len());
    for piece in &template.pieces {
        pieces.push(match piece {
            Piece::Text(text) => TemplatePiece::Text(text),
            Piece::Field(_) => TemplatePiece::Value,
        });
    }
    pieces
}

/// `invalid_header`, where a header is written: its name, a literal value against its field's
/// grammar, the bytes around placeholders, and a single-value field written twice.
pub fn invalid_header(site: &Site, report: &mut Report) {
    for &header in &headers(site) {
        if !header_name(header, report) {
            continue;
        }
        let Ok(template) = &header.value.parsed else {
            continue;
        };
        let checked = match template.literal() {
            Some(value) => check_value(grammar_of(header.name()), &value),
            // Only the bytes around placeholders: the whole value is checked at run time.
            None => match check_value(Grammar::Any, &format!("x{}x", literal_text(template))) {
                Err(error @ ValueError::Forbidden { .. }) => Err(error),
                _ => Ok(()),
            },
        };
        if let Err(error) = checked {
            report.error(
                &header.value.lit,
                value_error(header.name(), &header.value.text, error),
            );
        }
    }
    repeated_singletons(site, report);
}

/// `impossible_template`: a template whose literal text no value can make valid, so the header
/// (or `type`, `instance`) would be left out of every response: `"Retry-After" = "{0}s"`.
pub fn impossible_template(site: &Site, report: &mut Report) {
    for &header in &headers(site) {
        let grammar = grammar_of(header.name());
        let spec = field_named(header.name()).map_or("RFC 9110 §5.5", |f| f.spec);
        let example = snippet(header.name(), grammar.example());
        impossible(
            &header.value,
            grammar,
            header.name(),
            spec,
            &example,
            report,
        );
    }
    for item in &site.attr.items {
        if let (ItemValue::Template(template), Value::Template(Text::Uri)) =
            (&item.value, item.def.value)
        {
            let spec = if item.def.key == Key::Type {
                "RFC 9457 §3.1.1"
            } else {
                "RFC 9457 §3.1.5"
            };
            impossible(
                template,
                Grammar::UriReference,
                item.def.name,
                spec,
                item.def.example,
                report,
            );
        }
    }
}

fn impossible(
    template: &TemplateLit,
    grammar: Grammar,
    what: &str,
    spec: &str,
    example: &str,
    report: &mut Report,
) {
    let Ok(parsed) = &template.parsed else {
        return;
    };
    if parsed.literal().is_some() || template_can_be_valid(grammar, &pieces(parsed)) {
        return;
    }
    report.error(
        &template.lit,
        Message::new(
            Rule::ImpossibleTemplate,
            format!(
                "no value of the placeholders can make \"{}\" a valid `{what}`: it must be {}, so it would be left out of every response",
                template.text,
                grammar.expected()
            ),
        )
        .spec(spec)
        .help(format!(
            "write the literal text the grammar allows around the placeholder, e.g. {example}"
        )),
    );
}

/// `non_ascii_header_value` (warning): literal text with bytes outside US-ASCII.
pub fn non_ascii_header_value(site: &Site, report: &mut Report) {
    for &header in &headers(site) {
        let Ok(template) = &header.value.parsed else {
            continue;
        };
        if !header_name_is_checkable(header) {
            continue;
        }
        let text = literal_text(template);
        let Some(index) = first_non_ascii(&text) else {
            continue;
        };
        let c = text[index..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        report.warning(
            header.value.lit.span(),
            Message::new(
                Rule::NonAsciiHeaderValue,
                format!("the value of `{}` contains `{c}`, which is not US-ASCII: legal (obs-text), but recipients may read it in another charset", header.name()),
            )
            .spec("RFC 9110 §5.5")
            .help("percent-encode it, or use an encoding the field defines (RFC 8187 for parameters)"),
        );
    }
}

pub fn non_ascii_applies(variant: &Resolved, _: Option<Code>) -> bool {
    for &header in variant.headers() {
        if let Ok(template) = &header.value.parsed {
            if first_non_ascii(&literal_text(template)).is_some() {
                return true;
            }
        }
    }
    false
}

/// Whether the header's name passes (a value of an invalid name is not judged further).
fn header_name_is_checkable(header: &HeaderOpt) -> bool {
    if !is_token(header.name()) {
        return false;
    }
    match field_named(header.name()) {
        Some(f) => f.owner.is_none() && (!f.connection_specific || upgrade_related(f)),
        None => true,
    }
}

/// `Connection` and `Upgrade`: connection-specific, but what a 426 (or 101) must carry.
fn upgrade_related(field: &Field) -> bool {
    matches!(field.name, "Connection" | "Upgrade")
}

/// Checks the name; returns whether the header can be checked further.
fn header_name(header: &HeaderOpt, report: &mut Report) -> bool {
    let name = header.name();
    let at = &header.name.lit;
    if !is_token(name) {
        let mut repaired = String::new();
        for c in name.trim().chars() {
            repaired.push(if c == ' ' || c == '_' { '-' } else { c });
        }
        let suggestion = (is_token(&repaired) && repaired != name)
            .then(|| format!("did you mean \"{repaired}\"?"));
        let problem = if name.is_empty() {
            "a header name cannot be empty".to_owned()
        } else {
            format!("\"{name}\" is not a valid header name: names are tokens, without spaces or separators")
        };
        report.error(
            at,
            Message::new(Rule::InvalidHeader, problem)
                .spec("RFC 9110 §5.1")
                .help_opt(suggestion),
        );
        return false;
    }
    let Some(field) = field_named(name) else {
        return true;
    };
    if let Some(owner) = field.owner {
        let help = if field.name == "Content-Type" {
            "remove it; choose the body with format = \"problem\", \"json\", \"text\", \"serde\", \"none\" or a custom format".to_owned()
        } else {
            format!("remove header(\"{name}\" = ...)")
        };
        report.error(
            at,
            Message::new(
                Rule::InvalidHeader,
                format!("`{}` cannot be set here: {owner}", field.name),
            )
            .spec(field.spec)
            .help(help),
        );
        return false;
    }
    if field.connection_specific && !upgrade_related(field) {
        report.error(
            at,
            Message::new(
                Rule::InvalidHeader,
                format!("`{}` is connection-specific: the HTTP library manages the connection, and HTTP/2 forbids the field", field.name),
            )
            .spec("RFC 9110 §7.6.1, RFC 9113 §8.2.2")
            .help(format!("remove header(\"{name}\" = ...)")),
        );
        return false;
    }
    true
}

fn value_error(name: &str, value: &str, error: ValueError) -> Message {
    match error {
        ValueError::Forbidden { byte, .. } => {
            let what = match byte {
                b'\r' => "a carriage return (CR), which would end the header line".to_owned(),
                b'\n' => "a line feed (LF), which would end the header line".to_owned(),
                0 => "a NUL byte".to_owned(),
                _ => format!("the control character 0x{byte:02X}"),
            };
            Message::new(
                Rule::InvalidHeader,
                format!("the value of `{name}` contains {what}"),
            )
            .spec("RFC 9110 §5.5")
            .help("a field value may not contain CR, LF, NUL or other control characters (HTAB is allowed); percent-encode them")
        }
        ValueError::Empty => {
            let grammar = grammar_of(name);
            let expected = if grammar == Grammar::Any {
                String::new()
            } else {
                format!(": it must be {}", grammar.expected())
            };
            Message::new(
                Rule::InvalidHeader,
                format!("the value of `{name}` is empty{expected}"),
            )
            .spec(field_named(name).map_or("RFC 9110 §5.5", |f| f.spec))
            .help(if grammar == Grammar::Any {
                format!("give it a value, or remove header(\"{name}\" = ...)")
            } else {
                format!("e.g. {}", snippet(name, grammar.example()))
            })
        }
        ValueError::OuterWhitespace => Message::new(
            Rule::InvalidHeader,
            format!("the value of `{name}` begins or ends with whitespace, which is not part of a field value"),
        )
        .spec("RFC 9110 §5.5")
        .help(format!("write \"{}\"", value.trim_matches([' ', '\t']))),
        ValueError::Grammar(grammar) => Message::new(
            Rule::InvalidHeader,
            format!("\"{value}\" is not a valid `{name}`: it must be {}", grammar.expected()),
        )
        .spec(field_named(name).map_or("RFC 9110 §5.5", |f| f.spec))
        .help(format!("e.g. {}", snippet(name, grammar.example()))),
    }
}

/// The same single-value field twice in one attribute: the message would be invalid (RFC 9110
/// §5.3). (A variant's header replaces an enum header of the same name, so only one goes
/// out.)
fn repeated_singletons(site: &Site, report: &mut Report) {
    let headers = headers(site);
    for (i, header) in headers.iter().enumerate() {
        let Some(field) = field_named(header.name()) else {
            continue;
        };
        if !field.singleton {
            continue;
        }
        let Some(first) = first_named(&headers[..i], header.name()) else {
            continue;
        };
        report.error(
            &header.name.lit,
            Message::new(
                Rule::InvalidHeader,
                format!(
                    "`{}` is a single-value field, and it is set twice",
                    field.name
                ),
            )
            .spec("RFC 9110 §5.3")
            .help("keep one; two values of this field make the response invalid"),
        );
        report.note_at(
            first.name.lit.span(),
            format!("`{}` is first set here", field.name),
        );
    }
}

/// The first of `headers` named `name` (case-insensitive).
fn first_named<'h>(headers: &[&'h HeaderOpt], name: &str) -> Option<&'h HeaderOpt> {
    for header in headers {
        if header.name().eq_ignore_ascii_case(name) {
            return Some(header);
        }
    }
    None
}

/// The header an option stands for, if it is one.
fn header_of<'i>(at: &OptionAt<'_, 'i, '_>) -> Option<&'i HeaderOpt> {
    match &at.item.value {
        ItemValue::Header(header) => Some(header),
        _ => None,
    }
}

/// `invalid_header` at the status a header is used with: fields only some statuses define.
pub fn invalid_at_status(at: &OptionAt, report: &mut Report) {
    let Some(header) = header_of(at) else { return };
    let Some(field) = field_named(header.name()) else {
        return;
    };
    let (code, status) = (at.code.value, at.on());
    let no_content = at.variant().content_forbidden();
    let message = match field.name {
        "Connection" if !matches!(code, 101 | 426) => Message::new(
            Rule::InvalidHeader,
            format!("`Connection` is connection-specific: the HTTP library manages the connection (closing it included) and HTTP/2 forbids the field, so the derive takes it only beside `Upgrade` on a 426 Upgrade Required (or a 101), and {status} is neither"),
        )
        .spec("RFC 9110 §7.6.1; RFC 9113 §8.2.2")
        .help(format!("remove header(\"{}\" = ...); to close the connection after an error, configure the server (hyper, actix-web) to do so", header.name())),
        "Upgrade" if !matches!(code, 101 | 426) => Message::new(
            Rule::InvalidHeader,
            format!("`Upgrade` names the protocols to switch to, which only a 426 Upgrade Required (or a 101) does, and {status} is neither"),
        )
        .spec("RFC 9110 §7.8, §15.5.22")
        .help(format!("remove header(\"{}\" = ...), or use 426 Upgrade Required", header.name())),
        "Content-Range" if !no_content && !matches!(code, 206 | 416) => Message::new(
            Rule::InvalidHeader,
            format!("`Content-Range` has no meaning on {status}: only 206 and 416 define it"),
        )
        .spec("RFC 9110 §14.4")
        .help("remove it, or use 416 Range Not Satisfiable for an unsatisfiable range"),
        "Content-Encoding" if !no_content => Message::new(
            Rule::InvalidHeader,
            "`Content-Encoding` says the body is encoded (gzip, …), but http-status writes it unencoded",
        )
        .spec("RFC 9110 §8.4")
        .help("remove it; let a compression layer (tower-http, actix-web's Compress) encode responses and set the field"),
        _ => return,
    };
    report.error_at(header.name.lit.span(), message);
}

/// `missing_required_header`: a header field the status requires.
pub fn missing_required_header(variant: &Resolved, code: Code, report: &mut Report) {
    let headers = variant.headers();
    for required in &variant.required_headers() {
        let Some(header) = first_named(headers, required.name) else {
            let mut written = Vec::new();
            for header in headers {
                written.push(header.name());
            }
            let misspelled = match closest(required.name, &written) {
                Some(written) if !written.eq_ignore_ascii_case(required.name) => Some(format!(
                    "the header `{written}` is spelled `{}`",
                    required.name
                )),
                _ => None,
            };
            report.error_at(
                variant.status_span(),
                Message::new(
                    Rule::MissingRequiredHeader,
                    format!(
                        "{} requires {} {} header{}",
                        code.describe(),
                        article(required.name),
                        required.name,
                        required.why
                    ),
                )
                .spec(required.spec)
                .help_opt(misspelled)
                .help(format!("add {}", snippet(required.name, required.example))),
            );
            continue;
        };
        // An empty or malformed literal is `invalid_header`'s; an interpolated value is
        // checked when the response is built (a 500 if invalid).
        let Some(value) = header.value.literal() else {
            continue;
        };
        if required.name == "Connection" && !value.is_empty() && !list_contains(&value, "upgrade") {
            report.error_at(
                header.name.lit.span(),
                Message::new(
                    Rule::MissingRequiredHeader,
                    format!("`Connection: {value}` lacks the `upgrade` option that must accompany Upgrade on {}", code.describe()),
                )
                .spec(required.spec)
                .help("write header(\"Connection\" = \"upgrade\")"),
            );
        }
    }
}

/// The registry's advice for this status that `rule` reports (a SHOULD or MAY header).
fn advised(code: Code, rule: Rule) -> Option<&'static HeaderRule> {
    let info = code.info?;
    for headers in [info.should_headers, info.may_headers] {
        for header in headers {
            if header.lint == Some(rule.name()) {
                return Some(header);
            }
        }
    }
    None
}

fn advises(code: Option<Code>, rule: Rule) -> bool {
    matches!(code, Some(code) if advised(code, rule).is_some())
}

pub fn advises_retry_after(_: &Resolved, code: Option<Code>) -> bool {
    advises(code, Rule::MissingRetryAfter)
}

pub fn advises_location(_: &Resolved, code: Option<Code>) -> bool {
    advises(code, Rule::MissingLocation)
}

pub fn advises_content_range(_: &Resolved, code: Option<Code>) -> bool {
    advises(code, Rule::MissingContentRange)
}

pub fn advises_blocked_by(_: &Resolved, code: Option<Code>) -> bool {
    advises(code, Rule::MissingBlockedBy)
}

/// `missing_retry_after` (warning): 429 or 503 without `Retry-After`.
pub fn missing_retry_after(variant: &Resolved, code: Code, report: &mut Report) {
    advised_header(
        Rule::MissingRetryAfter,
        ", so clients cannot tell when to retry",
        variant,
        code,
        report,
    );
}

/// `missing_location` (warning): 201 or 300 without `Location`.
pub fn missing_location(variant: &Resolved, code: Code, report: &mut Report) {
    let why = if code.value == 201 {
        ", so clients cannot tell where the new resource is"
    } else {
        ", so clients cannot tell which choice is preferred"
    };
    advised_header(Rule::MissingLocation, why, variant, code, report);
}

/// `missing_content_range` (warning): 416 without `Content-Range`.
pub fn missing_content_range(variant: &Resolved, code: Code, report: &mut Report) {
    advised_header(
        Rule::MissingContentRange,
        ", so clients cannot tell the length of the representation",
        variant,
        code,
        report,
    );
}

/// A warning that the status asks for a header the variant does not send, quoting what the
/// specification says of it.
fn advised_header(rule: Rule, why: &str, variant: &Resolved, code: Code, report: &mut Report) {
    let Some(header) = advised(code, rule) else {
        return;
    };
    if variant.has_header(header.name) {
        return;
    }
    report.warning(
        variant.status_span(),
        Message::new(
            rule,
            format!(
                "{} has no {} header{why} ({}: \"{}\")",
                code.describe(),
                header.name,
                header.spec,
                says(header)
            ),
        )
        .help(format!("add {}", snippet(header.name, header.example)))
        .help_opt((code.value == 201).then(|| "if the resource was created at the request's own URI (a PUT), the target URI already names it and the warning can be silenced".to_owned())),
    );
}

/// What the specification says of an advised header, in its own words.
fn says(header: &HeaderRule) -> String {
    if let Some(says) = header.says {
        return says.to_owned();
    }
    let level = match header.level {
        Level::Must => "MUST",
        Level::Should => "SHOULD",
        Level::May => "MAY",
    };
    format!("the response {level} carry one")
}

/// `missing_blocked_by` (warning): 451 without a `Link` whose `rel` list has `blocked-by`.
pub fn missing_blocked_by(variant: &Resolved, code: Code, report: &mut Report) {
    let Some(header) = advised(code, Rule::MissingBlockedBy) else {
        return;
    };
    let links = variant.headers_named("Link");
    let mut blocked_by = false;
    for link in &links {
        blocked_by = match link.value.literal() {
            Some(value) => link_has_rel(&value, "blocked-by"),
            // Interpolated: the relation may be in the value.
            None => true,
        };
        if blocked_by {
            break;
        }
    }
    if blocked_by {
        return;
    }
    let what = if links.is_empty() {
        "has no Link header"
    } else {
        "has a Link header, but none with rel=\"blocked-by\""
    };
    report.warning(
        variant.status_span(),
        Message::new(
            Rule::MissingBlockedBy,
            format!(
                "{} {what} identifying the entity that implements the block ({}: \"{}\")",
                code.describe(),
                header.spec,
                says(header)
            ),
        )
        .help(format!("add {}", snippet(header.name, header.example))),
    );
}

/// `storable_error` applies to the statuses caches MUST NOT store (428, 429, 431, 511) that
/// carry `Cache-Control` or `Expires`.
pub fn storable_applies(variant: &Resolved, code: Option<Code>) -> bool {
    code.and_then(|c| c.info)
        .is_some_and(|info| info.cache == Cache::MustNotStore)
        && (variant.has_header("Cache-Control") || variant.has_header("Expires"))
}

/// `storable_error` (warning): `Cache-Control` or `Expires` that lets a cache store a
/// response that caches MUST NOT store (RFC 9111 §3: an explicit expiration time or
/// `max-age`, `public`, … make a response storable).
pub fn storable_error(at: &OptionAt, report: &mut Report) {
    let Some(header) = header_of(at) else { return };
    let Some(info) = at
        .code
        .info
        .filter(|info| info.cache == Cache::MustNotStore)
    else {
        return;
    };
    let storable = if header.name().eq_ignore_ascii_case("Cache-Control") {
        header
            .value
            .literal()
            .is_some_and(|value| cache_control_allows_storing(&value))
    } else {
        header.name().eq_ignore_ascii_case("Expires")
    };
    if !storable {
        return;
    }
    let written = match header.value.literal() {
        Some(value) => format!("`{}: {value}`", header.name()),
        None => format!("`{}`", header.name()),
    };
    report.warning(
        header.name.lit.span(),
        Message::new(
            Rule::StorableError,
            format!(
                "{written} lets caches store {}, which they MUST NOT",
                at.on()
            ),
        )
        .spec(info.spec)
        .help("use header(\"Cache-Control\" = \"no-store\"), and no `Expires`"),
    );
}

/// `challenge_on_511` applies to a 511 with a challenge.
pub fn challenge_applies(variant: &Resolved, code: Option<Code>) -> bool {
    code.is_some_and(|c| c.value == 511)
        && (variant.has_header("WWW-Authenticate") || variant.has_header("Proxy-Authenticate"))
}

/// `challenge_on_511` (warning): a 511 is for the network's login page, not a challenge.
pub fn challenge_on_511(at: &OptionAt, report: &mut Report) {
    let Some(header) = header_of(at) else { return };
    let is_challenge = header.name().eq_ignore_ascii_case("WWW-Authenticate")
        || header.name().eq_ignore_ascii_case("Proxy-Authenticate");
    if at.code.value != 511 || !is_challenge {
        return;
    }
    report.warning(
        header.name.lit.span(),
        Message::new(
            Rule::ChallengeOn511,
            format!("a 511 Network Authentication Required SHOULD NOT carry a challenge (`{}`): clients would answer the challenge instead of following the login link", header.name()),
        )
        .spec("RFC 6585 §6")
        .help("remove it and link to the login page in the body; use 401 with a challenge for credentials"),
    );
}

/// Whether a header of a 5xx interpolates a field without being protocol data for the client.
fn leaks(variant: &Resolved, header: &HeaderOpt) -> bool {
    variant.hides_values()
        && header.value.literal().is_none()
        && header.value.parsed.is_ok()
        && !is_for_clients(header.name())
}

pub fn header_leak_applies(variant: &Resolved, _: Option<Code>) -> bool {
    for &header in variant.headers() {
        if leaks(variant, header) {
            return true;
        }
    }
    false
}

/// `header_leak` (warning): a 5xx header that sends value-derived text the body hides.
pub fn header_leak(at: &OptionAt, report: &mut Report) {
    let Some(header) = header_of(at) else { return };
    if !leaks(at.variant(), header) {
        return;
    }
    report.warning(
        header.name.lit.span(),
        Message::new(
            Rule::HeaderLeak,
            format!("`{}` interpolates a field on a server error: it sends the client value-derived text that the body of a 5xx hides", header.name()),
        )
        .help("log the value instead, or mark the variant `expose` if it is meant for clients"),
    );
}
