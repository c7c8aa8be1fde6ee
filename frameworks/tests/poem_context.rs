//! `ProblemPoem` on a real poem server on 127.0.0.1: request ids, instance, negotiation and
//! poem's own errors (an unknown route, a method the route does not answer, a path or body
//! that does not parse), checked on the wire against the same app without the middleware.

mod common;

use common::error_for;
use http_status::ProblemPoem;
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::web::{Json, Path};
use poem::{get, handler, post, Endpoint, EndpointExt, Route, Server};
use std::time::Duration;

#[handler]
fn get_user(Path(id): Path<u64>) -> poem::Result<String> {
    // `?` on a derived error: poem's `ResponseError`, whose response is built under the
    // middleware's context.
    Err(error_for(id))?
}

#[derive(serde::Deserialize)]
struct NewUser {
    #[allow(dead_code)]
    name: String,
}

#[handler]
fn create_user(Json(_user): Json<NewUser>) -> &'static str {
    "created"
}

#[handler]
fn hello() -> &'static str {
    "hello"
}

fn app() -> Route {
    Route::new()
        .at("/users/:id", get(get_user))
        .at("/users", post(create_user))
        .at("/hello", get(hello))
}

async fn serve(app: impl Endpoint + 'static) -> common::Running {
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .unwrap();
    let addr = *acceptor.local_addr()[0].as_socket_addr().unwrap();
    common::Running::spawn(addr, |stopped| async move {
        Server::new_with_acceptor(acceptor)
            .run_with_graceful_shutdown(
                app,
                async {
                    let _ = stopped.await;
                },
                Some(Duration::from_secs(5)),
            )
            .await
    })
}

#[tokio::test(flavor = "current_thread")]
async fn the_middleware_gives_every_error_its_request_context() {
    let server = serve(app().with(ProblemPoem::new())).await;
    let bare = serve(app()).await;
    let addr = server.addr;

    common::context::check(addr, bare.addr).await;

    // poem's own 405 and path rejection: problems whose detail is poem's text.
    for (method, path, status) in [("DELETE", "/hello", 405), ("GET", "/users/abc", 400)] {
        let text = common::send(bare.addr, method, path).await;
        assert_eq!(text.status, status);
        let text = String::from_utf8(text.body.to_vec()).unwrap();
        let detail = Some(text.trim()).filter(|text| !text.is_empty());
        common::context::check_problem(addr, method, path, status, detail).await;
    }

    server.stop().await;
    bare.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn without_framework_errors_poem_errors_pass_through() {
    let middleware = ProblemPoem::new().framework_errors(false);
    let server = serve(app().with(middleware)).await;
    let reply = common::get(server.addr, "/no/such/route").await;
    assert_eq!(reply.status, 404);
    assert!(reply.headers.get("x-request-id").is_none());
    assert!(reply
        .headers
        .get("content-type")
        .is_none_or(|value| value != "application/problem+json"));
    // The API's errors still get their context.
    let reply = common::get(server.addr, "/users/42").await;
    assert_eq!(reply.status, 404);
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body["instance"], "/users/42");
    assert_eq!(body["request_id"], common::header(&reply, "x-request-id"));
    server.stop().await;
}
