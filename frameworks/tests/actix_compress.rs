//! `ProblemMiddleware` with actix-web's `Compress`, in both orders, on a real server: the
//! client asks for gzip and decodes; every error is a problem with one `x-request-id`, equal
//! to its body's `request_id`, and a framework error's text is read (decoded when `Compress`
//! sits inside the middleware).

mod common;

use actix_web::middleware::Compress;
use actix_web::{web, App, HttpServer};
use common::{error_for, ApiError};
use http_status::ProblemMiddleware;
use serde_json::{json, Value};
use std::io::Read;
use std::net::SocketAddr;

async fn get_user(id: web::Path<u64>) -> Result<String, ApiError> {
    Err(error_for(*id))
}

fn routes(config: &mut web::ServiceConfig) {
    config.route("/users/{id}", web::get().to(get_user));
}

/// The body as a client that accepts gzip reads it, and the `x-request-id` fields.
async fn fetch(addr: SocketAddr, path: &str, id: &'static str) -> (u16, Vec<String>, Value) {
    let reply = common::request(
        addr,
        "GET",
        path,
        &[
            ("accept-encoding", b"gzip"),
            ("x-request-id", id.as_bytes()),
        ],
        "",
    )
    .await;
    let body = match reply
        .headers
        .get("content-encoding")
        .map(|v| v.to_str().unwrap())
    {
        None => reply.body.to_vec(),
        Some("gzip") => {
            let mut decoded = Vec::new();
            flate2::read::GzDecoder::new(&reply.body[..])
                .read_to_end(&mut decoded)
                .expect("a gzip body");
            decoded
        }
        Some(other) => panic!("{path}: content-encoding {other}"),
    };
    let ids = reply
        .headers
        .get_all("x-request-id")
        .iter()
        .map(|value| value.to_str().unwrap().to_owned())
        .collect();
    let body = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("{path}: {e}: {:?}", String::from_utf8_lossy(&body)));
    (reply.status.as_u16(), ids, body)
}

#[test]
fn problem_middleware_and_compress_in_either_order() {
    actix_web::rt::System::new().block_on(async {
        let inside = HttpServer::new(|| {
            App::new()
                .wrap(ProblemMiddleware::new())
                .wrap(Compress::default())
                .configure(routes)
        });
        let outside = HttpServer::new(|| {
            App::new()
                .wrap(Compress::default())
                .wrap(ProblemMiddleware::new())
                .configure(routes)
        });
        let bare = HttpServer::new(|| App::new().configure(routes));
        let mut addrs = Vec::new();
        let mut running = Vec::new();
        macro_rules! start {
            ($server:expr) => {{
                let server = $server
                    .workers(1)
                    .disable_signals()
                    .bind(("127.0.0.1", 0))
                    .unwrap();
                addrs.push(server.addrs()[0]);
                running.push(common::Actix::start(server.run()));
            }};
        }
        start!(inside);
        start!(outside);
        start!(bare);
        let bare = addrs[2];
        let text = common::get(bare, "/users/abc").await;
        let text = String::from_utf8(text.body.to_vec()).unwrap();
        assert!(!text.is_empty());

        for addr in &addrs[..2] {
            let (status, ids, body) = fetch(*addr, "/users/42", "c-1").await;
            assert_eq!(status, 404);
            assert_eq!(ids, ["c-1"]);
            assert_eq!(
                body,
                json!({"type": "about:blank", "title": "Not Found", "status": 404,
                       "detail": "user 42 not found", "code": "USER_NOT_FOUND",
                       "instance": "/users/42", "request_id": "c-1"})
            );
            // actix-web's own 404 for a path that does not parse, with its text.
            let (status, ids, body) = fetch(*addr, "/users/abc", "c-2").await;
            assert_eq!(status, 404);
            assert_eq!(ids, ["c-2"]);
            assert_eq!(
                body,
                json!({"type": "about:blank", "title": "Not Found", "status": 404,
                       "detail": text, "instance": "/users/abc", "request_id": "c-2"})
            );
            let (status, ids, body) = fetch(*addr, "/nowhere", "c-3").await;
            assert_eq!(status, 404);
            assert_eq!(ids, ["c-3"]);
            assert_eq!(
                body,
                json!({"type": "about:blank", "title": "Not Found", "status": 404,
                       "instance": "/nowhere", "request_id": "c-3"})
            );
        }

        for server in running {
            server.stop().await;
        }
    });
}
