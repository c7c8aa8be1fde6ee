//! A real axum server on 127.0.0.1 (ephemeral port), real HTTP requests, assertions on what
//! crosses the wire. The server is shut down by the test, and every exchange is bounded.

mod common;

use axum::extract::Path;
use axum::routing::get;
use axum::Router;
use common::{error_for, ApiError, Outcome};

async fn get_user(Path(id): Path<u64>) -> Result<String, ApiError> {
    Err(error_for(id))
}

async fn delete_user(Path(_id): Path<u64>) -> Result<Outcome, ApiError> {
    Ok(Outcome::Deleted)
}

#[tokio::test(flavor = "current_thread")]
async fn axum_sends_the_derived_responses() {
    let app = Router::new().route("/users/{id}", get(get_user).delete(delete_user));
    let server = common::serve_axum(app).await;
    common::check_wire(server.addr).await;
    server.stop().await;
}

#[test]
fn into_response_is_to_response() {
    use axum::response::IntoResponse;
    use http_body_util::BodyExt;
    use http_status::HttpStatus;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for value in [error_for(1), error_for(401), error_for(429), error_for(500)] {
        let expected = value.to_response();
        let response = value.into_response();
        assert_eq!(response.status(), expected.status());
        assert_eq!(response.headers(), expected.headers());
        let body = runtime
            .block_on(response.into_body().collect())
            .unwrap()
            .to_bytes();
        assert_eq!(body, expected.body());
    }
}
