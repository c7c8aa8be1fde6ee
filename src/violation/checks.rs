//! Failed checks as validation libraries report them: a path of Rust field names, list indices
//! and map keys, a message and perhaps a code. The `validator` and `garde` adapters produce
//! them; they become violations located in the request body (a JSON Pointer) or in its query
//! (a parameter), with field names spelled as [`FieldNames`] says.

use super::{push_segment, Violation};
use std::borrow::Cow;

/// One step of a path into the validated value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A struct field, by its Rust name.
    Field(String),
    /// An item of a list.
    Index(usize),
    /// An entry of a map, by its key (garde's; validator reports map entries by index).
    #[cfg_attr(not(feature = "garde"), allow(dead_code))]
    Key(String),
}

/// One failed check.
#[derive(Debug, Clone)]
pub(crate) struct Check {
    pub(crate) path: Vec<Segment>,
    pub(crate) detail: String,
    pub(crate) code: Option<String>,
}

/// A validation library's report: its failed checks, in the order they are sent.
pub(crate) trait Report {
    fn checks(&self) -> Vec<Check>;
}

/// How the Rust field names of a validated type are spelled in the request.
///
/// `validator` and `garde` report the Rust names of fields; a request type with
/// `#[serde(rename_all = "camelCase")]` is sent with other names, and a pointer built from the
/// Rust names would not resolve. `FieldNames` renames each field name of a report's paths
/// (never list indices or map keys): give it to the extractors (an axum `Extension`, an actix-web
/// `app_data`), or call [`FieldNames::violations`] with a report.
///
/// ```
/// use http_status::FieldNames;
///
/// fn pascal(field: &str) -> String {
///     field.split('_').map(|word| word[..1].to_uppercase() + &word[1..]).collect()
/// }
/// let names = FieldNames::new(pascal);
/// assert_eq!(names.rename("created_at"), "CreatedAt");
/// assert_eq!(FieldNames::CAMEL_CASE.rename("created_at"), "createdAt");
/// assert_eq!(FieldNames::RUST.rename("created_at"), "created_at");
/// ```
#[derive(Clone, Copy)]
pub struct FieldNames {
    rename: Rename,
}

#[derive(Clone, Copy)]
enum Rename {
    Rust,
    CamelCase,
    With(fn(&str) -> String),
}

impl FieldNames {
    /// The Rust names, unchanged (the default).
    pub const RUST: FieldNames = FieldNames {
        rename: Rename::Rust,
    };

    /// serde's `rename_all = "camelCase"`: `created_at` is `createdAt`.
    pub const CAMEL_CASE: FieldNames = FieldNames {
        rename: Rename::CamelCase,
    };

    /// Each field name passed through `rename` (for `#[serde(rename = "…")]` on single
    /// fields, or another case).
    pub const fn new(rename: fn(&str) -> String) -> Self {
        FieldNames {
            rename: Rename::With(rename),
        }
    }

    /// The name of the field `rust_name` in the request.
    pub fn rename<'a>(&self, rust_name: &'a str) -> Cow<'a, str> {
        match self.rename {
            Rename::Rust => Cow::Borrowed(rust_name),
            Rename::CamelCase => Cow::Owned(camel_case(rust_name)),
            Rename::With(rename) => Cow::Owned(rename(rust_name)),
        }
    }

    /// The violations of a `validator::ValidationErrors` or a `garde::Report`, each pointer
    /// spelled with these names.
    pub fn violations<R: ValidationReport + ?Sized>(&self, report: &R) -> Vec<Violation> {
        to_violations(report.checks(), Source::Body, self)
    }
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames::RUST
    }
}

impl core::fmt::Debug for FieldNames {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self.rename {
            Rename::Rust => "FieldNames::RUST",
            Rename::CamelCase => "FieldNames::CAMEL_CASE",
            Rename::With(_) => "FieldNames::new(..)",
        })
    }
}

/// A report of a validation library that [`FieldNames::violations`] reads:
/// `validator::ValidationErrors` (feature `validator`) and `garde::Report` (feature `garde`).
#[allow(private_bounds)]
pub trait ValidationReport: Report {}

impl<T: Report + ?Sized> ValidationReport for T {}

/// serde's camelCase of a snake_case name, exactly as `rename_all = "camelCase"` spells it
/// (serde's `RenameRule`: PascalCase with ASCII capitals, then the first character lowered).
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut capitalize = false;
    for c in snake.chars() {
        if c == '_' {
            capitalize = !out.is_empty();
        } else if capitalize {
            out.push(c.to_ascii_uppercase());
            capitalize = false;
        } else if out.is_empty() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Where the validated value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The request body: violations are JSON Pointers.
    Body,
    /// The query string: violations name a parameter.
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    Query,
}

/// The checks as violations located in `source`.
pub(crate) fn to_violations(
    checks: Vec<Check>,
    source: Source,
    names: &FieldNames,
) -> Vec<Violation> {
    checks
        .into_iter()
        .map(|check| {
            let violation = match source {
                Source::Body => Violation::pointer(pointer(&check.path, names), check.detail),
                Source::Query => Violation::parameter(parameter(&check.path, names), check.detail),
            };
            match check.code {
                Some(code) => violation.with_code(code),
                None => violation,
            }
        })
        .collect()
}

fn pointer(path: &[Segment], names: &FieldNames) -> String {
    let mut pointer = String::new();
    for segment in path {
        match segment {
            Segment::Field(name) => push_segment(&mut pointer, &names.rename(name)),
            Segment::Index(index) => push_segment(&mut pointer, index),
            Segment::Key(key) => push_segment(&mut pointer, key),
        }
    }
    pointer
}

/// A parameter's name: the first field; deeper steps (a query has none, usually) in brackets,
/// `filter[0]`.
fn parameter(path: &[Segment], names: &FieldNames) -> String {
    let mut name = String::new();
    for (at, segment) in path.iter().enumerate() {
        let text = match segment {
            Segment::Field(field) => names.rename(field),
            Segment::Index(index) => Cow::Owned(index.to_string()),
            Segment::Key(key) => Cow::Borrowed(key.as_str()),
        };
        if at == 0 {
            name.push_str(&text);
        } else {
            name.push('[');
            name.push_str(&text);
            name.push(']');
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Location;

    fn check(path: Vec<Segment>) -> Check {
        Check {
            path,
            detail: "bad".into(),
            code: Some("c".into()),
        }
    }

    #[test]
    fn paths_become_pointers_and_parameters() {
        let path = vec![
            Segment::Field("line_items".into()),
            Segment::Index(2),
            Segment::Key("a/b".into()),
            Segment::Field("unit_price".into()),
        ];
        let body = to_violations(vec![check(path.clone())], Source::Body, &FieldNames::RUST);
        assert_eq!(
            body[0].location(),
            Location::Pointer("/line_items/2/a~1b/unit_price")
        );
        assert_eq!(body[0].code(), Some("c"));
        let camel = to_violations(
            vec![check(path.clone())],
            Source::Body,
            &FieldNames::CAMEL_CASE,
        );
        assert_eq!(
            camel[0].location(),
            Location::Pointer("/lineItems/2/a~1b/unitPrice")
        );
        let query = to_violations(vec![check(path)], Source::Query, &FieldNames::RUST);
        assert_eq!(
            query[0].location(),
            Location::Parameter("line_items[2][a/b][unit_price]")
        );
        let whole = to_violations(vec![check(vec![])], Source::Body, &FieldNames::RUST);
        assert_eq!(whole[0].location(), Location::Pointer(""));
    }

    #[test]
    fn camel_case_is_serde_s() {
        assert_eq!(camel_case("a"), "a");
        assert_eq!(camel_case("created_at"), "createdAt");
        assert_eq!(camel_case("x_y_z"), "xYZ");
        assert_eq!(camel_case("é_ü"), "éü");
        assert_eq!(camel_case("_leading"), "leading");
        assert_eq!(camel_case("Upper_case"), "upperCase");
    }
}
