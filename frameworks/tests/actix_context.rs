//! `ProblemMiddleware` on a real actix-web server on 127.0.0.1: request ids, instance,
//! negotiation and actix-web's own errors, checked on the wire against the same app without
//! the middleware.

mod common;

use actix_web::{web, App, HttpServer};
use common::{error_for, ApiError};
use http_status::ProblemMiddleware;

async fn get_user(id: web::Path<u64>) -> Result<String, ApiError> {
    Err(error_for(*id))
}

#[derive(serde::Deserialize)]
struct NewUser {
    #[allow(dead_code)]
    name: String,
}

async fn create_user(_user: web::Json<NewUser>) -> &'static str {
    "created"
}

async fn hello() -> &'static str {
    "hello"
}

fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/users/{id}", web::get().to(get_user))
        .route("/users", web::post().to(create_user))
        .route("/hello", web::get().to(hello));
}

#[test]
fn the_middleware_gives_every_error_its_request_context() {
    actix_web::rt::System::new().block_on(async {
        let server =
            HttpServer::new(|| App::new().wrap(ProblemMiddleware::new()).configure(routes))
                .workers(1)
                .disable_signals()
                .bind(("127.0.0.1", 0))
                .unwrap();
        let bare = HttpServer::new(|| App::new().configure(routes))
            .workers(1)
            .disable_signals()
            .bind(("127.0.0.1", 0))
            .unwrap();
        let (addr, bare_addr) = (server.addrs()[0], bare.addrs()[0]);
        let running = [
            common::Actix::start(server.run()),
            common::Actix::start(bare.run()),
        ];
        common::context::check(addr, bare_addr).await;
        for server in running {
            server.stop().await;
        }
    });
}
