//! 2xx and 3xx responses: no body by default, text for a message, `{"message", "code",
//! members}` in the json format, and an enum's problem default that does not apply to them.

use http_status::bytes::Bytes;
use http_status::http::Response;
use http_status::{BodyFormat, HttpStatus, ResponseCatalog};

fn content_type(response: &Response<Bytes>) -> Option<&str> {
    response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap())
}

#[derive(Debug, HttpStatus)]
#[status(
    format = "problem",
    type = "https://example.com/probs/default",
    code = "DEFAULT"
)]
enum Outcome {
    #[status(201, header("Location" = "/users/{0}"))]
    Created(u64),
    #[status(202, message = "queued as job {job}")]
    Queued { job: u32 },
    #[status(
        200,
        format = "json",
        message = "deleted {count} items",
        code = "DELETED"
    )]
    Deleted { count: u32 },
    #[status(301, header("Location" = "https://example.com/new"))]
    Moved,
    #[status(303, message = "see the order", header("Location" = "/orders/{0}"))]
    SeeOther(u32),
    #[status(404)]
    Missing,
}

#[test]
fn success_without_message_has_no_body() {
    let response = Outcome::Created(42).to_response();
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["location"], "/users/42");
    assert!(response.body().is_empty());
    assert_eq!(content_type(&response), None);
    let moved = Outcome::Moved.to_response();
    assert_eq!(moved.status(), 301);
    assert_eq!(moved.headers()["location"], "https://example.com/new");
    assert!(moved.body().is_empty());
}

#[test]
fn a_message_is_text() {
    let response = Outcome::Queued { job: 7 }.to_response();
    assert_eq!(response.status(), 202);
    assert_eq!(content_type(&response), Some("text/plain; charset=utf-8"));
    assert_eq!(response.body(), "queued as job 7");
    let see_other = Outcome::SeeOther(9).to_response();
    assert_eq!(see_other.headers()["location"], "/orders/9");
    assert_eq!(see_other.body(), "see the order");
}

#[test]
fn json_success_has_no_error_member() {
    let response = Outcome::Deleted { count: 3 }.to_response();
    assert_eq!(content_type(&response), Some("application/json"));
    assert_eq!(
        response.body(),
        r#"{"message":"deleted 3 items","code":"DELETED"}"#
    );
}

#[test]
fn the_enum_problem_default_applies_to_errors_only() {
    let response = Outcome::Missing.to_response();
    assert_eq!(content_type(&response), Some("application/problem+json"));
    assert_eq!(
        response.body(),
        r#"{"type":"https://example.com/probs/default","title":"Not Found","status":404,"code":"DEFAULT"}"#
    );
    let catalog = ResponseCatalog::of::<Outcome>();
    let formats: Vec<BodyFormat> = catalog.iter().map(|d| d.format()).collect();
    assert_eq!(
        formats,
        [
            BodyFormat::Empty,
            BodyFormat::Text,
            BodyFormat::Json,
            BodyFormat::Empty,
            BodyFormat::Text,
            BodyFormat::Problem
        ]
    );
    // No problem type on the successes, and no code where there is no body for it.
    assert!(catalog[..5].iter().all(|d| d.type_uri().is_none()));
    assert_eq!(catalog[0].code(), None);
    assert_eq!(catalog[2].code(), Some("DELETED"));
}
