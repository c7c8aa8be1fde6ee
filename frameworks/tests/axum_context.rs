//! `ProblemLayer` on a real axum server on 127.0.0.1: request ids, instance, negotiation and
//! the router's and extractors' own errors, checked on the wire against the same app without
//! the layer.

mod common;

use axum::extract::Path;
use axum::routing::{get, post};
use axum::{Json, Router};
use common::{error_for, ApiError};
use http_status::ProblemLayer;

async fn get_user(Path(id): Path<u64>) -> Result<String, ApiError> {
    Err(error_for(id))
}

#[derive(serde::Deserialize)]
struct NewUser {
    #[allow(dead_code)]
    name: String,
}

async fn create_user(Json(_user): Json<NewUser>) -> &'static str {
    "created"
}

fn app() -> Router {
    Router::new()
        .route("/users/{id}", get(get_user))
        .route("/users", post(create_user))
        .route("/hello", get(|| async { "hello" }))
}

#[tokio::test(flavor = "current_thread")]
async fn the_layer_gives_every_error_its_request_context() {
    let server = common::serve_axum(app().layer(ProblemLayer::new())).await;
    let bare = common::serve_axum(app()).await;
    let addr = server.addr;

    common::context::check(addr, bare.addr).await;

    // axum's 405 keeps its Allow field.
    let reply = common::send(addr, "DELETE", "/hello").await;
    assert_eq!(reply.status, 405);
    assert_eq!(common::header(&reply, "allow"), "GET,HEAD");
    assert_eq!(
        common::header(&reply, "content-type"),
        "application/problem+json"
    );

    server.stop().await;
    bare.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn settings_rename_the_header_and_member_and_leave_framework_errors() {
    let layer = ProblemLayer::new()
        .request_id_header(http_status::http::HeaderName::from_static("x-trace"))
        .request_id_member("traceId")
        .framework_errors(false);
    let server = common::serve_axum(app().layer(layer)).await;
    let addr = server.addr;

    let reply = common::request(addr, "GET", "/users/42", &[("x-trace", b"t-1")], "").await;
    assert_eq!(common::header(&reply, "x-trace"), "t-1");
    assert!(reply.headers.get("x-request-id").is_none());
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body["traceId"], "t-1");
    assert!(body.get("request_id").is_none());

    // The router's 404 is left as axum sends it: empty, no Content-Type.
    let reply = common::get(addr, "/nowhere").await;
    assert_eq!(reply.status, 404);
    assert!(reply.body.is_empty());
    assert!(reply.headers.get("content-type").is_none());

    server.stop().await;
}
