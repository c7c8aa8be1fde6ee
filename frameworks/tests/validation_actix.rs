//! The extractors of `http_status::extract` on a real actix-web server on 127.0.0.1: every
//! rejection on the wire, `validator` and `garde` reports of fifty failed checks, and the
//! same rejections under a `ProblemMiddleware`.

mod common;
#[path = "common/validation.rs"]
mod validation;

use actix_web::{web, App, HttpServer};
use http_status::{FieldNames, ProblemMiddleware};
use std::net::SocketAddr;
use validation::{create_user, post_order_g, post_order_v, profile, search, valid_search};

fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/users", web::post().to(create_user))
        .service(
            web::resource("/small")
                .app_data(web::JsonConfig::default().limit(24))
                .route(web::post().to(create_user)),
        )
        .route("/search", web::get().to(search))
        .route("/search/valid", web::get().to(valid_search))
        .route("/orders/validator", web::post().to(post_order_v))
        .route("/orders/garde", web::post().to(post_order_g))
        .service(
            web::resource("/profiles")
                .app_data(FieldNames::CAMEL_CASE)
                .route(web::post().to(profile)),
        );
}

/// Runs `check` against the app on a real server, with or without the middleware.
fn on_server<F: std::future::Future<Output = ()>>(
    middleware: bool,
    check: impl FnOnce(SocketAddr) -> F,
) {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(move || {
            App::new()
                .wrap(actix_web::middleware::Condition::new(
                    middleware,
                    ProblemMiddleware::new(),
                ))
                .configure(routes)
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .unwrap();
        let addr = server.addrs()[0];
        let running = common::Actix::start(server.run());
        check(addr).await;
        running.stop().await;
    });
}

#[test]
fn every_rejection_on_the_wire() {
    on_server(false, validation::check);
}

#[test]
fn under_the_middleware_rejections_carry_the_request_context() {
    on_server(true, validation::check_in_context);
}
