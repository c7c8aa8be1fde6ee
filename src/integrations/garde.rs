//! `garde` feature: `Violations` for `garde::Report` (garde 0.23).
//!
//! One violation per entry of the report, in the report's order (garde 0.23 reports a struct's
//! fields by name). The pointer is the entry's path: struct fields by their Rust names,
//! list items by index, map entries by key; the steps garde adds without a key (the inside of
//! an `Option`, a newtype) are not part of the document and are skipped. The detail is garde's
//! message. No code: garde 0.23 reports a message only (its `code` attribute is parsed but not
//! kept in the report).
//!
//! The path is read through its `Serialize` impl (garde's `serde` feature), the public form of
//! its components.

use crate::violation::checks::{to_violations, Check, FieldNames, Report, Segment, Source};
use crate::{Violation, Violations};
use serde_json::Value;

impl Report for garde::Report {
    fn checks(&self) -> Vec<Check> {
        self.iter()
            .map(|(path, error)| Check {
                path: segments(path),
                detail: error.message().to_owned(),
                code: None,
            })
            .collect()
    }
}

impl Violations for garde::Report {
    fn violations(&self) -> Vec<Violation> {
        to_violations(self.checks(), Source::Body, &FieldNames::RUST)
    }
}

/// The steps of a path, from its serialized form `[["key","items"],["index","0"],["none",""]]`.
/// garde does not say whether a key is a field or a map key; both are `Field` here, so
/// [`FieldNames`] renames map keys too (a type with renamed fields rarely holds a map).
fn segments(path: &garde::Path) -> Vec<Segment> {
    let Ok(Value::Array(components)) = serde_json::to_value(path) else {
        return Vec::new();
    };
    components
        .iter()
        .filter_map(|component| {
            let [kind, text] = component.as_array()?.as_slice() else {
                return None;
            };
            let text = text.as_str()?;
            match kind.as_str()? {
                "index" => Some(match text.parse() {
                    Ok(index) => Segment::Index(index),
                    Err(_) => Segment::Key(text.to_owned()),
                }),
                "key" => Some(Segment::Field(text.to_owned())),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Location;

    #[test]
    fn paths_skip_steps_without_a_key() {
        let mut report = garde::Report::new();
        let path = garde::Path::new("items")
            .join(3usize)
            .join(garde::error::NoKey::default())
            .join("a/b");
        report.append(path, garde::Error::new("length is lower than 3"));
        report.append(garde::Path::empty(), garde::Error::new("whole"));
        let violations = report.violations();
        assert_eq!(violations[0].location(), Location::Pointer("/items/3/a~1b"));
        assert_eq!(violations[0].detail(), "length is lower than 3");
        assert_eq!(violations[0].code(), None);
        assert_eq!(violations[1].location(), Location::Pointer(""));
    }
}
