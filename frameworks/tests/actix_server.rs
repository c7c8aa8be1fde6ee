//! A real actix-web server on 127.0.0.1 (ephemeral port), real HTTP requests, assertions on
//! what crosses the wire. The server is stopped by the test, and every exchange is bounded.

mod common;

use actix_web::{web, App, HttpServer, ResponseError};
use common::{error_for, ApiError, Outcome};
use http_status::HttpStatus;

async fn get_user(id: web::Path<u64>) -> Result<String, ApiError> {
    Err(error_for(*id))
}

async fn delete_user(_id: web::Path<u64>) -> Outcome {
    Outcome::Deleted
}

#[test]
fn actix_sends_the_derived_responses() {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(|| {
            App::new()
                .route("/users/{id}", web::get().to(get_user))
                .route("/users/{id}", web::delete().to(delete_user))
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .unwrap();
        let addr = server.addrs()[0];
        let running = common::Actix::start(server.run());
        common::check_wire(addr).await;
        running.stop().await;
    });
}

#[test]
fn status_code_and_error_response_agree_with_to_response() {
    for value in [error_for(1), error_for(401), error_for(429), error_for(500)] {
        let expected = value.to_response();
        assert_eq!(value.status_code().as_u16(), expected.status().as_u16());
        let response = value.error_response();
        assert_eq!(response.status().as_u16(), expected.status().as_u16());
        for (name, value) in expected.headers() {
            assert_eq!(
                response.headers().get(name.as_str()).unwrap().as_bytes(),
                value.as_bytes()
            );
        }
        assert_eq!(response.headers().len(), expected.headers().len());
        let body = actix_web::body::to_bytes(response.into_body());
        let body = actix_web::rt::System::new().block_on(body).unwrap();
        assert_eq!(body, expected.body());
    }
}
