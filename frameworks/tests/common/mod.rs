//! What the server tests share: the API's error type and a real HTTP/1.1 client.
#![allow(dead_code)] // each test crate uses its own part

use http_body_util::{BodyExt, Full};
use http_status::bytes::Bytes;
use http_status::http::{HeaderMap, Request, StatusCode};
use http_status::HttpStatus;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub mod context;

/// The API's errors: one of each case the wire tests check.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },

    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"api\""))]
    Unauthenticated,

    #[error("slow down")]
    #[status(429, code = "RATE_LIMITED", header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u64 },

    #[error("database password {0} rejected")]
    #[status(500)]
    Database(String),
}

/// A success without content.
#[derive(Debug, HttpStatus)]
pub enum Outcome {
    #[status(204)]
    Deleted,
}

/// The secret the 500 must not leak.
pub const SECRET: &str = "hunter2-at-db-7";

/// The error each `/users/{id}` id stands for.
pub fn error_for(id: u64) -> ApiError {
    match id {
        401 => ApiError::Unauthenticated,
        429 => ApiError::RateLimited { retry_after: 30 },
        500 => ApiError::Database(SECRET.to_owned()),
        _ => ApiError::UserNotFound { id },
    }
}

/// A server running in a task until `stop`.
pub struct Running {
    pub addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Runs `serve(stopped)`, whose server shuts down gracefully when `stopped` resolves.
    pub fn spawn<F>(
        addr: SocketAddr,
        serve: impl FnOnce(tokio::sync::oneshot::Receiver<()>) -> F,
    ) -> Running
    where
        F: std::future::Future<Output = std::io::Result<()>> + Send + 'static,
    {
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(serve(stopped));
        Running { addr, stop, task }
    }

    /// Stops the server and waits (10 s at most) until it has.
    pub async fn stop(self) {
        self.stop.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("the server stops")
            .unwrap()
            .unwrap();
    }
}

/// An axum app served on an ephemeral port of 127.0.0.1.
pub async fn serve_axum(app: axum::Router) -> Running {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    Running::spawn(addr, |stopped| async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    })
}

/// What came back.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// A GET with hyper's HTTP/1.1 client on a fresh connection.
pub async fn get(addr: SocketAddr, path: &str) -> Reply {
    send(addr, "GET", path).await
}

pub async fn send(addr: SocketAddr, method: &str, path: &str) -> Reply {
    request(addr, method, path, &[], "").await
}

/// A request with these header fields and this body, on a fresh connection.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &[u8])],
    body: &'static str,
) -> Reply {
    let exchange = async {
        let stream = TcpStream::connect(addr).await.expect("connect");
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .expect("handshake");
        tokio::spawn(connection);
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", addr.to_string());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from_static(body.as_bytes())))
            .expect("request");
        let response = sender.send_request(request).await.expect("response");
        let (parts, body) = response.into_parts();
        let body = body.collect().await.expect("body").to_bytes();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    };
    tokio::time::timeout(Duration::from_secs(10), exchange)
        .await
        .expect("the server answers within 10 s")
}

/// The raw bytes of a response, to check the status line as sent.
pub async fn raw_get(addr: SocketAddr, path: &str) -> String {
    raw_request(addr, path, "").await
}

/// The raw bytes of a GET with extra header lines (each ending in CRLF) sent as they are.
pub async fn raw_request(addr: SocketAddr, path: &str, extra: &str) -> String {
    let exchange = async {
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("write");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read");
        String::from_utf8_lossy(&raw).into_owned()
    };
    tokio::time::timeout(Duration::from_secs(10), exchange)
        .await
        .expect("the server answers within 10 s")
}

pub fn header<'a>(reply: &'a Reply, name: &str) -> &'a str {
    reply
        .headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .to_str()
        .unwrap()
}

/// The five cases on the wire, the same for every framework.
pub async fn check_wire(addr: SocketAddr) {
    // A problem+json 404 with a code.
    let reply = get(addr, "/users/42").await;
    assert_eq!(reply.status, 404);
    assert_eq!(header(&reply, "content-type"), "application/problem+json");
    let body = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 42 not found","code":"USER_NOT_FOUND"}"#;
    assert_eq!(reply.body, body);
    assert_eq!(header(&reply, "content-length"), body.len().to_string());

    // A 401 with its challenge.
    let reply = get(addr, "/users/401").await;
    assert_eq!(reply.status, 401);
    assert_eq!(header(&reply, "www-authenticate"), "Bearer realm=\"api\"");
    assert_eq!(header(&reply, "content-type"), "application/problem+json");
    assert_eq!(
        reply.body,
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"authentication required"}"#
    );

    // A 429 whose Retry-After comes from a field.
    let reply = get(addr, "/users/429").await;
    assert_eq!(reply.status, 429);
    assert_eq!(header(&reply, "retry-after"), "30");
    let body = r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down","code":"RATE_LIMITED"}"#;
    assert_eq!(reply.body, body);
    assert_eq!(header(&reply, "content-length"), body.len().to_string());

    // A 500 whose text stays on the server.
    let reply = get(addr, "/users/500").await;
    assert_eq!(reply.status, 500);
    let body = r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#;
    assert_eq!(reply.body, body);
    assert!(!String::from_utf8_lossy(&reply.body).contains(SECRET));
    assert!(reply
        .headers
        .values()
        .all(|v| !String::from_utf8_lossy(v.as_bytes()).contains(SECRET)));

    // A 204: no body, no Content-Type, no Content-Length.
    let reply = send(addr, "DELETE", "/users/42").await;
    assert_eq!(reply.status, 204);
    assert!(reply.body.is_empty());
    assert!(reply.headers.get("content-type").is_none());
    assert!(reply.headers.get("content-length").is_none());

    // The status line as sent.
    let raw = raw_get(addr, "/users/429").await;
    assert!(
        raw.starts_with("HTTP/1.1 429 Too Many Requests\r\n"),
        "{raw}"
    );
    assert!(
        raw.to_ascii_lowercase().contains("\r\nretry-after: 30\r\n"),
        "{raw}"
    );
    assert!(raw.ends_with("\r\n\r\n{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"slow down\",\"code\":\"RATE_LIMITED\"}"), "{raw}");
}

/// An actix-web server running on the current actix system, until [`Actix::stop`].
pub struct Actix {
    handle: actix_web::dev::ServerHandle,
    running: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Actix {
    /// Runs `server` (bound already: its address is known).
    pub fn start(server: actix_web::dev::Server) -> Actix {
        Actix {
            handle: server.handle(),
            running: actix_web::rt::spawn(server),
        }
    }

    /// Stops the server gracefully; it must be gone within 10 seconds.
    pub async fn stop(self) {
        self.handle.stop(true).await;
        tokio::time::timeout(Duration::from_secs(10), self.running)
            .await
            .expect("the server stops")
            .unwrap()
            .unwrap();
    }
}
