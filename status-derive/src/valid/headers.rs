//! Header rules: `invalid_header` (names, values and their grammar, fields the library owns,
//! connection-specific fields, singletons), `missing_required_header`, and the warnings about
//! headers a status asks for or should not carry. Values are checked by the `status-core`
//! functions the runtime uses on interpolated values.

use crate::attr::HeaderOpt;
use crate::diag::{closest, Diagnostics};
use crate::resolve::{Code, Resolved};
use crate::rules::{Message, Rule};
use crate::template::Piece;
use http_status_core::header::{
    check_value, field_named, first_non_ascii, grammar::list_contains, grammar_of, is_for_clients,
    is_token, Grammar, ValueError,
};
use http_status_core::{Cache, Level};

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

/// The checks of one `header(…)` that do not depend on the status: checked once, where it is
/// written. `allowed` tells whether a warning is silenced there.
pub fn literal_header(header: &HeaderOpt, allowed: &dyn Fn(Rule) -> bool, diag: &mut Diagnostics) {
    if !header_name(header, diag) {
        return;
    }
    let name = header.name();
    let lit = &header.value.lit;
    let Ok(template) = &header.value.parsed else {
        return;
    };
    // Placeholders are checked when the value is formatted; the literal text around them now.
    let literal = template.literal();
    let text: String = template
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(text) => Some(text.as_str()),
            Piece::Field(_) => None,
        })
        .collect();
    let checked = match &literal {
        Some(value) => check_value(grammar_of(name), value),
        // Only the bytes around placeholders: the whole value is checked at run time.
        None => match check_value(Grammar::Any, &format!("x{text}x")) {
            Err(error @ ValueError::Forbidden { .. }) => Err(error),
            _ => Ok(()),
        },
    };
    if let Err(error) = checked {
        diag.error(lit, value_error(name, &header.value.text, error));
        return;
    }
    if let Some(index) = first_non_ascii(&text) {
        if !allowed(Rule::NonAsciiHeaderValue) {
            let c = text[index..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            diag.warning(
                lit.span(),
                Message::new(
                    Rule::NonAsciiHeaderValue,
                    format!("the value of `{name}` contains `{c}`, which is not US-ASCII: legal (obs-text), but recipients may read it in another charset"),
                )
                .spec("RFC 9110 §5.5")
                .help("percent-encode it, or use an encoding the field defines (RFC 8187 for parameters)"),
            );
        }
    }
}

/// Checks the name; returns whether the header can be checked further.
fn header_name(header: &HeaderOpt, diag: &mut Diagnostics) -> bool {
    let name = header.name();
    let at = &header.name.lit;
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
        diag.error(
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
    if field.connection_specific && !matches!(field.name, "Connection" | "Upgrade") {
        diag.error(
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
                grammar_example(grammar, name)
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
        .help(grammar_example(grammar, name)),
    }
}

fn grammar_example(grammar: Grammar, name: &str) -> String {
    let example = match grammar {
        Grammar::RetryAfter => "120",
        Grammar::UriReference => "/users/42",
        Grammar::Methods => "GET, HEAD",
        Grammar::Challenges => "Bearer realm=\"api\"",
        Grammar::Protocols => "websocket",
        Grammar::Tokens => "upgrade",
        Grammar::HttpDate => "Wed, 21 Oct 2015 07:28:00 GMT",
        _ => "value",
    };
    format!("e.g. {}", snippet(name, example))
}

/// The same singleton field twice in one attribute: the message would be invalid (RFC 9110
/// §5.3). (A variant's header replaces an enum header of the same name, so only one goes
/// out.)
pub fn repeated_singletons<'h>(
    headers: impl Iterator<Item = &'h HeaderOpt>,
    diag: &mut Diagnostics,
) {
    let headers: Vec<&HeaderOpt> = headers.collect();
    for (i, header) in headers.iter().enumerate() {
        let Some(field) = field_named(header.name()).filter(|f| f.singleton) else {
            continue;
        };
        let Some(first) = headers[..i]
            .iter()
            .find(|h| h.name().eq_ignore_ascii_case(header.name()))
        else {
            continue;
        };
        diag.error(
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
        diag.note_at(
            first.name.lit.span(),
            format!("`{}` is first set here", field.name),
        );
    }
}

/// Whether the variant wrote `header` itself (else it is the enum's).
fn is_own(variant: &Resolved, header: &HeaderOpt) -> bool {
    variant
        .own
        .is_some_and(|a| a.headers().any(|h| std::ptr::eq(h, header)))
}

/// Reports a finding about one of the variant's headers at the header. An enum header is
/// reported once, for the first variant it does not suit, however many inherit it.
fn report_header(variant: &Resolved, header: &HeaderOpt, message: Message, diag: &mut Diagnostics) {
    if is_own(variant, header) || diag.first_for(header, message.rule) {
        if message.rule.is_warning() {
            diag.warning(header.name.lit.span(), message);
        } else {
            diag.error_at(header.name.lit.span(), message);
        }
    }
}

/// "on 404 Not Found", or "on variant `A` (404 Not Found)" for an enum header.
fn on(variant: &Resolved, header: &HeaderOpt, code: Code) -> String {
    if is_own(variant, header) || !variant.variant.is_enum_variant {
        code.describe()
    } else {
        format!("variant `{}` ({})", variant.variant.name(), code.describe())
    }
}

/// Header rules that depend on the variant's status.
pub fn status_headers(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    missing_required_header(variant, code, diag);
    for header in variant.headers() {
        let Some(field) = field_named(header.name()) else {
            continue;
        };
        let status = on(variant, header, code);
        let message = match field.name {
            "Connection" | "Upgrade" if !matches!(code.value, 101 | 426) => Some(
                Message::new(
                    Rule::InvalidHeader,
                    format!("`{}` is connection-specific: only a 426 Upgrade Required (or a 101) names a protocol to switch to, and {status} is neither", field.name),
                )
                .spec("RFC 9110 §7.6.1, §7.8; RFC 9113 §8.2.2")
                .help(format!("remove header(\"{}\" = ...)", header.name())),
            ),
            "Content-Range" if !variant.content_forbidden() && !matches!(code.value, 206 | 416) => Some(
                Message::new(
                    Rule::InvalidHeader,
                    format!("`Content-Range` has no meaning on {status}: only 206 and 416 define it"),
                )
                .spec("RFC 9110 §14.4")
                .help("remove it, or use 416 Range Not Satisfiable for an unsatisfiable range"),
            ),
            "Content-Encoding" if !variant.content_forbidden() => Some(
                Message::new(
                    Rule::InvalidHeader,
                    "`Content-Encoding` says the body is encoded (gzip, …), but http-status writes it unencoded",
                )
                .spec("RFC 9110 §8.4")
                .help("remove it; let a compression layer (tower-http, actix-web's Compress) encode responses and set the field"),
            ),
            _ => None,
        };
        if let Some(message) = message {
            report_header(variant, header, message, diag);
        }
    }
}

/// `missing_required_header`: a header field the status requires.
fn missing_required_header(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let headers = variant.headers();
    for required in variant.required_headers() {
        let found = variant.headers_named(required.name);
        let Some(header) = found.first() else {
            let written: Vec<&str> = headers.iter().map(|h| h.name()).collect();
            let misspelled = closest(required.name, &written)
                .filter(|written| !written.eq_ignore_ascii_case(required.name))
                .map(|written| format!("the header `{written}` is spelled `{}`", required.name));
            diag.error_at(
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
            report_header(
                variant,
                header,
                Message::new(
                    Rule::MissingRequiredHeader,
                    format!("`Connection: {value}` lacks the `upgrade` option that must accompany Upgrade on {}", code.describe()),
                )
                .spec(required.spec)
                .help("write header(\"Connection\" = \"upgrade\")"),
                diag,
            );
        }
    }
}

/// The registry's advice for this status that `rule` reports (a SHOULD or MAY header).
fn advised(code: Code, rule: Rule) -> Option<&'static http_status_core::HeaderRule> {
    let info = code.info?;
    info.should_headers
        .iter()
        .chain(info.may_headers)
        .find(|h| h.lint == Some(rule.name()))
}

/// Whether the status advises a header that `rule` reports missing.
pub fn advises(code: Code, rule: Rule) -> bool {
    advised(code, rule).is_some()
}

/// A warning that the status asks for a header the variant does not send.
pub fn advised_header(
    rule: Rule,
    why: &str,
    variant: &Resolved,
    code: Code,
    diag: &mut Diagnostics,
) {
    let Some(header) = advised(code, rule) else {
        return;
    };
    if variant.has_header(header.name) {
        return;
    }
    let level = match header.level {
        Level::May => "MAY",
        _ => "SHOULD",
    };
    let condition = header
        .condition
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    let mut message = Message::new(
        rule,
        format!(
            "{} has no {} header{why} ({}: the response {level} carry one{condition})",
            code.describe(),
            header.name,
            header.spec
        ),
    )
    .help(format!("add {}", snippet(header.name, header.example)));
    if code.value == 201 {
        message = message.help("if the resource was created at the request's own URI (a PUT), the target URI already names it (RFC 9110 §15.3.2) and the warning can be silenced");
    }
    diag.warning(variant.status_span(), message);
}

/// `missing_blocked_by` (warning): 451 without `Link: <…>; rel="blocked-by"`.
pub fn missing_blocked_by(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    let Some(header) = advised(code, Rule::MissingBlockedBy) else {
        return;
    };
    let links = variant.headers_named("Link");
    let blocked_by = links.iter().any(|link| match link.value.literal() {
        Some(value) => value.contains("rel=\"blocked-by\"") || value.contains("rel=blocked-by"),
        // Interpolated: the relation may be in the value.
        None => true,
    });
    if blocked_by {
        return;
    }
    let what = if links.is_empty() {
        "has no Link header"
    } else {
        "has a Link header, but none with rel=\"blocked-by\""
    };
    diag.warning(
        variant.status_span(),
        Message::new(
            Rule::MissingBlockedBy,
            format!(
                "{} {what} identifying who demanded the block ({}: the response SHOULD carry one)",
                code.describe(),
                header.spec
            ),
        )
        .help(format!("add {}", snippet(header.name, header.example))),
    );
}

/// `storable_error` applies to the statuses caches MUST NOT store (428, 429, 431, 511) that
/// carry `Cache-Control`.
pub fn storable_applies(variant: &Resolved, code: Code) -> bool {
    code.info
        .is_some_and(|info| info.cache == Cache::MustNotStore)
        && variant.has_header("Cache-Control")
}

/// `storable_error` (warning): `Cache-Control` that lets a cache store such a response.
pub fn storable_error(variant: &Resolved, code: Code, diag: &mut Diagnostics) {
    for header in variant.headers_named("Cache-Control") {
        let Some(value) = header.value.literal() else {
            continue;
        };
        if list_contains(&value, "no-store") {
            continue;
        }
        report_header(
            variant,
            header,
            Message::new(
                Rule::StorableError,
                format!(
                    "`Cache-Control: {value}` lets caches store {}, which they MUST NOT",
                    on(variant, header, code)
                ),
            )
            .spec(code.info.map_or("RFC 6585", |i| i.spec))
            .help("use header(\"Cache-Control\" = \"no-store\"), or remove it"),
            diag,
        );
    }
}

/// `challenge_on_511` applies to a 511 with a challenge.
pub fn challenge_applies(variant: &Resolved, code: Code) -> bool {
    code.value == 511
        && (variant.has_header("WWW-Authenticate") || variant.has_header("Proxy-Authenticate"))
}

/// `challenge_on_511` (warning): a 511 is for the network's login page, not a challenge.
pub fn challenge_on_511(variant: &Resolved, _: Code, diag: &mut Diagnostics) {
    for name in ["WWW-Authenticate", "Proxy-Authenticate"] {
        for header in variant.headers_named(name) {
            report_header(
                variant,
                header,
                Message::new(
                    Rule::ChallengeOn511,
                    format!("a 511 Network Authentication Required SHOULD NOT carry a challenge (`{name}`): clients would answer the challenge instead of following the login link"),
                )
                .spec("RFC 6585 §6")
                .help("remove it and link to the login page in the body; use 401 with a challenge for credentials"),
                diag,
            );
        }
    }
}

/// The headers of a 5xx that interpolate a field, other than those whose values are protocol
/// data for the client.
fn leaking<'i>(variant: &Resolved<'i, '_>) -> Vec<&'i HeaderOpt> {
    if !variant.is_server_error() || variant.expose().is_some() {
        return Vec::new();
    }
    variant
        .headers()
        .into_iter()
        .filter(|h| h.value.literal().is_none() && h.value.parsed.is_ok())
        .filter(|h| !is_for_clients(h.name()))
        .collect()
}

pub fn header_leak_applies(variant: &Resolved, _: Code) -> bool {
    !leaking(variant).is_empty()
}

/// `header_leak` (warning): a 5xx header that sends value-derived text the body hides.
pub fn header_leak(variant: &Resolved, _: Code, diag: &mut Diagnostics) {
    for header in leaking(variant) {
        report_header(
            variant,
            header,
            Message::new(
                Rule::HeaderLeak,
                format!("`{}` interpolates a field on a server error: it sends the client value-derived text that the body of a 5xx hides", header.name()),
            )
            .help("log the value instead, or mark the variant `expose` if it is meant for clients"),
            diag,
        );
    }
}
