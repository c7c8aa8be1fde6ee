//! An actix-web server whose handlers return `Result<_, ApiError>` (ApiError is a
//! `ResponseError`) or a derived response directly (a `Responder`).
//!
//!     cargo run --example actix_server --features actix-web

#[path = "shared/api.rs"]
mod api;

use actix_web::{web, App, HttpServer};
use api::{find_user, ApiError, Deleted};

async fn get_user(id: web::Path<u64>) -> Result<String, ApiError> {
    find_user(*id)
}

async fn delete_user(_id: web::Path<u64>) -> Deleted {
    Deleted::Done
}

fn main() -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(|| {
            App::new()
                .route("/users/{id}", web::get().to(get_user))
                .route("/users/{id}", web::delete().to(delete_user))
        })
        .workers(1)
        .bind(("127.0.0.1", 3001))?;
        api::print_curl_commands(server.addrs()[0]);
        server.run().await
    })
}
