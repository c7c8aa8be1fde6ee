//! The three body formats, exactly as the README's table gives them, and what reaches the
//! client: detail from `message`, from thiserror's text, hidden for 5xx unless `expose`.

use http_status::bytes::Bytes;
use http_status::http::{header, Response};
use http_status::HttpStatus;
use serde_json::{json, Value};

fn content_type(response: &Response<Bytes>) -> Option<&str> {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap())
}

fn json_body(response: &Response<Bytes>) -> Value {
    serde_json::from_slice(response.body()).expect("the body is JSON")
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },

    #[error("email already registered")]
    #[status(CONFLICT, code = "EMAIL_TAKEN")]
    EmailTaken,

    #[error("invalid {0}")]
    #[status(UNPROCESSABLE_CONTENT, message = "field {0:?} is invalid: {1}")]
    Invalid(String, String),

    #[error("database failure: {0}")]
    #[status(500)]
    Database(String),

    #[error("upstream said {0}")]
    #[status(502, expose)]
    Upstream(String),

    #[error("the {0} service is down")]
    #[status(503, message = "try again later", header("Retry-After" = "30"))]
    Maintenance(&'static str),

    #[error("cache miss for {key}")]
    #[status(504, message = "timed out on {key}", code = "TIMEOUT")]
    Timeout { key: String },

    #[error("{0} credits left")]
    #[status(
        403,
        type = "https://example.com/probs/out-of-credit",
        reason = "You do not have enough credit"
    )]
    OutOfCredit(u32),

    #[error("no text of its own")]
    #[status(400, message = "")]
    EmptyMessage,
}

#[derive(Debug, HttpStatus)]
enum Plain {
    #[status(400)]
    NoText,
}

#[test]
fn problem_with_thiserror_detail_and_code() {
    let response = ApiError::UserNotFound { id: 42 }.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(content_type(&response), Some("application/problem+json"));
    assert_eq!(
        json_body(&response),
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "user 42 not found", "code": "USER_NOT_FOUND"})
    );
    // Member order is the README's: type, title, status, detail, code.
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 42 not found","code":"USER_NOT_FOUND"}"#
    );
}

#[test]
fn literal_thiserror_text_is_prerendered() {
    let response = ApiError::EmailTaken.to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"email already registered","code":"EMAIL_TAKEN"}"#
    );
}

#[test]
fn message_overrides_thiserror_text_with_format_specs() {
    let response = ApiError::Invalid("email".into(), "no @".into()).to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(
        json_body(&response),
        json!({"type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": "field \"email\" is invalid: no @"})
    );
}

#[test]
fn server_error_text_stays_on_the_server() {
    let response = ApiError::Database("password=hunter2 at db-7".into()).to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

#[test]
fn exposed_server_error_shows_its_text() {
    let response = ApiError::Upstream("503 from billing".into()).to_response();
    assert_eq!(
        json_body(&response),
        json!({"type": "about:blank", "title": "Bad Gateway", "status": 502, "detail": "upstream said 503 from billing"})
    );
}

#[test]
fn literal_message_on_a_server_error_is_shown() {
    let response = ApiError::Maintenance("billing").to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        json_body(&response),
        json!({"type": "about:blank", "title": "Service Unavailable", "status": 503, "detail": "try again later"})
    );
}

#[test]
fn interpolated_message_on_a_server_error_is_hidden_but_code_stays() {
    let response = ApiError::Timeout {
        key: "secret-key".into(),
    }
    .to_response();
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Gateway Timeout","status":504,"code":"TIMEOUT"}"#
    );
}

#[test]
fn problem_type_and_custom_title() {
    let response = ApiError::OutOfCredit(3).to_response();
    assert_eq!(
        json_body(&response),
        json!({
            "type": "https://example.com/probs/out-of-credit",
            "title": "You do not have enough credit",
            "status": 403,
            "detail": "3 credits left"
        })
    );
}

#[test]
fn an_empty_message_is_an_empty_detail() {
    let response = ApiError::EmptyMessage.to_response();
    assert_eq!(json_body(&response)["detail"], "");
}

#[test]
fn no_text_means_no_detail() {
    let response = Plain::NoText.to_response();
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400}"#
    );
}

// `Lost`'s text is hidden (a 5xx without `expose`), so its field is never read.
#[derive(Debug, HttpStatus)]
#[allow(dead_code)]
#[status(format = "json")]
enum JsonError {
    #[status(404, message = "no user {0}", code = "USER_NOT_FOUND")]
    UserNotFound(u32),
    #[status(409)]
    Conflict,
    #[status(500, message = "lost {0}")]
    Lost(String),
    #[status(
        400,
        format = "problem",
        message = "variant overrides the enum's format"
    )]
    Problem,
}

#[test]
fn json_format() {
    let response = JsonError::UserNotFound(7).to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(content_type(&response), Some("application/json"));
    assert_eq!(
        response.body(),
        r#"{"error":"Not Found","message":"no user 7","code":"USER_NOT_FOUND"}"#
    );
    assert_eq!(
        JsonError::Conflict.to_response().body(),
        r#"{"error":"Conflict"}"#
    );
    assert_eq!(
        JsonError::Lost("the keys".into()).to_response().body(),
        r#"{"error":"Internal Server Error"}"#
    );
    let problem = JsonError::Problem.to_response();
    assert_eq!(content_type(&problem), Some("application/problem+json"));
    assert_eq!(
        json_body(&problem)["detail"],
        "variant overrides the enum's format"
    );
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = "text")]
enum TextError {
    #[error("unused")]
    #[status(400, message = "bad input: {0}")]
    BadInput(String),
    #[error("no such page")]
    #[status(404)]
    Missing,
    #[error("disk full on {0}")]
    #[status(507)]
    DiskFull(String),
    #[error("{0} left")]
    #[status(429, header("Retry-After" = "1"))]
    Slow(u8),
}

#[test]
fn text_format() {
    let response = TextError::BadInput("{\"a\":1}".into()).to_response();
    assert_eq!(content_type(&response), Some("text/plain; charset=utf-8"));
    assert_eq!(response.body(), "bad input: {\"a\":1}");
    assert_eq!(TextError::Missing.to_response().body(), "no such page");
    // A hidden 5xx text is the reason phrase.
    assert_eq!(
        TextError::DiskFull("/dev/sda1".into()).to_response().body(),
        "Insufficient Storage"
    );
    assert_eq!(TextError::Slow(2).to_response().body(), "2 left");
}

#[derive(Debug, HttpStatus)]
enum NoContent {
    #[status(204, header("ETag" = "\"v2\""))]
    Deleted,
    #[status(205)]
    Reset,
    #[status(NOT_MODIFIED, header("ETag" = "\"v1\""), header("Cache-Control" = "max-age=60"))]
    NotModified,
}

#[test]
fn no_body_and_no_content_type_for_204_205_304() {
    for (value, status) in [
        (NoContent::Deleted, 204),
        (NoContent::Reset, 205),
        (NoContent::NotModified, 304),
    ] {
        let response = value.to_response();
        assert_eq!(response.status(), status);
        assert!(response.body().is_empty(), "{status}");
        assert_eq!(content_type(&response), None, "{status}");
    }
    let response = NoContent::NotModified.to_response();
    assert_eq!(response.headers()["etag"], "\"v1\"");
    assert_eq!(response.headers()["cache-control"], "max-age=60");
    assert_eq!(response.headers().len(), 2);
}

/// A `Display` that fails, as a buggy implementation might.
struct Failing;

impl std::fmt::Display for Failing {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Err(std::fmt::Error)
    }
}

#[derive(HttpStatus)]
enum Fragile {
    #[status(400, message = "broken: {0}", code = "BROKEN")]
    Json(Failing),
    #[status(400, message = "broken: {0}", format = "text")]
    Text(Failing),
    #[status(400, header("X-Detail" = "{0}"))]
    Header(Failing),
}

#[test]
fn a_failing_display_drops_its_text_and_nothing_panics() {
    assert_eq!(
        Fragile::Json(Failing).to_response().body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"code":"BROKEN"}"#
    );
    assert_eq!(Fragile::Text(Failing).to_response().body(), "Bad Request");
    let response = Fragile::Header(Failing).to_response();
    assert!(response.headers().get("x-detail").is_none());
    assert_eq!(response.status(), 400);
}

#[test]
fn escaping_keeps_json_valid() {
    let nasty = "quote \" backslash \\ newline \n tab \t nul \0 bell \u{7} emoji 😀 </script>";
    let response = ApiError::Invalid(nasty.into(), "x".into()).to_response();
    let body = json_body(&response);
    assert_eq!(body["detail"], format!("field {nasty:?} is invalid: x"));
}
