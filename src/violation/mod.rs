//! Validation lists: [`Violation`], one failed check of a request, and [`Violations`], what a
//! `#[status(errors)]` field holds. Sent as the RFC 9457 `errors` member (`wire.rs` writes it).
//!
//! A violation says where (a JSON Pointer into the request body, a query or path parameter,
//! or a request header), what (a detail for people) and, optionally, a machine-readable code.
//! The `validator` and `garde` adapters and the extractors of [`extract`](crate::extract)
//! build them; so can any code: `Violation::pointer(json_pointer(["items", "0"]), "…")`.

#[cfg(any(feature = "validator", feature = "garde"))]
pub(crate) mod checks;
pub(crate) mod wire;

/// The one violation examples show (the catalogue's sample bodies, OpenAPI), as sent.
pub(crate) const SAMPLE_JSON: &str = r##"{"detail":"must not be empty","pointer":"#/name"}"##;

use core::fmt::{self, Write as _};

/// One failed check of a request: where, what, and an optional machine-readable code.
///
/// ```
/// use http_status::{json_pointer, Location, Violation};
///
/// let violation = Violation::pointer(json_pointer(["items", "0", "name"]), "must not be empty")
///     .with_code("length");
/// assert_eq!(violation.location(), Location::Pointer("/items/0/name"));
/// assert_eq!(violation.detail(), "must not be empty");
/// assert_eq!(violation.code(), Some("length"));
/// // As it is sent, in the `errors` member (the pointer as a URI fragment):
/// assert_eq!(
///     serde_json::to_string(&violation).unwrap(),
///     r##"{"detail":"must not be empty","pointer":"#/items/0/name","code":"length"}"##
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Violation {
    detail: String,
    kind: Kind,
    /// The pointer, parameter name or header name.
    place: String,
    code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Pointer,
    Parameter,
    Header,
}

/// Where a [`Violation`] is in the request: `Violation::location()`.
///
/// ```
/// use http_status::{Location, Violation};
///
/// let violation = Violation::parameter("page", "must be a number");
/// assert_eq!(violation.location(), Location::Parameter("page"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location<'a> {
    /// A JSON Pointer (RFC 6901) into the request body, as a string: `/items/0/name`; the empty
    /// string is the whole document.
    Pointer(&'a str),
    /// A query or path parameter, by name.
    Parameter(&'a str),
    /// A request header field, by name.
    Header(&'a str),
}

impl Violation {
    fn new(kind: Kind, place: String, detail: String) -> Self {
        Violation {
            detail,
            kind,
            place,
            code: None,
        }
    }

    /// A violation in the request body at `pointer`, an RFC 6901 JSON Pointer string
    /// (`"/items/0/name"`; build one from names with [`json_pointer`]). It is sent as a URI
    /// fragment: `"pointer":"#/items/0/name"`.
    pub fn pointer(pointer: impl Into<String>, detail: impl Into<String>) -> Self {
        Violation::new(Kind::Pointer, pointer.into(), detail.into())
    }

    /// A violation of a query or path parameter: `"parameter":"page"`.
    pub fn parameter(name: impl Into<String>, detail: impl Into<String>) -> Self {
        Violation::new(Kind::Parameter, name.into(), detail.into())
    }

    /// A violation of a request header: `"header":"If-Match"`.
    pub fn header(name: impl Into<String>, detail: impl Into<String>) -> Self {
        Violation::new(Kind::Header, name.into(), detail.into())
    }

    /// Sets the machine-readable code (`"code":"range"`).
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// What is wrong, for people.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The machine-readable code, if set.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Where the violation is.
    pub fn location(&self) -> Location<'_> {
        match self.kind {
            Kind::Pointer => Location::Pointer(&self.place),
            Kind::Parameter => Location::Parameter(&self.place),
            Kind::Header => Location::Header(&self.place),
        }
    }
}

/// RFC 6901: escapes `~` as `~0` and `/` as `~1` in each segment and joins them, each after a
/// `/`: `json_pointer(["a/b", "0"]) == "/a~1b/0"`. No segments make `""`, the whole document.
///
/// ```
/// use http_status::json_pointer;
///
/// assert_eq!(json_pointer(["a/b", "0"]), "/a~1b/0");
/// assert_eq!(json_pointer(["items".to_string(), 3.to_string()]), "/items/3");
/// assert_eq!(json_pointer(["m~n", ""]), "/m~0n/");
/// assert_eq!(json_pointer(Vec::<&str>::new()), "");
/// ```
pub fn json_pointer<I: IntoIterator>(segments: I) -> String
where
    I::Item: fmt::Display,
{
    let mut pointer = String::new();
    for segment in segments {
        push_segment(&mut pointer, &segment);
    }
    pointer
}

/// Appends `/` and `segment`, escaped, to `pointer`. A `Display` that fails leaves the part it
/// wrote (the pointer is still well-formed: escaping happens as the text arrives).
pub(crate) fn push_segment(pointer: &mut String, segment: &dyn fmt::Display) {
    pointer.push('/');
    let _ = write!(Escaped(pointer), "{segment}");
}

/// Writes text into a pointer, escaping `~` and `/` as it arrives.
struct Escaped<'a>(&'a mut String);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(['~', '/']) {
            self.0.push_str(&rest[..at]);
            self.0.push_str(if rest.as_bytes()[at] == b'~' {
                "~0"
            } else {
                "~1"
            });
            rest = &rest[at + 1..];
        }
        self.0.push_str(rest);
        Ok(())
    }
}

/// What a `#[status(errors)]` field holds: a list of [`Violation`]s, in the order they are
/// sent.
///
/// Implemented for `Vec<Violation>`, `[Violation]`, a single `Violation`, references and
/// boxes of those, `Option<T>` (none when `None`), and, behind features, for
/// `validator::ValidationErrors` (`validator`) and `garde::Report` (`garde`).
///
/// ```
/// use http_status::{Violation, Violations};
///
/// struct Clash { field: &'static str }
///
/// impl Violations for Clash {
///     fn violations(&self) -> Vec<Violation> {
///         vec![Violation::pointer(format!("/{}", self.field), "is already taken").with_code("taken")]
///     }
/// }
/// assert_eq!(Clash { field: "email" }.violations()[0].detail(), "is already taken");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list of violations: it does not implement `http_status::Violations`",
    label = "an `errors` field holds `Vec<Violation>`, `validator::ValidationErrors` or `garde::Report`",
    note = "rule: bad_attribute",
    note = "implement `Violations` for it, or hold a `Vec<http_status::Violation>`"
)]
pub trait Violations {
    /// The violations, in the order they are sent.
    fn violations(&self) -> Vec<Violation>;
}

impl Violations for Violation {
    fn violations(&self) -> Vec<Violation> {
        vec![self.clone()]
    }
}

impl Violations for [Violation] {
    fn violations(&self) -> Vec<Violation> {
        self.to_vec()
    }
}

impl<const N: usize> Violations for [Violation; N] {
    fn violations(&self) -> Vec<Violation> {
        self.to_vec()
    }
}

impl Violations for Vec<Violation> {
    fn violations(&self) -> Vec<Violation> {
        self.clone()
    }
}

impl<T: Violations + ?Sized> Violations for &T {
    fn violations(&self) -> Vec<Violation> {
        (**self).violations()
    }
}

impl<T: Violations + ?Sized> Violations for Box<T> {
    fn violations(&self) -> Vec<Violation> {
        (**self).violations()
    }
}

impl<T: Violations> Violations for Option<T> {
    fn violations(&self) -> Vec<Violation> {
        self.as_ref().map_or_else(Vec::new, Violations::violations)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_tilde_and_slash() {
        assert_eq!(json_pointer(["a/b"]), "/a~1b");
        assert_eq!(json_pointer(["m~n"]), "/m~0n");
        assert_eq!(json_pointer(["~1", "/~"]), "/~01/~1~0");
        assert_eq!(json_pointer([""]), "/");
        assert_eq!(json_pointer(["", ""]), "//");
        assert_eq!(json_pointer(["é ü", "0"]), "/é ü/0");
        assert_eq!(json_pointer([1, 2]), "/1/2");
        assert_eq!(json_pointer(Vec::<String>::new()), "");
    }

    #[test]
    fn the_pointer_resolves_in_serde_json() {
        let document = serde_json::json!({"a/b": {"m~n": [1, {"": "here"}]}});
        let pointer = json_pointer(["a/b", "m~n", "1", ""]);
        assert_eq!(document.pointer(&pointer), Some(&serde_json::json!("here")));
    }

    #[test]
    fn locations_and_codes() {
        let v = Violation::parameter("page", "must be positive");
        assert_eq!(v.location(), Location::Parameter("page"));
        assert_eq!(v.code(), None);
        let v = Violation::header("If-Match", "missing").with_code("required");
        assert_eq!(v.location(), Location::Header("If-Match"));
        assert_eq!(v.code(), Some("required"));
        let list = vec![v.clone(), Violation::pointer("", "bad")];
        assert_eq!(list.violations(), list);
        assert_eq!(list[..].violations(), list);
        assert_eq!(Violations::violations(&&v), vec![v.clone()]);
        assert_eq!(Box::new(list.clone()).violations(), list);
        assert_eq!(None::<Vec<Violation>>.violations(), vec![]);
    }
}
