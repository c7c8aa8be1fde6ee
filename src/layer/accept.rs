//! The request's `Accept`, read as RFC 9110 §12.5.1 says (media ranges with q-values, the
//! most specific range deciding), down to the three representations an error body has.

use crate::context::Prefer;

/// Which representation a client with these `Accept` fields gets. Never "none": an error
/// response is not turned into a 406, so a client that accepts nothing we have gets the body
/// as it is.
pub(crate) fn prefer<'a, I>(accept: impl Fn() -> I) -> Prefer
where
    I: Iterator<Item = &'a [u8]>,
{
    // Read once per media type asked about, rather than collected: no allocation per request.
    let ranges = || {
        accept()
            // A field that is not text accepts nothing we can read: ignored, as if absent.
            .filter_map(|value| core::str::from_utf8(value).ok())
            .flat_map(|value| value.split(','))
            .filter_map(Range::parse)
    };
    if ranges().next().is_none() {
        return Prefer::AsIs;
    }
    let accepts = |kind, subtype| quality(ranges(), kind, subtype) > 0;
    if accepts("application", "problem+json") {
        Prefer::AsIs
    } else if accepts("application", "json") {
        Prefer::Json
    } else if accepts("text", "plain") || accepts("text", "html") {
        Prefer::Text
    } else {
        Prefer::AsIs
    }
}

/// One media range: `type/subtype` (either may be `*`) and its weight in thousandths.
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    q: u16,
}

impl<'a> Range<'a> {
    /// A range, or `None` for one that is malformed (it is skipped, not fatal).
    fn parse(text: &'a str) -> Option<Range<'a>> {
        let mut parts = text.split(';');
        let (kind, subtype) = parts.next()?.trim().split_once('/')?;
        if kind.is_empty() || subtype.is_empty() || (kind == "*" && subtype != "*") {
            return None;
        }
        let mut q = 1000;
        for parameter in parts {
            if let Some((name, value)) = parameter.trim().split_once('=') {
                if name.trim().eq_ignore_ascii_case("q") {
                    q = weight(value.trim())?;
                }
            }
        }
        Some(Range { kind, subtype, q })
    }

    /// How specifically this range matches `kind/subtype`: 2 exact, 1 `kind/*`, 0 `*/*`.
    fn matches(&self, kind: &str, subtype: &str) -> Option<u8> {
        if self.kind == "*" {
            Some(0)
        } else if !self.kind.eq_ignore_ascii_case(kind) {
            None
        } else if self.subtype == "*" {
            Some(1)
        } else {
            self.subtype.eq_ignore_ascii_case(subtype).then_some(2)
        }
    }
}

/// A `qvalue` (`0`, `0.5`, `1.000`) in thousandths, or `None` if it is not one.
fn weight(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(core::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |total, digit| total * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The weight the most specific matching range gives `kind/subtype` (0 if none matches).
fn quality<'a>(ranges: impl Iterator<Item = Range<'a>>, kind: &str, subtype: &str) -> u16 {
    ranges
        .filter_map(|range| Some((range.matches(kind, subtype)?, range.q)))
        .max_by_key(|(specificity, _)| *specificity)
        .map_or(0, |(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[&'static str]) -> Prefer {
        prefer(|| values.iter().map(|value| value.as_bytes()))
    }

    #[test]
    fn representations() {
        use Prefer::*;
        let cases: &[(&[&'static str], Prefer)] = &[
            (&[], AsIs),
            (&["*/*"], AsIs),
            (&["application/*"], AsIs),
            (&["application/problem+json"], AsIs),
            (&["application/json"], Json),
            (&["application/json", "application/problem+json"], AsIs),
            (&["application/problem+json;q=0, application/json"], Json),
            (&["application/problem+json ; q=0 , */*;q=0.1"], Json),
            (&["application/*;q=0, application/json;q=0.2"], Json),
            (&["text/plain"], Text),
            (&["text/*"], Text),
            (&["text/html"], Text),
            (
                &["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
                AsIs,
            ),
            (&["text/plain, application/json;q=0.5"], Json),
            (&["application/json;q=0, text/plain"], Text),
            (&["image/png"], AsIs),
            (&["application/json;q=0"], AsIs),
            (&["application/json;q=2"], AsIs),
            (&["application/json;q=0.0001"], AsIs),
            (&["garbage, text/plain"], Text),
            (&["APPLICATION/JSON"], Json),
        ];
        for (accept, expected) in cases {
            assert_eq!(of(accept), *expected, "{accept:?}");
        }
    }

    #[test]
    fn weights() {
        assert_eq!(weight("0"), Some(0));
        assert_eq!(weight("0.5"), Some(500));
        assert_eq!(weight("0.125"), Some(125));
        assert_eq!(weight("1"), Some(1000));
        assert_eq!(weight("1.000"), Some(1000));
        assert_eq!(weight("1.5"), None);
        assert_eq!(weight("0.1234"), None);
        assert_eq!(weight("-1"), None);
        assert_eq!(weight(""), None);
    }
}
