//! The extractors of `http_status::extract` on a real axum server on 127.0.0.1: every
//! rejection on the wire, `validator` and `garde` reports of fifty failed checks, and the
//! same rejections under a `ProblemLayer`.

mod common;
#[path = "common/validation.rs"]
mod validation;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::{Extension, Router};
use http_status::{FieldNames, ProblemLayer};
use validation::{create_user, post_order_g, post_order_v, profile, search, valid_search};

fn app() -> Router {
    Router::new()
        .route("/users", post(create_user))
        .route("/small", post(create_user).layer(DefaultBodyLimit::max(24)))
        .route("/search", get(search))
        .route("/search/valid", get(valid_search))
        .route("/orders/validator", post(post_order_v))
        .route("/orders/garde", post(post_order_g))
        .route(
            "/profiles",
            post(profile).layer(Extension(FieldNames::CAMEL_CASE)),
        )
}

#[tokio::test(flavor = "current_thread")]
async fn every_rejection_on_the_wire() {
    let server = common::serve_axum(app()).await;
    validation::check(server.addr).await;
    server.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn under_the_layer_rejections_carry_the_request_context() {
    let server = common::serve_axum(app().layer(ProblemLayer::new())).await;
    validation::check_in_context(server.addr).await;
    server.stop().await;
}
