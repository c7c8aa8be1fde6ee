//! What every OpenAPI integration (utoipa 6, utoipa 5, aide) must document for one error
//! type, checked on the serialized document: the same assertions for each, so the three
//! cannot drift apart. Each test file builds the document with its crate and calls
//! [`check`].

use http_status::{HttpStatus, Violation};
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("storage unavailable")]
#[status(503, message = "storage unavailable", header("Retry-After" = "30"))]
pub struct StorageError;

/// A member type without a schema of its own.
#[derive(Debug, serde::Serialize)]
pub struct Opaque;

// Only described, never built.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[allow(dead_code)]
pub enum ApiError {
    #[error("user {user_id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound {
        #[status(extension)]
        user_id: u64,
    },

    /// The user was deleted; it cannot come back.
    #[error("user {id} was deleted")]
    #[status(404, code = "USER_DELETED", header("Cache-Control" = "max-age=86400"))]
    UserDeleted { id: u64 },

    #[error("no such user")]
    #[status(404, code = "USER_UNKNOWN")]
    UserUnknown,

    /// The client must log in first.
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Bearer"))]
    Unauthenticated,

    #[error("method not allowed")]
    #[status(405, header("Allow" = "{allow}"))]
    MethodNotAllowed { allow: &'static str },

    #[error("malformed request")]
    #[status(400, code = "MALFORMED")]
    Malformed {
        #[status(extension)]
        errors: Vec<Violation>,
    },

    #[error("invalid input")]
    #[status(422)]
    Invalid {
        #[status(extension)]
        fields: Vec<String>,
        #[status(extension)]
        limits: BTreeMap<String, u32>,
        #[status(extension)]
        opaque: Opaque,
    },

    #[error("slow down")]
    #[status(429, format = "json", code = "SLOW_DOWN", header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u64 },

    #[error(transparent)]
    #[status(transparent)]
    Storage(#[from] StorageError),

    #[error("database failure: {0}")]
    #[status(500)]
    Database(String),
}

/// The problem responses' schemas (`allOf`: the shared `Problem`, then this response's own).
fn problem_schema<'a>(responses: &'a Value, status: &str) -> &'a Value {
    &responses[status]["content"]["application/problem+json"]["schema"]
}

fn own(responses: &Value, status: &str) -> Value {
    let schema = problem_schema(responses, status);
    assert_eq!(
        schema["allOf"][0],
        json!({"$ref": "#/components/schemas/Problem"}),
        "{status}: {schema}"
    );
    schema["allOf"][1].clone()
}

/// Every check, on `document`, whose operation `GET /users/{id}` answers with `ApiError`.
pub fn check(document: &Value) {
    let responses = &document["paths"]["/users/{id}"]["get"]["responses"];
    let mut statuses: Vec<&str> = responses
        .as_object()
        .expect("responses")
        .keys()
        .map(String::as_str)
        .collect();
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        ["200", "400", "401", "404", "405", "422", "429", "500", "503"]
    );
    shared_components(document, responses);
    required_members(responses);
    required_headers(responses);
    examples(responses);
    no_placeholders(responses);
}

/// One `Problem` component (RFC 9457 members; `type`, `title`, `status` required) and one
/// `Violation`, referenced by every problem response.
fn shared_components(document: &Value, responses: &Value) {
    let schemas = &document["components"]["schemas"];
    let problem = &schemas["Problem"];
    assert_eq!(problem["required"], json!(["type", "title", "status"]));
    let mut members: Vec<&str> = problem["properties"]
        .as_object()
        .expect("Problem's properties")
        .keys()
        .map(String::as_str)
        .collect();
    members.sort_unstable();
    assert_eq!(
        members,
        [
            "code",
            "detail",
            "errors",
            "instance",
            "request_id",
            "status",
            "title",
            "type"
        ]
    );
    assert_eq!(
        problem["properties"]["errors"]["items"],
        json!({"$ref": "#/components/schemas/Violation"})
    );
    assert_eq!(schemas["Violation"]["required"], json!(["detail"]));
    // Every problem response references it: none is inlined.
    let mut problem_responses = 0;
    for (status, response) in responses.as_object().unwrap() {
        if let Some(content) = response["content"].get("application/problem+json") {
            own(responses, status);
            assert!(content["schema"]["allOf"][1].get("allOf").is_none());
            problem_responses += 1;
        }
    }
    assert_eq!(problem_responses, 7);
    assert_eq!(
        document.to_string().matches("RFC 9457").count(),
        1,
        "one description of the problem object"
    );
}

/// What the derive always sends is required: `code` where the variants have one, `detail`
/// where it is never hidden, each member that every variant of the status sends.
fn required_members(responses: &Value) {
    // Three variants: the `user_id` member only in one, a code and a detail in all.
    let not_found = own(responses, "404");
    assert_eq!(
        not_found["required"],
        json!(["type", "title", "status", "detail", "code"])
    );
    assert_eq!(
        not_found["properties"]["code"]["enum"],
        json!(["USER_NOT_FOUND", "USER_DELETED", "USER_UNKNOWN"])
    );
    assert_eq!(not_found["properties"]["user_id"]["type"], "integer");
    assert_eq!(not_found["properties"]["status"]["enum"], json!([404]));
    assert_eq!(
        not_found["properties"]["title"]["enum"],
        json!(["Not Found"])
    );
    assert_eq!(
        not_found["properties"]["type"]["enum"],
        json!(["about:blank"])
    );
    // No code: none required.
    assert_eq!(
        own(responses, "401")["required"],
        json!(["type", "title", "status", "detail"])
    );
    // Members are required; the errors list references the Violation component.
    let malformed = own(responses, "400");
    assert_eq!(
        malformed["required"],
        json!(["type", "title", "status", "detail", "code", "errors"])
    );
    assert_eq!(
        malformed["properties"]["errors"]["items"],
        json!({"$ref": "#/components/schemas/Violation"})
    );
    let invalid = own(responses, "422");
    assert_eq!(
        invalid["required"],
        json!(["type", "title", "status", "detail", "fields", "limits", "opaque"])
    );
    assert_eq!(
        invalid["properties"]["fields"],
        json!({"type": "array", "items": {"type": "string"}})
    );
    assert_eq!(invalid["properties"]["limits"]["type"], "object");
    // A member type without a schema: any value.
    assert_eq!(invalid["properties"]["opaque"], json!({}));
    // The hidden 500 has no detail to require, and says nothing of the error.
    let internal = own(responses, "500");
    assert_eq!(internal["required"], json!(["type", "title", "status"]));
    assert!(internal["properties"].get("detail").is_none());
    assert!(!responses["500"].to_string().contains("database failure"));
    assert_eq!(responses["500"]["description"], "Internal Server Error");
    // The json format: its own object, everything it always sends required.
    let limited = &responses["429"]["content"]["application/json"]["schema"];
    assert_eq!(limited["required"], json!(["error", "message", "code"]));
    assert_eq!(
        limited["properties"]["error"]["enum"],
        json!(["Too Many Requests"])
    );
    assert_eq!(limited["properties"]["request_id"]["type"], "string");
    assert!(responses["429"]["content"]
        .get("application/problem+json")
        .is_none());
}

/// `required: true` where the variant always sends the header: a literal value, or one the
/// status requires (else the response becomes a 500).
fn required_headers(responses: &Value) {
    let header = |status: &str, name: &str| responses[status]["headers"][name].clone();
    let challenge = header("401", "WWW-Authenticate");
    assert_eq!(challenge["required"], true);
    assert_eq!(challenge["schema"]["type"], "string");
    assert_eq!(challenge["example"], "Bearer");
    assert_eq!(challenge["description"], "`Bearer`");
    // Interpolated, and required by 405.
    let allow = header("405", "Allow");
    assert_eq!(allow["required"], true);
    assert_eq!(allow["description"], "`<string>`");
    assert_eq!(allow["example"], "GET, HEAD");
    // Interpolated and optional: may be left out when its value is not valid.
    let retry = header("429", "Retry-After");
    assert_ne!(retry["required"], true, "{retry}");
    assert_eq!(retry["schema"]["type"], "integer");
    assert_eq!(retry["example"], 42);
    assert_eq!(header("503", "Retry-After")["required"], true);
    assert_eq!(header("503", "Retry-After")["example"], "30");
    // Sent by one of the variants that share the status: neither required nor said of all.
    let cache = header("404", "Cache-Control");
    assert_ne!(cache["required"], true, "{cache}");
    assert_eq!(
        cache["description"],
        "`max-age=86400` (sent by `UserDeleted` only)"
    );
}

/// Realistic values, the exact body where nothing is interpolated, and one named example per
/// variant where variants share a status.
fn examples(responses: &Value) {
    let content = |status: &str| responses[status]["content"]["application/problem+json"].clone();
    let not_found = content("404");
    assert!(not_found.get("example").is_none());
    let examples = not_found["examples"].as_object().expect("named examples");
    let mut names: Vec<&str> = examples.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["UserDeleted", "UserNotFound", "UserUnknown"]);
    assert_eq!(
        examples["UserNotFound"]["value"],
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "user 42 not found", "code": "USER_NOT_FOUND", "user_id": 42})
    );
    assert_eq!(
        examples["UserDeleted"]["summary"],
        "The user was deleted; it cannot come back."
    );
    assert_eq!(examples["UserNotFound"]["summary"], "user 42 not found");
    // Exact: the bytes `to_response` sends.
    assert_eq!(
        examples["UserUnknown"]["value"],
        sent(&ApiError::UserUnknown)
    );
    assert_eq!(content("401")["example"], sent(&ApiError::Unauthenticated));
    assert_eq!(
        content("500")["example"],
        sent(&ApiError::Database("x".into()))
    );
    assert_eq!(
        content("422")["example"]["fields"],
        json!(["example"]),
        "a list shows one item"
    );
    assert_eq!(content("422")["example"]["limits"], json!({"key": 42}));
    assert_eq!(
        content("400")["example"]["errors"],
        json!([{"detail": "must not be empty", "pointer": "#/name"}])
    );
    let limited = &responses["429"]["content"]["application/json"]["example"];
    assert_eq!(
        *limited,
        json!({"error": "Too Many Requests", "message": "slow down", "code": "SLOW_DOWN"})
    );
}

/// The body `to_response` sends, parsed.
fn sent(error: &ApiError) -> Value {
    serde_json::from_slice(error.to_response().body()).expect("a JSON body")
}

/// No `<integer>` in any example, no empty map where a member has a schema.
fn no_placeholders(responses: &Value) {
    let mut examples = Vec::new();
    collect_examples(responses, &mut examples);
    assert!(examples.len() >= 10, "{examples:?}");
    for example in examples {
        let text = example.to_string();
        for kind in [
            "<integer>",
            "<string>",
            "<number>",
            "<value>",
            "<array>",
            "<object>",
        ] {
            assert!(!text.contains(kind), "{text}");
        }
        assert!(!text.contains("\"errors\":{}"), "{text}");
    }
}

fn collect_examples<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Object(object) => {
            for (key, value) in object {
                match key.as_str() {
                    "example" => out.push(value),
                    "examples" if value.is_object() => {
                        out.extend(value.as_object().unwrap().values().map(|e| &e["value"]))
                    }
                    _ => collect_examples(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_examples(item, out)),
        _ => {}
    }
}
