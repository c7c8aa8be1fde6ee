//! The body of a problem or json response being written: static parts copied, interpolated
//! text escaped as it is formatted, members serialized in place, all into one buffer sized in
//! advance.
//!
//! A member that cannot be written (a `Display` or `Serialize` that fails, a `type` or
//! `instance` that is not a URI reference) is left out, and the body stays a valid JSON
//! object: commas are decided by what is already in the buffer, not by what was planned.

use crate::json::Object;
use crate::serialize::{flatten_into, write_json, Sink};
use core::cell::Cell;
use core::fmt;
use http_status_core::header::{check_value, Grammar};

/// Writes one JSON object, or (when the client asked for text) only collects its detail.
pub struct Writer {
    out: Object,
    mode: Mode,
    /// An `instance` member was written.
    pub(crate) instance: bool,
    /// In text mode, the detail was collected.
    captured: bool,
    /// The interpolated `code` is also kept as text (for a code header or `ErrorMeta`).
    pub(crate) keep_code: bool,
    /// The `code` written, when kept.
    pub(crate) code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Json,
    /// Only the detail matters: the body will be `text/plain`.
    Text,
}

impl Writer {
    #[inline]
    pub(crate) fn json(capacity: usize) -> Self {
        Writer {
            out: Object::with_capacity(capacity),
            mode: Mode::Json,
            instance: false,
            captured: false,
            keep_code: false,
            code: None,
        }
    }

    pub(crate) fn text() -> Self {
        Writer {
            out: Object::with_capacity(0),
            mode: Mode::Text,
            instance: false,
            captured: false,
            keep_code: false,
            code: None,
        }
    }

    /// The JSON written.
    #[inline]
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }

    /// In text mode, the detail collected, if there was one.
    pub(crate) fn captured(self) -> Option<Vec<u8>> {
        self.captured.then_some(self.out.buf)
    }

    /// Opens the object with parts known at compile time, e.g.
    /// `{"type":"about:blank","title":"Not Found","status":404`.
    #[inline]
    pub fn raw(&mut self, head: &'static str) {
        if self.mode == Mode::Json {
            self.out.raw(head);
        }
    }

    /// Members known at compile time, `"code":"X"` (several, comma-separated, allowed).
    #[inline]
    pub fn lit(&mut self, members: &'static str) {
        if self.mode == Mode::Json {
            self.comma();
            self.out.buf.extend_from_slice(members.as_bytes());
        }
    }

    /// The detail (problem) or message (json) member, `key` being `"detail":`, formatted now.
    /// In text mode, the text itself is collected. Left out if its `Display` fails.
    #[inline]
    pub fn detail(&mut self, key: &'static str, text: fmt::Arguments<'_>) {
        match self.mode {
            Mode::Json => self.string(key, text),
            Mode::Text => {
                let mut out = String::new();
                if fmt::write(&mut out, text).is_ok() {
                    self.out.buf = out.into_bytes();
                    self.captured = true;
                }
            }
        }
    }

    /// A string member, formatted now and escaped as it is written; left out if its `Display`
    /// fails.
    pub fn string(&mut self, key: &'static str, text: fmt::Arguments<'_>) {
        if self.mode == Mode::Text {
            return;
        }
        let mark = self.out.buf.len();
        self.comma();
        self.out.buf.extend_from_slice(key.as_bytes());
        let failed = Cell::new(false);
        let guarded = Guard {
            inner: text,
            failed: &failed,
        };
        let written = serde::Serializer::collect_str(
            &mut serde_json::Serializer::new(&mut self.out.buf),
            &guarded,
        );
        if written.is_err() || failed.get() {
            self.out.buf.truncate(mark);
        }
    }

    /// The `code` member (`key` is `"code":`), formatted now; kept as text too when a code
    /// header or the request context needs it.
    pub fn code(&mut self, key: &'static str, text: fmt::Arguments<'_>) {
        if !self.keep_code {
            self.string(key, text);
            return;
        }
        // Formatted once, then written from the text kept.
        let mut code = String::new();
        if fmt::write(&mut code, text).is_err() {
            return;
        }
        if self.mode == Mode::Json {
            self.comma();
            self.out.buf.extend_from_slice(key.as_bytes());
            write_json(&mut self.out.buf, code.as_str());
        }
        self.code = Some(code);
    }

    /// The problem `type`, formatted now: a URI reference, else `about:blank` (the member is
    /// required, so it is never left out).
    pub fn type_uri(&mut self, key: &'static str, uri: fmt::Arguments<'_>) {
        if self.mode == Mode::Text {
            return;
        }
        let text = formatted_uri(uri);
        self.comma();
        self.out.buf.extend_from_slice(key.as_bytes());
        write_json(
            &mut self.out.buf,
            text.as_deref().unwrap_or(crate::problem::ABOUT_BLANK),
        );
    }

    /// The problem `instance`, formatted now; left out if it is not a URI reference.
    pub fn instance(&mut self, key: &'static str, uri: fmt::Arguments<'_>) {
        if self.mode == Mode::Text {
            return;
        }
        if let Some(text) = formatted_uri(uri) {
            self.comma();
            self.out.buf.extend_from_slice(key.as_bytes());
            write_json(&mut self.out.buf, &text);
            self.instance = true;
        }
    }

    /// A member from a field (`key` is `"name":`), serialized in place; left out if its
    /// `Serialize` fails.
    pub fn member<V: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &V) {
        if self.mode == Mode::Text {
            return;
        }
        let mark = self.out.buf.len();
        self.comma();
        self.out.buf.extend_from_slice(key.as_bytes());
        if !write_json(&mut self.out.buf, value) {
            self.out.buf.truncate(mark);
        }
    }

    /// The entries of the map `value` serializes to, each a member, except those named in
    /// `reserved` (the standard members, and the other members of the variant).
    pub fn flatten<V: serde::Serialize + ?Sized>(
        &mut self,
        value: &V,
        reserved: &'static [&'static str],
    ) {
        if self.mode == Mode::Text {
            return;
        }
        let mut sink = BufferSink {
            writer: self,
            reserved,
        };
        let Ok(()) = flatten_into(value, &mut sink);
    }

    /// The RFC 9457 `errors` member, from a `#[status(errors)]` field: every violation, in
    /// order.
    pub fn errors(&mut self, value: &dyn crate::Violations) {
        if self.mode == Mode::Text {
            return;
        }
        let violations = value.violations();
        self.comma();
        crate::violation::wire::write_errors(&mut self.out.buf, &violations);
    }

    /// A member whose key is already JSON (`"name":`) and whose text is known at run time
    /// only (the request context's).
    pub(crate) fn keyed_member(&mut self, key: &str, value: &[u8]) {
        if self.mode == Mode::Json {
            self.comma();
            self.out.buf.extend_from_slice(key.as_bytes());
            // A request id or a path seldom holds what JSON escapes: checked eight bytes at
            // a time, then copied.
            if plain(value) {
                self.out.buf.push(b'"');
                self.out.buf.extend_from_slice(value);
                self.out.buf.push(b'"');
            } else {
                write_json(&mut self.out.buf, &*String::from_utf8_lossy(value));
            }
        }
    }

    /// A member whose text is known at run time only (the request id, a framework's text).
    pub(crate) fn str_member(&mut self, key: &str, value: &str) {
        if self.mode == Mode::Json {
            self.out.str_member(key, value);
        }
    }

    /// `"status":<code>`.
    pub(crate) fn status(&mut self, status: http::StatusCode) {
        if self.mode == Mode::Json {
            self.out.status(status);
        }
    }

    #[inline]
    pub(crate) fn close(&mut self) {
        if self.mode == Mode::Json {
            self.out.close();
        }
    }

    /// `"debug":{"message":…,"sources":[…]}`, the development member of a 5xx
    /// (`expose_internals`): the text the body hides and its `source()` chain, outermost
    /// first. A `Display` that fails leaves its text empty.
    pub(crate) fn debug(
        &mut self,
        message: &dyn fmt::Display,
        sources: Option<&(dyn std::error::Error + 'static)>,
    ) {
        if self.mode == Mode::Text {
            return;
        }
        let text = |display: &dyn fmt::Display| {
            let mut text = String::new();
            if fmt::write(&mut text, format_args!("{display}")).is_err() {
                text.clear();
            }
            text
        };
        self.comma();
        self.out.buf.extend_from_slice(br#""debug":{"message":"#);
        write_json(&mut self.out.buf, text(message).as_str());
        self.out.buf.extend_from_slice(br#","sources":["#);
        let chain = sources.map(crate::observe::explain::Chain);
        for (i, source) in chain.iter().flat_map(|chain| chain.iter()).enumerate() {
            if i > 0 {
                self.out.buf.push(b',');
            }
            write_json(&mut self.out.buf, text(&source).as_str());
        }
        self.out.buf.extend_from_slice(b"]}");
    }

    /// A comma, unless the object is still empty.
    #[inline]
    fn comma(&mut self) {
        self.out.comma();
    }
}

/// A `type` or `instance` value: formatted, and checked as a URI reference by the same code
/// that checks a literal one at compile time.
fn formatted_uri(uri: fmt::Arguments<'_>) -> Option<String> {
    let text = match uri.as_str() {
        Some(text) => text.to_owned(),
        None => {
            let mut text = String::new();
            fmt::write(&mut text, uri).ok()?;
            text
        }
    };
    check_value(Grammar::UriReference, &text).ok()?;
    Some(text)
}

struct BufferSink<'w> {
    writer: &'w mut Writer,
    reserved: &'static [&'static str],
}

impl Sink for BufferSink<'_> {
    type Error = core::convert::Infallible;

    fn entry<V: serde::Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &V,
    ) -> Result<(), Self::Error> {
        if self.reserved.contains(&key) {
            return Ok(());
        }
        let buf = &mut self.writer.out.buf;
        let mark = buf.len();
        if buf.last() != Some(&b'{') {
            buf.push(b',');
        }
        write_json(buf, key);
        buf.push(b':');
        if !write_json(buf, value) {
            buf.truncate(mark);
        }
        Ok(())
    }
}

/// Formats `inner`, but reports a failure through `failed` instead of as an error: serde_json
/// panics when a `Display` it collects fails by itself (see `serialize::guarded`).
struct Guard<'a, 'b> {
    inner: fmt::Arguments<'a>,
    failed: &'b Cell<bool>,
}

impl fmt::Display for Guard<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if fmt::Display::fmt(&self.inner, f).is_err() {
            self.failed.set(true);
        }
        Ok(())
    }
}

/// Whether `text` holds nothing JSON escapes inside a string (no `"`, `\\` or control
/// character), read a word at a time (the bit tricks of "Bit Twiddling Hacks",
/// "determine if a word has a byte less than n" and "has a byte equal to n").
fn plain(text: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let less_than = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH;
    let equal_to = |word: u64, b: u8| less_than(word ^ (ONES * u64::from(b)), 1);
    let mut chunks = text.chunks_exact(8);
    let mut found = 0;
    for chunk in &mut chunks {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_ne_bytes(bytes);
        found |= less_than(word, 0x20) | equal_to(word, b'"') | equal_to(word, b'\\');
    }
    found == 0
        && chunks
            .remainder()
            .iter()
            .all(|&b| b >= 0x20 && b != b'"' && b != b'\\')
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn plain_is_what_json_leaves_unescaped() {
        let naive = |text: &[u8]| text.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\');
        let mut cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"0b2c4f1e-7a6d-4c1b-9e3f-2a1b3c4d5e6f".to_vec(),
            "/users/42/caf\u{e9}/\u{1f600}".as_bytes().to_vec(),
        ];
        // Every byte that matters, at every position of words and remainders.
        for len in 1..20 {
            for at in 0..len {
                for bad in [
                    b'"', b'\\', 0x00, 0x1f, b'\n', 0x7f, 0x80, 0xff, b' ', b'!', b'#',
                ] {
                    let mut text = vec![b'a'; len];
                    text[at] = bad;
                    cases.push(text);
                }
            }
        }
        for text in cases {
            assert_eq!(plain(&text), naive(&text), "{text:?}");
        }
    }
}
