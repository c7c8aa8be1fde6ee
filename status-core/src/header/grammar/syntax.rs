//! The building blocks the field grammars share (RFC 9110 §5.6): tokens, quoted-strings, lists
//! and parameters, as a sender generates them.

/// Optional whitespace (RFC 9110 §5.6.3).
pub(super) const OWS: [char; 2] = [' ', '\t'];

/// `token = 1*tchar` (RFC 9110 §5.6.2).
pub(super) fn is_token(value: &str) -> bool {
    super::super::is_token(value)
}

/// `1*DIGIT`.
pub(super) fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// `quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE` (RFC 9110 §5.6.4). Control
/// characters are refused for the whole value before any grammar runs.
pub(super) fn is_quoted_string(value: &str) -> bool {
    quoted_content(value).is_some()
}

/// The text between the quotes of a quoted-string, quoted-pairs still escaped.
pub(super) fn quoted_content(value: &str) -> Option<&str> {
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    let mut escaped = false;
    for b in inner.bytes() {
        match (escaped, b) {
            (true, _) => escaped = false,
            (false, b'\\') => escaped = true,
            (false, b'"') => return None,
            _ => {}
        }
    }
    (!escaped).then_some(inner)
}

/// `token / quoted-string`: a parameter value (RFC 9110 §5.6.6).
pub(super) fn is_token_or_quoted(value: &str) -> bool {
    is_token(value) || is_quoted_string(value)
}

/// A parameter value without its quotes: the token itself, or the content of the
/// quoted-string (quoted-pairs still escaped); `None` if it is neither.
pub(super) fn param_text(value: &str) -> Option<&str> {
    if is_token(value) {
        Some(value)
    } else {
        quoted_content(value)
    }
}

/// `name=value` as a sender writes a parameter: the name a token, no whitespace around `=`
/// (a sender MUST NOT generate BWS, RFC 9110 §5.6.3). `value` is `None` without `=`; its
/// syntax is the caller's.
pub(super) fn param(text: &str) -> Option<(&str, Option<&str>)> {
    let (name, value) = match text.split_once('=') {
        Some((name, value)) => (name, Some(value)),
        None => (text, None),
    };
    is_token(name).then_some((name, value))
}

/// The pieces of `value` between `separator`s that are outside quoted-strings (and outside
/// `<…>` for [`Split::links`]), with the whitespace around them; the caller trims and checks
/// each. An unclosed quote or bracket runs to the end, where the piece fails its own check.
#[derive(Clone)]
pub(super) struct Split<'a> {
    rest: Option<&'a str>,
    separator: u8,
    brackets: bool,
}

impl<'a> Split<'a> {
    /// Split at `separator` outside quoted-strings.
    pub(super) fn new(value: &'a str, separator: u8) -> Self {
        Split {
            rest: Some(value),
            separator,
            brackets: false,
        }
    }

    /// Nothing to split.
    pub(super) fn empty() -> Self {
        Split {
            rest: None,
            ..Split::new("", b',')
        }
    }

    /// Split `Link` at commas outside quoted-strings and outside the `<URI-Reference>`, which
    /// may hold commas and semicolons (RFC 3986 sub-delims).
    pub(super) fn links(value: &'a str) -> Self {
        Split {
            brackets: true,
            ..Split::new(value, b',')
        }
    }
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        let (mut quoted, mut escaped, mut bracketed) = (false, false, false);
        for (i, b) in rest.bytes().enumerate() {
            match (quoted, escaped, b) {
                (true, true, _) => escaped = false,
                (true, false, b'\\') => escaped = true,
                (_, _, b'"') if !bracketed => quoted = !quoted,
                (false, _, b'<') if self.brackets => bracketed = true,
                (false, _, b'>') => bracketed = false,
                (false, _, b) if b == self.separator && !bracketed => {
                    self.rest = Some(&rest[i + 1..]);
                    return Some(&rest[..i]);
                }
                _ => {}
            }
        }
        self.rest = None;
        Some(rest)
    }
}

/// The elements of a comma-separated list, trimmed of the optional whitespace around them.
pub(super) fn elements(value: &str) -> impl Iterator<Item = &str> + Clone {
    Split::new(value, b',').map(|e| e.trim_matches(OWS))
}

/// `#element` as a sender writes it: elements separated by commas and optional whitespace,
/// none of them empty (RFC 9110 §5.6.1: "a sender MUST NOT generate empty list elements").
pub(super) fn list(value: &str, element: impl Fn(&str) -> bool) -> bool {
    elements(value).all(|e| !e.is_empty() && element(e))
}

/// The parameters in `*( OWS ";" OWS parameter )` after a value (RFC 9110 §5.6.6), each
/// trimmed; `None` if `text` holds anything else before its first `;`.
pub(super) fn parameters(text: &str) -> Option<impl Iterator<Item = &str> + Clone> {
    let text = text.trim_start_matches(OWS);
    let split = match text.strip_prefix(';') {
        Some(params) => Split::new(params, b';'),
        None if text.is_empty() => Split::empty(),
        None => return None,
    };
    Some(split.map(|p| p.trim_matches(OWS)))
}

/// The names of `params` (as [`parameters`] yields them) that are well formed.
pub(super) fn names<'a>(
    params: impl Iterator<Item = &'a str> + Clone,
) -> impl Iterator<Item = &'a str> + Clone {
    params.filter_map(|p| param(p).map(|(name, _)| name))
}

/// Whether two of `names` are the same, compared case-insensitively (parameter names,
/// RFC 9110 §5.6.6). Quadratic, without allocation: field values are short.
pub(super) fn has_repeated<'a, I>(mut names: I) -> bool
where
    I: Iterator<Item = &'a str> + Clone,
{
    while let Some(name) = names.next() {
        if names.clone().any(|other| other.eq_ignore_ascii_case(name)) {
            return true;
        }
    }
    false
}

/// `ext-value = charset "'" [ language ] "'" value-chars` (RFC 8187 §3.2), for parameters
/// whose name ends in `*`. A producer MUST use UTF-8 (§3.2.1), and the percent-decoded bytes
/// must then be UTF-8. The language is checked for the shape of a language tag
/// (`1*8ALPHA *("-" 1*8alphanum)`), not against the full RFC 5646 grammar.
pub(super) fn is_ext_value(value: &str) -> bool {
    let mut parts = value.splitn(3, '\'');
    let (Some(charset), Some(language), Some(chars)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    charset.eq_ignore_ascii_case("UTF-8")
        && (language.is_empty() || is_language_tag(language))
        && is_utf8_value_chars(chars)
}

fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or("");
    let subtag = |s: &str, alphabetic: bool| {
        (1..=8).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphabetic() || (!alphabetic && b.is_ascii_digit()))
    };
    subtag(primary, true) && subtags.all(|s| subtag(s, false))
}

/// `value-chars = *( pct-encoded / attr-char )`, decoding to UTF-8.
fn is_utf8_value_chars(chars: &str) -> bool {
    let bytes = chars.as_bytes();
    // One character's bytes, checked when complete.
    let (mut char_bytes, mut len, mut want) = ([0u8; 4], 0, 0);
    let mut i = 0;
    while i < bytes.len() {
        let byte = match bytes[i] {
            b'%' => {
                let Some(byte) = bytes.get(i + 1..i + 3).and_then(hex_byte) else {
                    return false;
                };
                i += 3;
                byte
            }
            b if is_attr_char(b) => {
                i += 1;
                b
            }
            _ => return false,
        };
        if len == 0 {
            want = utf8_len(byte);
            if want == 0 {
                return false;
            }
        }
        char_bytes[len] = byte;
        len += 1;
        if len == want {
            if core::str::from_utf8(&char_bytes[..len]).is_err() {
                return false;
            }
            len = 0;
        }
    }
    len == 0
}

/// The length of the UTF-8 sequence `lead` starts, 0 if it cannot start one.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

fn hex_byte(pair: &[u8]) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(pair[0])? * 16 + digit(pair[1])?) as u8)
}

/// `attr-char` (RFC 8187 §3.2.1): a token character other than `*`, `'` and `%`.
fn is_attr_char(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#' | b'$' | b'&' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
        )
}

/// Compares two decimal numbers of any length (no overflow): shorter is smaller once leading
/// zeros are gone.
pub(super) fn cmp_decimal(a: &str, b: &str) -> core::cmp::Ordering {
    let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::cmp::Ordering;

    #[test]
    fn quoted_strings() {
        assert!(is_quoted_string("\"\""));
        assert!(is_quoted_string("\"a \\\"b\\\" c\""));
        assert!(is_quoted_string("\"a\\\\\""));
        assert!(!is_quoted_string("\"a\\\""));
        assert!(!is_quoted_string("\"a\"b\""));
        assert!(!is_quoted_string("\"open"));
        assert!(!is_quoted_string("bare"));
        assert_eq!(param_text("\"a b\""), Some("a b"));
        assert_eq!(param_text("ab"), Some("ab"));
        assert_eq!(param_text("a b"), None);
    }

    #[test]
    fn splits_outside_quotes_and_brackets() {
        let mut split = Split::new("a=\"x, y\", b", b',');
        assert_eq!(split.next(), Some("a=\"x, y\""));
        assert_eq!(split.next(), Some(" b"));
        assert_eq!(split.next(), None);
        let mut links = Split::links("<https://x/a,b>; rel=\"a,b\", <y>");
        assert_eq!(links.next(), Some("<https://x/a,b>; rel=\"a,b\""));
        assert_eq!(links.next(), Some(" <y>"));
        assert_eq!(links.next(), None);
        assert!(list("a, b,c", is_token));
        assert!(!list("a,,b", is_token));
        assert!(!list("a, ", is_token));
    }

    #[test]
    fn params_and_names() {
        assert_eq!(param("a=b"), Some(("a", Some("b"))));
        assert_eq!(param("a"), Some(("a", None)));
        assert_eq!(param("a =b"), None);
        assert_eq!(param("a= b"), Some(("a", Some(" b"))));
        assert!(has_repeated(["realm", "x", "REALM"].into_iter()));
        assert!(!has_repeated(["realm", "x"].into_iter()));
        let params =
            |text, expected: &[&str]| parameters(text).unwrap().eq(expected.iter().copied());
        assert!(params("", &[]));
        assert!(params(" ; a=b;c=\"x;y\" ", &["a=b", "c=\"x;y\""]));
        assert!(params(";", &[""]));
        assert!(parameters("x; a=b").is_none());
    }

    #[test]
    fn ext_values() {
        for good in [
            "UTF-8''na%C3%AFve.txt",
            "utf-8'en'a%20b",
            "UTF-8'de-DE'x",
            "UTF-8''",
            "UTF-8''%E2%82%AC",
        ] {
            assert!(is_ext_value(good), "{good}");
        }
        for bad in [
            "na%C3%AFve.txt",
            "ISO-8859-1''%A3",
            "UTF-8''a b",
            "UTF-8''%zz",
            "UTF-8''%C3",
            "UTF-8''%FF",
            "UTF-8''a'b",
            "UTF-8'123456789'x",
            "UTF-8''a*",
        ] {
            assert!(!is_ext_value(bad), "{bad}");
        }
    }

    #[test]
    fn decimals() {
        assert_eq!(cmp_decimal("499", "1234"), Ordering::Less);
        assert_eq!(cmp_decimal("0012", "12"), Ordering::Equal);
        assert_eq!(
            cmp_decimal("99999999999999999999999", "1"),
            Ordering::Greater
        );
        assert_eq!(cmp_decimal("0", "000"), Ordering::Equal);
    }
}
