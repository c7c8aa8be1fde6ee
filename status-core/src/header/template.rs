//! Header values written as templates, `Bearer realm="{realm}"`: literal text with placeholders
//! the runtime fills. Two questions come from them, answered here so the derive (at compile
//! time) and the runtime (when it formats the value) agree:
//!
//! - Which placeholders sit inside a quoted-string of the literal text, where the runtime writes
//!   `"` and `\` as quoted-pairs (RFC 9110 §5.6.4) instead of refusing the value:
//!   [`escaped_placeholders`], built on [`placeholders_in_quotes`] and
//!   [`Grammar::quoted_strings`], with [`escape_quoted_into`] and [`QuotedPairs`] to escape.

use super::grammar::Grammar;
use core::fmt::{self, Write as _};

/// A piece of a header value template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplatePiece<'a> {
    /// Literal text, as written.
    Text(&'a str),
    /// A placeholder, filled at run time.
    Value,
}

/// For each [`TemplatePiece::Value`] in order, whether it sits inside a quoted-string of the
/// literal text: after an opening `"` that no later `"` has closed, a `\` taking the next
/// character as a quoted-pair. A placeholder does not change the state: its value is escaped
/// there (or, outside quotes, checked as it stands). This is the text's shape only; whether the
/// field has quoted-strings at all is [`Grammar::quoted_strings`], and both together are
/// [`escaped_placeholders`].
///
/// The result is an iterator (this crate does not allocate); `.collect::<Vec<bool>>()` it.
///
/// ```
/// use status_core::header::{placeholders_in_quotes, TemplatePiece::{Text, Value}};
///
/// // Bearer realm="{realm}", error={code}
/// let pieces = [Text("Bearer realm=\""), Value, Text("\", error="), Value];
/// assert!(placeholders_in_quotes(&pieces).eq([true, false]));
/// ```
pub fn placeholders_in_quotes<'p>(
    pieces: &'p [TemplatePiece<'p>],
) -> impl Iterator<Item = bool> + Clone + 'p {
    pieces
        .iter()
        .scan(Quoting::default(), |quoting, piece| {
            Some(match piece {
                TemplatePiece::Text(text) => {
                    quoting.read(text);
                    None
                }
                TemplatePiece::Value => Some(quoting.value()),
            })
        })
        .flatten()
}

/// For each placeholder in order, whether the runtime escapes its value as quoted-pairs: it
/// sits inside quotes ([`placeholders_in_quotes`]) of a field whose grammar has quoted-strings
/// ([`Grammar::quoted_strings`]). `ETag = "\"{v}\""` is not escaped: an entity-tag has no
/// quoted-pair, so a `"` in `v` makes the value invalid instead.
///
/// ```
/// use status_core::header::{escaped_placeholders, Grammar, TemplatePiece::{Text, Value}};
///
/// let quoted = [Text("\""), Value, Text("\"")];
/// assert!(escaped_placeholders(Grammar::Challenges, &quoted).eq([true]));
/// assert!(escaped_placeholders(Grammar::EntityTag, &quoted).eq([false]));
/// ```
pub fn escaped_placeholders<'p>(
    grammar: Grammar,
    pieces: &'p [TemplatePiece<'p>],
) -> impl Iterator<Item = bool> + Clone + 'p {
    placeholders_in_quotes(pieces).map(move |quoted| quoted && grammar.quoted_strings())
}

/// Where the text read so far leaves the next character.
#[derive(Debug, Clone, Copy, Default)]
struct Quoting {
    quoted: bool,
    /// After a `\` inside quotes: the next character is its quoted-pair.
    escaped: bool,
}

impl Quoting {
    fn read(&mut self, text: &str) {
        for b in text.bytes() {
            match (self.quoted, self.escaped, b) {
                (true, true, _) => self.escaped = false,
                (true, false, b'\\') => self.escaped = true,
                (_, false, b'"') => self.quoted = !self.quoted,
                _ => {}
            }
        }
    }

    /// A placeholder here: whether it is quoted. A pending `\` pairs with its first character.
    fn value(&mut self) -> bool {
        self.escaped = false;
        self.quoted
    }
}

/// Writes `value` as the content of a quoted-string: `"` and `\` as quoted-pairs `\"` and `\\`
/// (RFC 9110 §5.6.4), everything else as it is. Control characters other than HTAB cannot be
/// quoted (a quoted-pair holds HTAB, SP, VCHAR or obs-text): they pass through, and the check
/// of the whole value refuses them.
///
/// ```
/// use status_core::header::escape_quoted_into;
///
/// let mut out = String::new();
/// escape_quoted_into(r#"say "hi" \o/"#, &mut out).unwrap();
/// assert_eq!(out, r#"say \"hi\" \\o/"#);
/// ```
pub fn escape_quoted_into<W: fmt::Write + ?Sized>(value: &str, out: &mut W) -> fmt::Result {
    let mut rest = value;
    while let Some(i) = rest.find(['"', '\\']) {
        out.write_str(&rest[..i])?;
        out.write_char('\\')?;
        out.write_str(&rest[i..=i])?;
        rest = &rest[i + 1..];
    }
    out.write_str(rest)
}

/// Displays `T` with [`escape_quoted_into`] applied to its text: what generated code formats
/// in place of a placeholder inside quotes.
///
/// ```
/// use status_core::header::QuotedPairs;
///
/// let realm = r#"the "api""#;
/// assert_eq!(format!("Bearer realm=\"{}\"", QuotedPairs(realm)), r#"Bearer realm="the \"api\"""#);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct QuotedPairs<T>(pub T);

impl<T: fmt::Display> fmt::Display for QuotedPairs<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// Escapes what the value writes on its way to `f`.
        struct Escaping<'a, 'b>(&'a mut fmt::Formatter<'b>);

        impl fmt::Write for Escaping<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                escape_quoted_into(s, self.0)
            }
        }

        write!(Escaping(f), "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::header::check_value;
    use std::{string::String, vec::Vec};

    /// The pieces of a template in the derive's syntax: `{name}` is a placeholder.
    fn pieces(template: &str) -> Vec<TemplatePiece<'_>> {
        let mut pieces = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').unwrap();
            if open > 0 {
                pieces.push(TemplatePiece::Text(&rest[..open]));
            }
            pieces.push(TemplatePiece::Value);
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(TemplatePiece::Text(rest));
        }
        pieces
    }

    fn in_quotes(template: &str) -> Vec<bool> {
        placeholders_in_quotes(&pieces(template)).collect()
    }

    #[test]
    fn quoting_of_placeholders() {
        assert_eq!(in_quotes("Bearer realm=\"{r}\", error={e}"), [true, false]);
        assert_eq!(in_quotes("{a}\"{b}\"{c}"), [false, true, false]);
        // An escaped quote does not close the string; an escaped backslash does not escape.
        assert_eq!(in_quotes("\"a\\\"{x}\""), [true]);
        assert_eq!(in_quotes("\"a\\\\\"{x}"), [false]);
        assert_eq!(in_quotes("<{url}>; title=\"{t}\""), [false, true]);
        assert_eq!(in_quotes("no placeholders"), [] as [bool; 0]);
        let bearer = pieces("Bearer realm=\"{r}\"");
        assert!(escaped_placeholders(Grammar::Any, &bearer).eq([true]));
        assert!(escaped_placeholders(Grammar::Link, &bearer).eq([true]));
        assert!(escaped_placeholders(Grammar::EntityTag, &bearer).eq([false]));
        assert!(escaped_placeholders(Grammar::UriReference, &bearer).eq([false]));
    }

    #[test]
    fn escaping() {
        let escape = |value: &str| {
            let mut out = String::new();
            escape_quoted_into(value, &mut out).unwrap();
            out
        };
        assert_eq!(escape("plain text"), "plain text");
        assert_eq!(escape("a\"b"), "a\\\"b");
        assert_eq!(escape("a\\b"), "a\\\\b");
        assert_eq!(escape("\"\\\""), "\\\"\\\\\\\"");
        assert_eq!(escape("café"), "café");
        assert_eq!(escape(""), "");
        assert_eq!(std::format!("{}", QuotedPairs(42)), "42");
        assert_eq!(std::format!("{}", QuotedPairs("x\"y")), "x\\\"y");
        // Whatever the value, the escaped text stays inside its quoted-string.
        for value in ["a\"b", "\\", "\"", "x\\\"", "a, realm=\"evil\""] {
            let challenge = std::format!("Bearer realm=\"{}\", error=x", QuotedPairs(value));
            assert_eq!(
                check_value(Grammar::Challenges, &challenge),
                Ok(()),
                "{challenge}"
            );
        }
    }
}
