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
//! instance, flags (see [`Flags`]), the number of headers, then name, value and kind of each.

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

/// The kind of a header value, as far as the derive can tell from the field it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Number,
    String,
    Boolean,
}

/// One header of a described response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header<'a> {
    pub name: &'a str,
    /// The value, readable (a field shown as its kind).
    pub value: &'a str,
    pub kind: Kind,
}

/// The yes/no facts of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub format: Format,
    pub detail_hidden: bool,
    pub code_varies: bool,
    /// The body is known at compile time.
    pub static_body: bool,
}

/// One described response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub status: u16,
    /// Empty: the registry's phrase for `status`.
    pub title: &'a str,
    pub source: &'a str,
    pub doc: Option<&'a str>,
    pub message: Option<&'a str>,
    pub code: Option<&'a str>,
    pub problem_type: Option<&'a str>,
    pub instance: Option<&'a str>,
    pub flags: Flags,
    /// Encoded headers; read them with [`Entry::headers`].
    headers: Headers<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Headers<'a> {
    Given(&'a [Header<'a>]),
    Encoded { count: usize, text: &'a str },
}

impl<'a> Entry<'a> {
    /// An entry to encode, with its headers.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        status: u16,
        title: &'a str,
        source: &'a str,
        doc: Option<&'a str>,
        message: Option<&'a str>,
        code: Option<&'a str>,
        problem_type: Option<&'a str>,
        instance: Option<&'a str>,
        flags: Flags,
        headers: &'a [Header<'a>],
    ) -> Self {
        Entry {
            status,
            title,
            source,
            doc,
            message,
            code,
            problem_type,
            instance,
            flags,
            headers: Headers::Given(headers),
        }
    }

    /// The headers.
    pub fn headers(&self) -> impl Iterator<Item = Header<'a>> {
        let (given, encoded) = match self.headers {
            Headers::Given(headers) => (headers, None),
            Headers::Encoded { count, text } => (&[][..], Some((count, Fields(text)))),
        };
        given.iter().copied().chain(
            encoded
                .into_iter()
                .flat_map(|(count, mut fields)| (0..count).map_while(move |_| header(&mut fields))),
        )
    }
}

/// Appends the encoding of `entry` to `out`.
pub fn encode(entry: &Entry<'_>, out: &mut impl Write) -> fmt::Result {
    number(out, usize::from(entry.status))?;
    text(out, entry.title)?;
    text(out, entry.source)?;
    for optional in [
        entry.doc,
        entry.message,
        entry.code,
        entry.problem_type,
        entry.instance,
    ] {
        match optional {
            Some(value) => text(out, value)?,
            None => out.write_char('-')?,
        }
    }
    let flags = entry.flags;
    let bits = format_bits(flags.format)
        | u8::from(flags.detail_hidden) << 3
        | u8::from(flags.code_varies) << 4
        | u8::from(flags.static_body) << 5;
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

fn text(out: &mut impl Write, value: &str) -> fmt::Result {
    write!(out, "{}:{value}", value.len())
}

fn number(out: &mut impl Write, value: usize) -> fmt::Result {
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

fn kind_bits(kind: Kind) -> u8 {
    match kind {
        Kind::Integer => 0,
        Kind::Number => 1,
        Kind::String => 2,
        Kind::Boolean => 3,
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
    let instance = fields.optional()?;
    let bits = fields.number()?;
    let format = match bits & 7 {
        0 => Format::Problem,
        1 => Format::Json,
        2 => Format::Text,
        3 => Format::Serde,
        4 => Format::Empty,
        _ => return None,
    };
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
        instance,
        flags: Flags {
            format,
            detail_hidden: bits & 8 != 0,
            code_varies: bits & 16 != 0,
            static_body: bits & 32 != 0,
        },
        headers: Headers::Encoded { count, text },
    })
}

fn header<'a>(fields: &mut Fields<'a>) -> Option<Header<'a>> {
    let name = fields.text()?;
    let value = fields.text()?;
    let kind = match fields.number()? {
        0 => Kind::Integer,
        1 => Kind::Number,
        2 => Kind::String,
        3 => Kind::Boolean,
        _ => return None,
    };
    Some(Header { name, value, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let headers = [
            Header {
                name: "Retry-After",
                value: "<integer>",
                kind: Kind::Integer,
            },
            Header {
                name: "X-Odd",
                value: "1:2:- é 😀 ",
                kind: Kind::String,
            },
        ];
        let flags = |format, on| Flags {
            format,
            detail_hidden: on,
            code_varies: !on,
            static_body: on,
        };
        let entries = [
            Entry::new(
                404,
                "",
                "UserNotFound",
                Some("The user: 12:34"),
                Some(""),
                Some("USER_NOT_FOUND"),
                None,
                Some("/users/<integer>"),
                flags(Format::Problem, true),
                &headers,
            ),
            Entry::new(
                499,
                "Client Closed Request",
                "Closed",
                None,
                None,
                None,
                Some("-"),
                None,
                flags(Format::Empty, false),
                &[],
            ),
        ];
        let mut buffer = crate::buffer::Buffer::<1024>::new();
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
                (back.code, back.problem_type, back.instance, back.flags),
                (entry.code, entry.problem_type, entry.instance, entry.flags)
            );
            assert!(back.headers().eq(entry.headers()));
        }
        assert!(decoded.next().is_none());
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
}
