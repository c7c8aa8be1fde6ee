//! The aide integration (`aide`): an axum router documented by aide, whose handler returns
//! `Result<Json<User>, ApiError>`; the same assertions as for utoipa (`openapi_document`).

mod openapi_document;

use aide::axum::routing::get;
use aide::axum::ApiRouter;
use aide::openapi::OpenApi;
use axum::extract::Path;
use openapi_document::ApiError;

/// A user.
#[derive(serde::Serialize, schemars::JsonSchema)]
struct User {
    id: u64,
}

async fn get_user(Path(id): Path<u64>) -> Result<axum::Json<User>, ApiError> {
    match id {
        0 => Err(ApiError::UserUnknown),
        id => Ok(axum::Json(User { id })),
    }
}

fn document() -> serde_json::Value {
    let mut api = OpenApi::default();
    let _router: axum::Router = ApiRouter::new()
        .api_route("/users/{id}", get(get_user))
        .finish_api(&mut api);
    serde_json::to_value(&api).unwrap()
}

#[test]
fn the_document_is_what_clients_can_trust() {
    let _ = openapi_document::Opaque;
    openapi_document::check(&document());
}

#[test]
fn the_components_come_without_a_line_of_the_user() {
    let document = document();
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let mut names: Vec<&str> = schemas.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["Problem", "User", "Violation"]);
    // The success response is aide's.
    let ok = &document["paths"]["/users/{id}"]["get"]["responses"]["200"];
    assert_eq!(
        ok["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/User"
    );
}

#[test]
fn hand_written_impls_are_documented_through_integrate() {
    // `extract::Rejection` implements HttpStatus by hand and calls `integrate!`.
    use aide::OperationOutput;
    use http_status::extract::Rejection;
    let responses = aide::generate::in_context(|ctx| {
        Rejection::inferred_responses(ctx, &mut aide::openapi::Operation::default())
    });
    let statuses: Vec<Option<u16>> = responses.iter().map(|(status, _)| *status).collect();
    assert_eq!(statuses, [Some(400), Some(413), Some(415), Some(422)]);
    let unsupported = serde_json::to_value(&responses[2].1).unwrap();
    assert_eq!(
        unsupported["content"]["application/problem+json"]["example"]["title"],
        "Unsupported Media Type"
    );
}
