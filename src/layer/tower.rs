//! `tower` feature: [`ProblemLayer`], for axum, tonic-web and any tower or hyper server.

use super::{Settings, WithContext};
use crate::context::{Built, Context};
use bytes::Bytes;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use http::{HeaderValue, Request, Response};
use http_body_util::{BodyExt, Either, Full, Limited};
use std::sync::Arc;

/// Gives every error response its request context: a request id (the request's
/// `x-request-id` when it is sane, else a fresh one) in the body and the `x-request-id`
/// header, the request path as `instance`, the representation the client's `Accept` asks for;
/// and turns the framework's own error responses (a rejected body, an unknown route) into
/// problem bodies of the same shape. Every other response passes through untouched.
///
/// It is a tower [`Layer`](tower_layer::Layer): `Router::layer(ProblemLayer::new())` in axum,
/// `ServiceBuilder::new().layer(…)` in tower (the README shows a whole stack).
///
/// ```
/// use http_status::ProblemLayer;
///
/// let layer = ProblemLayer::new()
///     .request_id_header(http_status::http::HeaderName::from_static("x-trace-id"))
///     .request_id_member("traceId");
/// # let _ = layer;
/// ```
#[derive(Debug, Clone, Default)]
pub struct ProblemLayer {
    settings: Arc<Settings>,
}

super::settings_builder!(ProblemLayer, "the framework");

impl<S> tower_layer::Layer<S> for ProblemLayer {
    type Service = ProblemService<S>;

    fn layer(&self, inner: S) -> ProblemService<S> {
        ProblemService {
            inner,
            settings: Arc::clone(&self.settings),
        }
    }
}

/// The service [`ProblemLayer`] wraps around another.
#[derive(Debug, Clone)]
pub struct ProblemService<S> {
    inner: S,
    settings: Arc<Settings>,
}

/// The body of a response through [`ProblemLayer`]: the inner service's, or a problem body.
pub type ProblemBody<B> = Either<B, Full<Bytes>>;

/// The future of one call: the inner service's, then the rewrite of a framework error.
type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, ReqBody, ResBody> tower_service::Service<Request<ReqBody>> for ProblemService<S>
where
    S: tower_service::Service<Request<ReqBody>, Response = Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ResBody: http_body::Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = Response<ProblemBody<ResBody>>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, task: &mut TaskContext<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(task)
    }

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let headers = request.headers();
        let cx = self.settings.context(
            headers
                .get(self.settings.header_name())
                .map(HeaderValue::as_bytes),
            || {
                headers
                    .get_all(http::header::ACCEPT)
                    .iter()
                    .map(|value| value.as_bytes())
            },
            request.uri().path(),
        );
        let settings = Arc::clone(&self.settings);
        let call = crate::context::within(&cx, || self.inner.call(request));
        let future = WithContext::new(call, Arc::clone(&cx));
        Box::pin(async move {
            let response = future.await?;
            let built = response.extensions().get::<Built>().is_some();
            let status = response.status().as_u16();
            let content_type = response.headers().get(http::header::CONTENT_TYPE);
            let content_type = content_type.map(HeaderValue::as_bytes);
            if !super::is_framework_error(&settings, status, content_type, built) {
                return Ok(response.map(Either::Left));
            }
            // Boxed so that the state of reading a body is not part of every request's future.
            Ok(Box::pin(rewrite(response, &cx)).await)
        })
    }
}

/// A framework's error response as a problem body, its text read as the detail.
async fn rewrite<B>(response: Response<B>, cx: &Context) -> Response<ProblemBody<B>>
where
    B: http_body::Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let (parts, body) = response.into_parts();
    let text = match Limited::new(body, super::MAX_FRAMEWORK_TEXT)
        .collect()
        .await
    {
        Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
        // Too long, or the body failed: the problem goes out without a detail.
        Err(_) => String::new(),
    };
    let mut problem = crate::render::framework_error(parts.status, &text, parts.headers, cx);
    *problem.version_mut() = parts.version;
    *problem.extensions_mut() = parts.extensions;
    problem.map(|bytes| Either::Right(Full::new(bytes)))
}
