//! An axum server whose handlers return `Result<_, ApiError>`.
//!
//!     cargo run --example axum_server --features axum

#[path = "shared/api.rs"]
mod api;

use api::{find_user, ApiError, Deleted};
use axum::extract::Path;
use axum::routing::get;
use axum::Router;

async fn get_user(Path(id): Path<u64>) -> Result<String, ApiError> {
    find_user(id)
}

async fn delete_user(Path(_id): Path<u64>) -> Deleted {
    Deleted::Done
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let app = Router::new().route("/users/{id}", get(get_user).delete(delete_user));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    api::print_curl_commands(listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
