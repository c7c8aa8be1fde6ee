//! A real poem server on 127.0.0.1 (ephemeral port), real HTTP requests, assertions on what
//! crosses the wire: the same checks as for axum and actix-web.

mod common;

use common::{error_for, Outcome};
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::web::Path;
use poem::{get, handler, Route, Server};
use std::time::Duration;

#[handler]
fn get_user(Path(id): Path<u64>) -> Result<String, poem::Error> {
    // `?` on a derived error: poem's `ResponseError`.
    Err(error_for(id))?
}

#[handler]
fn delete_user(Path(_id): Path<u64>) -> Outcome {
    Outcome::Deleted
}

#[tokio::test(flavor = "current_thread")]
async fn poem_sends_the_derived_responses() {
    let app = Route::new().at("/users/:id", get(get_user).delete(delete_user));
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .unwrap();
    let addr = *acceptor.local_addr()[0].as_socket_addr().unwrap();
    let server = common::Running::spawn(addr, |stopped| async move {
        Server::new_with_acceptor(acceptor)
            .run_with_graceful_shutdown(
                app,
                async {
                    let _ = stopped.await;
                },
                Some(Duration::from_secs(5)),
            )
            .await
    });
    common::check_wire(addr).await;
    server.stop().await;
}

#[test]
fn into_response_and_response_error_are_to_response() {
    use http_status::HttpStatus;
    use poem::error::ResponseError;
    use poem::IntoResponse;

    for value in [error_for(1), error_for(401), error_for(429), error_for(500)] {
        let expected = value.to_response();
        assert_eq!(ResponseError::status(&value), expected.status());
        let response = value.as_response();
        assert_eq!(response.status(), expected.status());
        assert_eq!(response.headers(), expected.headers());
        let response = value.into_response();
        assert_eq!(response.status(), expected.status());
        assert_eq!(response.headers(), expected.headers());
    }
}
