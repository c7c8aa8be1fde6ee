//! The OpenAPI document of an API whose error responses come from one derived type.
//!
//!     cargo run --example openapi --features utoipa

#[path = "shared/api.rs"]
mod api;

use utoipa::OpenApi;

/// Looks up a user.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The user", content_type = "application/json"), api::ApiError)
)]
#[allow(dead_code)]
fn get_user() {}

/// Deletes a user.
#[utoipa::path(delete, path = "/users/{id}", params(("id" = u64, Path)), responses(api::Deleted, api::ApiError))]
#[allow(dead_code)]
fn delete_user() {}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Users",
        version = "1.0.0",
        description = "Error responses from #[derive(HttpStatus)]"
    ),
    paths(get_user, delete_user)
)]
struct ApiDoc;

fn main() {
    println!(
        "{}",
        ApiDoc::openapi()
            .to_pretty_json()
            .expect("the document serialises")
    );
}
