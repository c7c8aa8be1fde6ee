//! `Cache-Control`: `1#cache-directive` (RFC 9111 §5.2), and whether it lets a cache store a
//! response (§3).

use super::syntax::{elements, is_digits, is_token, list, param, param_text};

/// `cache-directive = token [ "=" ( token / quoted-string ) ]`, with the arguments the
/// directives of a response take (RFC 9111 §5.2.2; directive names are case-insensitive):
/// - `max-age`, `s-maxage` (§5.2.2.1, §5.2.2.10) and `stale-while-revalidate`,
///   `stale-if-error` (RFC 5861 §3, §4) take delta-seconds, `1*DIGIT`, in the token form only:
///   RFC 9111 says "a sender MUST NOT generate the quoted-string form" (`max-age="5"`), and
///   RFC 5861's ABNF has no quotes. Recipients accept both forms; senders here do not.
/// - `no-store`, `must-revalidate`, `proxy-revalidate`, `no-transform`, `public`,
///   `must-understand` and `immutable` (RFC 8246) take no argument.
/// - `no-cache` and `private` take an optional list of field names (§5.2.2.4, §5.2.2.7),
///   quoted; the token form of a single name is only a SHOULD NOT, so it passes.
/// - Any other directive is an extension (§5.2.3): a token or quoted-string argument, or none.
pub(super) fn is_cache_control(value: &str) -> bool {
    list(value, is_directive)
}

fn is_directive(text: &str) -> bool {
    let Some((name, argument)) = param(text) else {
        return false;
    };
    match (Argument::of(name), argument) {
        (Argument::DeltaSeconds, Some(seconds)) => is_digits(seconds),
        (Argument::DeltaSeconds, None) => false,
        (Argument::Nothing, argument) => argument.is_none(),
        (_, None) => true,
        (Argument::FieldNames, Some(names)) => is_field_names(names),
        (Argument::Extension, Some(argument)) => param_text(argument).is_some(),
    }
}

/// The argument a response directive takes.
enum Argument {
    DeltaSeconds,
    Nothing,
    FieldNames,
    Extension,
}

impl Argument {
    fn of(directive: &str) -> Argument {
        const DELTA_SECONDS: [&str; 4] = [
            "max-age",
            "s-maxage",
            "stale-while-revalidate",
            "stale-if-error",
        ];
        const NOTHING: [&str; 7] = [
            "no-store",
            "must-revalidate",
            "proxy-revalidate",
            "no-transform",
            "public",
            "must-understand",
            "immutable",
        ];
        let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(directive));
        if is(&DELTA_SECONDS) {
            Argument::DeltaSeconds
        } else if is(&NOTHING) {
            Argument::Nothing
        } else if is(&["no-cache", "private"]) {
            Argument::FieldNames
        } else {
            Argument::Extension
        }
    }
}

/// `#field-name`, quoted (an empty list is what `#` allows), or one field name as a token.
fn is_field_names(argument: &str) -> bool {
    match param_text(argument) {
        Some("") => true,
        Some(names) => list(names, is_token),
        None => false,
    }
}

/// Whether a `Cache-Control` value lets a cache store a response whose status is not
/// heuristically cacheable (428, 429, 431, 511), by RFC 9111 §3: there is no `no-store`, and
/// there is one of `public`, `private` (a private cache may store it), `max-age`, or
/// `s-maxage` (a shared cache may). `no-cache` alone does not make it storable (it needs one
/// of those too); an unknown extension is not assumed to. `Expires` also makes such a
/// response storable; it is a separate field, for the caller to check.
///
/// ```
/// use http_status_core::header::cache_control_allows_storing as storable;
///
/// assert!(storable("max-age=60"));
/// assert!(storable("private"));
/// assert!(!storable("no-store"));
/// assert!(!storable("max-age=60, no-store"));
/// assert!(!storable("no-cache"));
/// ```
pub fn cache_control_allows_storing(value: &str) -> bool {
    const STORABLE: [&str; 4] = ["public", "private", "max-age", "s-maxage"];
    let mut names = elements(value).filter_map(|d| param(d).map(|(name, _)| name));
    let is = |name: &str, of: &[&str]| of.iter().any(|n| n.eq_ignore_ascii_case(name));
    !names.clone().any(|name| is(name, &["no-store"])) && names.any(|name| is(name, &STORABLE))
}

#[cfg(test)]
mod tests {
    use super::{cache_control_allows_storing as storable, is_cache_control as ok};

    #[test]
    fn directives() {
        for good in [
            "no-store",
            "max-age=0, must-revalidate",
            "MAX-AGE=60",
            "public, max-age=31536000, immutable",
            "s-maxage=10, stale-while-revalidate=30, stale-if-error=600",
            "no-cache",
            "no-cache=\"Set-Cookie, Authorization\"",
            "private=\"Set-Cookie\"",
            "private=Set-Cookie",
            "no-cache=\"\"",
            "community=\"UCI\"",
            "x-ext",
            "x-ext=token",
            "x-ext=\"a, b; c\"",
            "max-age=99999999999999999999",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in [
            "max-age=ten",
            "max-age",
            "max-age=",
            "max-age=\"5\"",
            "max-age=-1",
            "max-age = 5",
            "max-age= 5",
            "s-maxage=1.5",
            "no-store=1",
            "public=\"yes\"",
            "must-revalidate=",
            "no-cache=\"a b\"",
            "no-cache=\"a,,b\"",
            "no-store,,max-age=1",
            "no-store, ",
            "x-ext=a b",
            "x-ext=\"open",
            "no store",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }

    #[test]
    fn storing() {
        for yes in [
            "max-age=60",
            "s-maxage=60",
            "public",
            "private",
            "no-cache, max-age=0",
            "Public",
            "private=\"Set-Cookie\"",
        ] {
            assert!(storable(yes), "{yes}");
        }
        for no in [
            "no-store",
            "NO-STORE",
            "max-age=60, no-store",
            "no-cache",
            "must-revalidate",
            "stale-if-error=60",
            "x-ext=\"max-age\"",
            "immutable",
        ] {
            assert!(!storable(no), "{no}");
        }
    }
}
