//! Heap allocations of a request through `ProblemLayer`, counted by a global allocator: a
//! response that passes through the layer allocates nothing more than the same request
//! without it (the request's context is reference-counted clones of its parts, kept in the
//! layer's future; no box, no copy of the path).

use http_body_util::Full;
use http_status::bytes::{Bytes, BytesMut};
use http_status::http::{HeaderValue, Request, Response, StatusCode};
use http_status::{HttpStatus, ProblemLayer};
use std::convert::Infallible;
use std::future::Future;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};
use tower::{Layer, Service};

#[path = "../../tests/support/counting.rs"]
mod counting;
use counting::allocations;

#[derive(Debug, HttpStatus)]
enum ApiError {
    #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
    UserNotFound { id: u64 },
}

async fn app(request: Request<Full<Bytes>>) -> Result<Response<Full<Bytes>>, Infallible> {
    Ok(match request.uri().path() {
        "/users/42" => ApiError::UserNotFound { id: 42 }
            .to_response()
            .map(Full::new),
        _ => Response::new(Full::new(Bytes::from_static(b"hello"))),
    })
}

/// Polls a future that needs no I/O to completion.
fn ready<F: Future>(future: F) -> F::Output {
    const VTABLE: RawWakerVTable = RawWakerVTable::new(
        |_| RawWaker::new(std::ptr::null(), &VTABLE),
        |_| {},
        |_| {},
        |_| {},
    );
    // SAFETY: every function of the vtable ignores the data pointer.
    let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) };
    let mut task = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut task) {
            return output;
        }
    }
}

/// A header value as a server reads it: a slice of its read buffer, shared by reference
/// count (hyper's are).
fn shared(text: &str) -> HeaderValue {
    let mut buffer = BytesMut::from(text.as_bytes());
    let value = buffer.split().freeze();
    HeaderValue::from_maybe_shared(value).unwrap()
}

/// A request as a server hands it over: path, request id, `Accept`.
fn request(path: &'static str) -> Request<Full<Bytes>> {
    let mut request = Request::new(Full::new(Bytes::new()));
    *request.uri_mut() = http_status::http::Uri::from_static(path);
    let headers = request.headers_mut();
    headers.insert(
        "x-request-id",
        shared("0b2c4f1e-7a6d-4c1b-9e3f-2a1b3c4d5e6f"),
    );
    headers.insert("accept", shared("application/json, */*;q=0.5"));
    request
}

/// One request through `service`, from a request built beforehand: what it allocates.
fn through<S>(mut service: S, path: &'static str) -> (usize, StatusCode)
where
    S: Service<Request<Full<Bytes>>, Response = Response<http_status::ProblemBody<Full<Bytes>>>>,
{
    let request = request(path);
    let mut status = StatusCode::OK;
    let counted = allocations(|| {
        let response = ready(service.call(request)).ok().unwrap();
        status = response.status();
    });
    (counted, status)
}

fn without(path: &'static str) -> (usize, StatusCode) {
    let mut service = tower::service_fn(app);
    let request = request(path);
    let mut status = StatusCode::OK;
    let counted = allocations(|| {
        let response = ready(service.call(request)).ok().unwrap();
        status = response.status();
    });
    (counted, status)
}

#[test]
fn a_response_that_passes_through_allocates_nothing_more() {
    let layer = ProblemLayer::new();
    // Warm up what is allocated once per thread (tower's, the allocator's).
    let _ = through(layer.layer(tower::service_fn(app)), "/hello");
    let _ = without("/hello");

    let (with_layer, status) = through(layer.layer(tower::service_fn(app)), "/hello");
    assert_eq!(status, 200);
    let (bare, status) = without("/hello");
    assert_eq!(status, 200);
    assert_eq!(with_layer, bare, "allocations with the layer and without");
}

#[test]
fn a_derived_error_under_the_layer_allocates_a_bounded_few_more() {
    let layer = ProblemLayer::new();
    let _ = through(layer.layer(tower::service_fn(app)), "/users/42");
    let (with_layer, status) = through(layer.layer(tower::service_fn(app)), "/users/42");
    assert_eq!(status, 404);
    let (bare, status) = without("/users/42");
    assert_eq!(status, 404);
    // `ErrorMeta` in the extensions (the map, its table, the value); the request id is the
    // client's, so none is generated.
    assert_eq!(
        with_layer,
        bare + 3,
        "with the layer {with_layer}, without {bare}"
    );
}
