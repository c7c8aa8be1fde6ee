//! Header values written as templates, `Bearer realm="{realm}"`: literal text with placeholders
//! the runtime fills. Two questions come from them, answered here so the derive (at compile
//! time) and the runtime (when it formats the value) agree:
//!
//! - Which placeholders sit inside a quoted-string of the literal text, where the runtime writes
//!   `"` and `\` as quoted-pairs (RFC 9110 §5.6.4) instead of refusing the value:
//!   [`escaped_placeholders`], built on [`placeholders_in_quotes`] and
//!   [`Grammar::quoted_strings`], with [`escape_quoted_into`] and [`QuotedPairs`] to escape.
//! - Whether any value at all can make the template valid for its field:
//!   [`template_can_be_valid`], behind the derive's `impossible_template` error.

use super::grammar::{check_value, Grammar};
use crate::buffer::Buffer;
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
/// use http_status_core::header::{placeholders_in_quotes, TemplatePiece::{Text, Value}};
///
/// // Bearer realm="{realm}", error={code}
/// let pieces = [Text("Bearer realm=\""), Value, Text("\", error="), Value];
/// assert!(placeholders_in_quotes(&pieces).eq([true, false]));
/// ```
pub fn placeholders_in_quotes<'p>(pieces: &'p [TemplatePiece<'p>]) -> Placeholders<'p> {
    Placeholders {
        pieces: pieces.iter(),
        quoting: Quoting::default(),
        escapes: true,
    }
}

/// For each placeholder in order, whether the runtime escapes its value as quoted-pairs: it
/// sits inside quotes ([`placeholders_in_quotes`]) of a field whose grammar has quoted-strings
/// ([`Grammar::quoted_strings`]). `ETag = "\"{v}\""` is not escaped: an entity-tag has no
/// quoted-pair, so a `"` in `v` makes the value invalid instead.
///
/// ```
/// use http_status_core::header::{escaped_placeholders, Grammar, TemplatePiece::{Text, Value}};
///
/// let quoted = [Text("\""), Value, Text("\"")];
/// assert!(escaped_placeholders(Grammar::Challenges, &quoted).eq([true]));
/// assert!(escaped_placeholders(Grammar::EntityTag, &quoted).eq([false]));
/// ```
pub fn escaped_placeholders<'p>(
    grammar: Grammar,
    pieces: &'p [TemplatePiece<'p>],
) -> Placeholders<'p> {
    Placeholders {
        escapes: grammar.quoted_strings(),
        ..placeholders_in_quotes(pieces)
    }
}

/// The iterator of [`placeholders_in_quotes`] and [`escaped_placeholders`]: a named type, so
/// its `next` is compiled in this crate, not again in the derive (on the critical path of its
/// users' builds) as an adapter chain would be.
#[derive(Debug, Clone)]
pub struct Placeholders<'p> {
    pieces: core::slice::Iter<'p, TemplatePiece<'p>>,
    quoting: Quoting,
    /// Whether a quoted placeholder counts as quoted (the field has quoted-strings).
    escapes: bool,
}

impl Iterator for Placeholders<'_> {
    type Item = bool;

    fn next(&mut self) -> Option<bool> {
        for piece in self.pieces.by_ref() {
            match piece {
                TemplatePiece::Text(text) => self.quoting.read(text),
                TemplatePiece::Value => return Some(self.quoting.value() && self.escapes),
            }
        }
        None
    }
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
/// use http_status_core::header::escape_quoted_into;
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
/// use http_status_core::header::QuotedPairs;
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

/// Whether some values put in the placeholders of `pieces` make a valid value for `grammar`
/// ([`check_value`]); `false` means no value can, the derive's `impossible_template`.
///
/// The method is substitution of samples: each placeholder takes, in turn, each value of a
/// small per-grammar set (whole valid values, such as the grammar's [`Grammar::example`], and
/// the fragments a placeholder stands for in practice: digits, a token, a URI, each part of an
/// HTTP-date, `max-age=60`, `realm="x"`, `"v1"`), escaped where [`escaped_placeholders`] says
/// the runtime escapes; every combination is checked with the same `check_value` that checks
/// the finished value at run time, and one valid combination is enough. This reuses the one
/// grammar instead of writing a second, wildcard-aware version of each, and a "possible" is
/// always right (a valid value was built). Its limits, all on the side of saying "possible":
///
/// - Placeholders are taken to stand for balanced pieces: a sample never opens a quoted-string
///   or a `<…>` that the literal text closes (`{v}-x"` for an `ETag` is impossible, although
///   `v = "a` would make it valid).
/// - Beyond the samples, a template is reported impossible: the sets are chosen so that each
///   grammar's parts can be filled (tests hold templates for each), not proven complete.
/// - More than 8 placeholders, more than 20 000 combinations, or a value longer than 1 KiB
///   are not searched: the template is taken as possible, and the run-time check still
///   refuses an invalid value.
///
/// ```
/// use http_status_core::header::{template_can_be_valid, Grammar, TemplatePiece::{Text, Value}};
///
/// // Retry-After: "{0}s" (neither delay-seconds nor an HTTP-date ends in `s`)
/// assert!(!template_can_be_valid(Grammar::RetryAfter, &[Value, Text("s")]));
/// // WWW-Authenticate: "Bearer realm=\"{realm}\""
/// let bearer = [Text("Bearer realm=\""), Value, Text("\"")];
/// assert!(template_can_be_valid(Grammar::Challenges, &bearer));
/// ```
pub fn template_can_be_valid(grammar: Grammar, pieces: &[TemplatePiece<'_>]) -> bool {
    let mut escaped = [false; MAX_PLACEHOLDERS];
    let mut sets: [&[&str]; MAX_PLACEHOLDERS] = [&[]; MAX_PLACEHOLDERS];
    let mut count = 0;
    for escape in escaped_placeholders(grammar, pieces) {
        if count == MAX_PLACEHOLDERS {
            return true;
        }
        escaped[count] = escape;
        sets[count] = if escape { IN_QUOTES } else { samples(grammar) };
        count += 1;
    }
    let combinations = sets[..count]
        .iter()
        .try_fold(1usize, |n, set| n.checked_mul(set.len()));
    if combinations.map_or(true, |n| n > MAX_COMBINATIONS) {
        return true;
    }
    let mut choice = [0; MAX_PLACEHOLDERS];
    loop {
        let sample = |i: usize| (sets[i][choice[i]], escaped[i]);
        if valid_with(grammar, pieces, sample).unwrap_or(true) {
            return true;
        }
        if !next_combination(&mut choice[..count], &sets[..count]) {
            return false;
        }
    }
}

const MAX_PLACEHOLDERS: usize = 8;
const MAX_COMBINATIONS: usize = 20_000;

/// Advances `choice` like an odometer, each digit below its set's length; `false` once every
/// combination has been seen.
fn next_combination(choice: &mut [usize], sets: &[&[&str]]) -> bool {
    for (digit, set) in choice.iter_mut().zip(sets) {
        *digit += 1;
        if *digit < set.len() {
            return true;
        }
        *digit = 0;
    }
    false
}

/// Whether the template is valid with the `i`th placeholder filled by `sample(i)` (its text
/// and whether it is escaped); `None` if the value is too long to check.
fn valid_with<'s>(
    grammar: Grammar,
    pieces: &[TemplatePiece<'_>],
    sample: impl Fn(usize) -> (&'s str, bool),
) -> Option<bool> {
    let mut value = Buffer::<1024>::new();
    let mut placeholder = 0;
    for piece in pieces {
        match piece {
            TemplatePiece::Text(text) => value.write_str(text).ok()?,
            TemplatePiece::Value => {
                let (text, escape) = sample(placeholder);
                placeholder += 1;
                if escape {
                    escape_quoted_into(text, &mut value).ok()?;
                } else {
                    value.write_str(text).ok()?;
                }
            }
        }
    }
    Some(check_value(grammar, value.as_str()?).is_ok())
}

/// What a placeholder inside quotes stands for: quoted text, escaped. A relation type, a field
/// name, a realm or a file name are all served by a short word.
const IN_QUOTES: &[&str] = &["x", "1", ""];

/// An HTTP-date and its parts, for templates that build one.
const DATE: &[&str] = &[
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "Wed, 21 Oct 2015 07:28:00",
    "21 Oct 2015 07:28:00 GMT",
    "Wed, 21 Oct 2015",
    "21 Oct 2015",
    "07:28:00 GMT",
    "Wed,",
    "Wed",
    "21",
    "Oct",
    "2015",
    "07:28:00",
    "07",
    "28",
    "00",
    "GMT",
];

/// What a placeholder outside quotes stands for in a value of `grammar`: whole values first,
/// then fragments.
fn samples(grammar: Grammar) -> &'static [&'static str] {
    match grammar {
        Grammar::Any => &["x", ""],
        Grammar::RetryAfter => &[
            "120",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 07:28:00",
            "21 Oct 2015 07:28:00 GMT",
            "Wed",
            "21",
            "Oct",
            "2015",
            "07:28:00",
            "x",
            "",
        ],
        Grammar::HttpDate => DATE,
        Grammar::UriReference => &[
            "x",
            "1",
            "/x",
            "https://example.com/x",
            "https://example.com",
            "example.com",
            "https",
            "::1",
            "",
        ],
        Grammar::Methods => &["GET", "GET, HEAD", ""],
        Grammar::Challenges => &[
            "Bearer realm=\"api\"",
            "x",
            "realm=x",
            "realm=\"x\"",
            "1",
            "",
        ],
        Grammar::Protocols => &["websocket", "HTTP/2.0", "x", "1", ""],
        Grammar::Tokens => &["upgrade", "x", ""],
        Grammar::EntityTag => &["\"v1\"", "W/\"v1\"", "W/", "x", "1", ""],
        Grammar::CacheControl => &["no-store", "max-age=60", "60", "x", "\"x\"", ""],
        Grammar::Link => &[
            "<https://example.com/x>; rel=\"next\"",
            "<https://example.com/x>",
            "https://example.com/x",
            "https://example.com",
            "/x",
            "x",
            "1",
            "rel=next",
            "\"next\"",
            "",
        ],
        Grammar::Vary => &["Accept", "x", "*", ""],
        Grammar::ContentDisposition => &[
            "attachment; filename=\"report.pdf\"",
            "attachment",
            "x",
            "1",
            "\"x\"",
            "UTF-8''x",
            "filename=x",
            "",
        ],
        Grammar::ContentRange => &[
            "bytes */1234",
            "bytes",
            "0-1/2",
            "*/2",
            "0",
            "1",
            "2",
            "0-1",
            "*",
            "x",
            "",
        ],
        Grammar::DeltaSeconds => &["60", "0", ""],
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
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

    fn possible(grammar: Grammar, template: &str) -> bool {
        template_can_be_valid(grammar, &pieces(template))
    }

    #[test]
    fn possible_templates() {
        for (grammar, template) in [
            (Grammar::RetryAfter, "{seconds}"),
            (Grammar::RetryAfter, "{date} GMT"),
            (Grammar::UriReference, "/users/{id}"),
            (
                Grammar::UriReference,
                "{base}/users/{id}?page={n}#{section}",
            ),
            (Grammar::UriReference, "{scheme}://{host}/x"),
            (Grammar::Methods, "{methods}"),
            (Grammar::Methods, "GET, {more}"),
            (Grammar::Challenges, "Bearer realm=\"{realm}\""),
            (
                Grammar::Challenges,
                "Bearer realm=\"{realm}\", error=\"{code}\", error_description=\"{why}\"",
            ),
            (Grammar::Challenges, "{scheme} {token}"),
            (Grammar::Challenges, "Bearer {params}"),
            (Grammar::Challenges, "{challenge}, Basic realm=\"x\""),
            (Grammar::Protocols, "HTTP/{version}"),
            (Grammar::Tokens, "{option}"),
            (Grammar::HttpDate, "{date}"),
            (Grammar::HttpDate, "{weekday}, {day} Oct 2015 {time} GMT"),
            (Grammar::HttpDate, "Wed, 21 Oct 2015 {h}:{m}:{s} GMT"),
            (Grammar::EntityTag, "\"{v}\""),
            (Grammar::EntityTag, "W/\"{v}\""),
            (Grammar::EntityTag, "{etag}"),
            (Grammar::EntityTag, "{weak}\"{v}-{n}\""),
            (Grammar::CacheControl, "max-age={secs}"),
            (
                Grammar::CacheControl,
                "private, max-age={secs}, stale-if-error={grace}",
            ),
            (Grammar::CacheControl, "{directives}, must-revalidate"),
            (Grammar::CacheControl, "no-cache=\"{fields}\""),
            (Grammar::Link, "<{url}>; rel=\"next\""),
            (Grammar::Link, "<{first}>; rel=first, <{last}>; rel=last"),
            (Grammar::Link, "<{url}>; rel=\"{rel}\"; title=\"{title}\""),
            (Grammar::Link, "<{base}/page/{n}>; rel={rel}"),
            (Grammar::Link, "{link}, </x>; rel=prev"),
            (Grammar::Link, "{target}; rel=blocked-by"),
            (Grammar::Vary, "Accept, {field}"),
            (Grammar::Vary, "{fields}"),
            (
                Grammar::ContentDisposition,
                "attachment; filename=\"{name}\"",
            ),
            (
                Grammar::ContentDisposition,
                "attachment; filename*=UTF-8''{name}",
            ),
            (
                Grammar::ContentDisposition,
                "{disposition}; filename={name}",
            ),
            (Grammar::ContentRange, "bytes {start}-{end}/{len}"),
            (Grammar::ContentRange, "bytes */{len}"),
            (Grammar::ContentRange, "{unit} {start}-{end}/*"),
            (Grammar::ContentRange, "bytes {range}/{len}"),
            (Grammar::ContentRange, "{unit} {range}"),
            (Grammar::UriReference, "http://[{ip}]:{port}/x"),
            (
                Grammar::Challenges,
                "Digest realm=\"{r}\", qop=\"auth\", nonce=\"{n}\"",
            ),
            (Grammar::Challenges, "{scheme} {params}"),
            (Grammar::ContentDisposition, "{kind}; {params}"),
            (
                Grammar::ContentDisposition,
                "attachment; filename*={encoded}",
            ),
            (Grammar::Link, "<{url}>; {params}"),
            (Grammar::Link, "<{url}>; rel=next; title*=UTF-8'en'{title}"),
            (Grammar::DeltaSeconds, "{age}"),
            (Grammar::Any, "{a}, {b}"),
            (Grammar::Any, "\"{quoted}\""),
            (Grammar::Any, "literal only"),
        ] {
            assert!(possible(grammar, template), "{grammar:?}: {template}");
        }
    }

    #[test]
    fn impossible_templates() {
        for (grammar, template) in [
            (Grammar::RetryAfter, "{0}s"),
            (Grammar::RetryAfter, "in {seconds} seconds"),
            (Grammar::EntityTag, "{v}-x\""),
            (Grammar::EntityTag, "\"{v}\"x"),
            (Grammar::EntityTag, "\"{a} {b}\""),
            (Grammar::UriReference, "/a b/{id}"),
            (Grammar::UriReference, "<{url}>"),
            (Grammar::Methods, "GET; {more}"),
            (Grammar::Challenges, "realm=\"{realm}\""),
            (Grammar::Challenges, "Bearer realm = \"{realm}\""),
            (Grammar::Challenges, "Bearer realm=\"{a}\", realm=\"{b}\""),
            (Grammar::Protocols, "{name} / {version}"),
            (Grammar::HttpDate, "{date} UTC"),
            (Grammar::CacheControl, "max-age=\"{secs}\""),
            (Grammar::CacheControl, "max-age={secs}s"),
            (Grammar::CacheControl, "no-store={why}"),
            (Grammar::Link, "<{url}> rel=next"),
            (Grammar::Link, "<{url}>; rel=next; rel=prev"),
            (Grammar::Vary, "Accept {field}"),
            (
                Grammar::ContentDisposition,
                "attachment; filename={a}; filename={b}",
            ),
            (
                Grammar::ContentDisposition,
                "attachment; filename*=\"{name}\"",
            ),
            (Grammar::ContentRange, "bytes {start}-{end}"),
            (Grammar::ContentRange, "bytes={start}-{end}/{len}"),
            (Grammar::DeltaSeconds, "{n} seconds"),
            (Grammar::Any, " {padded}"),
            (Grammar::Any, "{a}\r\n{b}"),
            (Grammar::Any, ""),
        ] {
            assert!(!possible(grammar, template), "{grammar:?}: {template}");
        }
    }

    #[test]
    fn searches_that_are_too_large_are_assumed_possible() {
        // Nine placeholders: not searched.
        let many = "{a}{b}{c}{d}{e}{f}{g}{h}{i} s";
        assert!(possible(Grammar::RetryAfter, many));
        // A literal longer than the buffer.
        let long = std::format!("/{}{{id}} x", "a".repeat(2000));
        assert!(possible(Grammar::UriReference, &long));
        // Within the limits, the same mistake is found.
        assert!(!possible(Grammar::RetryAfter, "{a}{b} s"));
    }
}
