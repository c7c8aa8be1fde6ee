//! `integrate!`: a type whose `HttpStatus` impl is written by hand gets the integrations the
//! derive would generate, with one line.

use http_status::bytes::Bytes;
use http_status::http::{HeaderMap, HeaderValue, Response, StatusCode};
use http_status::HttpStatus;
use std::fmt;

#[derive(Debug)]
struct Teapot;

impl fmt::Display for Teapot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("I'm a teapot")
    }
}

impl HttpStatus for Teapot {
    fn status(&self) -> StatusCode {
        StatusCode::IM_A_TEAPOT
    }
    fn headers(&self) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-brew", HeaderValue::from_static("tea"));
        headers
    }
    fn to_response(&self) -> Response<Bytes> {
        let mut response = Response::new(Bytes::from_static(b"short and stout"));
        *response.status_mut() = self.status();
        *response.headers_mut() = self.headers();
        response
    }
}

http_status::integrate!(Teapot);

/// A generic hand-written type.
struct Wrapper<T>(T);

impl<T: fmt::Display> HttpStatus for Wrapper<T> {
    fn status(&self) -> StatusCode {
        StatusCode::CONFLICT
    }
    fn headers(&self) -> HeaderMap {
        HeaderMap::new()
    }
    fn to_response(&self) -> Response<Bytes> {
        let mut response = Response::new(Bytes::from(self.0.to_string()));
        *response.status_mut() = self.status();
        response
    }
}

http_status::integrate!(impl<T: fmt::Display> for Wrapper<T>);

#[test]
fn the_hand_written_impls_are_what_the_integrations_send() {
    assert_eq!(Teapot.to_response().status(), 418);
    assert_eq!(Wrapper("taken").to_response().body(), "taken");
}

#[test]
fn axum_responses_are_to_response() {
    use axum::response::IntoResponse;
    use http_body_util::BodyExt;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let response = Teapot.into_response();
    assert_eq!(response.status(), 418);
    assert_eq!(response.headers()["x-brew"], "tea");
    let body = runtime.block_on(response.into_body().collect()).unwrap();
    assert_eq!(body.to_bytes(), "short and stout");

    let response = Wrapper("taken").into_response();
    assert_eq!(response.status(), 409);
    let body = runtime.block_on(response.into_body().collect()).unwrap();
    assert_eq!(body.to_bytes(), "taken");
}

#[test]
fn actix_error_responses_are_to_response() {
    use actix_web::ResponseError;

    assert_eq!(Teapot.status_code().as_u16(), 418);
    let response = Teapot.error_response();
    assert_eq!(response.status().as_u16(), 418);
    assert_eq!(response.headers().get("x-brew").unwrap(), "tea");
    // Wrapper is not Debug + Display: it is a Responder, not a ResponseError.
    let request = actix_web::test::TestRequest::default().to_http_request();
    let response = actix_web::Responder::respond_to(Wrapper(1), &request);
    assert_eq!(response.status().as_u16(), 409);
}

#[test]
fn utoipa_documents_what_describe_responses_says() {
    // A hand-written impl describes nothing unless it overrides `describe_responses`.
    let responses = <Teapot as utoipa::IntoResponses>::responses();
    assert!(responses.is_empty(), "{:?}", responses.keys());
}

#[test]
fn tonic_statuses_come_from_to_response() {
    let status = tonic::Status::from(&Teapot);
    assert_eq!(status.code(), tonic::Code::FailedPrecondition);
    // A body without a Content-Type is not read: the message is the reason phrase.
    assert_eq!(status.message(), "I'm a teapot");
    let status = tonic::Status::from(Wrapper("taken"));
    assert_eq!(status.code(), tonic::Code::AlreadyExists);
    assert_eq!(status.message(), "Conflict");
}
