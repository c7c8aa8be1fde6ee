//! `ErrorMeta` on real servers: a middleware outside `ProblemLayer` (axum) or
//! `ProblemMiddleware` (actix-web) reads it from each response's extensions, and every
//! accessor says what the response is: status, code, `error.type`, level, retryability, the
//! request id the body carries and the text the body hid.

mod common;

use http_status::{ErrorMeta, HttpStatus, LogLevel};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ShopError {
    #[error("order {0} not found")]
    #[status(404, code = "ORDER_NOT_FOUND")]
    OrderNotFound(u64),
    #[error("database at {0} refused the connection")]
    #[status(500)]
    Database(&'static str),
    #[error("down for maintenance")]
    #[status(503, code = "MAINTENANCE", header("Retry-After" = "120"))]
    Maintenance,
    #[error("order {0} changed meanwhile")]
    #[status(409, code = "VERSION_CONFLICT", level = "warn", retryable = true)]
    Conflict(u64),
}

fn error_for(path: &str) -> Option<ShopError> {
    match path {
        "/orders/404" => Some(ShopError::OrderNotFound(404)),
        "/orders/500" => Some(ShopError::Database("10.0.0.5")),
        "/orders/503" => Some(ShopError::Maintenance),
        "/orders/409" => Some(ShopError::Conflict(409)),
        _ => None,
    }
}

/// What the outer middleware read of one response, accessor by accessor.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    status: u16,
    code: Option<String>,
    error_type: String,
    level: LogLevel,
    retryable: bool,
    request_id: Option<String>,
    internal_message: Option<String>,
}

impl Seen {
    fn of(meta: &ErrorMeta) -> Self {
        Seen {
            status: meta.status().as_u16(),
            code: meta.code().map(str::to_owned),
            error_type: meta.error_type().to_owned(),
            level: meta.level(),
            retryable: meta.retryable(),
            request_id: meta.request_id().map(str::to_owned),
            internal_message: meta.internal_message().map(str::to_owned),
        }
    }
}

/// Each response's `ErrorMeta` as the outer middleware saw it (`None`: it had none).
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<Option<Seen>>>>);

impl Log {
    fn push(&self, meta: Option<&ErrorMeta>) {
        self.0.lock().unwrap().push(meta.map(Seen::of));
    }

    fn last(&self) -> Option<Seen> {
        self.0
            .lock()
            .unwrap()
            .pop()
            .expect("the middleware saw the response")
    }
}

fn owned(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// The same checks on either server.
async fn check(addr: SocketAddr, log: &Log) {
    let get = |path: &'static str| async move {
        let reply = common::request(addr, "GET", path, &[("x-request-id", b"req-1")], "").await;
        let body: serde_json::Value = if reply.body.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_slice(&reply.body).unwrap_or(serde_json::Value::Null)
        };
        (reply, body)
    };

    // A 404 with a code.
    let (reply, body) = get("/orders/404").await;
    assert_eq!(reply.status, 404);
    assert_eq!(body["code"], "ORDER_NOT_FOUND");
    let seen = log.last().expect("ErrorMeta on a derived 404");
    assert_eq!(
        seen,
        Seen {
            status: 404,
            code: owned("ORDER_NOT_FOUND"),
            error_type: "ORDER_NOT_FOUND".into(),
            level: LogLevel::Debug,
            retryable: false,
            request_id: owned("req-1"),
            internal_message: None,
        }
    );
    assert_eq!(seen.request_id.as_deref(), body["request_id"].as_str());

    // A 5xx whose text the body hides: the middleware can read it.
    let (reply, body) = get("/orders/500").await;
    assert_eq!(reply.status, 500);
    assert!(body.get("detail").is_none(), "{body}");
    assert!(!String::from_utf8_lossy(&reply.body).contains("10.0.0.5"));
    let seen = log.last().expect("ErrorMeta on a derived 500");
    assert_eq!(
        seen,
        Seen {
            status: 500,
            code: None,
            error_type: "ShopError::Database".into(),
            level: LogLevel::Error,
            retryable: false,
            request_id: owned("req-1"),
            internal_message: owned("database at 10.0.0.5 refused the connection"),
        }
    );
    assert_eq!(seen.request_id.as_deref(), body["request_id"].as_str());

    // A 503: retryable by default. Its text is a literal in thiserror's attribute, but
    // derived from the value all the same (hidden, so available here).
    let (reply, body) = get("/orders/503").await;
    assert_eq!(reply.status, 503);
    assert_eq!(common::header(&reply, "retry-after"), "120");
    let seen = log.last().expect("ErrorMeta on a derived 503");
    assert_eq!(
        seen,
        Seen {
            status: 503,
            code: owned("MAINTENANCE"),
            error_type: "MAINTENANCE".into(),
            level: LogLevel::Error,
            retryable: true,
            request_id: owned("req-1"),
            internal_message: owned("down for maintenance"),
        }
    );
    assert_eq!(seen.request_id.as_deref(), body["request_id"].as_str());

    // `level` and `retryable` written on the variant.
    let (reply, body) = get("/orders/409").await;
    assert_eq!(reply.status, 409);
    let seen = log.last().expect("ErrorMeta on a derived 409");
    assert_eq!(
        seen,
        Seen {
            status: 409,
            code: owned("VERSION_CONFLICT"),
            error_type: "VERSION_CONFLICT".into(),
            level: LogLevel::Warn,
            retryable: true,
            request_id: owned("req-1"),
            internal_message: None,
        }
    );
    assert_eq!(seen.request_id.as_deref(), body["request_id"].as_str());

    // Without an incoming id, the generated one is the body's and the header's.
    let reply = common::get(addr, "/orders/404").await;
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    let seen = log.last().expect("ErrorMeta");
    let id = seen.request_id.expect("a request id");
    assert_eq!(body["request_id"], id.as_str());
    assert_eq!(common::header(&reply, "x-request-id"), id);

    // The framework's own 404, rewritten by the layer: its status is its `error.type`.
    let (reply, body) = get("/no/such/route").await;
    assert_eq!(reply.status, 404);
    assert_eq!(body["request_id"], "req-1");
    let seen = log
        .last()
        .expect("ErrorMeta on a rewritten framework error");
    assert_eq!(
        seen,
        Seen {
            status: 404,
            code: None,
            error_type: "404".into(),
            level: LogLevel::Debug,
            retryable: false,
            request_id: owned("req-1"),
            internal_message: None,
        }
    );

    // A success passes through untouched, without ErrorMeta.
    let (reply, _) = get("/hello").await;
    assert_eq!(reply.status, 200);
    assert_eq!(log.last(), None);
}

mod axum_server {
    use super::{check, error_for, Log};
    use axum::extract::{Request, State};
    use axum::middleware::{from_fn_with_state, Next};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use axum::Router;
    use http_status::{ErrorMeta, ProblemLayer};

    async fn order(request: Request) -> Response {
        match error_for(request.uri().path()) {
            Some(error) => error.into_response(),
            None => "ok".into_response(),
        }
    }

    /// Further out than the layer: reads what the layer's responses say of themselves.
    async fn observe(State(log): State<Log>, request: Request, next: Next) -> Response {
        let response = next.run(request).await;
        log.push(response.extensions().get::<ErrorMeta>());
        response
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_middleware_outside_problem_layer_reads_error_meta() {
        let log = Log::default();
        let app = Router::new()
            .route("/orders/{id}", get(order))
            .route("/hello", get(|| async { "hello" }))
            .layer(ProblemLayer::new())
            .layer(from_fn_with_state(log.clone(), observe));
        let server = super::common::serve_axum(app).await;
        check(server.addr, &log).await;
        server.stop().await;
    }
}

mod actix_server {
    use super::{check, error_for, Log, ShopError};
    use crate::common;
    use actix_web::body::MessageBody;
    use actix_web::dev::{ServiceRequest, ServiceResponse};
    use actix_web::middleware::{from_fn, Next};
    use actix_web::{web, App, HttpRequest, HttpServer};
    use http_status::{ErrorMeta, ProblemMiddleware};

    async fn order(request: HttpRequest) -> Result<&'static str, ShopError> {
        match error_for(request.path()) {
            Some(error) => Err(error),
            None => Ok("ok"),
        }
    }

    /// Further out than the middleware: reads what its responses say of themselves.
    async fn observe(
        request: ServiceRequest,
        next: Next<impl MessageBody>,
    ) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
        let log = request.app_data::<web::Data<Log>>().cloned();
        let response = next.call(request).await?;
        if let Some(log) = log {
            log.push(response.response().extensions().get::<ErrorMeta>());
        }
        Ok(response)
    }

    #[test]
    fn a_middleware_outside_problem_middleware_reads_error_meta() {
        actix_web::rt::System::new().block_on(async {
            let log = Log::default();
            let data = web::Data::new(log.clone());
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(data.clone())
                    .wrap(ProblemMiddleware::new())
                    .wrap(from_fn(observe))
                    .route("/orders/{id}", web::get().to(order))
                    .route("/hello", web::get().to(|| async { "hello" }))
            })
            .workers(1)
            .disable_signals()
            .bind(("127.0.0.1", 0))
            .unwrap();
            let addr = server.addrs()[0];
            let running = common::Actix::start(server.run());
            check(addr, &log).await;
            running.stop().await;
        });
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Interpolated {
    #[error("field {0} is invalid")]
    #[status(422, code = "INVALID_{0}")]
    Invalid(&'static str),
}

/// Wraps a shop error with what was being done.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("paying for order {order}")]
struct Paying {
    order: u64,
    #[source]
    #[status(delegate)]
    cause: ShopError,
}

#[test]
fn error_meta_of_a_value_outside_a_layer() {
    // An interpolated code is the code the body sends; `error.type` stays the variant.
    let meta = ErrorMeta::of(&Interpolated::Invalid("email"));
    assert_eq!(meta.code(), Some("INVALID_email"));
    assert_eq!(meta.error_type(), "Interpolated::Invalid");
    assert_eq!(meta.request_id(), None);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(
            Interpolated::Invalid("email").to_response().body()
        )
        .unwrap()["code"],
        "INVALID_email"
    );

    // A delegated 5xx: the inner variant's facts, the outer value's hidden text.
    let meta = ErrorMeta::of(&Paying {
        order: 9,
        cause: ShopError::Database("10.0.0.6"),
    });
    assert_eq!(meta.status(), 500);
    assert_eq!(meta.error_type(), "ShopError::Database");
    assert_eq!(meta.internal_message(), Some("paying for order 9"));
    assert_eq!(meta.level(), LogLevel::Error);

    // Nothing is logged for the asking.
    let meta = ErrorMeta::of(&ShopError::Maintenance);
    assert!(meta.retryable());
    assert_eq!(meta.internal_message(), Some("down for maintenance"));
}
