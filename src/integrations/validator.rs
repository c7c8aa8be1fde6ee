//! `validator` feature: `Violations` for `validator::ValidationErrors` (validator 0.21).
//!
//! One violation per failed check (`ValidationError`), nested structs and list items
//! included, in a stable order: the struct-level (`__all__`, from `#[validate(schema(…))]`)
//! checks of a struct first, then its fields by name (validator keeps them in a `HashMap`).
//! The pointer is the path of Rust field names and list indices; a struct-level check points at
//! its struct. The detail is the error's `message` when it has one, else a sentence made from
//! its code and parameters ("must be at least 3 characters long"); the code is the error's.

use crate::violation::checks::{to_violations, Check, FieldNames, Report, Segment, Source};
use crate::{Violation, Violations};
use serde_json::Value;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

/// The key validator uses for checks on a whole struct.
const STRUCT_LEVEL: &str = "__all__";

impl Report for ValidationErrors {
    fn checks(&self) -> Vec<Check> {
        let mut checks = Vec::new();
        walk(self, &mut Vec::new(), &mut checks);
        checks
    }
}

impl Violations for ValidationErrors {
    fn violations(&self) -> Vec<Violation> {
        to_violations(self.checks(), Source::Body, &FieldNames::RUST)
    }
}

fn walk(errors: &ValidationErrors, path: &mut Vec<Segment>, out: &mut Vec<Check>) {
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by(|(a, _), (b, _)| (*a != STRUCT_LEVEL, a).cmp(&(*b != STRUCT_LEVEL, b)));
    for (name, kind) in fields {
        let own = name != STRUCT_LEVEL;
        if own {
            path.push(Segment::Field(name.to_string()));
        }
        match kind {
            ValidationErrorsKind::Field(list) => out.extend(list.iter().map(|error| Check {
                path: path.clone(),
                detail: detail(error),
                code: Some(error.code.to_string()),
            })),
            ValidationErrorsKind::Struct(nested) => walk(nested, path, out),
            ValidationErrorsKind::List(items) => {
                for (index, nested) in items {
                    path.push(Segment::Index(*index));
                    walk(nested, path, out);
                    path.pop();
                }
            }
        }
        if own {
            path.pop();
        }
    }
}

/// The error's message, else a sentence from its code and parameters. A value is never
/// echoed (`value`, and `must_match`'s `other`, hold what the client sent).
fn detail(error: &ValidationError) -> String {
    if let Some(message) = &error.message {
        return message.to_string();
    }
    let param = |name: &str| error.params.get(name).map(number_or_text);
    match &*error.code {
        "length" => bounds(
            param("equal"),
            param("min"),
            param("max"),
            unit(error.params.get("value")),
        ),
        "range" => range(
            param("min"),
            param("max"),
            param("exclusive_min"),
            param("exclusive_max"),
        ),
        "email" => "must be an email address".to_owned(),
        "url" => "must be a URL".to_owned(),
        "ip" => "must be an IP address".to_owned(),
        "credit_card" => "must be a credit card number".to_owned(),
        "required" => "is required".to_owned(),
        "non_control_character" => "must not contain control characters".to_owned(),
        "regex" => "does not have the expected format".to_owned(),
        "must_match" => "does not match the field it must match".to_owned(),
        "contains" => match param("needle") {
            Some(needle) => format!("must contain {needle}"),
            None => "does not contain what it must".to_owned(),
        },
        "does_not_contain" => match param("needle") {
            Some(needle) => format!("must not contain {needle}"),
            None => "contains what it must not".to_owned(),
        },
        code => format!("failed the check `{code}`"),
    }
}

/// "must be between 1 and 5", "must be greater than 0 and at most 10", ….
fn range(
    min: Option<String>,
    max: Option<String>,
    exclusive_min: Option<String>,
    exclusive_max: Option<String>,
) -> String {
    if let (Some(min), Some(max), None, None) = (&min, &max, &exclusive_min, &exclusive_max) {
        return format!("must be between {min} and {max}");
    }
    let lower = match (exclusive_min, min) {
        (Some(bound), _) => Some(format!("greater than {bound}")),
        (None, Some(bound)) => Some(format!("at least {bound}")),
        (None, None) => None,
    };
    let upper = match (exclusive_max, max) {
        (Some(bound), _) => Some(format!("less than {bound}")),
        (None, Some(bound)) => Some(format!("at most {bound}")),
        (None, None) => None,
    };
    match (lower, upper) {
        (Some(lower), Some(upper)) => format!("must be {lower} and {upper}"),
        (Some(bound), None) | (None, Some(bound)) => format!("must be {bound}"),
        (None, None) => "is out of range".to_owned(),
    }
}

/// A parameter as it reads in a sentence: a number as it is, text quoted.
fn number_or_text(value: &Value) -> String {
    match value {
        Value::String(text) => format!("\"{text}\""),
        other => other.to_string(),
    }
}

/// What a length counts, from the checked value's JSON shape.
fn unit(value: Option<&Value>) -> &'static str {
    match value {
        Some(Value::Array(_)) => " items",
        Some(Value::Object(_)) => " entries",
        _ => " characters",
    }
}

/// "must be exactly 3 characters long", "must be between 1 and 5", ….
fn bounds(equal: Option<String>, min: Option<String>, max: Option<String>, unit: &str) -> String {
    let long = if unit == " characters" { " long" } else { "" };
    match (equal, min, max) {
        (Some(equal), _, _) => format!("must be exactly {equal}{unit}{long}"),
        (None, Some(min), Some(max)) if min == max => format!("must be exactly {min}{unit}{long}"),
        (None, Some(min), Some(max)) => format!("must be between {min} and {max}{unit}{long}"),
        (None, Some(min), None) => format!("must be at least {min}{unit}{long}"),
        (None, None, Some(max)) => format!("must be at most {max}{unit}{long}"),
        (None, None, None) => "has the wrong length".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Location;
    use std::borrow::Cow;

    fn error(code: &'static str, params: &[(&'static str, Value)]) -> ValidationError {
        let mut error = ValidationError::new(code);
        for (name, value) in params {
            error.add_param(Cow::Borrowed(name), value);
        }
        error
    }

    #[test]
    fn default_details() {
        use serde_json::json;
        let cases = [
            (
                error("length", &[("min", json!(3)), ("value", json!("ab"))]),
                "must be at least 3 characters long",
            ),
            (
                error(
                    "length",
                    &[("min", json!(1)), ("max", json!(5)), ("value", json!([]))],
                ),
                "must be between 1 and 5 items",
            ),
            (
                error("length", &[("equal", json!(2)), ("value", json!("abc"))]),
                "must be exactly 2 characters long",
            ),
            (
                error("range", &[("min", json!(18)), ("value", json!(3))]),
                "must be at least 18",
            ),
            (
                error("range", &[("min", json!(1)), ("max", json!(9.5))]),
                "must be between 1 and 9.5",
            ),
            (
                error("range", &[("exclusive_min", json!(0))]),
                "must be greater than 0",
            ),
            (
                error("range", &[("exclusive_min", json!(0)), ("max", json!(10))]),
                "must be greater than 0 and at most 10",
            ),
            (
                error("email", &[("value", json!("x"))]),
                "must be an email address",
            ),
            (
                error("contains", &[("needle", json!("@"))]),
                "must contain \"@\"",
            ),
            (
                error("must_match", &[("other", json!("secret"))]),
                "does not match the field it must match",
            ),
            (error("mine", &[]), "failed the check `mine`"),
        ];
        for (error, expected) in cases {
            assert_eq!(detail(&error), expected);
        }
        let custom = error("length", &[]).with_message(Cow::Borrowed("too short"));
        assert_eq!(detail(&custom), "too short");
    }

    #[test]
    fn nested_reports_in_a_stable_order() {
        let mut item = ValidationErrors::new();
        item.add("name", error("length", &[("min", serde_json::json!(1))]));
        let mut root = ValidationErrors::new();
        root.add("zip", error("regex", &[]));
        root.add("age", error("range", &[("min", serde_json::json!(18))]));
        root.add("__all__", error("dates", &[]));
        let root = ValidationErrors::merge_all(
            Err(root),
            "items",
            vec![
                Ok(()),
                Err({
                    let mut wrapper = ValidationErrors::new();
                    wrapper.errors_mut().insert(
                        Cow::Borrowed("items"),
                        ValidationErrorsKind::Struct(Box::new(item)),
                    );
                    wrapper
                }),
            ],
        )
        .unwrap_err();
        let violations = root.violations();
        let located: Vec<_> = violations
            .iter()
            .map(|v| (v.location(), v.code()))
            .collect();
        assert_eq!(
            located,
            [
                (Location::Pointer(""), Some("dates")),
                (Location::Pointer("/age"), Some("range")),
                (Location::Pointer("/items/1/name"), Some("length")),
                (Location::Pointer("/zip"), Some("regex")),
            ]
        );
    }
}
