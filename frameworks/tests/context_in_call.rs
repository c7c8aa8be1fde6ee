//! A service that builds its error response in `call` itself (a `ready` future, as hand-written
//! tower services often do) gets the request context too: `ProblemLayer` lends it for the
//! call as well as for every poll.

use http_body_util::{BodyExt, Full};
use http_status::bytes::Bytes;
use http_status::http::{Request, Response};
use http_status::{HttpStatus, ProblemLayer};
use std::convert::Infallible;
use tower::{Layer, ServiceExt};

#[derive(Debug, HttpStatus)]
enum ApiError {
    #[status(404, message = "user {id} not found", code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },
}

#[tokio::test(flavor = "current_thread")]
async fn a_response_built_in_call_carries_the_request_context() {
    // `service_fn` runs the closure in `call`; `ready` holds what it computed there.
    let service = ProblemLayer::new().layer(tower::service_fn(|_: Request<()>| {
        std::future::ready(Ok::<Response<Full<Bytes>>, Infallible>(
            ApiError::UserNotFound { id: 7 }
                .to_response()
                .map(Full::new),
        ))
    }));
    let request = Request::builder()
        .uri("/users/7?expand=all")
        .header("x-request-id", "req-in-call")
        .body(())
        .expect("a request");
    let response = service.oneshot(request).await.expect("infallible");
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.headers()["x-request-id"], "req-in-call");
    let body = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 7 not found","code":"USER_NOT_FOUND","instance":"/users/7","request_id":"req-in-call"}"#
    );
}
