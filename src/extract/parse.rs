//! Deserializing a body or a query string, keeping the path to the value that failed
//! (serde_path_to_error), and the rejection each failure gets. Shared by both frameworks.

use super::Rejection;
use crate::{violation, Violation};
use serde::de::DeserializeOwned;
use serde_json::error::Category;
use serde_path_to_error::{Path, Segment};

/// Whether a `Content-Type` says JSON: `application/json` or `application/<anything>+json`,
/// parameters allowed, case-insensitive (as axum's own `Json` decides).
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
pub(crate) fn is_json(content_type: &[u8]) -> bool {
    let Ok(content_type) = core::str::from_utf8(content_type) else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    if !kind.eq_ignore_ascii_case("application") {
        return false;
    }
    let suffix = subtype
        .len()
        .checked_sub(5)
        .and_then(|at| subtype.get(at..));
    subtype.eq_ignore_ascii_case("json")
        || (subtype.len() > 5 && suffix.is_some_and(|s| s.eq_ignore_ascii_case("+json")))
}

/// The body as a `T`: 400 if it is not JSON, 422 with the failing value's pointer if it does
/// not fit `T`.
pub(crate) fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Rejection> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let (path, error) = (error.path().clone(), error.into_inner());
        match error.classify() {
            Category::Data => {
                let message = without_position(&error);
                let pointer = pointer(&path, &message);
                Rejection::mismatch(Violation::pointer(pointer, message))
            }
            Category::Syntax | Category::Eof | Category::Io => Rejection::malformed(&error),
        }
    })?;
    deserializer
        .end()
        .map_err(|error| Rejection::malformed(&error))?;
    Ok(value)
}

/// The query string as a `T`: 400 with the parameter that did not fit.
pub(crate) fn query<T: DeserializeOwned>(query: &str) -> Result<T, Rejection> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let message = error.inner().to_string();
        let mut name = String::new();
        for segment in error.path().iter() {
            match segment {
                Segment::Map { key } if name.is_empty() => name.push_str(key),
                Segment::Seq { index } if !name.is_empty() => {
                    name.push_str(&format!("[{index}]"));
                }
                _ => break,
            }
        }
        if name.is_empty() {
            if let Some(field) = named_field(&message) {
                name.push_str(field);
            }
        }
        let violation = (!name.is_empty()).then(|| Violation::parameter(name, message.clone()));
        Rejection::query(violation, &message)
    })
}

/// serde_json's message without its " at line L column C" (the pointer says where).
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// The JSON Pointer of a failure: the path serde_path_to_error kept, and, for a missing field,
/// that field (serde reports it at the object that lacks it; the client wants the member). A
/// step the path lost (inside an untagged or flattened value) ends it at the last value known.
fn pointer(path: &Path, message: &str) -> String {
    let mut pointer = String::new();
    let mut complete = true;
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => violation::push_segment(&mut pointer, index),
            Segment::Map { key } => violation::push_segment(&mut pointer, key),
            Segment::Enum { variant } => violation::push_segment(&mut pointer, variant),
            Segment::Unknown => {
                complete = false;
                break;
            }
        }
    }
    if complete {
        if let Some(field) = named_field(message) {
            violation::push_segment(&mut pointer, &field);
        }
    }
    pointer
}

/// The field serde names in "missing field `x`" (an unknown field is in the path already).
fn named_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split_once('`').map(|(field, _)| field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{HttpStatus, Location};
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Order {
        items: Vec<Item>,
        note: Option<String>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        quantity: u32,
        tags: BTreeMap<String, u8>,
    }

    fn rejected(body: &str) -> Rejection {
        json::<Order>(body.as_bytes()).unwrap_err()
    }

    #[test]
    fn content_types() {
        for yes in [
            "application/json",
            "application/JSON; charset=utf-8",
            "application/problem+json",
            " application/vnd.api+json ;x=y",
        ] {
            assert!(is_json(yes.as_bytes()), "{yes}");
        }
        for no in [
            "text/json",
            "application/jsonx",
            "application/+json",
            "application/x-www-form-urlencoded",
            "",
            "json",
            "application/json\u{0}",
        ] {
            assert!(!is_json(no.as_bytes()), "{no}");
        }
        assert!(!is_json(b"application/\xffjson"));
    }

    #[test]
    fn malformed_json_says_where() {
        let rejection = rejected("{\"items\": [\n  {\"name\": }]}");
        assert_eq!(rejection.status(), 400);
        assert_eq!(
            rejection.detail(),
            Some("the request body is not valid JSON: expected value at line 2 column 12")
        );
        assert!(rejection.violations().is_empty());
        let trailing = rejected(r#"{"items": []} x"#);
        assert_eq!(
            trailing.detail(),
            Some("the request body is not valid JSON: trailing characters at line 1 column 15")
        );
        assert_eq!(rejected("").status(), 400);
    }

    fn located(body: &str) -> (Location<'static>, String) {
        let rejection = rejected(body);
        assert_eq!(rejection.status(), 422);
        let [violation] = rejection.violations() else {
            panic!("one violation: {:?}", rejection.violations());
        };
        let location = match violation.location() {
            Location::Pointer(p) => Location::Pointer(Box::leak(p.to_owned().into_boxed_str())),
            other => panic!("{other:?}"),
        };
        (location, violation.detail().to_owned())
    }

    #[test]
    fn a_value_that_does_not_fit_is_pointed_at() {
        let items = r#"{"items":[{"name":"a","quantity":1,"tags":{}},{"name":"b","quantity":"x","tags":{}}]}"#;
        assert_eq!(
            located(items),
            (
                Location::Pointer("/items/1/quantity"),
                "invalid type: string \"x\", expected u32".to_owned()
            )
        );
        let map = r#"{"items":[{"name":"a","quantity":1,"tags":{"a/b":300}}]}"#;
        assert_eq!(located(map).0, Location::Pointer("/items/0/tags/a~1b"));
        let missing = r#"{"items":[{"name":"a","tags":{}}]}"#;
        assert_eq!(
            located(missing),
            (
                Location::Pointer("/items/0/quantity"),
                "missing field `quantity`".to_owned()
            )
        );
        let unknown = r#"{"items":[{"name":"a","quantity":1,"tags":{},"extra":1}]}"#;
        assert_eq!(located(unknown).0, Location::Pointer("/items/0/extra"));
        assert_eq!(located("[]").0, Location::Pointer(""));
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Page {
        page: u32,
        q: Option<String>,
    }

    #[test]
    fn queries_name_the_parameter() {
        assert_eq!(
            query::<Page>("page=2&q=a%20b").unwrap().q.as_deref(),
            Some("a b")
        );
        let rejection = query::<Page>("page=x").unwrap_err();
        assert_eq!(rejection.status(), 400);
        assert_eq!(
            rejection.violations()[0].location(),
            Location::Parameter("page")
        );
        assert_eq!(
            rejection.violations()[0].detail(),
            "invalid digit found in string"
        );
        let missing = query::<Page>("q=1").unwrap_err();
        assert_eq!(
            missing.violations()[0].location(),
            Location::Parameter("page")
        );
        assert_eq!(missing.violations()[0].detail(), "missing field `page`");
    }
}
