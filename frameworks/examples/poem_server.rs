//! A poem server whose handlers return `Result<_, poem::Error>` and use `?` on the derived
//! `ApiError` (its `ResponseError`), or return a derived value directly (`IntoResponse`): JSON
//! users, HEAD answered like GET (poem does), and 405 with `Allow` built with the derive.
//! `ProblemPoem` adds request ids and `instance`, answers `Accept`, and gives poem's own
//! errors (an unknown route, a path that does not parse) the same problem shape.
//!
//!     cargo run -p http-status-frameworks --example poem_server

#[path = "../../examples/shared/api.rs"]
mod api;

use api::{find_user, ApiError, Done};
use poem::listener::TcpListener;
use poem::web::Path;
use poem::{get, handler, EndpointExt, Response, Route, Server};

#[handler]
fn get_user(Path(id): Path<u64>) -> poem::Result<Response> {
    let user = find_user(id)?;
    Ok(Response::builder()
        .content_type("application/json")
        .body(user))
}

#[handler]
fn delete_user(Path(_id): Path<u64>) -> Done {
    Done::Deleted
}

#[handler]
fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed {
        allow: api::ALLOW.to_owned(),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let users = get(get_user)
        .head(get_user)
        .delete(delete_user)
        .put(method_not_allowed)
        .post(method_not_allowed)
        .patch(method_not_allowed);
    let app = Route::new()
        .at("/users/:id", users)
        .with(http_status::ProblemPoem::new());
    let listener = TcpListener::bind("127.0.0.1:3002");
    api::print_curl_commands("127.0.0.1:3002".parse().expect("an address"));
    // poem's own rejection of a path that does not parse, as a problem.
    println!("  curl -i http://127.0.0.1:3002/users/abc");
    Server::new(listener)
        .run_with_graceful_shutdown(
            app,
            async {
                let _ = tokio::signal::ctrl_c().await;
            },
            None,
        )
        .await
}
