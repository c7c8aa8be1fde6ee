//! A text that may interpolate fields, as the catalogue keeps it: literal runs and
//! placeholders of a kind, in the template grammar of `http_status_core::catalog`
//! (`user {integer} not found`). One value gives the readable text (`user <integer> not
//! found`) and a realistic example (`user 42 not found`).

use super::ValueKind;
use http_status_core::catalog::{self as codec, Piece as CorePiece};
use std::borrow::Cow;

/// A text of a described response that may interpolate fields (message, code, `type`,
/// `instance`, header values), with its structure kept: literal text and, where a field's value
/// goes, the kind of that field.
///
/// Its source form ([`Template::as_str`]) is what `catalog.json` holds: literal text with `{`
/// and `}` doubled, `{kind}` for a placeholder (`user {integer} not found`).
///
/// ```
/// use http_status::{HttpStatus, ResponseCatalog, TemplatePiece, ValueKind};
///
/// #[derive(HttpStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// let catalog = ResponseCatalog::of::<ApiError>();
/// let message = catalog[0].message_template().unwrap();
/// assert_eq!(message.as_str(), "user {integer} not found");
/// assert_eq!(message.readable(), "user <integer> not found");
/// assert_eq!(message.example(), "user 42 not found");
/// assert_eq!(message.pieces().nth(1), Some(TemplatePiece::Field(ValueKind::Integer)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: Cow<'static, str>,
    readable: Cow<'static, str>,
}

/// One piece of a [`Template`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplatePiece<'a> {
    /// Literal text.
    Text(&'a str),
    /// Where the value of a field of this kind goes.
    Field(ValueKind),
}

impl Template {
    /// A template in its source form (`user {integer} not found`). Any text reads as one: a
    /// brace that does not start `{{`, `}}` or `{kind}` is literal.
    pub fn new(source: impl Into<Cow<'static, str>>) -> Self {
        let source = source.into();
        let plain = !source.contains(['{', '}']);
        let readable = match &source {
            Cow::Borrowed(text) if plain => Cow::Borrowed(*text),
            _ if plain => source.clone(),
            _ => {
                let mut out = String::with_capacity(source.len());
                let _ = codec::write_readable(&mut out, &source);
                Cow::Owned(out)
            }
        };
        Template { source, readable }
    }

    /// Literal text, with nothing interpolated.
    pub fn literal(text: impl Into<Cow<'static, str>>) -> Self {
        let text = text.into();
        if text.contains(['{', '}']) {
            let mut source = String::with_capacity(text.len() + 2);
            let _ = codec::write_literal(&mut source, &text);
            Template::new(source)
        } else {
            Template::new(text)
        }
    }

    /// The source form, as `catalog.json` holds it.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The text a person reads: each placeholder as `<kind>` (`user <integer> not found`).
    pub fn readable(&self) -> &str {
        &self.readable
    }

    /// The literal runs and placeholders, in order.
    pub fn pieces(&self) -> impl Iterator<Item = TemplatePiece<'_>> {
        codec::pieces(&self.source).map(|piece| match piece {
            CorePiece::Text(text) => TemplatePiece::Text(text),
            CorePiece::Field(kind) => TemplatePiece::Field(kind),
        })
    }

    /// Whether nothing is interpolated.
    pub fn is_literal(&self) -> bool {
        codec::is_literal(&self.source)
    }

    /// The text with a sample value of each placeholder's kind ([`ValueKind::sample_text`]):
    /// `user 42 not found`.
    pub fn example(&self) -> Cow<'_, str> {
        if self.is_literal() {
            return Cow::Borrowed(&self.readable);
        }
        let mut out = String::with_capacity(self.source.len());
        for piece in self.pieces() {
            match piece {
                TemplatePiece::Text(text) => out.push_str(text),
                TemplatePiece::Field(kind) => out.push_str(kind.sample_text()),
            }
        }
        Cow::Owned(out)
    }
}
