//! A fixed-size text buffer: this crate has no allocator, and what it formats (an HTTP-date,
//! an encoded description in tests) has a known bound.

use core::fmt;

/// At most `N` bytes of text; a write past them fails with `fmt::Error`.
pub(crate) struct Buffer<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Buffer<N> {
    pub(crate) const fn new() -> Self {
        Buffer {
            bytes: [0; N],
            len: 0,
        }
    }

    /// The text written so far (`None` only if a write split a character, which `write_str`
    /// never does).
    pub(crate) fn as_str(&self) -> Option<&str> {
        core::str::from_utf8(&self.bytes[..self.len]).ok()
    }
}

impl<const N: usize> fmt::Write for Buffer<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
