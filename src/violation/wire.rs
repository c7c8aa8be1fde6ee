//! How violations are sent: the `errors` member of a problem or json body,
//! `"errors":[{"detail":"must be positive","pointer":"#/age","code":"range"}]`.
//!
//! Members in the order `detail`, then `pointer` | `parameter` | `header` (JSON:API's `source`
//! names), then `code` when set. A pointer is sent in its URI-fragment form (RFC 6901 §6): `#`
//! and the pointer, percent-encoded (UTF-8) wherever RFC 3986's `fragment` does not allow the
//! character as it is. The characters it allows (`A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = :
//! @ / ?`) need no JSON escaping either, so an encoded pointer is copied into the body as it is.
//!
//! [`write_errors`] is the fast path the renderer uses: one pass, no temporary strings, the
//! buffer grown once. `Serialize` for [`Violation`] writes the same shape for any serde format
//! (a custom `Format` serializing `Problem::violations()`).

use super::{Kind, Violation};
use core::fmt;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Whether a byte stands for itself in a URI fragment (RFC 3986 §3.5: `pchar`, `/`, `?`;
/// `pchar` = unreserved, sub-delims, `:`, `@`). `%` does not: a literal `%` in a pointer is
/// data, sent as `%25`; nor does any byte of a non-ASCII character. Indexed by the byte, so
/// the check is one load.
static FRAGMENT_SAFE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
                    | b'?'
            );
        b += 1;
    }
    table
};

/// Whether every byte stands for itself: eight table lookups per branch, the usual pointer
/// being a few short names and indices.
#[inline]
fn all_safe(bytes: &[u8]) -> bool {
    let safe = |byte: &u8| FRAGMENT_SAFE[usize::from(*byte)];
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        if !chunk.iter().fold(true, |all, byte| all & safe(byte)) {
            return false;
        }
    }
    chunks.remainder().iter().all(safe)
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The pointer's fragment form, piece by piece: runs of characters that stand for themselves,
/// and `%XX` for each other byte. A pointer that needs no encoding (the usual one) is one run.
#[inline]
fn encode_fragment(pointer: &str, mut emit: impl FnMut(&str)) {
    let bytes = pointer.as_bytes();
    if all_safe(bytes) {
        emit(pointer);
        return;
    }
    let mut start = 0;
    while let Some(offset) = bytes[start..]
        .iter()
        .position(|&byte| !FRAGMENT_SAFE[usize::from(byte)])
    {
        let at = start + offset;
        // `start..at` holds only ASCII (safe) bytes, so it is on character boundaries.
        emit(pointer.get(start..at).unwrap_or(""));
        let byte = bytes[at];
        let escape = [
            b'%',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 15)],
        ];
        emit(core::str::from_utf8(&escape).unwrap_or(""));
        start = at + 1;
    }
    emit(pointer.get(start..).unwrap_or(""));
}

/// Appends `value` as a JSON string.
fn json_string(out: &mut Vec<u8>, value: &str) {
    // Writing a `&str` into a `Vec` cannot fail.
    let _ = serde_json::Serializer::new(&mut *out).serialize_str(value);
}

/// See [`write_violations`].
const ROOM_PER_VIOLATION: usize = 128;

/// Appends the `errors` member, `"errors":[…]`, to a JSON object being written in `out` (the
/// caller writes the comma before it, if one is needed).
pub fn write_errors(out: &mut Vec<u8>, violations: &[Violation]) {
    out.extend_from_slice(b"\"errors\":");
    write_violations(out, violations);
}

/// Appends the violations as a JSON array: `[{"detail":…,"pointer":"#/…"},…]`.
pub fn write_violations(out: &mut Vec<u8>, violations: &[Violation]) {
    // Room for a typical violation (member names and punctuation are 40 bytes of
    // `{"detail":"","parameter":"","code":""},`; a short detail, pointer and code the rest):
    // one allocation for most lists, without a pass to measure them first.
    out.reserve(2 + violations.len() * ROOM_PER_VIOLATION);
    out.push(b'[');
    for (index, violation) in violations.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write_violation(out, violation);
    }
    out.push(b']');
}

fn write_violation(out: &mut Vec<u8>, violation: &Violation) {
    out.extend_from_slice(b"{\"detail\":");
    json_string(out, &violation.detail);
    match violation.kind {
        Kind::Pointer => {
            out.extend_from_slice(b",\"pointer\":\"#");
            encode_fragment(&violation.place, |piece| {
                out.extend_from_slice(piece.as_bytes());
            });
            out.push(b'"');
        }
        Kind::Parameter => {
            out.extend_from_slice(b",\"parameter\":");
            json_string(out, &violation.place);
        }
        Kind::Header => {
            out.extend_from_slice(b",\"header\":");
            json_string(out, &violation.place);
        }
    }
    if let Some(code) = &violation.code {
        out.extend_from_slice(b",\"code\":");
        json_string(out, code);
    }
    out.push(b'}');
}

/// The fragment form of a pointer, `#/a%20b`, as text.
pub(crate) struct Fragment<'a>(pub(crate) &'a str);

impl fmt::Display for Fragment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("#")?;
        let mut result = Ok(());
        encode_fragment(self.0, |piece| {
            if result.is_ok() {
                result = f.write_str(piece);
            }
        });
        result
    }
}

impl Serialize for Fragment<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The wire shape of one violation, in any serde format: the same members, in the same order,
/// as in a problem body's `errors`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2 + usize::from(self.code.is_some())))?;
        map.serialize_entry("detail", &self.detail)?;
        match self.kind {
            Kind::Pointer => map.serialize_entry("pointer", &Fragment(&self.place))?,
            Kind::Parameter => map.serialize_entry("parameter", &self.place)?,
            Kind::Header => map.serialize_entry("header", &self.place)?,
        }
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_pointer;

    fn fragment(pointer: &str) -> String {
        Fragment(pointer).to_string()
    }

    /// The inverse of the encoding, as a client applies it (RFC 3986 percent-decoding).
    fn decode(fragment: &str) -> String {
        let bytes = fragment
            .strip_prefix('#')
            .expect("starts with #")
            .as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fragments_encode_what_a_fragment_cannot_hold() {
        assert_eq!(fragment("/age"), "#/age");
        assert_eq!(fragment(""), "#");
        assert_eq!(fragment("/a b"), "#/a%20b");
        assert_eq!(fragment(&json_pointer(["a/b"])), "#/a~1b");
        assert_eq!(fragment(&json_pointer(["m~n"])), "#/m~0n");
        assert_eq!(fragment(&json_pointer(["", ""])), "#//");
        assert_eq!(fragment("/100%"), "#/100%25");
        assert_eq!(fragment("/é"), "#/%C3%A9");
        assert_eq!(fragment("/日本"), "#/%E6%97%A5%E6%9C%AC");
        assert_eq!(fragment("/🦀"), "#/%F0%9F%A6%80");
        // RFC 3986 allows these in a fragment: they stay.
        assert_eq!(fragment("/~:@!$&'()*+,;=?/-._"), "#/~:@!$&'()*+,;=?/-._");
        // Not these.
        assert_eq!(
            fragment("/\"#[]{}|\\^`<>"),
            "#/%22%23%5B%5D%7B%7D%7C%5C%5E%60%3C%3E"
        );
        assert_eq!(fragment("/\u{0}\n\u{7f}"), "#/%00%0A%7F");
        // The unsafe byte in the first eight, in a later eight, in the remainder.
        assert_eq!(fragment("/a b/cdefghij"), "#/a%20b/cdefghij");
        assert_eq!(fragment("/abcdefghi jklmnop"), "#/abcdefghi%20jklmnop");
        assert_eq!(fragment("/abcdefghijklmnop q"), "#/abcdefghijklmnop%20q");
        assert_eq!(fragment("/abcdefghijklmnopq"), "#/abcdefghijklmnopq");
    }

    #[test]
    fn fragments_decode_to_the_pointer() {
        for pointer in [
            "",
            "/",
            "/a b/0",
            "/%41",
            "/é/ü/日本/🦀",
            "/\"quoted\"/back\\slash",
            "/~0~1/:@?#",
        ] {
            assert_eq!(decode(&fragment(pointer)), pointer, "{pointer}");
        }
    }

    fn written(violations: &[Violation]) -> String {
        let mut out = Vec::new();
        write_errors(&mut out, violations);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_errors_member() {
        let violations = [
            Violation::pointer("/age", "must be positive").with_code("range"),
            Violation::parameter("page", "must be a number"),
            Violation::header("If-Match", "is required").with_code("required"),
            Violation::pointer("/a b/é", "\"quoted\"\n"),
        ];
        let expected = concat!(
            r##""errors":[{"detail":"must be positive","pointer":"#/age","code":"range"},"##,
            r##"{"detail":"must be a number","parameter":"page"},"##,
            r##"{"detail":"is required","header":"If-Match","code":"required"},"##,
            r##"{"detail":"\"quoted\"\n","pointer":"#/a%20b/%C3%A9"}]"##
        );
        assert_eq!(written(&violations), expected);
        // Serialize writes the same bytes.
        let serialized = serde_json::to_string(&violations[..]).unwrap();
        assert_eq!(format!("\"errors\":{serialized}"), expected);
        assert_eq!(written(&[]), r#""errors":[]"#);
    }

    #[test]
    fn any_text_gives_valid_json() {
        let nasty = "\u{0}\u{1f}\"\\\u{7f}\u{2028}é🦀%#";
        let violations = [
            Violation::pointer(nasty, nasty).with_code(nasty),
            Violation::parameter(nasty, nasty),
            Violation::header(nasty, nasty),
        ];
        let mut out = b"{".to_vec();
        write_errors(&mut out, &violations);
        out.push(b'}');
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let errors = value["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 3);
        assert_eq!(errors[0]["detail"], nasty);
        assert_eq!(errors[0]["code"], nasty);
        assert_eq!(decode(errors[0]["pointer"].as_str().unwrap()), nasty);
        assert_eq!(errors[1]["parameter"], nasty);
        assert_eq!(errors[2]["header"], nasty);
    }
}
