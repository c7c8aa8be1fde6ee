//! `ProblemLayer` in a real tower-http stack on a real axum server: `SetRequestIdLayer`, a
//! `TraceLayer` whose span records the request id, `PropagateRequestIdLayer`,
//! `CompressionLayer` (the client asks for gzip and decodes) and `TimeoutLayer`, with the
//! layer outermost, innermost, and between compression and timeout (the README's stack).
//! In each: one `x-request-id` per response, equal to the body's `request_id` and, where the
//! order allows, to the span's; every body decodes to what it should be; the 408 is a problem
//! wherever it is produced inside the layer.

mod common;

use axum::body::Body;
use axum::extract::Path;
use axum::routing::get;
use axum::Router;
use common::{error_for, ApiError, Reply};
use http_status::http::{Request, StatusCode};
use http_status::ProblemLayer;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{HttpMakeClassifier, TraceLayer};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};

/// How long a handler may take before `TimeoutLayer` answers 408.
const TIMEOUT: Duration = Duration::from_millis(200);

async fn get_user(Path(id): Path<u64>) -> Result<String, ApiError> {
    Err(error_for(id))
}

/// Routed at `/pairs/{id}`: one parameter where the extractor wants two, which axum answers
/// with a 500 (its text says why, and the problem hides it).
async fn get_pair(Path((_a, _b)): Path<(u64, u64)>) -> &'static str {
    "pair"
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(30)).await;
    "late"
}

fn app() -> Router {
    Router::new()
        .route("/users/{id}", get(get_user))
        .route("/pairs/{id}", get(get_pair))
        .route("/slow", get(slow))
        .route("/hello", get(|| async { "hello" }))
}

/// The span of a request, with the id `SetRequestIdLayer` gave it (empty when it has none).
fn span_of(request: &Request<Body>) -> tracing::Span {
    let id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("");
    tracing::info_span!("request", request_id = id)
}

fn trace() -> TraceLayer<HttpMakeClassifier, fn(&Request<Body>) -> tracing::Span> {
    TraceLayer::new_for_http().make_span_with(span_of as fn(&Request<Body>) -> tracing::Span)
}

fn timeout() -> TimeoutLayer {
    TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, TIMEOUT)
}

/// Where `ProblemLayer` sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Outside every tower-http layer.
    Outermost,
    /// Inside every tower-http layer, the timeout included.
    Innermost,
    /// Inside compression, outside the timeout.
    Between,
}

fn stack(order: Order) -> Router {
    match order {
        Order::Outermost => app().layer(
            ServiceBuilder::new()
                .layer(ProblemLayer::new())
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(trace())
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(CompressionLayer::new())
                .layer(timeout()),
        ),
        Order::Innermost => app().layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(trace())
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(CompressionLayer::new())
                .layer(timeout())
                .layer(ProblemLayer::new()),
        ),
        Order::Between => app().layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(trace())
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(CompressionLayer::new())
                .layer(ProblemLayer::new())
                .layer(timeout()),
        ),
    }
}

/// The request ids of the spans opened, and the fields of the events logged.
#[derive(Clone, Default)]
struct Seen {
    spans: Arc<Mutex<Vec<String>>>,
    events: Arc<Mutex<Vec<BTreeMap<String, String>>>>,
}

#[derive(Default)]
struct Fields(BTreeMap<String, String>);

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Seen {
    fn on_new_span(
        &self,
        attributes: &tracing::span::Attributes<'_>,
        _id: &tracing::span::Id,
        _cx: Context<'_, S>,
    ) {
        let mut fields = Fields::default();
        attributes.record(&mut fields);
        if let Some(id) = fields.0.remove("request_id") {
            self.spans.lock().unwrap().push(id);
        }
    }

    fn on_event(&self, event: &tracing::Event<'_>, _cx: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        self.events.lock().unwrap().push(fields.0);
    }
}

impl Seen {
    /// The request id the span of the last request recorded.
    fn last_span(&self) -> String {
        self.spans.lock().unwrap().last().cloned().expect("a span")
    }

    /// The error events logged with this request id.
    fn errors_of(&self, id: &str) -> Vec<BTreeMap<String, String>> {
        self.events
            .lock()
            .unwrap()
            .iter()
            .filter(|event| event.get("request_id").map(String::as_str) == Some(id))
            .cloned()
            .collect()
    }
}

/// A response as a client that accepts gzip reads it.
struct Got {
    status: StatusCode,
    /// Every `x-request-id` field.
    ids: Vec<String>,
    content_type: Option<String>,
    encoding: Option<String>,
    vary: Vec<String>,
    /// Decoded.
    body: Vec<u8>,
}

impl Got {
    fn id(&self) -> &str {
        assert_eq!(self.ids.len(), 1, "one x-request-id: {:?}", self.ids);
        &self.ids[0]
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("{e}: {:?}", String::from_utf8_lossy(&self.body));
        })
    }
}

async fn fetch(addr: SocketAddr, path: &str, id: Option<&'static str>) -> Got {
    let mut headers: Vec<(&str, &[u8])> = vec![("accept-encoding", b"gzip")];
    if let Some(id) = id {
        headers.push(("x-request-id", id.as_bytes()));
    }
    let Reply {
        status,
        headers,
        body,
    } = common::request(addr, "GET", path, &headers, "").await;
    let text = |name: &str| {
        headers
            .get_all(name)
            .iter()
            .map(|value| value.to_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let encoding = text("content-encoding").pop();
    if let Some(length) = headers.get("content-length") {
        assert_eq!(length.to_str().unwrap(), body.len().to_string(), "{path}");
    }
    let body = match encoding.as_deref() {
        None => body.to_vec(),
        Some("gzip") => {
            let mut decoded = Vec::new();
            flate2::read::GzDecoder::new(&body[..])
                .read_to_end(&mut decoded)
                .expect("a gzip body");
            decoded
        }
        Some(other) => panic!("{path}: content-encoding {other}"),
    };
    Got {
        status,
        ids: text("x-request-id"),
        content_type: text("content-type").pop(),
        encoding,
        vary: text("vary"),
        body,
    }
}

/// axum's text for `/users/abc`.
const PATH_REJECTION: &str = "Invalid URL: Cannot parse `abc` to a `u64`";

async fn check(order: Order) {
    let seen = Seen::default();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(seen.clone()));
    let server = common::serve_axum(stack(order)).await;
    let addr = server.addr;

    // A derived 404 without an id. Inside SetRequestIdLayer, the body carries the span's id;
    // outside it, the error is built before the id exists further in, so it carries its own,
    // in its header and body alike (the README says to put the layer inside).
    let got = fetch(addr, "/users/42", None).await;
    assert_eq!(got.status, 404);
    assert_eq!(
        got.content_type.as_deref(),
        Some("application/problem+json")
    );
    let id = got.id().to_owned();
    assert_eq!(
        got.json(),
        json!({"type": "about:blank", "title": "Not Found", "status": 404,
               "detail": "user 42 not found", "code": "USER_NOT_FOUND",
               "instance": "/users/42", "request_id": id})
    );
    if order == Order::Outermost {
        assert_ne!(seen.last_span(), id);
    } else {
        assert_eq!(seen.last_span(), id);
    }
    // Compressed by the compression layer, wherever it is.
    assert_eq!(got.encoding.as_deref(), Some("gzip"));

    // The client's id: the same everywhere, sent once.
    let got = fetch(addr, "/users/42", Some("client-7")).await;
    assert_eq!(got.ids, ["client-7"]);
    assert_eq!(got.json()["request_id"], "client-7");
    assert_eq!(seen.last_span(), "client-7");

    // A framework error: axum's text as detail, decoded first when compression sits inside
    // the layer; the span's id in header and body.
    let got = fetch(addr, "/users/abc", None).await;
    assert_eq!(got.status, 400);
    assert_eq!(
        got.content_type.as_deref(),
        Some("application/problem+json")
    );
    let id = got.id().to_owned();
    assert_eq!(id, seen.last_span());
    assert_eq!(
        got.json(),
        json!({"type": "about:blank", "title": "Bad Request", "status": 400,
               "detail": PATH_REJECTION, "instance": "/users/abc", "request_id": id})
    );
    if order == Order::Outermost {
        // The rewritten body is not encoded, and does not vary by Accept-Encoding.
        assert_eq!(got.encoding, None);
        assert_eq!(got.vary, ["Accept"]);
    } else {
        assert_eq!(got.encoding.as_deref(), Some("gzip"));
        assert!(got
            .vary
            .iter()
            .any(|v| v.eq_ignore_ascii_case("accept-encoding")));
    }
    let got = fetch(addr, "/users/abc", Some("client-8")).await;
    assert_eq!(got.ids, ["client-8"]);
    assert_eq!(got.json()["request_id"], "client-8");
    assert_eq!(got.json()["detail"], PATH_REJECTION);

    // A framework 5xx: its text is hidden from the client and logged with the request id.
    let got = fetch(addr, "/pairs/1", None).await;
    assert_eq!(got.status, 500);
    let id = got.id().to_owned();
    assert_eq!(id, seen.last_span());
    assert_eq!(
        got.json(),
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500,
               "instance": "/pairs/1", "request_id": id})
    );
    let logged = seen.errors_of(&id);
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0]["http.response.status_code"], "500");
    assert!(
        logged[0]["exception.message"].starts_with("Wrong number of path arguments"),
        "{logged:?}"
    );

    // The timeout: a problem when it is produced inside the layer; outside it, the empty 408
    // tower-http writes (with `ProblemBody::default()`).
    let got = fetch(addr, "/slow", None).await;
    assert_eq!(got.status, 408);
    let id = got.id().to_owned();
    assert_eq!(id, seen.last_span());
    if order == Order::Innermost {
        assert_eq!(got.content_type, None);
        assert!(got.body.is_empty());
    } else {
        assert_eq!(
            got.json(),
            json!({"type": "about:blank", "title": "Request Timeout", "status": 408,
                   "instance": "/slow", "request_id": id})
        );
    }

    // A success passes through: the id tower-http propagates, once.
    let got = fetch(addr, "/hello", None).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body, b"hello");
    assert_eq!(got.ids, [seen.last_span()]);

    server.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn problem_layer_outermost() {
    check(Order::Outermost).await;
}

#[tokio::test(flavor = "current_thread")]
async fn problem_layer_innermost() {
    check(Order::Innermost).await;
}

#[tokio::test(flavor = "current_thread")]
async fn problem_layer_between_compression_and_timeout() {
    check(Order::Between).await;
}

/// A 400 with this `Content-Encoding` and these bytes, as a compression layer further in
/// would send it.
fn encoded(coding: &'static str, bytes: Vec<u8>) -> axum::response::Response {
    axum::response::Response::builder()
        .status(400)
        .header("content-type", "text/plain; charset=utf-8")
        .header("content-encoding", coding)
        .body(Body::from(bytes))
        .unwrap()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn compressed_framework_errors_are_decoded_or_left_as_they_are() {
    let compressed = app()
        .layer(
            ServiceBuilder::new()
                .layer(ProblemLayer::new())
                .layer(CompressionLayer::new()),
        )
        .merge(
            Router::new()
                .route(
                    "/compress",
                    get(|| async { encoded("compress", b"\x1f\x9d\x90 old unix".to_vec()) }),
                )
                .route(
                    "/corrupt",
                    get(|| async { encoded("gzip", b"\x1f\x8b not gzip at all".to_vec()) }),
                )
                .route(
                    "/bomb",
                    get(|| async { encoded("gzip", gzip(&vec![b'a'; 8 * 1024 * 1024])) }),
                )
                .layer(ProblemLayer::new()),
        );
    let server = common::serve_axum(compressed).await;
    let addr = server.addr;

    // Each coding tower-http writes (zstd's decoder is tested in the crate: tower-http's
    // zstd encoder is a C build), decoded into the detail; the problem is not encoded.
    for coding in ["gzip", "deflate", "br"] {
        let reply = common::request(
            addr,
            "GET",
            "/users/abc",
            &[
                ("accept-encoding", coding.as_bytes()),
                ("x-request-id", b"enc-1"),
            ],
            "",
        )
        .await;
        assert_eq!(reply.status, 400, "{coding}");
        assert!(reply.headers.get("content-encoding").is_none(), "{coding}");
        assert_eq!(
            serde_json::from_slice::<Value>(&reply.body).unwrap(),
            json!({"type": "about:blank", "title": "Bad Request", "status": 400,
                   "detail": PATH_REJECTION, "instance": "/users/abc", "request_id": "enc-1"}),
            "{coding}"
        );
    }

    // A coding the layer does not know, or bytes that are not what their coding says: the
    // response goes out as it came, encoding and bytes.
    for (path, coding, bytes) in [
        ("/compress", "compress", &b"\x1f\x9d\x90 old unix"[..]),
        ("/corrupt", "gzip", b"\x1f\x8b not gzip at all"),
    ] {
        let reply = common::get(addr, path).await;
        assert_eq!(reply.status, 400, "{path}");
        assert_eq!(common::header(&reply, "content-encoding"), coding);
        assert_eq!(
            common::header(&reply, "content-type"),
            "text/plain; charset=utf-8"
        );
        assert_eq!(reply.body, bytes, "{path}");
        assert!(reply.headers.get("x-request-id").is_none(), "{path}");
    }

    // 8 MiB of text in 8 KiB of gzip: read up to the limit, then the problem goes out without
    // a detail.
    let reply = common::request(addr, "GET", "/bomb", &[("x-request-id", b"bomb-1")], "").await;
    assert_eq!(reply.status, 400);
    assert!(reply.headers.get("content-encoding").is_none());
    assert_eq!(
        serde_json::from_slice::<Value>(&reply.body).unwrap(),
        json!({"type": "about:blank", "title": "Bad Request", "status": 400,
               "instance": "/bomb", "request_id": "bomb-1"})
    );

    server.stop().await;
}
