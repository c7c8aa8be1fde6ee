//! The utoipa integration: the OpenAPI document of a path whose errors are one derived type,
//! parsed back as JSON and checked status by status.

use http_status::HttpStatus;
use serde_json::{json, Value};
use utoipa::OpenApi;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("storage unavailable")]
#[status(503, message = "storage unavailable", header("Retry-After" = "30"))]
struct StorageError;

/// A member type without a schema of its own.
#[derive(Debug, serde::Serialize)]
struct Opaque;

// Only described here, never built.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[allow(dead_code)]
enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },

    #[error("user {id} was deleted")]
    #[status(404, code = "USER_DELETED")]
    UserDeleted { id: u64 },

    /// The client must log in first.
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Bearer"))]
    Unauthenticated,

    #[error("invalid input")]
    #[status(422)]
    Invalid {
        #[status(extension)]
        fields: Vec<String>,
        #[status(extension)]
        limits: std::collections::BTreeMap<String, u32>,
        #[status(extension)]
        opaque: Opaque,
    },

    #[error("slow down")]
    #[status(429, format = "json", header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u64 },

    #[error(transparent)]
    #[status(transparent)]
    Storage(#[from] StorageError),

    #[error("database failure: {0}")]
    #[status(500)]
    Database(String),
}

/// Gets a user.
#[utoipa::path(get, path = "/users/{id}", responses((status = 200, description = "The user"), ApiError))]
#[allow(dead_code)]
fn get_user() {}

#[derive(OpenApi)]
#[openapi(paths(get_user))]
struct ApiDoc;

fn responses() -> Value {
    let document: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
    document["paths"]["/users/{id}"]["get"]["responses"].clone()
}

#[test]
fn every_status_of_the_type_is_documented() {
    let _ = Opaque;
    let responses = responses();
    let mut statuses: Vec<&str> = responses
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses, ["200", "401", "404", "422", "429", "500", "503"]);
}

#[test]
fn problem_schema_with_codes_and_shared_status() {
    let not_found = &responses()["404"];
    // Templates read as text with typed placeholders, never Rust field names.
    assert_eq!(
        not_found["description"],
        "- `UserNotFound`: user <integer> not found\n- `UserDeleted`: user <integer> was deleted"
    );
    let content = &not_found["content"]["application/problem+json"];
    let schema = &content["schema"];
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["required"], json!(["type", "title", "status"]));
    assert_eq!(schema["properties"]["title"]["enum"], json!(["Not Found"]));
    assert_eq!(schema["properties"]["status"]["enum"], json!([404]));
    assert_eq!(schema["properties"]["type"]["enum"], json!(["about:blank"]));
    assert_eq!(
        schema["properties"]["code"]["enum"],
        json!(["USER_NOT_FOUND", "USER_DELETED"])
    );
    assert_eq!(schema["properties"]["detail"]["type"], "string");
    // What a ProblemLayer adds is documented, optional.
    assert_eq!(schema["properties"]["instance"]["format"], "uri-reference");
    assert_eq!(schema["properties"]["request_id"]["type"], "string");
    assert_eq!(schema["required"], json!(["type", "title", "status"]));
    // Two variants share the status: one named example each.
    assert_eq!(
        content["examples"]["UserNotFound"]["value"],
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "user <integer> not found", "code": "USER_NOT_FOUND"})
    );
    assert_eq!(
        content["examples"]["UserDeleted"]["summary"],
        "user <integer> was deleted"
    );
}

#[test]
fn typed_headers_doc_comments_and_json_format() {
    let responses = responses();
    let challenge = &responses["401"];
    assert_eq!(challenge["description"], "The client must log in first.");
    assert_eq!(
        challenge["headers"]["WWW-Authenticate"]["description"],
        "Bearer"
    );
    assert_eq!(
        challenge["headers"]["WWW-Authenticate"]["schema"]["type"],
        "string"
    );
    // The exact body when nothing is interpolated.
    assert_eq!(
        challenge["content"]["application/problem+json"]["example"],
        json!({"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "authentication required"})
    );
    let limited = &responses["429"];
    // A header from a u64 field is an integer.
    assert_eq!(
        limited["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
    assert_eq!(
        limited["headers"]["Retry-After"]["description"],
        "<integer>"
    );
    let schema = &limited["content"]["application/json"]["schema"];
    assert_eq!(schema["required"], json!(["error"]));
    assert_eq!(
        schema["properties"]["error"]["enum"],
        json!(["Too Many Requests"])
    );
    assert_eq!(schema["properties"]["message"]["type"], "string");
    assert_eq!(schema["properties"]["request_id"]["type"], "string");
    assert!(limited["content"].get("application/problem+json").is_none());
}

#[test]
fn members_appear_in_the_schema() {
    let schema = &responses()["422"]["content"]["application/problem+json"]["schema"];
    // A member type with ToSchema brings its schema; one without is a free-form value.
    assert_eq!(
        schema["properties"]["fields"],
        json!({"type": "array", "items": {"type": "string"}})
    );
    assert_eq!(schema["properties"]["limits"]["type"], "object");
    assert_eq!(schema["properties"]["opaque"], json!({}));
    let example = &responses()["422"]["content"]["application/problem+json"]["example"];
    assert_eq!(example["fields"], json!([]));
}

#[test]
fn transparent_types_and_hidden_server_errors() {
    let responses = responses();
    let storage = &responses["503"];
    assert_eq!(storage["description"], "storage unavailable");
    assert_eq!(storage["headers"]["Retry-After"]["description"], "30");
    assert_eq!(
        storage["headers"]["Retry-After"]["schema"]["type"],
        "string"
    );
    // The hidden 500 is described by its title, and its schema has no detail.
    let internal = &responses["500"];
    assert_eq!(internal["description"], "Internal Server Error");
    let schema = &internal["content"]["application/problem+json"]["schema"];
    assert!(schema["properties"].get("detail").is_none());
    assert!(!internal.to_string().contains("database failure"));
    assert!(!internal.to_string().contains("<string>"));
}
