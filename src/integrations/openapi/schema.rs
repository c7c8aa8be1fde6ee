//! The JSON Schemas of the documents, as values every OpenAPI crate reads: the shared
//! `Problem` and `Violation` components, the schema of a value kind, and a small builder for
//! the object schemas of each response.

use crate::ValueKind;
use serde_json::{json, Map, Value};

/// The component name of the RFC 9457 object every problem response references.
pub(crate) const PROBLEM: &str = "Problem";
/// The component name of one item of `errors`.
pub(crate) const VIOLATION: &str = "Violation";

/// How a document names the shared components: `$ref`s under `#/components/schemas/`
/// (utoipa; aide when it extracts schemas), or whatever the generator gives (aide inlines
/// them when it is told not to extract schemas).
pub(crate) struct Refs {
    pub(crate) problem: Value,
    pub(crate) violation: Value,
}

#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
impl Refs {
    /// References to the components, which the user registers (utoipa).
    pub(crate) fn components() -> Refs {
        Refs {
            problem: reference(PROBLEM),
            violation: reference(VIOLATION),
        }
    }
}

#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// The RFC 9457 object as the derive sends it: `type`, `title` and `status` always; the
/// others where a response says so (its own schema, through `allOf`, makes them required).
/// Extension members are allowed: each response lists its own.
pub(crate) fn problem(violation: Value) -> Value {
    json!({
        "type": "object",
        "description": "Problem details (RFC 9457). Each response lists the members it always sends as required.",
        "properties": {
            "type": {
                "type": "string",
                "format": "uri-reference",
                "description": "A URI reference that identifies the problem type (`about:blank`: the status says it all)"
            },
            "title": {
                "type": "string",
                "description": "A short summary of the problem type, the same for every occurrence"
            },
            "status": {
                "type": "integer",
                "minimum": 100,
                "maximum": 599,
                "description": "The HTTP status code"
            },
            "detail": {
                "type": "string",
                "description": "What went wrong in this occurrence, for people"
            },
            "instance": {
                "type": "string",
                "format": "uri-reference",
                "description": "This occurrence: set by the error, or the request path (with ProblemLayer or ProblemMiddleware)"
            },
            "code": {
                "type": "string",
                "description": "The machine-readable error code"
            },
            "request_id": request_id(),
            "errors": errors(violation)
        },
        "required": ["type", "title", "status"]
    })
}

/// One item of the `errors` member (a `Violation` as sent): `detail`, then one of `pointer`
/// (a JSON Pointer in URI-fragment form), `parameter` or `header`, then `code` when set.
pub(crate) fn violation() -> Value {
    json!({
        "type": "object",
        "description": "One failed check of the request: what (detail), where (one of pointer, parameter, header) and an optional machine-readable code",
        "properties": {
            "detail": { "type": "string", "description": "What is wrong, for people" },
            "pointer": {
                "type": "string",
                "format": "uri-reference",
                "description": "Where in the request body: a JSON Pointer in URI-fragment form (RFC 6901 §6), `#/items/0/name`"
            },
            "parameter": { "type": "string", "description": "The query or path parameter" },
            "header": { "type": "string", "description": "The request header" },
            "code": { "type": "string", "description": "The machine-readable code of the failed check" }
        },
        "required": ["detail"]
    })
}

/// An example item of `errors`.
pub(crate) fn violation_example() -> Value {
    serde_json::from_str(crate::violation::SAMPLE_JSON).unwrap_or(Value::Null)
}

/// The `errors` member: the violations, in order.
pub(crate) fn errors(violation: Value) -> Value {
    json!({
        "type": "array",
        "description": "Every failed check of the request",
        "items": violation
    })
}

/// The member a `ProblemLayer` or `ProblemMiddleware` adds (under its default name).
pub(crate) fn request_id() -> Value {
    json!({
        "type": "string",
        "description": "The request id, also in the `x-request-id` header (with ProblemLayer or ProblemMiddleware)"
    })
}

/// Any JSON value.
pub(crate) fn any() -> Value {
    json!({})
}

pub(crate) fn string() -> Value {
    json!({ "type": "string" })
}

/// A string that is one of `values`.
pub(crate) fn one_of_strings<'a>(values: impl IntoIterator<Item = &'a str>) -> Value {
    json!({ "type": "string", "enum": dedup(values) })
}

/// The schema of a value of this kind (any value for [`ValueKind::Any`]).
pub(crate) fn of_kind(kind: ValueKind) -> Value {
    match kind {
        ValueKind::Integer => json!({ "type": "integer" }),
        ValueKind::Number => json!({ "type": "number" }),
        ValueKind::String => string(),
        ValueKind::Boolean => json!({ "type": "boolean" }),
        ValueKind::Array => json!({ "type": "array" }),
        ValueKind::Object => json!({ "type": "object" }),
        // A type of the user's: it serializes as it likes.
        _ => any(),
    }
}

/// An object schema being built: properties in order, and the names always sent.
#[derive(Default)]
pub(crate) struct Object {
    properties: Map<String, Value>,
    required: Vec<String>,
}

impl Object {
    /// Adds a property (the first schema given for a name stays); `required` when every
    /// response described sends it.
    pub(crate) fn property(&mut self, name: &str, schema: Value, required: bool) {
        if !self.properties.contains_key(name) {
            self.properties.insert(name.to_owned(), schema);
        }
        if required && !self.required.iter().any(|r| r == name) {
            self.required.push(name.to_owned());
        }
    }

    pub(crate) fn into_schema(self, description: Option<&str>) -> Value {
        let mut schema = Map::new();
        schema.insert("type".into(), json!("object"));
        if let Some(description) = description {
            schema.insert("description".into(), json!(description));
        }
        if !self.properties.is_empty() {
            schema.insert("properties".into(), Value::Object(self.properties));
        }
        if !self.required.is_empty() {
            schema.insert("required".into(), json!(self.required));
        }
        Value::Object(schema)
    }
}

/// The items, each once, in order of first appearance.
pub(crate) fn dedup<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// A schema as utoipa (5 and 6) reads it: utoipa reads an object schema without `type` as no
/// schema at all, so "any type" is spelled `"type": null` (its `AnyValue`, which it writes
/// without `type`), in every subschema.
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
pub(crate) fn for_utoipa(mut value: Value) -> Value {
    fn walk(value: &mut Value, depth: usize) {
        let Some(object) = value.as_object_mut() else {
            return;
        };
        let composite = ["$ref", "allOf", "oneOf", "anyOf"]
            .iter()
            .any(|key| object.contains_key(*key));
        if !composite && !object.contains_key("type") {
            object.insert("type".to_owned(), Value::Null);
        }
        if depth >= 64 {
            return;
        }
        for key in ["items", "additionalProperties", "not"] {
            if let Some(schema) = object.get_mut(key) {
                walk(schema, depth + 1);
            }
        }
        if let Some(Value::Object(properties)) = object.get_mut("properties") {
            properties
                .values_mut()
                .for_each(|schema| walk(schema, depth + 1));
        }
        for key in ["allOf", "oneOf", "anyOf", "prefixItems"] {
            if let Some(Value::Array(schemas)) = object.get_mut(key) {
                schemas
                    .iter_mut()
                    .for_each(|schema| walk(schema, depth + 1));
            }
        }
    }
    walk(&mut value, 0);
    value
}

/// Every kind of schema the model writes, for the tests that each OpenAPI crate reads them
/// back unchanged.
#[cfg(all(test, any(feature = "utoipa", feature = "utoipa5")))]
pub(crate) fn samples() -> Vec<Value> {
    let refs = Refs::components();
    let object = json!({"type": "object", "properties": {"code": {"type": "string", "enum": ["A", "B"]}}, "required": ["code"]});
    vec![
        problem(refs.violation.clone()),
        violation(),
        json!({"allOf": [refs.problem.clone(), object.clone()]}),
        json!({"anyOf": [object, {"type": "string"}]}),
        errors(refs.violation),
        json!({"type": "integer", "enum": [404]}),
        json!({"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}),
        json!({"type": "object", "properties": {"opaque": {}, "level": {"enum": ["low", "high"]}}}),
        json!({"type": "array", "items": {}}),
        any(),
    ]
}
