//! `actix-web` feature: [`ProblemMiddleware`], the [`ProblemLayer`](crate) of actix-web.

use super::{Settings, WithContext};
use crate::context::{self, Built};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::InternalError;
use actix_web::http::header::{ACCEPT, CONTENT_TYPE};
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
        let cx = self.settings.context(
            headers
                .get(self.settings.header_name().as_str())
                .map(|value| value.as_bytes()),
            || headers.get_all(ACCEPT).map(|value| value.as_bytes()),
            request.path(),
        );
        let settings = Arc::clone(&self.settings);
        let call = context::within(&cx, || self.service.call(request));
        let future = WithContext::new(call, Arc::clone(&cx));
        Box::pin(async move {
            match future.await {
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
    cx: &crate::context::Context,
) -> Result<HttpResponse<B>, HttpResponse> {
    let built = response.extensions().get::<Built>().is_some();
    let status = response.status().as_u16();
    let content_type = response.headers().get(CONTENT_TYPE).map(|v| v.as_bytes());
    if !super::is_framework_error(settings, status, content_type, built) {
        return Ok(response);
    }
    let mut headers = http::HeaderMap::new();
    for (name, value) in response.headers() {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    let text =
        match actix_web::body::to_bytes_limited(response.into_body(), super::MAX_FRAMEWORK_TEXT)
            .await
        {
            Ok(Ok(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
            // Too long, or the body failed: the problem goes out without a detail.
            _ => String::new(),
        };
    let status =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let problem = crate::render::framework_error(status, &text, headers, cx);
    Err(crate::integrations::actix::from_http(problem))
}
