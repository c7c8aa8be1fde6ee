// The users API's document, the same for utoipa 6 and 5: `openapi.rs` and `openapi_utoipa5.rs`
// include it, the latter with `utoipa` naming utoipa 5.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// A user.
#[derive(ToSchema)]
#[allow(dead_code)]
struct User {
    id: u64,
    name: String,
}

/// Looks up a user.
#[utoipa::path(
    get,
    path = "/users/{id}",
    operation_id = "getUser",
    tag = "users",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The user", body = User), api::ApiError),
    security(("bearer" = []))
)]
#[allow(dead_code)]
fn get_user() {}

/// Deletes a user.
#[utoipa::path(
    delete,
    path = "/users/{id}",
    operation_id = "deleteUser",
    tag = "users",
    params(("id" = u64, Path, description = "The user's id")),
    responses(api::Done, deletion::DeletionError),
    security(("bearer" = []))
)]
#[allow(dead_code)]
fn delete_user() {}

/// The bearer scheme the 401 challenges for.
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Users",
        version = "1.0.0",
        description = "A users API whose error responses come from #[derive(HttpStatus)].",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    servers((url = "http://127.0.0.1:3000", description = "cargo run -p http-status-frameworks --example axum_server")),
    tags((name = "users", description = "Users")),
    paths(get_user, delete_user),
    // The `Problem` component every problem response references (and `Violation`).
    components(schemas(http_status::Problem)),
    modifiers(&Bearer)
)]
struct ApiDoc;

fn main() {
    match ApiDoc::openapi().to_pretty_json() {
        Ok(json) => println!("{json}"),
        Err(error) => eprintln!("{error}"),
    }
}
