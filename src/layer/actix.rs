//! `actix-web` feature: [`ProblemMiddleware`], the [`ProblemLayer`](crate) of actix-web.

use super::decode::Encoded;
use super::{Settings, WithContext};
use crate::context::{self, Accept, Context, RequestPath};
use crate::convert::actix as convert;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::InternalError;
use actix_web::http::header::{ACCEPT, CONTENT_ENCODING, CONTENT_TYPE};
use actix_web::HttpResponse;
use core::future::{ready, Future, Ready};
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use std::rc::Rc;
use std::sync::Arc;

/// Gives every error response its request context — request id, `instance`, the
/// representation the client's `Accept` asks for — and turns actix-web's own error responses
/// (a rejected payload, an unknown route) into problem bodies of the same shape. Every other
/// response passes through untouched. Settings as for `ProblemLayer`.
///
/// ```
/// use actix_web::{web, App};
/// use http_status::ProblemMiddleware;
///
/// let app = App::new()
///     .wrap(ProblemMiddleware::new())
///     .route("/", web::get().to(|| async { "hello" }));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ProblemMiddleware {
    settings: Arc<Settings>,
}

super::settings_builder!(ProblemMiddleware, "actix-web");

impl<S, B> Transform<S, ServiceRequest> for ProblemMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Transform = ProblemMiddlewareService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ProblemMiddlewareService {
            service: Rc::new(service),
            settings: Arc::clone(&self.settings),
        }))
    }
}

/// The service [`ProblemMiddleware`] wraps around another.
#[derive(Debug)]
pub struct ProblemMiddlewareService<S> {
    service: Rc<S>,
    settings: Arc<Settings>,
}

type LocalBoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

impl<S, B> Service<ServiceRequest> for ProblemMiddlewareService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<Result<Self::Response, actix_web::Error>>;

    fn poll_ready(&self, task: &mut TaskContext<'_>) -> Poll<Result<(), actix_web::Error>> {
        self.service.poll_ready(task)
    }

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let headers = request.headers();
        // actix-web's values are `http` 0.2's: the id crosses over as bytes (copied only when
        // it fits a request id).
        let incoming = headers
            .get(self.settings.header_name().as_str())
            .map(|value| value.as_bytes())
            .filter(|id| context::is_sane(id))
            .and_then(|id| http::HeaderValue::from_bytes(id).ok());
        let cx = self.settings.context(
            incoming,
            Accept::Known(super::accept::prefer(|| {
                headers.get_all(ACCEPT).map(|value| value.as_bytes())
            })),
            RequestPath::Text(request.path().into()),
        );
        let settings = Arc::clone(&self.settings);
        let call = context::within(&cx, || self.service.call(request));
        Box::pin(async move {
            let (outcome, cx) = WithContext::new(call, cx).await;
            match outcome {
                Ok(response) => {
                    let (request, response) = response.into_parts();
                    Ok(match finish(response, &settings, &cx).await {
                        Ok(untouched) => {
                            ServiceResponse::new(request, untouched).map_into_left_body()
                        }
                        Err(rewritten) => {
                            ServiceResponse::new(request, rewritten).map_into_right_body()
                        }
                    })
                }
                // An error from a middleware further in: its response is built here, under
                // the context, instead of by actix-web after this middleware has returned.
                Err(error) => {
                    let response = context::within(&cx, || error.error_response());
                    let response = match finish(response, &settings, &cx).await {
                        Ok(response) | Err(response) => response,
                    };
                    Err(InternalError::from_response(error, response).into())
                }
            }
        })
    }
}

/// The response as it goes out: untouched (`Ok`), unless it is a framework's error, which
/// comes back rewritten (`Err`).
async fn finish<B: MessageBody>(
    response: HttpResponse<B>,
    settings: &Settings,
    cx: &Context,
) -> Result<HttpResponse<B>, HttpResponse> {
    // Built by `to_response` under this middleware: it already carries the context.
    let built = response.extensions().get::<crate::ErrorMeta>().is_some();
    let status = response.status().as_u16();
    let content_type = || response.headers().get(CONTENT_TYPE).map(|v| v.as_bytes());
    if !settings.framework_errors || !super::is_framework_error(status, built, content_type) {
        return Ok(response);
    }
    let encoded = Encoded::of(
        response
            .headers()
            .get_all(CONTENT_ENCODING)
            .map(|value| value.as_bytes()),
    );
    if encoded == Encoded::Unknown {
        return Ok(response);
    }
    let headers = convert::headers(response.headers());
    let (head, body) = response.into_parts();
    let body = match actix_web::body::to_bytes_limited(body, super::MAX_FRAMEWORK_TEXT).await {
        Ok(Ok(bytes)) => Some(bytes),
        // Too long, or the body failed: the problem goes out without a detail.
        _ => None,
    };
    let Some(text) = super::framework_text(encoded, body.as_deref()) else {
        return Err(head
            .set_body(body.unwrap_or_default())
            .map_into_boxed_body());
    };
    let problem = super::replace(convert::status_from(head.status()), &text, headers, cx);
    Err(convert::response(problem))
}
