//! `WWW-Authenticate` and `Proxy-Authenticate`: `1#challenge` (RFC 9110 §11.3, §11.6.1,
//! §11.7.1).

use super::syntax::{elements, has_repeated, is_token, is_token_or_quoted, param};

/// `1#challenge`, `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`.
///
/// A comma separates both challenges and the auth-params of one challenge, so the list is read
/// element by element: an element that is an auth-param continues the challenge before it, any
/// other starts a new challenge (its auth-scheme, then after spaces a token68 or its first
/// auth-param). As a sender writes it, a challenge has:
/// - a scheme first: `realm=api` alone has none;
/// - no auth-param after a token68 (`Negotiate abc, realm=x`) or after a bare scheme
///   (`Bearer, realm=x`): the grammar attaches auth-params to a scheme only through `1*SP`,
///   and only in place of a token68 (`Basic realm=x, Bearer abc` is two challenges);
/// - each parameter name once, compared case-insensitively (§11.2: "each parameter name MUST
///   only occur once per challenge");
/// - no whitespace around `=`: it is BWS, which a sender MUST NOT generate (§5.6.3).
pub(super) fn is_challenge_list(value: &str) -> bool {
    let mut elements = elements(value).peekable();
    let mut any = false;
    while let Some(element) = elements.next() {
        if !is_challenge(element, elements.clone()) {
            return false;
        }
        // The auth-params that follow belong to this challenge, checked with it.
        while elements.next_if(|e| auth_param_name(e).is_some()).is_some() {}
        any = true;
    }
    any
}

/// One challenge: `element` holds its scheme and what follows it up to the first comma;
/// `following` are the list elements after it.
fn is_challenge<'a>(element: &'a str, following: impl Iterator<Item = &'a str> + Clone) -> bool {
    let (scheme, first) = match element.split_once(' ') {
        Some((scheme, rest)) => (scheme, rest.trim_start_matches(' ')),
        None => (element, ""),
    };
    let mut params = following.map_while(auth_param_name);
    if !is_token(scheme) {
        return false;
    }
    if first.is_empty() || is_token68(first) {
        return params.next().is_none();
    }
    let Some(first) = auth_param_name(first) else {
        return false;
    };
    !has_repeated(core::iter::once(first).chain(params))
}

/// The name of `auth-param = token BWS "=" BWS ( token / quoted-string )` without BWS.
fn auth_param_name(text: &str) -> Option<&str> {
    match param(text)? {
        (name, Some(value)) if is_token_or_quoted(value) => Some(name),
        _ => None,
    }
}

/// `token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
fn is_token68(value: &str) -> bool {
    let body = value.trim_end_matches('=');
    !body.is_empty()
        && body.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/')
        })
}

#[cfg(test)]
mod tests {
    use super::is_challenge_list as ok;

    #[test]
    fn valid() {
        for good in [
            "Bearer",
            "Bearer realm=\"api\"",
            "Basic realm=\"simple\", Bearer",
            "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"",
            "Negotiate YIIB4wYGKwYBBQUCoII=",
            "Bearer realm=\"a, b\"",
            "Bearer error=invalid_token",
            "Basic realm=x, Bearer abc",
            "Negotiate abc==, Basic realm=x",
            "Bearer  realm=x",
            "Bearer realm=x,error=y",
            // The same name in two challenges.
            "Basic realm=x, Bearer realm=y",
            "Bearer realm=\"=\"",
            // A token68 (padding included), not an empty parameter.
            "Bearer realm=",
        ] {
            assert!(ok(good), "{good}");
        }
    }

    #[test]
    fn invalid() {
        for bad in [
            ",",
            "realm=api",
            "Bearer,,Basic",
            "Bearer realm=\"open",
            "Bear er realm=x y",
            "\"Bearer\"",
            "Bearer realm=a b",
            // A parameter name twice in one challenge, compared case-insensitively (§11.2).
            "Bearer realm=x, realm=y",
            "Bearer realm=x, REALM=y",
            "Newauth realm=x, type=1, Realm=\"z\"",
            // BWS around `=` (§5.6.3).
            "Bearer realm = \"x\"",
            "Bearer realm= x",
            "Bearer realm =x",
            "Bearer realm=x, error =y",
            // Parameters after a token68 or after a bare scheme.
            "Negotiate abc, realm=x",
            "Negotiate abc==, realm=x",
            "Bearer, realm=x",
            "Bearer\trealm=x",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
