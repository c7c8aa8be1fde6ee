//! Uses every feature of the packaged crates as a user would, and checks what it gets.

use axum::routing::get;
use http_body_util::BodyExt;
use http_status::{HttpStatus, ProblemLayer, ResponseCatalog};
use tower::ServiceExt;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },
    #[error("database down")]
    #[status(500)]
    Database,
}

async fn handler() -> Result<String, ApiError> {
    Err(ApiError::UserNotFound { id: 7 })
}

fn main() {
    let response = ApiError::Database.to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
    assert_eq!(ResponseCatalog::of::<ApiError>().len(), 2);
    let actix = actix_web::ResponseError::error_response(&ApiError::UserNotFound { id: 1 });
    assert_eq!(actix.status().as_u16(), 404);
    let _ = <ApiError as utoipa::IntoResponses>::responses();

    let app = axum::Router::new()
        .route("/users/7", get(handler))
        .layer(ProblemLayer::new());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let request = axum::http::Request::get("/users/7")
        .header("x-request-id", "ci-1")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = runtime.block_on(app.oneshot(request)).unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["x-request-id"], "ci-1");
    let body = runtime
        .block_on(response.into_body().collect())
        .unwrap()
        .to_bytes();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["instance"], "/users/7");
    assert_eq!(body["request_id"], "ci-1");
    println!("the packaged crates work: {body}");
}
