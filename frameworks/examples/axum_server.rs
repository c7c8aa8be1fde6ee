//! An axum server whose handlers return `Result<_, ApiError>`: JSON users, errors from the
//! derive, HEAD answered like GET, and 405 with `Allow` (built with the derive) for any other
//! method. `ProblemLayer` adds request ids and `instance`, answers `Accept`, and gives axum's
//! own errors (an unknown route) the same problem shape.
//!
//!     cargo run -p http-status-frameworks --example axum_server

#[path = "../../examples/shared/api.rs"]
mod api;

use api::{find_user, ApiError, Done};
use axum::extract::Path;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;

async fn get_user(
    Path(id): Path<u64>,
) -> Result<([(axum::http::HeaderName, &'static str); 1], String), ApiError> {
    find_user(id).map(|user| ([(CONTENT_TYPE, "application/json")], user))
}

async fn delete_user(Path(_id): Path<u64>) -> Done {
    Done::Deleted
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed {
        allow: api::ALLOW.to_owned(),
    }
}

/// The application: `GET` (and so `HEAD`) and `DELETE` on `/users/{id}`.
fn app() -> Router {
    Router::new()
        .route(
            "/users/{id}",
            get(get_user)
                .delete(delete_user)
                .fallback(method_not_allowed),
        )
        .layer(http_status::ProblemLayer::new())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    api::print_curl_commands(listener.local_addr()?);
    axum::serve(listener, app())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
