//! Example bodies: the catalogue's ([`ResponseDescription::example`]: the exact body when
//! nothing is interpolated, else the body for sample values), with each member shown as a
//! value its schema allows — a list with one item, a map with one entry — where the catalogue
//! knows only the kind.

use super::schema;
use crate::{BodyFormat, ResponseDescription};
use serde_json::{json, Map, Value};

/// How deep a member's schema is followed for its example.
const MAX_DEPTH: usize = 8;

/// The example body of `variant`, as the document shows it: JSON for JSON formats, a string
/// for text; `None` where the catalogue has none (`serde`, custom formats, no body).
/// `members` are better samples of some members than the catalogue's.
pub(crate) fn body(variant: &ResponseDescription, members: Vec<(String, Value)>) -> Option<Value> {
    let text = match (variant.example(), variant.format()) {
        (Some(text), BodyFormat::Text) => return Some(Value::String(text.to_owned())),
        (Some(text), _) => text,
        (None, BodyFormat::Members) => return Some(Value::Object(members.into_iter().collect())),
        (None, BodyFormat::Google) => return Some(google(variant)),
        (None, _) => return None,
    };
    let mut body: Value = serde_json::from_str(text).ok()?;
    if !variant.example_is_exact() {
        if let Value::Object(object) = &mut body {
            for (name, sample) in members {
                // Only the members the body has (a flattened member's are not named).
                if let Some(value) = object.get_mut(&name) {
                    *value = sample;
                }
            }
        }
    }
    Some(body)
}

/// What `format = "google"` sends for sample values.
fn google(variant: &ResponseDescription) -> Value {
    let status = variant.status().as_u16();
    let message = match (variant.message_template(), variant.detail_hidden()) {
        (Some(message), false) => message.example().into_owned(),
        _ => variant.title().to_owned(),
    };
    let mut error = json!({
        "code": status,
        "message": message,
        "status": http_status_core::grpc::code_for_status(status).name,
    });
    if let Some(code) = variant.code_template() {
        error["details"] = json!([{
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": code.example(),
        }]);
    }
    json!({ "error": error })
}

/// A value `schema` allows, when it says enough: `None` for a reference or a free-form value.
pub(crate) fn sample(schema: &Value, depth: usize) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    let schema = schema.as_object()?;
    if let Some(example) = schema.get("example") {
        return Some(example.clone());
    }
    for key in ["examples", "enum"] {
        if let Some(first) = schema
            .get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
        {
            return Some(first.clone());
        }
    }
    for key in ["const", "default"] {
        if let Some(value) = schema.get(key) {
            return Some(value.clone());
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(items) = schema.get(key).and_then(Value::as_array) {
            // The first alternative that is not `null` (how `Option<T>` is written).
            return items
                .iter()
                .filter(|item| item.get("type").and_then(Value::as_str) != Some("null"))
                .find_map(|item| sample(item, depth + 1));
        }
    }
    let kind = match schema.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .find(|kind| *kind != "null")?,
        _ => return None,
    };
    Some(match kind {
        "string" => string_sample(schema.get("format").and_then(Value::as_str)),
        "integer" => json!(42),
        "number" => json!(1.5),
        "boolean" => json!(true),
        "null" => Value::Null,
        "array" => {
            let item = schema
                .get("items")
                .and_then(|items| sample(items, depth + 1));
            Value::Array(item.into_iter().collect())
        }
        "object" => object_sample(schema, depth),
        _ => return None,
    })
}

fn string_sample(format: Option<&str>) -> Value {
    json!(match format {
        Some("date-time") => "2025-01-31T12:00:00Z",
        Some("date") => "2025-01-31",
        Some("time") => "12:00:00Z",
        Some("email") => "ada@example.com",
        Some("uri" | "url") => "https://example.com/",
        Some("uri-reference") => "/example",
        Some("uuid") => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        Some("ipv4") => "192.0.2.1",
        Some("ipv6") => "2001:db8::1",
        _ => "example",
    })
}

/// Each property, and one entry of a map.
fn object_sample(schema: &Map<String, Value>, depth: usize) -> Value {
    let mut object = Map::new();
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (name, property) in properties {
            if let Some(value) = sample(property, depth + 1) {
                object.insert(name.clone(), value);
            }
        }
    }
    if let Some(entry) = schema
        .get("additionalProperties")
        .and_then(|entry| sample(entry, depth + 1))
    {
        object.insert("key".to_owned(), entry);
    }
    Value::Object(object)
}

/// The example of the `errors` member: one violation.
pub(crate) fn errors() -> Value {
    json!([schema::violation_example()])
}

#[cfg(test)]
mod tests {
    use super::sample;
    use serde_json::json;

    #[test]
    fn samples_follow_the_schema() {
        let list = json!({"type": "array", "items": {"type": "integer"}});
        assert_eq!(sample(&list, 0), Some(json!([42])));
        let map = json!({"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}});
        assert_eq!(sample(&map, 0), Some(json!({"key": ["example"]})));
        let option = json!({"oneOf": [{"type": "null"}, {"type": "string", "format": "email"}]});
        assert_eq!(sample(&option, 0), Some(json!("ada@example.com")));
        let nullable = json!({"type": ["integer", "null"]});
        assert_eq!(sample(&nullable, 0), Some(json!(42)));
        let choice = json!({"type": "string", "enum": ["low", "high"]});
        assert_eq!(sample(&choice, 0), Some(json!("low")));
        // A reference or a free-form value says too little.
        assert_eq!(
            sample(&json!({"$ref": "#/components/schemas/User"}), 0),
            None
        );
        assert_eq!(sample(&json!({}), 0), None);
        let object = json!({"type": "object", "properties": {"id": {"type": "integer"}, "tags": {"type": "array"}}});
        assert_eq!(sample(&object, 0), Some(json!({"id": 42, "tags": []})));
    }
}
