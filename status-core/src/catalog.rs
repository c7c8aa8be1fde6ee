//! How the derive hands the runtime the description of each response: a typed [`Entry`] on
//! both sides, written into one string literal by [`encode`] (in the derive, at compile time)
//! and read back by [`decode`] (in the runtime, when a catalogue is built).
//!
//! Why a string: every token of generated code is paid for in every build of a user's crate,
//! and a 1,000-variant enum described as Rust expressions cost rustc about 140 million more
//! instructions than one literal per run of variants. The format is defined here only, used by
//! both crates, and round-trip tested; a string that is not one of its encodings ends the
//! decoding (nothing panics). Not a public API.
//!
//! Layout: each field is `<byte length>:<text>`, a missing optional text is `-`; an entry is
//! status, title (empty: the registry's phrase), source, doc, message, code, problem type,
//! type base, instance, gRPC code, flags (see [`Flags`]), the number of headers, then name,
//! value and kind of each.
//!
//! Texts that interpolate fields (message, code, problem type, instance, header values) are
//! templates in one small grammar, also defined here ([`pieces`]): literal text with `{` and
//! `}` doubled, and `{kind}` where a field's value goes (`user {integer} not found`). The
//! catalogue shows them readably (`user <integer> not found`, [`write_readable`]) and renders
//! example bodies from them with a sample value of each kind.
//!
//! The writers take `&mut dyn Write`, not a generic: the derive calls them, and a generic
//! would be compiled again in the derive, which is on the critical path of its users' builds.

use crate::LogLevel;
use core::fmt::{self, Write};

/// The body format of a described response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Problem,
    Json,
    Text,
    Serde,
    Empty,
}

pub use crate::ValueKind as Kind;

/// The number a kind is encoded as.
const fn kind_bits(kind: Kind) -> u8 {
    match kind {
        Kind::Integer => 0,
        Kind::Number => 1,
        Kind::String => 2,
        Kind::Boolean => 3,
        Kind::Array => 4,
        Kind::Object => 5,
        Kind::Any => 6,
    }
}

/// One header of a described response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header<'a> {
    pub name: &'a str,
    /// The value, a template.
    pub value: &'a str,
    pub kind: Kind,
}

/// The yes/no facts of an entry, and its log level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub format: Format,
    pub detail_hidden: bool,
    pub code_varies: bool,
    /// The body is known at compile time.
    pub static_body: bool,
    /// A client may retry (default: [`crate::retryable_by_default`]).
    pub retryable: bool,
    /// The log level (default: [`LogLevel::for_status`]).
    pub level: LogLevel,
}

/// One described response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub status: u16,
    /// Empty: the registry's phrase for `status`.
    pub title: &'a str,
    pub source: &'a str,
    /// The doc comment, Markdown.
    pub doc: Option<&'a str>,
    /// The detail, message or text: a template.
    pub message: Option<&'a str>,
    /// The machine-readable code: a template.
    pub code: Option<&'a str>,
    /// The problem `type` URI: a template.
    pub problem_type: Option<&'a str>,
    /// The `type_base` that `problem_type` was built from (base + slug), when it was.
    pub type_base: Option<&'a str>,
    /// The problem `instance` URI: a template.
    pub instance: Option<&'a str>,
    /// The gRPC code name (`"NOT_FOUND"`) when the attribute names one; else the runtime
    /// maps the status ([`crate::grpc::code_for_status`]).
    pub grpc: Option<&'a str>,
    pub flags: Flags,
    pub headers: Headers<'a>,
}

/// The headers of an entry: given (to encode), or still encoded (decoded); read them with
/// [`Entry::headers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headers<'a>(HeadersRepr<'a>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadersRepr<'a> {
    Given(&'a [Header<'a>]),
    Encoded { count: usize, text: &'a str },
}

impl<'a> Headers<'a> {
    /// Headers to encode.
    pub const fn given(headers: &'a [Header<'a>]) -> Self {
        Headers(HeadersRepr::Given(headers))
    }
}

impl<'a> Entry<'a> {
    /// The headers.
    pub fn headers(&self) -> impl Iterator<Item = Header<'a>> {
        let (given, encoded) = match self.headers.0 {
            HeadersRepr::Given(headers) => (headers, None),
            HeadersRepr::Encoded { count, text } => (&[][..], Some((count, Fields(text)))),
        };
        given.iter().copied().chain(
            encoded
                .into_iter()
                .flat_map(|(count, mut fields)| (0..count).map_while(move |_| header(&mut fields))),
        )
    }
}

/// One piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Literal text.
    Text(&'a str),
    /// Where the value of a field of this kind goes.
    Field(Kind),
}

/// The pieces of a template. Every string reads as one: a brace that does not start `{{`,
/// `}}` or `{kind}` is literal text.
pub fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let brace = rest.find(['{', '}']).unwrap_or(rest.len());
        if brace > 0 {
            let (text, after) = rest.split_at(brace);
            rest = after;
            return Some(Piece::Text(text));
        }
        for doubled in ["{{", "}}"] {
            if let Some(after) = rest.strip_prefix(doubled) {
                rest = after;
                return Some(Piece::Text(&doubled[..1]));
            }
        }
        let field = rest
            .strip_prefix('{')
            .and_then(|after| after.split_once('}'))
            .and_then(|(name, after)| Some((Kind::from_name(name)?, after)));
        match field {
            Some((kind, after)) => {
                rest = after;
                Some(Piece::Field(kind))
            }
            None => {
                let (text, after) = rest.split_at(1);
                rest = after;
                Some(Piece::Text(text))
            }
        }
    })
}

/// Appends literal text to a template (braces doubled).
pub fn write_literal(out: &mut dyn Write, text: &str) -> fmt::Result {
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        // Up to and including the brace, then the brace again.
        out.write_str(&rest[..=at])?;
        out.write_str(&rest[at..=at])?;
        rest = &rest[at + 1..];
    }
    out.write_str(rest)
}

/// Appends a placeholder to a template.
pub fn write_field(out: &mut dyn Write, kind: Kind) -> fmt::Result {
    write!(out, "{{{}}}", kind.name())
}

/// Appends a template as a person reads it: a field as `<kind>`.
pub fn write_readable(out: &mut dyn Write, template: &str) -> fmt::Result {
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.write_str(text)?,
            Piece::Field(kind) => write!(out, "<{}>", kind.name())?,
        }
    }
    Ok(())
}

/// Whether a template has no placeholder.
pub fn is_literal(template: &str) -> bool {
    !pieces(template).any(|piece| matches!(piece, Piece::Field(_)))
}

/// Appends the encoding of `entry` to `out`.
pub fn encode(entry: &Entry<'_>, out: &mut dyn Write) -> fmt::Result {
    number(out, usize::from(entry.status))?;
    text(out, entry.title)?;
    text(out, entry.source)?;
    for optional in [
        entry.doc,
        entry.message,
        entry.code,
        entry.problem_type,
        entry.type_base,
        entry.instance,
        entry.grpc,
    ] {
        match optional {
            Some(value) => text(out, value)?,
            None => out.write_char('-')?,
        }
    }
    let flags = entry.flags;
    let bits = u16::from(format_bits(flags.format))
        | u16::from(flags.detail_hidden) << 3
        | u16::from(flags.code_varies) << 4
        | u16::from(flags.static_body) << 5
        | u16::from(flags.retryable) << 6
        | u16::from(level_bits(flags.level)) << 7;
    number(out, usize::from(bits))?;
    let headers: usize = entry.headers().count();
    number(out, headers)?;
    for header in entry.headers() {
        text(out, header.name)?;
        text(out, header.value)?;
        number(out, usize::from(kind_bits(header.kind)))?;
    }
    Ok(())
}

/// The entries of `encoded`; a malformed rest ends them.
pub fn decode(encoded: &str) -> impl Iterator<Item = Entry<'_>> {
    let mut fields = Fields(encoded);
    core::iter::from_fn(move || entry(&mut fields))
}

fn text(out: &mut dyn Write, value: &str) -> fmt::Result {
    write!(out, "{}:{value}", value.len())
}

fn number(out: &mut dyn Write, value: usize) -> fmt::Result {
    write!(out, "{}:{value}", count_digits(value))
}

fn count_digits(mut value: usize) -> usize {
    let mut digits = 1;
    while value >= 10 {
        value /= 10;
        digits += 1;
    }
    digits
}

fn format_bits(format: Format) -> u8 {
    match format {
        Format::Problem => 0,
        Format::Json => 1,
        Format::Text => 2,
        Format::Serde => 3,
        Format::Empty => 4,
    }
}

fn level_bits(level: LogLevel) -> u8 {
    match level {
        LogLevel::Off => 0,
        LogLevel::Error => 1,
        LogLevel::Warn => 2,
        LogLevel::Info => 3,
        LogLevel::Debug => 4,
        LogLevel::Trace => 5,
    }
}

/// The rest of an encoding.
struct Fields<'a>(&'a str);

impl<'a> Fields<'a> {
    /// `<len>:<text>`.
    fn text(&mut self) -> Option<&'a str> {
        let (length, rest) = self.0.split_once(':')?;
        let length: usize = length.parse().ok()?;
        let value = rest.get(..length)?;
        self.0 = rest.get(length..)?;
        Some(value)
    }

    /// `-` or `<len>:<text>`.
    fn optional(&mut self) -> Option<Option<&'a str>> {
        match self.0.strip_prefix('-') {
            Some(rest) => {
                self.0 = rest;
                Some(None)
            }
            None => self.text().map(Some),
        }
    }

    fn number(&mut self) -> Option<usize> {
        self.text()?.parse().ok()
    }
}

fn entry<'a>(fields: &mut Fields<'a>) -> Option<Entry<'a>> {
    if fields.0.is_empty() {
        return None;
    }
    let status = u16::try_from(fields.number()?).ok()?;
    let title = fields.text()?;
    let source = fields.text()?;
    let doc = fields.optional()?;
    let message = fields.optional()?;
    let code = fields.optional()?;
    let problem_type = fields.optional()?;
    let type_base = fields.optional()?;
    let instance = fields.optional()?;
    let grpc = fields.optional()?;
    let bits = fields.number()?;
    let format = match bits & 7 {
        0 => Format::Problem,
        1 => Format::Json,
        2 => Format::Text,
        3 => Format::Serde,
        4 => Format::Empty,
        _ => return None,
    };
    let level = LogLevel::ALL
        .into_iter()
        .find(|level| usize::from(level_bits(*level)) == bits >> 7)?;
    let count = fields.number()?;
    // The headers are read lazily: skip them now, keeping their text.
    let start = fields.0;
    for _ in 0..count {
        header(fields)?;
    }
    let text = start.get(..start.len() - fields.0.len())?;
    Some(Entry {
        status,
        title,
        source,
        doc,
        message,
        code,
        problem_type,
        type_base,
        instance,
        grpc,
        flags: Flags {
            format,
            detail_hidden: bits & 8 != 0,
            code_varies: bits & 16 != 0,
            static_body: bits & 32 != 0,
            retryable: bits & 64 != 0,
            level,
        },
        headers: Headers(HeadersRepr::Encoded { count, text }),
    })
}

fn header<'a>(fields: &mut Fields<'a>) -> Option<Header<'a>> {
    let name = fields.text()?;
    let value = fields.text()?;
    let bits = fields.number()?;
    let kind = Kind::ALL
        .iter()
        .copied()
        .find(|kind| usize::from(kind_bits(*kind)) == bits)?;
    Some(Header { name, value, kind })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buffer::Buffer;

    #[test]
    fn round_trip() {
        let headers = [
            Header {
                name: "Retry-After",
                value: "{integer}",
                kind: Kind::Integer,
            },
            Header {
                name: "X-Odd",
                value: "1:2:- é 😀 ",
                kind: Kind::String,
            },
        ];
        let flags = |format, on, level| Flags {
            format,
            detail_hidden: on,
            code_varies: !on,
            static_body: on,
            retryable: !on,
            level,
        };
        let entries = [
            Entry {
                status: 404,
                title: "",
                source: "UserNotFound",
                doc: Some("The user: 12:34\n\nMore."),
                message: Some(""),
                code: Some("USER_NOT_FOUND"),
                problem_type: Some("https://example.com/p/user-not-found"),
                type_base: Some("https://example.com/p/"),
                instance: Some("/users/{integer}"),
                grpc: Some("ABORTED"),
                flags: flags(Format::Problem, true, LogLevel::Trace),
                headers: Headers::given(&headers),
            },
            Entry {
                status: 499,
                title: "Client Closed Request",
                source: "Closed",
                doc: None,
                message: None,
                code: None,
                problem_type: Some("-"),
                type_base: None,
                instance: None,
                grpc: None,
                flags: flags(Format::Empty, false, LogLevel::Off),
                headers: Headers::given(&[]),
            },
        ];
        let mut buffer = Buffer::<1024>::new();
        for entry in &entries {
            encode(entry, &mut buffer).unwrap();
        }
        let encoded = buffer.as_str().unwrap();
        let mut decoded = decode(encoded);
        for entry in &entries {
            let back = decoded.next().unwrap();
            assert_eq!(
                (back.status, back.title, back.source, back.doc, back.message),
                (
                    entry.status,
                    entry.title,
                    entry.source,
                    entry.doc,
                    entry.message
                )
            );
            assert_eq!(
                (back.code, back.problem_type, back.type_base, back.instance),
                (
                    entry.code,
                    entry.problem_type,
                    entry.type_base,
                    entry.instance
                )
            );
            assert_eq!((back.grpc, back.flags), (entry.grpc, entry.flags));
            assert!(back.headers().eq(entry.headers()));
        }
        assert!(decoded.next().is_none());
        // Every level and kind survives.
        for level in LogLevel::ALL {
            let mut buffer = Buffer::<256>::new();
            let entry = Entry {
                flags: flags(Format::Json, false, level),
                ..entries[1]
            };
            encode(&entry, &mut buffer).unwrap();
            let back = decode(buffer.as_str().unwrap()).next().unwrap();
            assert_eq!(back.flags.level, level);
        }
        for &kind in Kind::ALL {
            let given = [Header {
                name: "X",
                value: "v",
                kind,
            }];
            let mut buffer = Buffer::<256>::new();
            let entry = Entry {
                headers: Headers::given(&given),
                ..entries[1]
            };
            encode(&entry, &mut buffer).unwrap();
            let back = decode(buffer.as_str().unwrap()).next().unwrap();
            assert!(back.headers().eq(given));
        }
        // Anything else ends the decoding quietly.
        for broken in [
            "3:404",
            "x",
            "3:4045:Title",
            "99999999999999999999:",
            "3:404-",
        ] {
            assert!(decode(broken).next().is_none(), "{broken}");
        }
    }

    fn readable(template: &str) -> Buffer<256> {
        let mut out = Buffer::new();
        write_readable(&mut out, template).unwrap();
        out
    }

    #[test]
    fn templates_read_back_as_written() {
        let mut template = Buffer::<256>::new();
        write_literal(&mut template, "user ").unwrap();
        write_field(&mut template, Kind::Integer).unwrap();
        write_literal(&mut template, " {not} a }field{").unwrap();
        let template = template.as_str().unwrap();
        assert_eq!(template, "user {integer} {{not}} a }}field{{");
        let pieces: [Piece; 9] = [
            Piece::Text("user "),
            Piece::Field(Kind::Integer),
            Piece::Text(" "),
            Piece::Text("{"),
            Piece::Text("not"),
            Piece::Text("}"),
            Piece::Text(" a "),
            Piece::Text("}"),
            Piece::Text("field"),
        ];
        assert!(pieces
            .iter()
            .copied()
            .chain([Piece::Text("{")])
            .eq(super::pieces(template)));
        assert_eq!(
            readable(template).as_str(),
            Some("user <integer> {not} a }field{")
        );
        assert!(!is_literal(template));
        // Anything reads: stray braces and unknown names are text.
        assert_eq!(readable("{x} { } {{").as_str(), Some("{x} { } {"));
        assert_eq!(
            readable("{value}{string}").as_str(),
            Some("<value><string>")
        );
        assert!(is_literal("{x}"));
    }
}
