//! The OpenAPI document of the users API with aide (feature `aide`), from the axum router
//! that serves it: handlers return `Result<_, ApiError>`, and aide documents every status the
//! derived type can return, the same responses as utoipa's (`openapi` example). The `Problem`
//! and `Violation` components come in by themselves.
//!
//!     cargo run -p http-status-frameworks --example openapi_aide

#[path = "../../examples/shared/api.rs"]
mod api;
#[path = "openapi_shared/deletion.rs"]
mod deletion;

use aide::axum::routing::get_with;
use aide::axum::ApiRouter;
use aide::openapi::{Info, OpenApi, Tag};
use axum::extract::Path;
use axum::Json;

/// A user.
#[derive(serde::Serialize, schemars::JsonSchema)]
struct User {
    id: u64,
    name: String,
}

/// The path of one user.
#[derive(serde::Deserialize, schemars::JsonSchema)]
struct UserPath {
    /// The user's id.
    id: u64,
}

async fn get_user(Path(UserPath { id }): Path<UserPath>) -> Result<Json<User>, api::ApiError> {
    api::find_user(id)?;
    Ok(Json(User {
        id,
        name: "Ada".to_owned(),
    }))
}

async fn delete_user(
    Path(UserPath { id }): Path<UserPath>,
) -> Result<api::Done, deletion::DeletionError> {
    match id {
        1 => Err(deletion::DeletionError::LastAdministrator),
        _ => Ok(api::Done::Deleted),
    }
}

fn main() {
    let mut api = OpenApi {
        info: Info {
            title: "Users".to_owned(),
            version: "1.0.0".to_owned(),
            description: Some(
                "A users API whose error responses come from #[derive(HttpStatus)].".to_owned(),
            ),
            ..Info::default()
        },
        tags: vec![Tag {
            name: "users".to_owned(),
            description: Some("Users".to_owned()),
            ..Tag::default()
        }],
        ..OpenApi::default()
    };
    let routes = get_with(get_user, |op| {
        op.id("getUser").tag("users").summary("Looks up a user.")
    })
    .delete_with(delete_user, |op| {
        op.id("deleteUser").tag("users").summary("Deletes a user.")
    });
    // The router serves the API; `finish_api` writes its document.
    let _app: axum::Router = ApiRouter::new()
        .api_route("/users/{id}", routes)
        .finish_api(&mut api);
    match serde_json::to_string_pretty(&api) {
        Ok(json) => println!("{json}"),
        Err(error) => eprintln!("{error}"),
    }
}
