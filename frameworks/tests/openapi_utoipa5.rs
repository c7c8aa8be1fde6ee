//! The utoipa 5 integration (`utoipa5`): the same document as utoipa 6's, checked by the same
//! assertions (`openapi_document`).

mod openapi_document;

// utoipa 5's macros write `utoipa::…` paths: here `utoipa` is utoipa 5 (the crate is renamed
// so that both majors can be dependencies of this package).
use utoipa5 as utoipa;

use openapi_document::ApiError;
use utoipa::OpenApi;

/// Gets a user.
#[utoipa::path(get, path = "/users/{id}", responses((status = 200, description = "The user"), ApiError))]
#[allow(dead_code)]
fn get_user() {}

#[derive(OpenApi)]
#[openapi(paths(get_user), components(schemas(http_status::Problem)))]
struct ApiDoc;

fn document() -> serde_json::Value {
    serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap()
}

#[test]
fn the_document_is_what_clients_can_trust() {
    let _ = openapi_document::Opaque;
    openapi_document::check(&document());
}

#[test]
fn headers_are_whole_header_objects() {
    let document = document();
    assert_eq!(document["openapi"], "3.1.0");
    let header =
        &document["paths"]["/users/{id}"]["get"]["responses"]["401"]["headers"]["WWW-Authenticate"];
    assert_eq!(
        *header,
        serde_json::json!({"description": "`Bearer`", "schema": {"type": "string"}, "example": "Bearer", "required": true})
    );
}

#[test]
fn hand_written_impls_are_documented_through_integrate() {
    // `extract::Rejection` implements HttpStatus by hand and calls `integrate!`.
    let responses = <http_status::extract::Rejection as utoipa::IntoResponses>::responses();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(statuses, ["400", "413", "415", "422"]);
}
