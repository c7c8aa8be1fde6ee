//! The catalogue: Markdown and JSON exactly, `docs/errors.md` in step with the example API,
//! and `conflicts()` across transparent and delegated types.

#[path = "../examples/shared/api.rs"]
mod api;

use http_status::{HttpStatus, ResponseCatalog};
use serde_json::json;

/// The API's error catalogue as the repository keeps it in `docs/errors.md`. A change to the
/// errors fails this test until the file is refreshed: `UPDATE_EXPECT=1 cargo test --test catalog`.
#[test]
fn docs_errors_md_is_the_example_apis_catalogue() {
    let markdown = format!(
        "# Errors of the users API\n\nGenerated from `examples/shared/api.rs` by `ResponseCatalog::to_markdown()`.\n\n{}",
        ResponseCatalog::of::<api::ApiError>().to_markdown()
    );
    expect_test::expect_file!["../docs/errors.md"].assert_eq(&markdown);
}

/// The same catalogue as JSON, `docs/catalog.json`: the file a contract test diffs against
/// (`tests/contract.rs`). Refresh with `UPDATE_EXPECT=1 cargo test --test catalog`.
#[test]
fn docs_catalog_json_is_the_example_apis_catalogue() {
    let json = serde_json::to_string_pretty(&ResponseCatalog::of::<api::ApiError>()).unwrap();
    expect_test::expect_file!["../docs/catalog.json"].assert_eq(&(json + "\n"));
}

#[test]
fn markdown_rows_are_exact() {
    let markdown = ResponseCatalog::of::<api::ApiError>().to_markdown();
    let lines: Vec<&str> = markdown.lines().collect();
    assert_eq!(lines.len(), 9);
    assert_eq!(
        lines[0],
        "| Status | Code | Content-Type | Message | Headers | Members | Variant |"
    );
    assert_eq!(
        lines[2],
        "| 404 Not Found | `USER_NOT_FOUND` | `application/problem+json` | user &lt;integer&gt; not found |  |  | `UserNotFound`: No user has this id. |"
    );
    assert_eq!(
        lines[6],
        "| 422 Unprocessable Content | `VALIDATION` | `application/problem+json`<br>type `https://api.example.com/probs/validation` | invalid fields |  | `errors` (array) | `Validation`: Fields of the request are invalid; `errors` lists each problem, with a JSON Pointer to the field. |"
    );
    assert_eq!(
        lines[8],
        "| 500 Internal Server Error | `DATABASE` | `application/problem+json` | (hidden from clients; logged on the server) |  |  | `Database`: The database failed. What failed is logged, never sent. |"
    );
}

#[test]
fn json_shape_is_exact() {
    let catalog = ResponseCatalog::of::<api::ApiError>();
    let value = serde_json::to_value(&catalog).unwrap();
    let entries = value.as_array().unwrap();
    assert_eq!(entries.len(), 7);
    assert_eq!(
        entries[5],
        json!({
            "status": 429,
            "title": "Too Many Requests",
            "source": "RateLimited",
            "doc": "Too many requests from this client: retry after `Retry-After` seconds.",
            "format": "problem",
            "content_type": "application/problem+json",
            "message": "rate limit exceeded",
            "detail_hidden": false,
            "code": "RATE_LIMITED",
            "code_varies": false,
            "type": null,
            "type_base": null,
            "instance": null,
            "retryable": true,
            "level": "debug",
            "grpc_code": "RESOURCE_EXHAUSTED",
            "headers": [{"name": "Retry-After", "value": "{integer}", "kind": "integer"}],
            "members": [],
            "example": "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"rate limit exceeded\",\"code\":\"RATE_LIMITED\"}",
            "example_exact": true
        })
    );
    assert_eq!(
        entries[4]["members"],
        json!([{"name": "errors", "type": "Vec<Violation>", "kind": "array"}])
    );
    // A body with members: the example shows a sample value of each kind (the errors list one
    // violation).
    assert_eq!(
        entries[4]["example"],
        json!(
            r##"{"type":"https://api.example.com/probs/validation","title":"Unprocessable Content","status":422,"detail":"invalid fields","code":"VALIDATION","errors":[{"detail":"must not be empty","pointer":"#/name"}]}"##
        )
    );
    assert_eq!(entries[4]["example_exact"], json!(false));
    // Templates keep their structure; the example fills it.
    assert_eq!(entries[0]["message"], json!("user {integer} not found"));
    assert_eq!(
        entries[0]["example"],
        json!(
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 42 not found","code":"USER_NOT_FOUND"}"#
        )
    );
    assert_eq!(
        (
            &entries[6]["level"],
            &entries[6]["retryable"],
            &entries[6]["grpc_code"]
        ),
        (&json!("error"), &json!(false), &json!("INTERNAL"))
    );
    assert_eq!(entries[6]["message"], json!(null));
    assert_eq!(entries[6]["detail_hidden"], json!(true));
    // The example of a static body is that body, byte for byte.
    let body = api::ApiError::RateLimited { retry_after: 1 }.to_response();
    assert_eq!(
        entries[5]["example"].as_str().unwrap().as_bytes(),
        body.body().as_ref()
    );
}

// A chain of types that reuse codes: `conflicts()` sees through transparent and delegated
// fields, which the derive cannot.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("disk full")]
#[status(507, code = "STORAGE")]
struct Disk;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Storage {
    #[error(transparent)]
    #[status(transparent)]
    Disk(#[from] Disk),
    #[error("replica lagging")]
    #[status(503, code = "STORAGE", allow(missing_retry_after))]
    Lagging,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("saving failed")]
struct Saving {
    #[status(delegate)]
    cause: Storage,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("gone")]
#[status(410, code = "NOT_FOUND")]
struct Gone;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[allow(dead_code)]
enum Api {
    #[error(transparent)]
    #[status(transparent)]
    Saving(#[from] Saving),
    #[error("not found")]
    #[status(404, code = "NOT_FOUND")]
    NotFound,
    #[error(transparent)]
    #[status(transparent)]
    Gone(Gone),
}

#[test]
fn conflicts_are_found_across_transparent_and_delegated_types() {
    let catalog = ResponseCatalog::of::<Api>();
    let sources: Vec<&str> = catalog.iter().map(|d| d.source()).collect();
    assert_eq!(sources, ["Disk", "Lagging", "NotFound", "Gone"]);
    let conflicts = catalog.conflicts();
    let found: Vec<(&str, Vec<u16>, Vec<&str>)> = conflicts
        .iter()
        .map(|c| {
            (
                c.code.as_str(),
                c.statuses.iter().map(|s| s.as_u16()).collect(),
                c.sources.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("STORAGE", vec![507, 503], vec!["Disk", "Lagging"]),
            ("NOT_FOUND", vec![404, 410], vec!["NotFound", "Gone"]),
        ]
    );
    // What the catalogue says is what the values send.
    let lagging = Api::from(Saving {
        cause: Storage::Lagging,
    });
    assert_eq!(lagging.status().as_u16(), 503);
    let body: serde_json::Value = serde_json::from_slice(lagging.to_response().body()).unwrap();
    assert_eq!(body["code"], "STORAGE");
    // The example API is consistent: the test a user keeps.
    assert!(ResponseCatalog::of::<api::ApiError>()
        .conflicts()
        .is_empty());
}
