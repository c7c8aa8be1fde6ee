//! The OpenTelemetry proof: the app of `examples/otel.rs` (tower-http's `TraceLayer` whose span
//! declares the fields, one `ErrorMeta::record` call in `on_response`) on a real server, its
//! spans exported by tracing-opentelemetry to the SDK's in-memory exporter: `error.type` is the
//! code, `http.response.status_code` the status, the span's status `Error` on a 5xx and `Unset`
//! on a 4xx (OpenTelemetry's HTTP server conventions).

mod common;

#[path = "../examples/otel.rs"]
mod example;

use opentelemetry::trace::Status;
use opentelemetry::{KeyValue, Value};
use opentelemetry_sdk::trace::{InMemorySpanExporter, SpanData};
use std::time::Duration;

fn attribute<'a>(span: &'a SpanData, key: &str) -> Option<&'a Value> {
    span.attributes
        .iter()
        .find(|KeyValue { key: k, .. }| k.as_str() == key)
        .map(|attribute| &attribute.value)
}

/// The span of the one request to `path`, once it has ended (with the response's body, which
/// the server drops just after the client has read it).
async fn span_of(
    addr: std::net::SocketAddr,
    exporter: &InMemorySpanExporter,
    path: &str,
) -> SpanData {
    exporter.reset();
    let reply = common::get(addr, path).await;
    assert!(!reply.body.is_empty());
    for _ in 0..500 {
        let mut spans = exporter.get_finished_spans().unwrap();
        if let Some(span) = spans.pop() {
            assert!(spans.is_empty(), "one span per request: {spans:?}");
            assert_eq!(span.name, "request");
            assert_eq!(
                attribute(&span, "url.path"),
                Some(&Value::from(path.to_owned()))
            );
            return span;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("no span exported for {path}");
}

async fn check(exporter: &InMemorySpanExporter) {
    let server = common::serve_axum(example::app()).await;
    let addr = server.addr;

    // A 5xx: the code, the status, and the span's status Error.
    let span = span_of(addr, exporter, "/orders/502").await;
    assert_eq!(
        attribute(&span, "error.type"),
        Some(&Value::from("LEDGER_UNAVAILABLE"))
    );
    assert_eq!(
        attribute(&span, "http.response.status_code"),
        Some(&Value::I64(502))
    );
    assert!(
        matches!(span.status, Status::Error { .. }),
        "{:?}",
        span.status
    );
    // `otel.status_code` sets the status; it is no attribute.
    assert_eq!(attribute(&span, "otel.status_code"), None);

    // A 4xx: the code and the status, the span's status left Unset.
    let span = span_of(addr, exporter, "/orders/7").await;
    assert_eq!(
        attribute(&span, "error.type"),
        Some(&Value::from("ORDER_NOT_FOUND"))
    );
    assert_eq!(
        attribute(&span, "http.response.status_code"),
        Some(&Value::I64(404))
    );
    assert_eq!(span.status, Status::Unset);

    // A success carries no ErrorMeta: nothing recorded, no empty attribute.
    let span = span_of(addr, exporter, "/orders/1").await;
    assert_eq!(attribute(&span, "error.type"), None);
    assert_eq!(attribute(&span, "http.response.status_code"), None);
    assert_eq!(span.status, Status::Unset);

    server.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_exported_span_has_the_code_and_the_status_otel_expects() {
    let exporter = InMemorySpanExporter::default();
    let _guard = tracing::subscriber::set_default(example::subscriber(&exporter));
    check(&exporter).await;
}

/// Without the error events (TraceLayer's failure event, http-status's 5xx event) setting
/// the span's status, `record` alone still makes a 5xx's span an Error.
#[tokio::test(flavor = "current_thread")]
async fn record_alone_sets_the_error_status() {
    use opentelemetry::trace::TracerProvider as _;
    use tracing_subscriber::layer::SubscriberExt;

    let exporter = InMemorySpanExporter::default();
    let provider = opentelemetry_sdk::trace::SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let layer = tracing_opentelemetry::layer()
        .with_tracer(provider.tracer("test"))
        .with_error_events_to_status(false);
    let _guard = tracing::subscriber::set_default(tracing_subscriber::registry().with(layer));
    check(&exporter).await;
}
