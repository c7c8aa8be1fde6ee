//! `tower` feature: [`ProblemLayer`], for axum, tonic-web and any tower or hyper server.

use super::decode::Encoded;
use super::Settings;
use crate::context::{read_fields, Context, RequestPath};
use bytes::Bytes;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use http::{HeaderValue, Request, Response};
use http_body::{Body, Frame, SizeHint};
use http_body_util::{BodyExt, Limited};
use std::sync::Arc;

/// Gives every error response its request context: a request id (tower-http's `RequestId`
/// when its `SetRequestIdLayer` ran first, else the request's `x-request-id` when it is sane,
/// else a fresh one) in the body and the `x-request-id` header, the request path as
/// `instance`, the representation the client's `Accept` asks for; and turns the framework's
/// own error responses (a rejected body, an unknown route, a timeout's 408) into problem
/// bodies of the same shape. Every other response passes through untouched.
///
/// It is a tower [`Layer`](tower_layer::Layer): `Router::layer(ProblemLayer::new())` in axum,
/// `ServiceBuilder::new().layer(…)` in tower (the README shows a whole stack and where the
/// layer goes in it).
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

impl<S, ReqBody, ResBody> tower_service::Service<Request<ReqBody>> for ProblemService<S>
where
    S: tower_service::Service<Request<ReqBody>, Response = Response<ResBody>>,
    ResBody: Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = Response<ProblemBody<ResBody>>;
    type Error = S::Error;
    type Future = ProblemFuture<S::Future, ResBody>;

    fn poll_ready(&mut self, task: &mut TaskContext<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(task)
    }

    #[inline]
    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let (field, accept) = read_fields(request.headers(), self.settings.header_name());
        // The id tower-http's `SetRequestIdLayer` gave the request, if it ran first: what its
        // `TraceLayer` spans record. Else the request's own header. Reference-counted clones,
        // like the URI: nothing is allocated for a response that passes through.
        let incoming = request
            .extensions()
            .get::<tower_http::request_id::RequestId>()
            .map(|id| id.header_value())
            .or(field)
            .cloned();
        let cx = self.settings.context(
            incoming,
            accept,
            RequestPath::Http(request.uri().path_and_query().cloned()),
        );
        ProblemFuture {
            state: State::Call {
                call: {
                    // Lent for the call too: a service may build its response in `call`
                    // (`tests/context_in_call.rs`). It costs a copy of the inner future, built
                    // aside while the context's address is lent (docs/PERFORMANCE.md).
                    let _entered = crate::context::enter(&cx);
                    self.inner.call(request)
                },
                cx,
                rewrite: self.settings.framework_errors,
            },
        }
    }
}

pin_project_lite::pin_project! {
    /// The body of a response through [`ProblemLayer`]: the inner service's, untouched, or a
    /// problem body. `Default` is an empty body, so that tower-http's `TimeoutLayer` can sit
    /// outside the layer.
    #[derive(Debug)]
    pub struct ProblemBody<B> {
        #[pin]
        inner: Inner<B>,
    }
}

pin_project_lite::pin_project! {
    #[project = InnerProjection]
    #[derive(Debug)]
    enum Inner<B> {
        Through { #[pin] body: B },
        // Sent in one frame; empty once sent.
        Problem { bytes: Bytes },
    }
}

impl<B> ProblemBody<B> {
    /// The inner service's body, as it is.
    fn through(body: B) -> Self {
        ProblemBody {
            inner: Inner::Through { body },
        }
    }

    /// A body of these bytes.
    fn problem(bytes: Bytes) -> Self {
        ProblemBody {
            inner: Inner::Problem { bytes },
        }
    }
}

impl<B> Default for ProblemBody<B> {
    /// An empty body (`Bytes::new()` allocates nothing).
    fn default() -> Self {
        ProblemBody::problem(Bytes::new())
    }
}

impl<B: Body<Data = Bytes>> Body for ProblemBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        task: &mut TaskContext<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        match self.project().inner.project() {
            InnerProjection::Through { body } => body.poll_frame(task),
            InnerProjection::Problem { bytes } if bytes.is_empty() => Poll::Ready(None),
            InnerProjection::Problem { bytes } => {
                Poll::Ready(Some(Ok(Frame::data(core::mem::take(bytes)))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.inner {
            Inner::Through { body } => body.is_end_stream(),
            Inner::Problem { bytes } => bytes.is_empty(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.inner {
            Inner::Through { body } => body.size_hint(),
            Inner::Problem { bytes } => SizeHint::with_exact(bytes.len() as u64),
        }
    }
}

/// Reading and rewriting a framework's error: boxed, so that its state is not part of every
/// request's future (most responses pass through).
type Rewrite<B> = Pin<Box<dyn Future<Output = Response<ProblemBody<B>>> + Send>>;

pin_project_lite::pin_project! {
    /// The future of one call through [`ProblemService`]: the inner service's, polled with the
    /// request context set, then, for a framework's error, its rewrite. No allocation for a
    /// response that passes through.
    pub struct ProblemFuture<F, B> {
        #[pin]
        state: State<F, B>,
    }
}

pin_project_lite::pin_project! {
    #[project = StateProjection]
    enum State<F, B> {
        // The inner service's future, polled with the context set.
        Call { #[pin] call: F, cx: Context, rewrite: bool },
        Rewrite { rewrite: Rewrite<B> },
    }
}

impl<F, B, E> Future for ProblemFuture<F, B>
where
    F: Future<Output = Result<Response<B>, E>>,
    B: Body<Data = Bytes> + Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Output = Result<Response<ProblemBody<B>>, E>;

    #[inline]
    fn poll(self: Pin<&mut Self>, task: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let mut state = self.project().state;
        loop {
            match state.as_mut().project() {
                StateProjection::Call {
                    mut call,
                    cx,
                    rewrite,
                } => {
                    let entered = crate::context::enter(cx);
                    let polled = call.as_mut().poll(task);
                    drop(entered);
                    // Decided on a borrow, so that a response that passes through (most do) is
                    // mapped straight out of the `Poll`, moved once.
                    let encoded = match &polled {
                        // The status first, here: most responses are not errors.
                        Poll::Ready(Ok(response))
                            if *rewrite && (400..600).contains(&response.status().as_u16()) =>
                        {
                            rewrite_of(response)
                        }
                        _ => None,
                    };
                    let (encoded, response) = match (encoded, polled) {
                        (Some(encoded), Poll::Ready(Ok(response))) => (encoded, response),
                        (_, polled) => {
                            return polled.map(|result| result.map(|r| r.map(ProblemBody::through)))
                        }
                    };
                    // The rewrite takes the context; the state it leaves is dropped next.
                    let cx = cx.take();
                    state.set(State::Rewrite {
                        rewrite: Box::pin(rewritten(response, encoded, cx)),
                    });
                }
                StateProjection::Rewrite { rewrite } => {
                    return rewrite.as_mut().poll(task).map(Ok);
                }
            }
        }
    }
}

/// How an error response (4xx or 5xx) is to be read for its rewrite; `None` for one that
/// passes through: built under the layer (it carries its `ErrorMeta`), a JSON body, or a
/// coding this layer does not decode.
fn rewrite_of<B>(response: &Response<B>) -> Option<Encoded> {
    let status = response.status().as_u16();
    let headers = response.headers();
    if !super::is_framework_error(
        status,
        // Built by `to_response` under the layer: it already carries the context.
        response.extensions().get::<crate::ErrorMeta>().is_some(),
        || {
            headers
                .get(http::header::CONTENT_TYPE)
                .map(HeaderValue::as_bytes)
        },
    ) {
        return None;
    }
    let encoded = Encoded::of(
        headers
            .get_all(http::header::CONTENT_ENCODING)
            .iter()
            .map(HeaderValue::as_bytes),
    );
    (encoded != Encoded::Unknown).then_some(encoded)
}

/// A framework's error response as a problem body, its text read as the detail (decoded
/// when a compression layer further in encoded it); left as it was when it cannot be decoded.
async fn rewritten<B>(
    response: Response<B>,
    encoded: Encoded,
    cx: Context,
) -> Response<ProblemBody<B>>
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let (parts, body) = response.into_parts();
    let body = Limited::new(body, super::MAX_FRAMEWORK_TEXT)
        .collect()
        .await
        .ok()
        .map(http_body_util::Collected::to_bytes);
    let Some(text) = super::framework_text(encoded, body.as_deref()) else {
        let untouched = ProblemBody::problem(body.unwrap_or_default());
        return Response::from_parts(parts, untouched);
    };
    let mut problem = super::replace(parts.status, &text, parts.headers, &cx);
    *problem.version_mut() = parts.version;
    // The original's extensions, and what the problem says of itself (`ErrorMeta`).
    let own = core::mem::replace(problem.extensions_mut(), parts.extensions);
    problem.extensions_mut().extend(own);
    problem.map(ProblemBody::problem)
}
