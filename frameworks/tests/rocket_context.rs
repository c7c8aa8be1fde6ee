//! `ProblemFairing` on a real rocket server on 127.0.0.1: request ids, instance and
//! negotiation for the API's errors, and rocket's own errors (no route, a parameter that
//! does not parse) caught as problems, checked on the wire against the same app without the
//! fairing.

mod common;

use common::{error_for, ApiError};
use http_status::ProblemFairing;
use std::time::Duration;

#[rocket::get("/users/<id>")]
fn get_user(id: u64) -> Result<String, ApiError> {
    Err(error_for(id))
}

#[rocket::get("/hello")]
fn hello() -> &'static str {
    "hello"
}

/// A rocket server on a free port of 127.0.0.1, with the fairing or without; stopped by the
/// returned handle.
async fn serve(fairing: Option<ProblemFairing>) -> (std::net::SocketAddr, rocket::Shutdown) {
    // Rocket 0.5 binds the port it is given: take a free one from the OS first.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .unwrap()
        .port();
    let config = rocket::Config {
        address: std::net::Ipv4Addr::LOCALHOST.into(),
        port,
        log_level: rocket::config::LogLevel::Off,
        ..rocket::Config::debug_default()
    };
    let mut rocket = rocket::custom(config).mount("/", rocket::routes![get_user, hello]);
    if let Some(fairing) = fairing {
        rocket = rocket.attach(fairing);
    }
    let rocket = rocket.ignite().await.unwrap();
    let shutdown = rocket.shutdown();
    tokio::spawn(rocket.launch());
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(addr).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    (addr, shutdown)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn the_fairing_gives_every_error_its_request_context() {
    let (addr, shutdown) = serve(Some(ProblemFairing::new())).await;
    let (bare, bare_shutdown) = serve(None).await;

    common::context::check_context(addr, bare).await;
    common::context::check_unknown_route(addr, None).await;
    // A parameter that does not parse: rocket forwards with 422, and no route takes it.
    // Rocket's catchers get the status, not the text behind it: no detail.
    common::context::check_problem(addr, "GET", "/users/abc", 422, None).await;
    // A HEAD request to an unknown route: rocket strips the body, the headers stay.
    let reply = common::request(addr, "HEAD", "/nowhere", &[("x-request-id", b"h-1")], "").await;
    assert_eq!(reply.status, 404);
    assert_eq!(common::header(&reply, "x-request-id"), "h-1");
    assert_eq!(
        common::header(&reply, "content-type"),
        "application/problem+json"
    );
    // A client that asks for JSON gets the problem as application/json, not rocket's own
    // JSON error document.
    let reply = common::request(
        addr,
        "GET",
        "/nowhere",
        &[("accept", b"application/json"), ("x-request-id", b"j-1")],
        "",
    )
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(common::header(&reply, "content-type"), "application/json");
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"type": "about:blank", "title": "Not Found", "status": 404,
                           "instance": "/nowhere", "request_id": "j-1"})
    );

    shutdown.notify();
    bare_shutdown.notify();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn without_framework_errors_rocket_keeps_its_catchers() {
    let (addr, shutdown) = serve(Some(ProblemFairing::new().framework_errors(false))).await;
    let reply = common::get(addr, "/nowhere").await;
    assert_eq!(reply.status, 404);
    assert!(common::header(&reply, "content-type").starts_with("text/html"));
    assert!(reply.headers.get("x-request-id").is_none());
    // The API's errors still get their context.
    let reply = common::get(addr, "/users/42").await;
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body["instance"], "/users/42");
    assert_eq!(body["request_id"], common::header(&reply, "x-request-id"));
    shutdown.notify();
}
