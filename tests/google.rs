//! `format = "google"`: Google's JSON error (AIP-193) with the `google.rpc` details a gRPC
//! status carries, byte for byte; hidden 5xx values never appear; valid JSON for any input.

use http_status::{HttpStatus, Violation};
use serde_json::{json, Value};

#[derive(Debug, HttpStatus)]
#[status(format = "google", domain = "users.example.com")]
enum UserError {
    #[status(
        404,
        code = "USER_NOT_FOUND",
        message = "user {user_id} not found in {region}",
        type = "https://api.example.com/problems/user-not-found"
    )]
    UserNotFound {
        #[status(extension)]
        user_id: u64,
        #[status(extension)]
        tags: Vec<String>,
        region: String,
    },
    #[status(429, code = "SLOW_DOWN", header("Retry-After" = "{0}"))]
    Slow(u64),
    #[status(422, code = "INVALID_USER", grpc = "FAILED_PRECONDITION")]
    Invalid {
        #[status(errors)]
        errors: Vec<Violation>,
    },
    #[status(500, code = "DATABASE", message = "db said {0}")]
    Database(String),
    #[status(503, allow(missing_retry_after))]
    Plain,
}

fn body(value: &UserError) -> Value {
    let response = value.to_response();
    assert_eq!(response.headers()["content-type"], "application/json");
    serde_json::from_slice(response.body()).expect("valid JSON")
}

#[test]
fn every_detail_in_its_json_form() {
    let value = UserError::UserNotFound {
        user_id: 42,
        tags: vec!["vip".into()],
        region: "eu".into(),
    };
    assert_eq!(
        value.to_response().body(),
        r#"{"error":{"code":404,"message":"user 42 not found in eu","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"USER_NOT_FOUND","domain":"users.example.com","metadata":{"user_id":"42","tags":"[\"vip\"]","region":"eu"}},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Not Found","url":"https://api.example.com/problems/user-not-found"}]}]}}"#
    );
    assert_eq!(
        body(&UserError::Slow(30)),
        json!({"error": {"code": 429, "message": "Too Many Requests", "status": "RESOURCE_EXHAUSTED", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SLOW_DOWN", "domain": "users.example.com", "metadata": {"0": "30"}},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}
        ]}})
    );
    let invalid = UserError::Invalid {
        errors: vec![
            Violation::pointer("/items/0/name", "must not be empty").with_code("length"),
            Violation::parameter("page", "must be positive"),
        ],
    };
    assert_eq!(
        body(&invalid),
        json!({"error": {"code": 422, "message": "Unprocessable Content", "status": "FAILED_PRECONDITION", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "INVALID_USER", "domain": "users.example.com"},
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [
                {"field": "items[0].name", "description": "must not be empty", "reason": "length"},
                {"field": "page", "description": "must be positive"}
            ]}
        ]}})
    );
}

#[test]
fn hidden_values_never_appear() {
    let secret = "password=hunter2";
    let value = UserError::Database(secret.into());
    let text = String::from_utf8(value.to_response().body().to_vec()).unwrap();
    assert!(!text.contains("hunter2"), "{text}");
    assert_eq!(
        body(&value),
        json!({"error": {"code": 500, "message": "Internal Server Error", "status": "INTERNAL", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "DATABASE", "domain": "users.example.com"}
        ]}})
    );
    assert_eq!(
        body(&UserError::Plain),
        json!({"error": {"code": 503, "message": "Service Unavailable", "status": "UNAVAILABLE"}})
    );
}

#[test]
fn any_text_gives_valid_json_that_carries_it_exactly() {
    let samples = [
        "",
        "\"",
        "\\",
        "\r\n\0",
        "\u{7f}\u{1b}",
        "é😀\u{2028}",
        "{\"a\":1}",
        "null",
        "]}",
    ];
    for text in samples {
        let value = UserError::UserNotFound {
            user_id: 1,
            tags: vec![text.to_owned()],
            region: text.to_owned(),
        };
        let json = body(&value);
        let metadata = &json["error"]["details"][0]["metadata"];
        assert_eq!(metadata["region"], text);
        assert_eq!(
            metadata["tags"],
            serde_json::to_string(&vec![text]).unwrap().as_str()
        );
        assert_eq!(
            json["error"]["message"],
            format!("user 1 not found in {text}").as_str()
        );
    }
}

/// The enum's google format is for its errors: a success keeps a success body.
#[derive(Debug, HttpStatus)]
#[status(format = "google")]
enum Outcome {
    #[status(202, message = "queued")]
    Queued,
    #[status(204)]
    Gone,
    #[status(409, code = "TAKEN")]
    Taken,
}

#[test]
fn a_success_does_not_inherit_the_google_format() {
    let queued = Outcome::Queued.to_response();
    assert_eq!(queued.status(), 202);
    assert_eq!(
        queued.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(&queued.body()[..], b"queued");
    let gone = Outcome::Gone.to_response();
    assert!(gone.body().is_empty() && gone.headers().get("content-type").is_none());
    let taken = Outcome::Taken.to_response();
    assert_eq!(taken.headers()["content-type"], "application/json");
    let json: Value = serde_json::from_slice(taken.body()).unwrap();
    assert_eq!(json["error"]["status"], "ALREADY_EXISTS");
}
