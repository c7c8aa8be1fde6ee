//! A rocket server whose routes return `Result<_, ApiError>` or a derived value (both
//! `Responder`s): JSON users, HEAD answered like GET (rocket does), and 405 with `Allow` built
//! with the derive for the other methods. `ProblemFairing` adds request ids and `instance`,
//! answers `Accept`, and catches rocket's own errors (no route, a parameter that does not
//! parse) as problems of the same shape.
//!
//!     cargo run -p http-status-frameworks --example rocket_server

#[path = "../../examples/shared/api.rs"]
mod api;

use api::{find_user, ApiError, Done};
use rocket::http::ContentType;

#[rocket::get("/users/<id>")]
fn get_user(id: u64) -> Result<(ContentType, String), ApiError> {
    find_user(id).map(|user| (ContentType::JSON, user))
}

#[rocket::delete("/users/<_id>")]
fn delete_user(_id: u64) -> Done {
    Done::Deleted
}

#[rocket::put("/users/<_id>")]
fn put_user(_id: u64) -> ApiError {
    ApiError::MethodNotAllowed {
        allow: api::ALLOW.to_owned(),
    }
}

#[rocket::post("/users/<_id>")]
fn post_user(_id: u64) -> ApiError {
    ApiError::MethodNotAllowed {
        allow: api::ALLOW.to_owned(),
    }
}

#[rocket::patch("/users/<_id>")]
fn patch_user(_id: u64) -> ApiError {
    ApiError::MethodNotAllowed {
        allow: api::ALLOW.to_owned(),
    }
}

#[rocket::main]
async fn main() -> Result<(), Box<rocket::Error>> {
    let config = rocket::Config {
        port: 3003,
        log_level: rocket::config::LogLevel::Critical,
        ..rocket::Config::debug_default()
    };
    api::print_curl_commands("127.0.0.1:3003".parse().expect("an address"));
    // A parameter that does not parse: rocket's 422, caught as a problem.
    println!("  curl -i http://127.0.0.1:3003/users/abc");
    rocket::custom(config)
        .attach(http_status::ProblemFairing::new())
        .mount(
            "/",
            rocket::routes![get_user, delete_user, put_user, post_user, patch_user],
        )
        .launch()
        .await
        .map(|_| ())
        .map_err(Box::new)
}
