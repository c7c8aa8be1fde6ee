//! A JSON object written straight into a byte buffer: members appended with the comma decided
//! by what is already in the buffer (so a member left out never leaves a stray comma), text
//! escaped by serde_json. The renderer writes response bodies with it
//! (`render::writer::Writer`), and the catalogue writes example bodies with it.

use crate::serialize::write_json;

/// A JSON object being written.
pub(crate) struct Object {
    pub(crate) buf: Vec<u8>,
}

impl Object {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Object {
            buf: Vec::with_capacity(capacity),
        }
    }

    /// Text known to be valid JSON in place (an opening brace, members written at compile
    /// time).
    pub(crate) fn raw(&mut self, text: &str) {
        self.buf.extend_from_slice(text.as_bytes());
    }

    /// A comma, unless the object is still empty.
    pub(crate) fn comma(&mut self) {
        if self.buf.last() != Some(&b'{') {
            self.buf.push(b',');
        }
    }

    /// A string member.
    pub(crate) fn str_member(&mut self, key: &str, value: &str) {
        self.comma();
        write_json(&mut self.buf, key);
        self.buf.push(b':');
        write_json(&mut self.buf, value);
    }

    /// `"status":<code>`.
    pub(crate) fn status(&mut self, status: http::StatusCode) {
        self.comma();
        self.buf.extend_from_slice(b"\"status\":");
        self.buf.extend_from_slice(status.as_str().as_bytes());
    }

    pub(crate) fn close(&mut self) {
        self.buf.push(b'}');
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}
