//! An actix-web server whose handlers return `Result<_, ApiError>` (ApiError is a
//! `ResponseError`) or a derived response directly (a `Responder`): JSON users, HEAD answered
//! like GET, and 405 with `Allow` (built with the derive) for any other method.
//! `ProblemMiddleware` adds request ids and `instance`, answers `Accept`, and gives actix-web's
//! own errors (an unknown route) the same problem shape.
//!
//!     cargo run -p http-status-frameworks --example actix_server

#[path = "../../examples/shared/api.rs"]
mod api;

use actix_web::{web, App, HttpResponse, HttpServer};
use api::{find_user, ApiError, Done};

async fn get_user(id: web::Path<u64>) -> Result<HttpResponse, ApiError> {
    find_user(*id).map(|user| {
        HttpResponse::Ok()
            .content_type("application/json")
            .body(user)
    })
}

async fn delete_user(_id: web::Path<u64>) -> Done {
    Done::Deleted
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed {
        allow: api::ALLOW.to_owned(),
    }
}

fn main() -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(|| {
            App::new()
                .wrap(http_status::ProblemMiddleware::new())
                .service(
                    web::resource("/users/{id}")
                        .route(web::get().to(get_user))
                        .route(web::head().to(get_user))
                        .route(web::delete().to(delete_user))
                        .default_service(web::to(method_not_allowed)),
                )
        })
        .workers(1)
        .bind(("127.0.0.1", 3001))?;
        api::print_curl_commands(server.addrs()[0]);
        server.run().await
    })
}
