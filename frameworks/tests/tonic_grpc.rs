//! `tonic`: one derived error type answers gRPC too. A real tonic server and client on
//! 127.0.0.1 (a text codec instead of protobuf, so no .proto is needed): the client receives
//! the mapped code, the message HTTP clients see, the `code` as metadata, and the `google.rpc`
//! details, read with tonic-types' getters and decoded from `grpc-status-details-bin` with the
//! Google protos; a 500's text stays hidden; `Decode::from_grpc` gives the value back; and the
//! same value over a real axum server sends the members `ErrorInfo.metadata` carries.

mod common;

use common::{error_for, SECRET};
use http_status::bytes::{Buf, BufMut};
use http_status::{Decode, HttpStatus, Violation};
use prost::Message as _;
use std::convert::Infallible;
use std::future::{ready, Ready};
use std::task::{Context, Poll};
use std::time::Duration;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::{Code, Status};
use tonic_types::StatusExt as _;

/// UTF-8 text as the message type.
#[derive(Clone, Copy, Default)]
struct TextCodec;

impl Codec for TextCodec {
    type Encode = String;
    type Decode = String;
    type Encoder = TextCodec;
    type Decoder = TextCodec;
    fn encoder(&mut self) -> TextCodec {
        TextCodec
    }
    fn decoder(&mut self) -> TextCodec {
        TextCodec
    }
}

impl Encoder for TextCodec {
    type Item = String;
    type Error = Status;
    fn encode(&mut self, item: String, buf: &mut EncodeBuf<'_>) -> Result<(), Status> {
        buf.put_slice(item.as_bytes());
        Ok(())
    }
}

impl Decoder for TextCodec {
    type Item = String;
    type Error = Status;
    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<String>, Status> {
        let bytes = buf.copy_to_bytes(buf.remaining());
        String::from_utf8(bytes.to_vec())
            .map(Some)
            .map_err(|e| Status::invalid_argument(e.to_string()))
    }
}

/// The errors of a users service that speaks gRPC and HTTP, with every `google.rpc` detail.
#[derive(Debug, Clone, PartialEq, thiserror::Error, HttpStatus)]
#[status(decode, domain = "users.example.com")]
enum UserError {
    #[error("user {user_id} not found")]
    #[status(
        404,
        code = "USER_NOT_FOUND",
        message = "user {user_id} not found",
        type = "https://api.example.com/problems/user-not-found"
    )]
    UserNotFound {
        #[status(extension)]
        user_id: u64,
        #[status(extension)]
        tags: Vec<String>,
    },

    #[error("slow down")]
    #[status(429, code = "RATE_LIMITED", header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u64 },

    #[error("invalid user")]
    #[status(422, code = "INVALID_USER")]
    Invalid {
        #[status(errors)]
        errors: Vec<Violation>,
    },

    #[error("database password {0} rejected")]
    #[status(500, code = "DATABASE")]
    Database(String),
}

/// The error each id stands for, on both servers.
fn user_error(id: u64) -> UserError {
    match id {
        429 => UserError::RateLimited { retry_after: 30 },
        422 => UserError::Invalid {
            errors: vec![
                Violation::pointer("/items/0/name", "must not be empty").with_code("length"),
                Violation::parameter("page", "must be positive"),
            ],
        },
        500 => UserError::Database(SECRET.to_owned()),
        _ => UserError::UserNotFound {
            user_id: id,
            tags: vec!["vip".to_owned(), "say \"hi\"".to_owned()],
        },
    }
}

/// `GetUser(id) -> name`: every id is an error of the API.
struct GetUser;

/// `Details(id) -> name`: every id is a `UserError`.
struct GetDetails;

impl tonic::server::UnaryService<String> for GetDetails {
    type Response = String;
    type Future = Ready<Result<tonic::Response<String>, Status>>;
    fn call(&mut self, request: tonic::Request<String>) -> Self::Future {
        let id = request.into_inner().parse().unwrap_or(0);
        ready(Err(Status::from(user_error(id))))
    }
}

impl tonic::server::UnaryService<String> for GetUser {
    type Response = String;
    type Future = Ready<Result<tonic::Response<String>, Status>>;
    fn call(&mut self, request: tonic::Request<String>) -> Self::Future {
        let id = request.into_inner().parse().unwrap_or(0);
        // `?` works too: `Err(error_for(id))?` converts through `From<ApiError>`.
        ready(Err(Status::from(error_for(id))))
    }
}

#[derive(Clone)]
struct Users;

impl tonic::server::NamedService for Users {
    const NAME: &'static str = "test.Users";
}

impl tower::Service<http_status::http::Request<tonic::body::Body>> for Users {
    type Response = http_status::http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Self::Response, Infallible>> + Send>,
    >;
    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }
    fn call(&mut self, request: http_status::http::Request<tonic::body::Body>) -> Self::Future {
        Box::pin(async move {
            let mut grpc = tonic::server::Grpc::new(TextCodec);
            if request.uri().path().ends_with("/Details") {
                return Ok(grpc.unary(GetDetails, request).await);
            }
            Ok(grpc.unary(GetUser, request).await)
        })
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_tonic_client_gets_the_mapped_status() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(
        tonic::transport::Server::builder()
            // Request ids for gRPC too: `RequestInfo` carries the one the client sent.
            .layer(http_status::ProblemLayer::new())
            .add_service(Users)
            .serve_with_incoming_shutdown(
                tokio_stream::wrappers::TcpListenerStream::new(listener),
                async {
                    let _ = stopped.await;
                },
            ),
    );

    let exchange = async {
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
            .unwrap()
            .connect()
            .await
            .expect("connect");
        let mut client = tonic::client::Grpc::new(channel);
        let call = |id: &str| {
            let request = tonic::Request::new(id.to_owned());
            let path = http_status::http::uri::PathAndQuery::from_static("/test.Users/Get");
            let mut client = client.clone();
            async move {
                client.ready().await.expect("ready");
                client
                    .unary::<String, String, _>(request, path, TextCodec)
                    .await
                    .expect_err("every id is an error")
            }
        };

        let details = |id: &str| {
            let mut request = tonic::Request::new(id.to_owned());
            request
                .metadata_mut()
                .insert("x-request-id", "req-42".parse().unwrap());
            let path = http_status::http::uri::PathAndQuery::from_static("/test.Users/Details");
            let mut client = client.clone();
            async move {
                client.ready().await.expect("ready");
                client
                    .unary::<String, String, _>(request, path, TextCodec)
                    .await
                    .expect_err("every id is an error")
            }
        };
        for id in [42, 429, 422, 500] {
            check_details(id, &details(&id.to_string()).await);
        }

        let status = call("42").await;
        assert_eq!(status.code(), Code::NotFound);
        assert_eq!(status.message(), "user 42 not found");
        assert_eq!(
            status.metadata().get("error-code").unwrap(),
            "USER_NOT_FOUND"
        );

        let status = call("401").await;
        assert_eq!(status.code(), Code::Unauthenticated);
        assert_eq!(status.message(), "authentication required");
        assert!(status.metadata().get("error-code").is_none());

        let status = call("429").await;
        assert_eq!(status.code(), Code::ResourceExhausted);
        assert_eq!(status.metadata().get("error-code").unwrap(), "RATE_LIMITED");

        // The 500's text stays on the server: the client gets the title.
        let status = call("500").await;
        assert_eq!(status.code(), Code::Internal);
        assert_eq!(status.message(), "Internal Server Error");
        assert!(!format!("{status:?}").contains(SECRET));
        client.ready().await.expect("still ready");
    };
    tokio::time::timeout(Duration::from_secs(20), exchange)
        .await
        .expect("the exchange ends within 20 s");

    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server stops")
        .unwrap()
        .unwrap();
}

#[test]
fn from_a_reference_and_from_a_value_agree() {
    let error = error_for(429);
    let by_reference = Status::from(&error);
    let by_value = Status::from(error);
    assert_eq!(by_reference.code(), by_value.code());
    assert_eq!(by_reference.message(), by_value.message());
    assert_eq!(by_reference.message(), "slow down");
}

/// What a gRPC client of `Details` gets for `id`: the code, the message, each detail (through
/// tonic-types' getters and through the Google protos), and the value back.
fn check_details(id: u64, status: &Status) {
    let sent = user_error(id);
    let info = status.get_details_error_info().expect("an ErrorInfo");
    assert_eq!(info.domain, "users.example.com");
    let request_info = status.get_details_request_info().expect("a RequestInfo");
    assert_eq!(request_info.request_id, "req-42");
    let metadata: std::collections::BTreeMap<_, _> = info.metadata.clone().into_iter().collect();
    let pairs = |list: &[(&str, &str)]| -> std::collections::BTreeMap<String, String> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    match id {
        429 => {
            assert_eq!(status.code(), Code::ResourceExhausted);
            assert_eq!(status.message(), "slow down");
            assert_eq!(info.reason, "RATE_LIMITED");
            assert_eq!(metadata, pairs(&[("retry_after", "30")]));
            let retry = status.get_details_retry_info().expect("a RetryInfo");
            assert_eq!(retry.retry_delay, Some(Duration::from_secs(30)));
            assert!(status.get_details_bad_request().is_none());
            assert!(status.get_details_help().is_none());
        }
        422 => {
            assert_eq!(status.code(), Code::InvalidArgument);
            assert_eq!(status.message(), "invalid user");
            assert_eq!(info.reason, "INVALID_USER");
            assert!(metadata.is_empty());
            let bad = status.get_details_bad_request().expect("a BadRequest");
            let fields: Vec<(&str, &str, &str)> = bad
                .field_violations
                .iter()
                .map(|v| (v.field.as_str(), v.description.as_str(), v.reason.as_str()))
                .collect();
            assert_eq!(
                fields,
                [
                    ("items[0].name", "must not be empty", "length"),
                    ("page", "must be positive", "")
                ]
            );
        }
        500 => {
            // The text stays on the server; the code does not.
            assert_eq!(status.code(), Code::Internal);
            assert_eq!(status.message(), "Internal Server Error");
            assert_eq!(info.reason, "DATABASE");
            assert!(metadata.is_empty());
            assert!(!format!("{status:?}").contains(SECRET));
            assert!(!String::from_utf8_lossy(status.details()).contains(SECRET));
        }
        _ => {
            assert_eq!(status.code(), Code::NotFound);
            assert_eq!(status.message(), format!("user {id} not found"));
            assert_eq!(info.reason, "USER_NOT_FOUND");
            assert_eq!(
                metadata,
                pairs(&[
                    ("user_id", &id.to_string()),
                    ("tags", r#"["vip","say \"hi\""]"#)
                ])
            );
            let help = status.get_details_help().expect("a Help");
            assert_eq!(help.links.len(), 1);
            assert_eq!(
                help.links[0].url,
                "https://api.example.com/problems/user-not-found"
            );
            assert_eq!(help.links[0].description, "Not Found");
            assert!(status.get_details_retry_info().is_none());
        }
    }
    assert_eq!(
        status.metadata().get("error-code").unwrap(),
        info.reason.as_str()
    );

    // `grpc-status-details-bin` is a google.rpc.Status: the same code and message, and each
    // detail once, in AIP-193's order.
    let decoded = tonic_types::pb::Status::decode(status.details()).expect("google.rpc.Status");
    assert_eq!(decoded.code, status.code() as i32);
    assert_eq!(decoded.message, status.message());
    let types: Vec<&str> = decoded
        .details
        .iter()
        .map(|any| any.type_url.rsplit('.').next().unwrap())
        .collect();
    let expected: &[&str] = match id {
        429 => &["ErrorInfo", "RetryInfo", "RequestInfo"],
        422 => &["ErrorInfo", "BadRequest", "RequestInfo"],
        500 => &["ErrorInfo", "RequestInfo"],
        _ => &["ErrorInfo", "Help", "RequestInfo"],
    };
    assert_eq!(types, expected);
    let info_any = &decoded.details[0];
    let info_pb = tonic_types::pb::ErrorInfo::decode(info_any.value.as_slice()).unwrap();
    assert_eq!(info_pb.reason, info.reason);

    // And the client gets the value back (a hidden field as its default; the parameter
    // violation as the field gRPC names).
    let expected = match sent {
        UserError::Database(_) => UserError::Database(String::new()),
        UserError::Invalid { .. } => UserError::Invalid {
            errors: vec![
                Violation::pointer("/items/0/name", "must not be empty").with_code("length"),
                Violation::pointer("/page", "must be positive"),
            ],
        },
        other => other,
    };
    assert_eq!(UserError::from_grpc(status), Ok(expected));
}

/// The same values over a real axum server: the problem's members are exactly
/// `ErrorInfo.metadata` (strings as they are, other values as compact JSON), and the body
/// decodes to the value.
#[tokio::test(flavor = "current_thread")]
async fn axum_sends_the_members_grpc_carries_as_metadata() {
    use axum::extract::Path;
    async fn handler(Path(id): Path<u64>) -> Result<String, UserError> {
        Err(user_error(id))
    }
    let app = axum::Router::new().route("/users/{id}", axum::routing::get(handler));
    let server = common::serve_axum(app).await;
    for id in [42, 429, 422, 500] {
        let reply = common::get(server.addr, &format!("/users/{id}")).await;
        let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
        let standard = [
            "type", "title", "status", "detail", "instance", "code", "errors",
        ];
        let members: std::collections::BTreeMap<String, String> = body
            .as_object()
            .unwrap()
            .iter()
            .filter(|(name, _)| !standard.contains(&name.as_str()))
            .map(|(name, value)| {
                let text = match value {
                    serde_json::Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                (name.clone(), text)
            })
            .collect();
        let status = Status::from(user_error(id));
        let info = status.get_details_error_info().unwrap();
        let metadata: std::collections::BTreeMap<String, String> =
            info.metadata.into_iter().collect();
        // Interpolated fields that are not members travel in the metadata only.
        let fields_only: Vec<&String> = metadata
            .keys()
            .filter(|k| !members.contains_key(*k))
            .collect();
        match id {
            429 => assert_eq!(fields_only, ["retry_after"]),
            _ => assert!(fields_only.is_empty(), "{fields_only:?}"),
        }
        for (name, value) in &members {
            assert_eq!(metadata.get(name), Some(value), "{name}");
        }
        if id == 42 {
            assert_eq!(members.len(), 2);
        }
        let response = {
            let mut builder = http_status::http::Response::builder().status(reply.status);
            for (name, value) in &reply.headers {
                builder = builder.header(name, value);
            }
            builder.body(reply.body.clone()).unwrap()
        };
        let back = UserError::from_response(&response).unwrap();
        match user_error(id) {
            UserError::Database(_) => assert_eq!(back, UserError::Database(String::new())),
            sent => assert_eq!(back, sent),
        }
    }
    server.stop().await;
}

/// A member the type names `errors` itself (not a `#[status(errors)]` list) is a member on
/// gRPC too.
#[test]
fn a_member_named_errors_is_metadata() {
    #[derive(Debug, PartialEq, HttpStatus)]
    #[status(decode)]
    enum FormError {
        #[status(422, code = "INVALID_FORM")]
        Invalid {
            #[status(extension)]
            errors: std::collections::BTreeMap<String, Vec<String>>,
        },
    }
    let value = FormError::Invalid {
        errors: [("email".to_owned(), vec!["must contain @".to_owned()])].into(),
    };
    let status = Status::from(&value);
    let info = status.get_details_error_info().unwrap();
    assert_eq!(
        info.metadata.get("errors").map(String::as_str),
        Some(r#"{"email":["must contain @"]}"#)
    );
    assert!(status.get_details_bad_request().is_none());
    assert_eq!(FormError::from_grpc(&status), Ok(value));
}

/// A hand-written `HttpStatus` (through `integrate!`) gets the same details, read from its
/// problem body.
#[test]
fn a_hand_written_impl_gets_its_details_from_its_body() {
    use http_status::bytes::Bytes;
    use http_status::http::{HeaderMap, Response, StatusCode};

    struct Legacy;
    impl HttpStatus for Legacy {
        fn status(&self) -> StatusCode {
            StatusCode::NOT_FOUND
        }
        fn headers(&self) -> HeaderMap {
            HeaderMap::new()
        }
        fn to_response(&self) -> Response<Bytes> {
            let mut response = Response::new(Bytes::from_static(
                br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no such order","code":"ORDER_NOT_FOUND","order":17}"#,
            ));
            *response.status_mut() = self.status();
            response
                .headers_mut()
                .insert("content-type", "application/problem+json".parse().unwrap());
            response
        }
    }
    http_status::integrate!(Legacy);

    let status = Status::from(&Legacy);
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "no such order");
    let info = status.get_details_error_info().unwrap();
    assert_eq!(info.reason, "ORDER_NOT_FOUND");
    assert_eq!(info.metadata.get("order").map(String::as_str), Some("17"));
    assert_eq!(
        status.metadata().get("error-code").unwrap(),
        "ORDER_NOT_FOUND"
    );
}
