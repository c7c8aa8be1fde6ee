//! `Link`: `#link-value` (RFC 8288 §3), and the relation types a link names (§3.3).

use super::syntax::{
    is_ext_value, is_token, is_token_or_quoted, names, param, param_text, parameters,
    quoted_content, Split, OWS,
};

/// `#link-value`, `link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )`,
/// `link-param = token BWS [ "=" BWS ( token / quoted-string ) ]` without BWS (a sender MUST
/// NOT generate it, RFC 9110 §5.6.3). Beyond the ABNF, what RFC 8288 asks of a sender:
/// - `rel` MUST be present, and once (§3.3); its value is one or more relation types
///   separated by spaces (quoted if more than one), each a registered name
///   (`ALPHA *( ALPHA / DIGIT / "." / "-" )`, accepted in any case since names compare
///   case-insensitively, §2.1.1) or an absolute URI (§2.1.2);
/// - `title`, `title*`, `type` and `media` at most once (§3.4.1);
/// - a parameter whose name ends in `*` (`title*`) is an RFC 8187 ext-value (§3.4.1).
pub(super) fn is_link(value: &str) -> bool {
    Split::links(value).all(|link| is_link_value(link.trim_matches(OWS)))
}

fn is_link_value(link: &str) -> bool {
    let Some((target, params)) = parts(link) else {
        return false;
    };
    let count = |name: &str| {
        names(params.clone())
            .filter(|n| n.eq_ignore_ascii_case(name))
            .count()
    };
    super::uri::is_uri_reference(target)
        && params.clone().all(is_link_param)
        && count("rel") == 1
        && ["title", "title*", "type", "media"]
            .iter()
            .all(|name| count(name) <= 1)
}

/// The URI-Reference between `<` and `>`, and the parameters after it.
fn parts(link: &str) -> Option<(&str, impl Iterator<Item = &str> + Clone)> {
    let (target, rest) = link.strip_prefix('<')?.split_once('>')?;
    Some((target, parameters(rest)?))
}

fn is_link_param(text: &str) -> bool {
    match param(text) {
        Some((name, None)) => !name.eq_ignore_ascii_case("rel"),
        Some((name, Some(value))) if name.eq_ignore_ascii_case("rel") => is_relation_types(value),
        Some((name, Some(value))) if name.len() > 1 && name.ends_with('*') => is_ext_value(value),
        Some((_, Some(value))) => is_token_or_quoted(value),
        None => false,
    }
}

/// `relation-types = relation-type / DQUOTE relation-type *( 1*SP relation-type ) DQUOTE`.
fn is_relation_types(value: &str) -> bool {
    match quoted_content(value) {
        Some(types) => {
            !types.starts_with(' ')
                && !types.ends_with(' ')
                && !types.is_empty()
                && types
                    .split(' ')
                    .filter(|t| !t.is_empty())
                    .all(is_relation_type)
        }
        None => is_token(value) && is_relation_type(value),
    }
}

/// `relation-type = reg-rel-type / ext-rel-type` (§3.3).
fn is_relation_type(name: &str) -> bool {
    let mut bytes = name.bytes();
    let registered = bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    registered || super::uri::is_uri(name)
}

/// Whether any link-value of the `Link` value `value` has `rel` among its relation types: the
/// value of its `rel` parameter (the name in any case; token or quoted-string) is a
/// space-separated list compared case-insensitively (RFC 8288 §3.3, §2.1.1). Only a link's
/// first `rel` counts: "occurrences after the first MUST be ignored by parsers" (§3.3). The
/// value need not be valid otherwise; links that cannot be read have no relation.
///
/// ```
/// use http_status_core::header::link_has_rel;
///
/// assert!(link_has_rel("<https://x>; rel=\"related blocked-by\"", "blocked-by"));
/// assert!(link_has_rel("<https://a>; rel=next, <https://x>; REL=Blocked-By", "blocked-by"));
/// assert!(!link_has_rel("<https://x>; rel=\"blocked-by-proxy\"", "blocked-by"));
/// assert!(!link_has_rel("<https://x>; title=\"rel=blocked-by\"", "blocked-by"));
/// ```
pub fn link_has_rel(value: &str, rel: &str) -> bool {
    Split::links(value)
        .filter_map(|link| first_rel(link.trim_matches(OWS)))
        .any(|types| {
            types
                .split(' ')
                .any(|t| !t.is_empty() && t.eq_ignore_ascii_case(rel))
        })
}

/// The unquoted value of the first `rel` parameter of a link-value.
fn first_rel(link: &str) -> Option<&str> {
    let (_, params) = parts(link)?;
    let (_, value) = params
        .filter_map(param)
        .find(|(name, _)| name.eq_ignore_ascii_case("rel"))?;
    param_text(value?)
}

#[cfg(test)]
mod tests {
    use super::{is_link as ok, link_has_rel};

    #[test]
    fn links() {
        for good in [
            "<https://example.com/x>; rel=\"next\"",
            "<https://example.com/x>;rel=next",
            "</x>; rel=next",
            "<>; rel=self",
            "<https://a/1>; rel=prev, <https://a/3>; rel=next",
            "<https://a/1>; rel=\"prev first\"; title=\"a, b; c\", <https://a/3>; rel=next",
            "<https://x/a,b;c>; rel=next",
            "<https://x>; rel=\"http://example.net/rel/x next\"",
            "<https://x>; rel=Next",
            "<https://x>; rel=blocked-by; anchor=\"#a\"",
            "<https://x>; rel=alternate; hreflang=de; hreflang=fr",
            "<https://x>; rel=next; title*=UTF-8'de'n%c3%a4chstes%20Kapitel",
            "<https://x>; rel=preload; nopush",
            "<https://x> ; rel=next",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in [
            "https://example.com/x; rel=next",
            "<https://example.com/x",
            "<https://x>",
            "<https://x>; title=x",
            "<https://x>; rel=next; rel=prev",
            "<https://x>; rel=next; REL=prev",
            "<https://x>; rel",
            "<https://x>; rel=\"\"",
            "<https://x>; rel=\" next\"",
            "<https://x>; rel=\"1st\"",
            "<https://x>; rel = next",
            "<https://x>; rel= next",
            "<https://x>; rel=next;",
            "<https://x>; rel=next; title=a; title=b",
            "<https://x>; rel=next; title*=na%C3%AFve",
            "<https://x> rel=next",
            "<https://x>; rel=next,",
            "<https://x>; rel=next,, <y>; rel=prev",
            "</a b>; rel=next",
            "<https://x>; rel=next; title=\"open",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }

    #[test]
    fn relations() {
        let blocked = |value| link_has_rel(value, "blocked-by");
        assert!(blocked("<https://x>; rel=\"related blocked-by\""));
        assert!(blocked("<https://x>; REL=blocked-by"));
        assert!(blocked("<https://x>; rel=\"BLOCKED-BY\""));
        assert!(blocked(
            "<https://a>; rel=next, <https://x,y>; title=\"a, b\"; rel=blocked-by"
        ));
        assert!(!blocked("<https://x>; rel=next"));
        assert!(!blocked("<https://x>; rel=\"blocked-by-x\""));
        assert!(!blocked("<https://x>; title=\"rel=blocked-by\"; rel=next"));
        assert!(!blocked("<https://x>; anchor=blocked-by; rel=next"));
        // Later `rel`s are ignored (§3.3).
        assert!(!blocked("<https://x>; rel=next; rel=blocked-by"));
        assert!(!blocked("rel=blocked-by"));
        assert!(!blocked(""));
        assert!(!link_has_rel("<https://x>; rel=\"a  b\"", ""));
    }
}
