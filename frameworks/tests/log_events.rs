//! The `tracing` integration, field by field: building a response emits one event at its level
//! (`level = …`, else `error` for a 5xx, `debug` for a 4xx, nothing for a 2xx/3xx) with
//! OpenTelemetry's field names and no empty field; the text a 5xx hides from the client is
//! always logged, whoever built the response (a derived value, a delegating one, a degraded
//! one, the framework under a `ProblemLayer`).

#[path = "common/events.rs"]
mod events;

use events::{events_of, expect, one_event, texts};
use http_status::HttpStatus;
use std::fmt;
use tracing::Level;

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
    #[error("database unreachable")]
    #[status(500, code = "DATABASE")]
    Database(#[source] Socket),
    #[error("user {0} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    NotFound(u64),
    #[error("no page at {0}")]
    #[status(404, level = "warn")]
    NoPage(String),
    #[error("field {0} is invalid")]
    #[status(422, code = "INVALID_{0}")]
    Invalid(&'static str),
    #[error("gone")]
    #[status(410)]
    Gone,
    #[error("draining: {0}")]
    #[status(503, level = "off", allow(missing_retry_after))]
    Draining(&'static str),
    #[error("teapot said {0}")]
    #[status(502, expose)]
    Upstream(&'static str),
    #[error("")]
    #[status(400)]
    Silent,
}

/// The fields every event has; the test adds what its case has besides.
fn base(
    error_type: &str,
    status: u16,
    message: &str,
    ty: &str,
) -> std::collections::BTreeMap<&'static str, String> {
    let mut fields = expect([
        ("error.type", error_type),
        ("exception.message", message),
        ("exception.type", ty),
    ]);
    fields.insert("http.response.status_code", status.to_string());
    fields
}

#[test]
fn a_5xx_is_an_error_event_with_its_text_and_chain_which_the_body_hides() {
    let (response, event) = one_event(|| ApiError::Query(7, Pool(Socket)).to_response());
    assert_eq!(event.level, Level::ERROR);
    let mut fields = base(
        "ApiError::Query",
        500,
        "query for user 7 failed",
        "log_events::ApiError",
    );
    fields.insert(
        "error.sources",
        "pool exhausted after 3 retries: connection refused by 10.0.3.7:5432".into(),
    );
    assert_eq!(texts(&event), fields);
    assert_eq!(
        event.message,
        "server error response; the client does not see this text"
    );
    // Typed as OpenTelemetry expects: the status an integer, the names strings.
    assert_eq!(
        event.fields["http.response.status_code"],
        events::Value::Int(500)
    );
    assert_eq!(
        event.fields["error.type"],
        events::Value::Str("ApiError::Query".into())
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

#[test]
fn a_literal_code_is_the_error_type_and_a_one_link_chain_is_logged() {
    let (_, event) = one_event(|| ApiError::Database(Socket).to_response());
    assert_eq!(event.level, Level::ERROR);
    let mut fields = base(
        "DATABASE",
        500,
        "database unreachable",
        "log_events::ApiError",
    );
    fields.insert(
        "error.sources",
        "connection refused by 10.0.3.7:5432".into(),
    );
    assert_eq!(texts(&event), fields);
}

#[test]
fn a_4xx_is_a_debug_event_without_sources_when_there_is_no_chain() {
    let (_, event) = one_event(|| ApiError::NotFound(3).to_response());
    assert_eq!(event.level, Level::DEBUG);
    assert_eq!(
        texts(&event),
        base(
            "USER_NOT_FOUND",
            404,
            "user 3 not found",
            "log_events::ApiError"
        )
    );
    assert_eq!(event.message, "client error response");

    let (_, event) = one_event(|| ApiError::Gone.to_response());
    assert_eq!(event.level, Level::DEBUG);
    assert_eq!(
        texts(&event),
        base("ApiError::Gone", 410, "gone", "log_events::ApiError")
    );
}

#[test]
fn level_overrides_the_default_and_off_emits_nothing() {
    let (_, event) = one_event(|| ApiError::NoPage("/a".into()).to_response());
    assert_eq!(event.level, Level::WARN);
    assert_eq!(
        texts(&event),
        base(
            "ApiError::NoPage",
            404,
            "no page at /a",
            "log_events::ApiError"
        )
    );

    let (response, events) = events_of(|| ApiError::Draining("db-1").to_response());
    assert_eq!(response.status(), 503);
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn an_interpolated_code_is_not_the_error_type_the_variant_is() {
    // `error.type` must have bounded cardinality: a templated code could take any value.
    let (response, event) = one_event(|| ApiError::Invalid("email").to_response());
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["code"], "INVALID_email");
    assert_eq!(event.get("error.type"), "ApiError::Invalid");
}

#[test]
fn an_exposed_5xx_logs_the_same_fields_and_says_the_client_sees_it() {
    let (response, event) = one_event(|| ApiError::Upstream("no").to_response());
    assert!(std::str::from_utf8(response.body())
        .unwrap()
        .contains("teapot said no"));
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(
        texts(&event),
        base(
            "ApiError::Upstream",
            502,
            "teapot said no",
            "log_events::ApiError"
        )
    );
    assert_eq!(event.message, "server error response");
}

#[test]
fn no_field_is_empty() {
    // An empty `Display` text is left out rather than sent as "".
    let (_, event) = one_event(|| ApiError::Silent.to_response());
    assert_eq!(event.level, Level::DEBUG);
    let mut fields = base("ApiError::Silent", 400, "", "log_events::ApiError");
    fields.remove("exception.message");
    assert_eq!(texts(&event), fields);
    for (name, value) in texts(&event) {
        assert!(!value.is_empty(), "{name} is empty");
    }
}

/// Responses that are not errors: not logged unless they say so.
#[derive(Debug, HttpStatus)]
enum Outcome {
    #[status(201, message = "created {0}", allow(missing_location))]
    Created(u64),
    #[status(303, header("Location" = "/orders/{0}"))]
    SeeOther(u64),
    #[status(202, level = "info")]
    Accepted,
}

#[test]
fn a_2xx_or_3xx_emits_nothing_unless_it_has_a_level() {
    let (_, events) = events_of(|| {
        let _ = Outcome::Created(1).to_response();
        let _ = Outcome::SeeOther(1).to_response();
    });
    assert!(events.is_empty(), "{events:#?}");

    // No `Display`: its `Debug` is the message.
    let (_, event) = one_event(|| Outcome::Accepted.to_response());
    assert_eq!(event.level, Level::INFO);
    assert_eq!(
        texts(&event),
        base("Outcome::Accepted", 202, "Accepted", "log_events::Outcome")
    );
    assert_eq!(event.message, "response");
}

/// `Debug` only.
#[derive(Debug, HttpStatus)]
#[status(409)]
struct Conflict {
    #[allow(dead_code)] // read through `Debug` only
    version: u32,
}

/// `Display` without `Error`.
#[derive(Debug, HttpStatus)]
#[status(500)]
struct Displayed;

impl fmt::Display for Displayed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("displayed, no chain")
    }
}

/// Neither `Display` nor `Debug`.
#[derive(HttpStatus)]
#[status(502)]
struct Opaque;

#[test]
fn the_message_is_display_else_debug_else_the_type_name() {
    let (_, event) = one_event(|| Conflict { version: 3 }.to_response());
    assert_eq!(
        texts(&event),
        base(
            "Conflict",
            409,
            "Conflict { version: 3 }",
            "log_events::Conflict"
        )
    );

    let (_, event) = one_event(|| Displayed.to_response());
    assert_eq!(
        texts(&event),
        base(
            "Displayed",
            500,
            "displayed, no chain",
            "log_events::Displayed"
        )
    );

    let (_, event) = one_event(|| Opaque.to_response());
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(
        texts(&event),
        base("Opaque", 502, "log_events::Opaque", "log_events::Opaque")
    );
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Storage {
    #[error("replica {0} is read-only")]
    #[status(503, code = "READ_ONLY", allow(missing_retry_after))]
    ReadOnly(&'static str, #[source] Socket),
    #[error("order {0} is locked")]
    #[status(423, level = "info")]
    Locked(u32),
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
fn a_delegated_response_is_logged_once_by_the_outer_value_with_the_whole_chain() {
    let (response, event) = one_event(|| {
        Saving {
            order: 42,
            cause: Storage::ReadOnly("db-2", Socket),
        }
        .to_response()
    });
    assert_eq!(response.status(), 503);
    assert_eq!(event.level, Level::ERROR);
    let mut fields = base("READ_ONLY", 503, "saving order 42", "log_events::Saving");
    fields.insert(
        "error.sources",
        "replica db-2 is read-only: connection refused by 10.0.3.7:5432".into(),
    );
    assert_eq!(texts(&event), fields);
    assert_eq!(
        event.message,
        "server error response; the client does not see this text"
    );

    // At the inner response's level.
    let (_, event) = one_event(|| {
        Saving {
            order: 5,
            cause: Storage::Locked(5),
        }
        .to_response()
    });
    assert_eq!(event.level, Level::INFO);
    let mut fields = base(
        "Storage::Locked",
        423,
        "saving order 5",
        "log_events::Saving",
    );
    fields.insert("error.sources", "order 5 is locked".into());
    assert_eq!(texts(&event), fields);
}

#[test]
fn a_transparent_response_through_a_delegation_is_logged_once_by_the_outermost_value() {
    let (_, event) = one_event(|| {
        Outer::Saving(Saving {
            order: 7,
            cause: Storage::ReadOnly("db-3", Socket),
        })
        .to_response()
    });
    // thiserror's `transparent`: the text and the chain are the wrapped value's.
    let mut fields = base("READ_ONLY", 503, "saving order 7", "log_events::Outer");
    fields.insert(
        "error.sources",
        "replica db-3 is read-only: connection refused by 10.0.3.7:5432".into(),
    );
    assert_eq!(texts(&event), fields);
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Auth {
    #[error("token for {0} rejected")]
    #[status(401, header("WWW-Authenticate" = "{0}"))]
    Challenge(&'static str),
}

#[test]
fn a_response_degraded_to_500_is_logged_with_its_text_and_the_header_at_fault() {
    let (response, event) = one_event(|| Auth::Challenge("").to_response());
    assert_eq!(response.status(), 500);
    assert_eq!(event.level, Level::ERROR);
    let mut fields = base(
        "Auth::Challenge",
        500,
        "token for  rejected",
        "log_events::Auth",
    );
    fields.insert("header", "WWW-Authenticate".into());
    assert_eq!(texts(&event), fields);
    assert_eq!(
        event.message,
        "the value of a required header was invalid, so a 500 was sent instead"
    );
}

#[test]
fn a_degraded_response_inside_a_delegation_is_logged_once() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("signing in")]
    struct SigningIn {
        #[source]
        #[status(delegate)]
        auth: Auth,
    }
    let (response, event) = one_event(|| {
        SigningIn {
            auth: Auth::Challenge(""),
        }
        .to_response()
    });
    assert_eq!(response.status(), 500);
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.get("exception.message"), "signing in");
    assert_eq!(event.get("error.sources"), "token for  rejected");
    assert_eq!(event.get("http.response.status_code"), "500");
}

#[test]
fn asking_for_error_meta_logs_nothing() {
    let (meta, events) = events_of(|| {
        http_status::ErrorMeta::of(&Saving {
            order: 1,
            cause: Storage::ReadOnly("db-1", Socket),
        })
    });
    assert!(events.is_empty(), "{events:#?}");
    assert_eq!(meta.internal_message(), Some("saving order 1"));
    let (meta, events) = events_of(|| http_status::ErrorMeta::of(&Auth::Challenge("")));
    assert!(events.is_empty(), "{events:#?}");
    assert_eq!(meta.status(), 500);
    assert_eq!(meta.error_type(), "Auth::Challenge");
    assert_eq!(meta.internal_message(), Some("token for  rejected"));
}

mod layer {
    use super::events::{events_of, Captured};
    use super::{ApiError, Pool, Socket};
    use axum::routing::get;
    use http_body_util::BodyExt;
    use http_status::ProblemLayer;
    use tower::ServiceExt;
    use tracing::Level;

    async fn failing() -> ApiError {
        ApiError::Query(7, Pool(Socket))
    }

    async fn missing() -> ApiError {
        ApiError::NotFound(9)
    }

    // Two parameters from a one-parameter route: axum answers 500 with a text that names
    // the mismatch, which the client does not see.
    async fn two(axum::extract::Path((a, b)): axum::extract::Path<(u64, u64)>) -> String {
        format!("{a} {b}")
    }

    async fn one(axum::extract::Path(id): axum::extract::Path<u64>) -> String {
        id.to_string()
    }

    fn app() -> axum::Router {
        axum::Router::new()
            .route("/orders", get(failing))
            .route("/users", get(missing))
            .route("/items/{id}", get(two))
            .route("/one/{id}", get(one))
            .layer(ProblemLayer::new())
    }

    /// One request through the app on this thread: the response's request id header, its
    /// parsed body, and the events emitted meanwhile.
    fn request(path: &str, id: Option<&str>) -> (String, serde_json::Value, Vec<Captured>) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut request = http_status::http::Request::get(path);
        if let Some(id) = id {
            request = request.header("x-request-id", id);
        }
        let request = request.body(axum::body::Body::empty()).unwrap();
        let (response, events) = events_of(|| runtime.block_on(app().oneshot(request)).unwrap());
        let header = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let body = runtime
            .block_on(response.into_body().collect())
            .unwrap()
            .to_bytes();
        (header, serde_json::from_slice(&body).unwrap(), events)
    }

    #[test]
    fn the_event_of_a_derived_response_carries_the_request_id_of_the_body() {
        for id in [Some("req-42"), None] {
            let (header, body, events) = request("/orders", id);
            assert_eq!(body["request_id"], header.as_str());
            if let Some(id) = id {
                assert_eq!(header, id);
            }
            assert_eq!(events.len(), 1, "{events:#?}");
            let event = &events[0];
            assert_eq!(event.level, Level::ERROR);
            assert_eq!(event.get("request_id"), header);
            assert_eq!(event.get("exception.message"), "query for user 7 failed");
            assert_eq!(
                event.names(),
                [
                    "error.sources",
                    "error.type",
                    "exception.message",
                    "exception.type",
                    "http.response.status_code",
                    "request_id"
                ]
            );
        }
        // A 4xx too.
        let (header, body, events) = request("/users", Some("req-7"));
        assert_eq!(body["request_id"], "req-7");
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].level, Level::DEBUG);
        assert_eq!(events[0].get("request_id"), header);
        assert_eq!(events[0].get("error.type"), "USER_NOT_FOUND");
    }

    #[test]
    fn the_hidden_text_of_a_framework_5xx_is_logged_with_the_request_id() {
        let (header, body, events) = request("/items/3", Some("req-500"));
        assert_eq!(header, "req-500");
        assert_eq!(body["status"], 500);
        assert_eq!(body["request_id"], "req-500");
        assert!(body.get("detail").is_none(), "{body}");
        assert_eq!(events.len(), 1, "{events:#?}");
        let event = &events[0];
        assert_eq!(event.level, Level::ERROR);
        assert_eq!(
            event.names(),
            [
                "error.type",
                "exception.message",
                "http.response.status_code",
                "request_id"
            ]
        );
        assert_eq!(event.get("error.type"), "500");
        assert_eq!(event.get("http.response.status_code"), "500");
        assert_eq!(event.get("request_id"), "req-500");
        let text = event.get("exception.message");
        assert!(
            text.contains("Wrong number of path arguments") && text.contains("Expected 2"),
            "{text}"
        );
        assert_eq!(
            event.message,
            "framework error response; the client does not see this text"
        );
    }

    #[test]
    fn a_framework_4xx_is_not_logged_its_text_is_in_the_body() {
        let (_, body, events) = request("/one/x", Some("req-400"));
        assert_eq!(body["status"], 400);
        assert!(body["detail"].as_str().unwrap().contains("Cannot parse"));
        assert!(events.is_empty(), "{events:#?}");
    }
}
