//! Development mode, `expose_internals()`: in a build with `debug_assertions` (`cargo test`),
//! 5xx bodies in the problem and json formats carry `"debug":{"message":…,"sources":[…]}`;
//! in a release build (`cargo test --release -p http-status-frameworks --test dev_mode`, run
//! by `.ci/run`) they never do, and building such a layer warns once.
//!
//! One test function: the warning is emitted once per process, so nothing else in this binary
//! may build a layer first.

mod common;

#[path = "common/events.rs"]
mod events;

use http_status::{Format, HttpStatus, Problem, ProblemFairing, ProblemLayer, ProblemMiddleware};
use serde_json::{json, Value};
use std::net::SocketAddr;

#[derive(Debug, thiserror::Error)]
#[error("connection refused by 10.0.3.7:5432")]
struct Socket;

#[derive(Debug, thiserror::Error)]
#[error("pool exhausted after 3 retries")]
struct Pool(#[source] Socket);

/// `{"oops":<title>}`: a custom format owns its shape.
struct Oops;

impl Format for Oops {
    const CONTENT_TYPE: &'static str = "application/json";
    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        serde_json::to_writer(body, &json!({ "oops": problem.title() })).unwrap();
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("query for user {0} failed")]
    #[status(500, code = "QUERY")]
    Query(u64, #[source] Pool),
    #[error("cache miss")]
    #[status(503, format = "json", allow(missing_retry_after))]
    Cache,
    #[error("user {0} not found")]
    #[status(404)]
    NotFound(u64),
    #[error("custom {0}")]
    #[status(500, format = Oops)]
    Custom(u64),
}

fn error_for(path: &str) -> ApiError {
    match path {
        "/query" => ApiError::Query(7, Pool(Socket)),
        "/cache" => ApiError::Cache,
        "/custom" => ApiError::Custom(1),
        _ => ApiError::NotFound(1),
    }
}

/// The `debug` member of the body `path` answers with, and the body.
async fn debug_of(addr: SocketAddr, path: &str, accept: &str) -> (Option<Value>, Value) {
    let reply = common::request(addr, "GET", path, &[("accept", accept.as_bytes())], "").await;
    let body: Value = serde_json::from_slice(&reply.body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&reply.body).into_owned()));
    (body.get("debug").cloned(), body)
}

/// What a layer that exposes internals adds, or (in a release build) does not.
async fn check(addr: SocketAddr, framework_500: &str, framework_text: &str) {
    let query = json!({
        "message": "query for user 7 failed",
        "sources": ["pool exhausted after 3 retries", "connection refused by 10.0.3.7:5432"],
    });
    // A problem 5xx, and the same negotiated as application/json.
    for accept in ["application/problem+json", "application/json"] {
        let (debug, body) = debug_of(addr, "/query", accept).await;
        assert_eq!(body["status"], 500);
        // The body is still the hidden 5xx otherwise.
        assert!(body.get("detail").is_none(), "{body}");
        assert_eq!(body["code"], "QUERY");
        if cfg!(debug_assertions) {
            assert_eq!(debug, Some(query.clone()), "{body}");
        } else {
            assert_eq!(debug, None, "{body}");
        }
    }
    // The json format, without a chain: an empty list.
    let (debug, body) = debug_of(addr, "/cache", "*/*").await;
    assert_eq!(body["error"], "Service Unavailable");
    if cfg!(debug_assertions) {
        assert_eq!(
            debug,
            Some(json!({"message": "cache miss", "sources": []})),
            "{body}"
        );
    } else {
        assert_eq!(debug, None, "{body}");
    }
    // A framework's 5xx: its hidden text.
    let (debug, body) = debug_of(addr, framework_500, "*/*").await;
    assert_eq!(body["status"], 500);
    if cfg!(debug_assertions) {
        let debug = debug.expect("a debug member");
        let message = debug["message"].as_str().unwrap();
        assert!(message.contains(framework_text), "{message}");
        assert_eq!(debug["sources"], json!([]));
    } else {
        assert_eq!(debug, None, "{body}");
    }
    // Never on a 4xx, in text, or in a custom format.
    let (debug, body) = debug_of(addr, "/users/1", "*/*").await;
    assert_eq!(body["status"], 404);
    assert_eq!(debug, None);
    let (_, body) = debug_of(addr, "/query", "text/plain").await;
    assert_eq!(body, Value::String("Internal Server Error".into()));
    let (_, body) = debug_of(addr, "/custom", "*/*").await;
    assert_eq!(body, json!({"oops": "Internal Server Error"}));
}

async fn axum_error(request: axum::extract::Request) -> ApiError {
    error_for(request.uri().path())
}

async fn two(axum::extract::Path((a, b)): axum::extract::Path<(u64, u64)>) -> String {
    format!("{a} {b}")
}

fn axum_app(layer: ProblemLayer) -> axum::Router {
    use axum::routing::get;
    axum::Router::new()
        .route("/query", get(axum_error))
        .route("/cache", get(axum_error))
        .route("/custom", get(axum_error))
        .route("/users/{id}", get(axum_error))
        .route("/items/{id}", get(two))
        .layer(layer)
}

async fn actix_error(request: actix_web::HttpRequest) -> Result<&'static str, ApiError> {
    Err(error_for(request.path()))
}

#[test]
fn expose_internals_adds_the_debug_member_only_in_debug_builds() {
    // Building the layers: a release build warns, once.
    let (_, events) = events::events_of(|| {
        let _ = ProblemLayer::new().expose_internals();
        let _ = ProblemLayer::new().expose_internals();
        let _ = ProblemMiddleware::new().expose_internals();
        let _ = http_status::ProblemPoem::new().expose_internals();
        let _ = ProblemFairing::new().expose_internals();
    });
    if cfg!(debug_assertions) {
        assert!(events.is_empty(), "{events:#?}");
    } else {
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].level, tracing::Level::WARN);
        assert!(events[0].message.contains("does nothing"), "{events:#?}");
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = common::serve_axum(axum_app(ProblemLayer::new().expose_internals())).await;
        check(server.addr, "/items/1", "Wrong number of path arguments").await;
        server.stop().await;

        // Off unless asked for.
        let server = common::serve_axum(axum_app(ProblemLayer::new())).await;
        let (debug, body) = debug_of(server.addr, "/query", "*/*").await;
        assert_eq!(body["status"], 500);
        assert_eq!(debug, None);
        server.stop().await;
    });

    actix_web::rt::System::new().block_on(async {
        use actix_web::{web, App, HttpServer};
        // A 500 of actix-web's own: application data that was never registered.
        async fn pair(data: web::Data<u32>) -> String {
            data.to_string()
        }
        let server = HttpServer::new(|| {
            App::new()
                .wrap(ProblemMiddleware::new().expose_internals())
                .route("/query", web::get().to(actix_error))
                .route("/cache", web::get().to(actix_error))
                .route("/custom", web::get().to(actix_error))
                .route("/users/{id}", web::get().to(actix_error))
                .route("/items/{id}", web::get().to(pair))
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .unwrap();
        let addr = server.addrs()[0];
        let running = common::Actix::start(server.run());
        check(addr, "/items/1", "application data is not configured").await;
        running.stop().await;
    });
}
