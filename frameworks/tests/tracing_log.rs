//! The tracing integration: building a 5xx logs the full error — Display and source chain —
//! which the body does not carry; a 4xx logs nothing.

use http_status::HttpStatus;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Debug, thiserror::Error)]
#[error("connection refused by 10.0.3.7:5432")]
struct Socket;

#[derive(Debug, thiserror::Error)]
#[error("pool exhausted after 3 retries")]
struct Pool(#[source] Socket);

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("query for user {0} failed")]
    #[status(500)]
    Query(u64, #[source] Pool),
    #[error("user {0} not found")]
    #[status(404)]
    NotFound(u64),
}

/// No Error, no Display: the log names the type.
#[derive(HttpStatus)]
#[status(502)]
struct Opaque;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn logs_of(build: impl FnOnce()) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .without_time()
        .finish();
    tracing::subscriber::with_default(subscriber, build);
    let bytes = captured.0.lock().unwrap().clone();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_5xx_logs_its_text_and_source_chain_and_the_body_does_not() {
    let mut body = Vec::new();
    let logs = logs_of(|| {
        body = ApiError::Query(7, Pool(Socket))
            .to_response()
            .body()
            .to_vec();
    });
    assert_eq!(logs.lines().count(), 1, "{logs}");
    assert!(logs.contains("ERROR"), "{logs}");
    assert!(logs.contains("status=500"), "{logs}");
    assert!(logs.contains("error=query for user 7 failed"), "{logs}");
    assert!(
        logs.contains(
            "sources=pool exhausted after 3 retries: connection refused by 10.0.3.7:5432"
        ),
        "{logs}"
    );
    let body = String::from_utf8(body).unwrap();
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

#[test]
fn a_4xx_logs_nothing() {
    let logs = logs_of(|| {
        let _ = ApiError::NotFound(1).to_response();
    });
    assert_eq!(logs, "");
}

#[test]
fn a_type_without_display_is_logged_by_name() {
    let logs = logs_of(|| {
        let _ = Opaque.to_response();
    });
    assert!(logs.contains("status=502"), "{logs}");
    assert!(logs.contains("error=\"tracing_log::Opaque\""), "{logs}");
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Storage {
    #[error("replica {0} is read-only")]
    #[status(503, allow(missing_retry_after))]
    ReadOnly(&'static str, #[source] Socket),
    #[error("upstream said {0}")]
    #[status(502, expose)]
    Upstream(&'static str),
}

/// Wraps a storage error with what was being done.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("saving order {order}")]
struct Saving {
    order: u32,
    #[source]
    #[status(delegate)]
    cause: Storage,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Outer {
    #[error(transparent)]
    #[status(transparent)]
    Saving(#[from] Saving),
}

#[test]
fn a_delegated_5xx_is_logged_once_by_the_outer_value_with_the_whole_chain() {
    let logs = logs_of(|| {
        let response = Saving {
            order: 42,
            cause: Storage::ReadOnly("db-2", Socket),
        }
        .to_response();
        assert_eq!(response.status(), 503);
    });
    assert_eq!(logs.lines().count(), 1, "{logs}");
    assert!(logs.contains("error=saving order 42"), "{logs}");
    assert!(
        logs.contains("sources=replica db-2 is read-only: connection refused by 10.0.3.7:5432"),
        "{logs}"
    );
    assert!(logs.contains("the client does not see this text"), "{logs}");

    // Through a transparent variant too: the outermost value reports (its text is the
    // wrapped one's, as thiserror's transparent says).
    let logs = logs_of(|| {
        let _ = Outer::Saving(Saving {
            order: 7,
            cause: Storage::ReadOnly("db-3", Socket),
        })
        .to_response();
    });
    assert_eq!(logs.lines().count(), 1, "{logs}");
    assert!(logs.contains("error=saving order 7"), "{logs}");
}

#[test]
fn an_exposed_5xx_does_not_say_the_client_cannot_see_it() {
    let logs = logs_of(|| {
        let response = Storage::Upstream("timeout").to_response();
        assert!(std::str::from_utf8(response.body())
            .unwrap()
            .contains("upstream said timeout"));
    });
    assert!(logs.contains("error=upstream said timeout"), "{logs}");
    assert!(logs.contains("server error response"), "{logs}");
    assert!(!logs.contains("does not see"), "{logs}");
    // Exposed through a delegation, too.
    let logs = logs_of(|| {
        let _ = Saving {
            order: 1,
            cause: Storage::Upstream("503"),
        }
        .to_response();
    });
    assert!(!logs.contains("does not see"), "{logs}");
    assert!(logs.contains("error=saving order 1"), "{logs}");
}

#[derive(Debug, HttpStatus)]
enum Auth {
    #[status(401, header("WWW-Authenticate" = "{0}"))]
    Challenge(&'static str),
}

#[test]
fn a_response_degraded_to_500_is_logged_with_the_variant_and_header() {
    let logs = logs_of(|| {
        assert_eq!(Auth::Challenge("").to_response().status(), 500);
    });
    assert!(logs.contains("status=500"), "{logs}");
    assert!(logs.contains("variant=\"Auth::Challenge\""), "{logs}");
    assert!(logs.contains("header=\"WWW-Authenticate\""), "{logs}");
    assert!(
        logs.contains("the value of a required header was invalid"),
        "{logs}"
    );
}

/// Under a `ProblemLayer`, the log event of a 5xx carries the request id the client gets, so
/// the hidden text is one search away.
#[test]
fn under_a_layer_the_event_carries_the_request_id_of_the_body() {
    use axum::routing::get;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn failing() -> ApiError {
        ApiError::Query(7, Pool(Socket))
    }
    let app = axum::Router::new()
        .route("/orders", get(failing))
        .layer(http_status::ProblemLayer::new());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for incoming in [Some("req-42"), None] {
        let mut request = http_status::http::Request::get("/orders");
        if let Some(id) = incoming {
            request = request.header("x-request-id", id);
        }
        let request = request.body(axum::body::Body::empty()).unwrap();
        let mut response = None;
        let logs = logs_of(|| {
            response = Some(runtime.block_on(app.clone().oneshot(request)).unwrap());
        });
        let response = response.unwrap();
        let header = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let body = runtime
            .block_on(response.into_body().collect())
            .unwrap()
            .to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["request_id"], header.as_str());
        if let Some(id) = incoming {
            assert_eq!(header, id);
        }
        assert_eq!(logs.lines().count(), 1, "{logs}");
        assert!(logs.contains(&format!("request_id=\"{header}\"")), "{logs}");
        assert!(logs.contains("error=query for user 7 failed"), "{logs}");
    }
}
