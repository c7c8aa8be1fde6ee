//! `ETag`: `entity-tag = [ weak ] opaque-tag` (RFC 9110 §8.8.3).

/// `[ %s"W/" ] DQUOTE *etagc DQUOTE`. The weak prefix is case-sensitive (`%s`), and an
/// entity-tag has no quoted-pair: `\` is an ordinary etagc, `"` cannot appear inside.
pub(super) fn is_entity_tag(value: &str) -> bool {
    let opaque = value.strip_prefix("W/").unwrap_or(value);
    opaque
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .is_some_and(|tag| tag.bytes().all(is_etagc))
}

/// `etagc = %x21 / %x23-7E / obs-text`: visible characters other than `"`.
fn is_etagc(b: u8) -> bool {
    b == 0x21 || (0x23..=0x7e).contains(&b) || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::is_entity_tag as ok;

    #[test]
    fn entity_tags() {
        for good in [
            "\"v1\"",
            "W/\"v1\"",
            "\"\"",
            "W/\"\"",
            "\"a\\\"",
            "\"xyzzy-42_!#\"",
            "\"é\"",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in [
            "abc",
            "\"",
            "W/",
            "w/\"x\"",
            "W/x",
            "\"a b\"",
            "\"a\"b\"",
            "\"v1\"-x\"",
            "\"v1\", \"v2\"",
            "W/ \"x\"",
            "\"v1",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
