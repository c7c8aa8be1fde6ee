//! The utoipa 6 integration (`utoipa`): the document of a path whose errors are one derived
//! type, checked as JSON by the assertions every integration shares (`openapi_document`).

mod openapi_document;

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
fn the_version_and_the_components_line() {
    let document = document();
    assert_eq!(document["openapi"], "3.1.0");
    let mut names: Vec<&str> = document["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Problem", "Violation"]);
}
