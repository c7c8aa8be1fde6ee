//! An axum route that takes `Valid<Json<NewUser>>`: the body is deserialized and validated
//! with `validator`, and every way it can fail is a problem body with the violations in
//! `errors` (415 not JSON, 400 malformed, 422 a value of the wrong type, 422 every failed
//! check).
//!
//!     cargo run -p http-status-frameworks --example validation

use axum::routing::post;
use axum::Router;
use http_status::extract::{Json, Valid};
use serde::Deserialize;
use validator::Validate;

#[derive(Debug, Deserialize, Validate)]
struct NewUser {
    #[validate(length(min = 3, max = 32))]
    name: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 18))]
    age: u8,
    #[validate(nested)]
    addresses: Vec<Address>,
}

#[derive(Debug, Deserialize, Validate)]
struct Address {
    #[validate(length(equal = 5, message = "must be a 5-digit postal code"))]
    zip: String,
}

async fn create_user(Valid(Json(user)): Valid<Json<NewUser>>) -> String {
    format!("welcome, {}\n", user.name)
}

fn app() -> Router {
    Router::new().route("/users", post(create_user))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    let addr = listener.local_addr()?;
    println!("listening on http://{addr}; try:");
    println!(
        "  curl -i http://{addr}/users -H 'content-type: application/json' \\\n    -d '{{\"name\":\"Al\",\"email\":\"al@\",\"age\":12,\"addresses\":[{{\"zip\":\"1234\"}}]}}'"
    );
    axum::serve(listener, app())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
