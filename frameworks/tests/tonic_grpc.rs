//! `tonic`: one derived error type answers gRPC too. A real tonic server and client on
//! 127.0.0.1 (a text codec instead of protobuf, so no .proto is needed): the client receives
//! the mapped code, the message HTTP clients see, and the `code` as metadata; a 500's text
//! stays hidden.

mod common;

use common::{error_for, SECRET};
use http_status::bytes::{Buf, BufMut};
use std::convert::Infallible;
use std::future::{ready, Ready};
use std::task::{Context, Poll};
use std::time::Duration;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::{Code, Status};

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

/// `GetUser(id) -> name`: every id is an error of the API.
struct GetUser;

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
