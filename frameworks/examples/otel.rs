//! OpenTelemetry spans from http-status's `ErrorMeta`, with no code beyond the span's
//! declaration and one `record` call: tower-http's `TraceLayer` declares `error.type`,
//! `http.response.status_code` and `otel.status_code`, its `on_response` hands the span to
//! `ErrorMeta::record`, and tracing-opentelemetry exports the span. Here the exporter is the
//! SDK's in-memory one and the spans are printed; in production it is an OTLP exporter.
//!
//!     cargo run -p http-status-frameworks --example otel
//!
//! `frameworks/tests/otel.rs` runs this app on a real server and checks the exported spans.

use axum::body::Body;
use axum::http::{Request, Response};
use axum::routing::get;
use axum::Router;
use http_status::{ErrorMeta, HttpStatus, ProblemLayer};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider};
use std::time::Duration;
use tower_http::trace::TraceLayer;
use tracing::field::Empty;
use tracing::Span;
use tracing_subscriber::layer::SubscriberExt;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {0} not found")]
    #[status(404, code = "ORDER_NOT_FOUND")]
    NotFound(u64),
    #[error("the ledger at {0} did not answer")]
    #[status(502, code = "LEDGER_UNAVAILABLE")]
    Ledger(&'static str),
}

async fn order(axum::extract::Path(id): axum::extract::Path<u64>) -> Result<String, OrderError> {
    match id {
        1 => Ok("order 1".to_owned()),
        502 => Err(OrderError::Ledger("10.1.2.3:7000")),
        _ => Err(OrderError::NotFound(id)),
    }
}

/// The app: `ProblemLayer` inside tower-http's `TraceLayer`.
pub fn app() -> Router {
    Router::new()
        .route("/orders/{id}", get(order))
        .layer(ProblemLayer::new())
        .layer(
            TraceLayer::new_for_http()
                // The span declares the fields that `record` fills.
                .make_span_with(|request: &Request<Body>| {
                    tracing::info_span!(
                        "request",
                        http.request.method = %request.method(),
                        url.path = request.uri().path(),
                        error.type = Empty,
                        http.response.status_code = Empty,
                        otel.status_code = Empty,
                    )
                })
                // The one call: `error.type`, the status, and `ERROR` on a 5xx.
                .on_response(|response: &Response<_>, _: Duration, span: &Span| {
                    if let Some(meta) = response.extensions().get::<ErrorMeta>() {
                        meta.record(span);
                    }
                }),
        )
}

/// A tracing subscriber that exports every span to OpenTelemetry, here to `exporter`.
pub fn subscriber(exporter: &InMemorySpanExporter) -> impl tracing::Subscriber + Send + Sync {
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let tracer = provider.tracer("http-status-example");
    tracing_subscriber::registry().with(tracing_opentelemetry::layer().with_tracer(tracer))
}

#[allow(dead_code)] // the test includes this file for `app` and `subscriber`
#[tokio::main(flavor = "current_thread")]
async fn main() {
    use tower::ServiceExt;

    let exporter = InMemorySpanExporter::default();
    let _guard = tracing::subscriber::set_default(subscriber(&exporter));
    for path in ["/orders/1", "/orders/7", "/orders/502"] {
        let request = Request::get(path).body(Body::empty()).expect("a request");
        let response = app().oneshot(request).await.expect("infallible");
        println!("GET {path} -> {}", response.status());
        // The span ends with the response's body.
        drop(response);
    }
    for span in exporter.get_finished_spans().expect("spans") {
        println!("\nspan {:?}, status {:?}", span.name, span.status);
        for attribute in &span.attributes {
            println!("  {} = {}", attribute.key, attribute.value);
        }
    }
}
