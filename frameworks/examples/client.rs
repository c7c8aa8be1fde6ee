//! A typed client of the users API: it sends requests with hyper and matches on the `ApiError`
//! each error response decodes to (`#[status(decode)]`), the same type the server answers
//! with. A response that is none of the API's errors (the router's own 404, another service's
//! 502) is `Undecoded`, with its status, code and body.
//!
//!     cargo run -p http-status-frameworks --example axum_server   # in one terminal
//!     cargo run -p http-status-frameworks --example client        # in another
//!
//! (`client 127.0.0.1:8080` talks to a server elsewhere.)

#[path = "../../examples/shared/api.rs"]
mod api;

use api::ApiError;
use http_body_util::{BodyExt, Empty};
use http_status::bytes::Bytes;
use http_status::http::{Request, Response};
use http_status::{Decode, Undecoded};
use hyper_util::rt::TokioIo;

/// One request on a fresh HTTP/1.1 connection, the body collected.
async fn send(addr: &str, method: &str, path: &str) -> Result<Response<Bytes>, String> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| format!("cannot connect to {addr} ({e}): start the server first with `cargo run -p http-status-frameworks --example axum_server`"))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("host", addr)
        .header("accept", "application/problem+json")
        .body(Empty::<Bytes>::new())
        .map_err(|e| e.to_string())?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| e.to_string())?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await.map_err(|e| e.to_string())?.to_bytes();
    Ok(Response::from_parts(parts, body))
}

/// What the client makes of an error response.
fn handle(decoded: Result<ApiError, Undecoded>) -> String {
    match decoded {
        Ok(ApiError::UserNotFound { .. }) => "UserNotFound: no such user".to_owned(),
        Ok(ApiError::Unauthenticated) => "Unauthenticated: log in first".to_owned(),
        Ok(ApiError::MethodNotAllowed { allow }) => {
            format!("MethodNotAllowed: this resource answers {allow}")
        }
        Ok(ApiError::EmailTaken { .. }) => "EmailTaken: pick another email".to_owned(),
        Ok(ApiError::Validation { errors }) => format!("Validation: {errors:?}"),
        Ok(ApiError::RateLimited { retry_after }) => {
            format!("RateLimited: retry in {retry_after} s")
        }
        Ok(ApiError::Database(_)) => {
            "Database: the server failed (what failed is in its logs)".to_owned()
        }
        Err(undecoded) => format!("Undecoded: {undecoded}"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let requests = [
        ("GET", "/users/1"),
        ("GET", "/users/42"),
        ("GET", "/users/401"),
        ("PUT", "/users/1"),
        ("GET", "/users/409"),
        ("GET", "/users/422"),
        ("GET", "/users/429"),
        ("GET", "/users/500"),
        ("GET", "/no/such/route"),
    ];
    for (method, path) in requests {
        let response = match send(&addr, method, path).await {
            Ok(response) => response,
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(1);
            }
        };
        let outcome = if response.status().is_success() {
            format!("ok: {}", String::from_utf8_lossy(response.body()))
        } else {
            handle(ApiError::from_response(&response))
        };
        println!(
            "{method:<4} {path:<15} {} → {outcome}",
            response.status().as_u16()
        );
    }
}
