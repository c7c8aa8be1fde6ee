//! The shortcuts generated code takes for problem bodies (`coded_*` / `named_*`: the code or
//! name instead of a `Kind`, and no title when it is the registry's) say exactly what the
//! general helpers say: the same `error.type` and code, and, for a client that accepts only
//! text when the detail's `Display` fails, the title — the registry's, or the variant's own
//! `reason`, which keeps the general helper.

use http_body_util::BodyExt;
use http_status::bytes::Bytes;
use http_status::http::{header, Request, Response};
use http_status::{ErrorMeta, HttpStatus, ProblemLayer};
use std::convert::Infallible;
use std::fmt;
use tower::{Layer, ServiceExt};

/// A field whose `Display` fails.
#[derive(Debug)]
struct Failing;

impl fmt::Display for Failing {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

#[derive(Debug, HttpStatus)]
enum ApiError {
    #[status(404, message = "user {0} not found", code = "USER_NOT_FOUND")]
    Coded(Failing),
    #[status(404, message = "user {0} not found")]
    Named(Failing),
    #[status(
        404,
        type = "https://example.com/problems/no-such-user",
        reason = "No Such User",
        message = "user {0} not found"
    )]
    Titled(Failing),
    #[status(409, message = "order {0} changed", code = "CONFLICT")]
    Fine(u64),
}

/// The response to `error` through `ProblemLayer` for a client sending `accept`: status,
/// Content-Type, body and `ErrorMeta`'s `error.type`.
async fn served(error: fn() -> ApiError, accept: &str) -> (u16, String, String, String) {
    let service = ProblemLayer::new().layer(tower::service_fn(move |_: Request<()>| async move {
        Ok::<Response<http_body_util::Full<Bytes>>, Infallible>(
            error().to_response().map(http_body_util::Full::new),
        )
    }));
    let request = Request::builder()
        .uri("/users/7")
        .header(header::ACCEPT, accept)
        .body(())
        .expect("a request");
    let response = service.oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let content_type = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .expect("ASCII")
        .to_owned();
    let error_type = response
        .extensions()
        .get::<ErrorMeta>()
        .map(|meta| meta.error_type().to_owned())
        .unwrap_or_default();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let body = String::from_utf8(body.to_vec()).expect("UTF-8");
    (status, content_type, body, error_type)
}

#[tokio::test]
async fn a_text_client_gets_the_title_when_the_detail_cannot_be_formatted() {
    let text = "text/plain; charset=utf-8";
    assert_eq!(
        served(|| ApiError::Coded(Failing), "text/plain").await,
        (
            404,
            text.into(),
            "Not Found".into(),
            "USER_NOT_FOUND".into()
        )
    );
    assert_eq!(
        served(|| ApiError::Named(Failing), "text/plain").await,
        (
            404,
            text.into(),
            "Not Found".into(),
            "ApiError::Named".into()
        )
    );
    assert_eq!(
        served(|| ApiError::Titled(Failing), "text/plain").await,
        (
            404,
            text.into(),
            "No Such User".into(),
            "ApiError::Titled".into()
        )
    );
    assert_eq!(
        served(|| ApiError::Fine(3), "text/plain").await,
        (
            409,
            text.into(),
            "order 3 changed".into(),
            "CONFLICT".into()
        )
    );
}

#[tokio::test]
async fn a_json_client_gets_the_problem_without_the_detail_that_failed() {
    let (status, content_type, body, error_type) =
        served(|| ApiError::Coded(Failing), "application/problem+json").await;
    assert_eq!(
        (status, content_type.as_str()),
        (404, "application/problem+json")
    );
    assert_eq!(error_type, "USER_NOT_FOUND");
    let body: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        body,
        serde_json::json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "code": "USER_NOT_FOUND",
            "instance": "/users/7",
            "request_id": body["request_id"],
        })
    );
    assert_eq!(body["request_id"].as_str().map(str::len), Some(36));

    let (_, _, body, error_type) = served(|| ApiError::Fine(3), "application/problem+json").await;
    let body: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(error_type, "CONFLICT");
    assert_eq!(body["detail"], "order 3 changed");
    assert_eq!(body["title"], "Conflict");
}
