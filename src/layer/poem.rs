//! `poem` feature: [`ProblemPoem`], the [`ProblemLayer`](crate) of poem, a middleware for
//! `EndpointExt::with`.

use super::decode::Encoded;
use super::{Settings, WithContext};
use crate::context::{self, Context, RequestPath};
use http::header::{CONTENT_ENCODING, CONTENT_TYPE};
use http::HeaderValue;
use poem::{Body, Endpoint, IntoResponse, Middleware, Request, Response};
use std::sync::Arc;

/// Gives every error response its request context — request id, `instance`, the
/// representation the client's `Accept` asks for — and turns poem's own error responses (an
/// unknown route, a method the route does not answer, a path or body that does not parse)
/// into problem bodies of the same shape. Every other response passes through untouched.
/// Settings as for `ProblemLayer`. An error stays an error for the middleware outside it
/// (`poem::Error::from_response`), with its rewritten response.
///
/// ```
/// use http_status::ProblemPoem;
/// use poem::{get, handler, EndpointExt, Route};
///
/// #[handler]
/// fn hello() -> &'static str {
///     "hello"
/// }
///
/// let app = Route::new().at("/", get(hello)).with(ProblemPoem::new());
/// # let _ = app;
/// ```
#[derive(Debug, Clone, Default)]
pub struct ProblemPoem {
    settings: Arc<Settings>,
}

super::settings_builder!(ProblemPoem, "poem");

impl<E: Endpoint> Middleware<E> for ProblemPoem {
    type Output = ProblemPoemEndpoint<E>;

    fn transform(&self, inner: E) -> ProblemPoemEndpoint<E> {
        ProblemPoemEndpoint {
            inner,
            settings: Arc::clone(&self.settings),
        }
    }
}

/// The endpoint [`ProblemPoem`] wraps around another.
#[derive(Debug)]
pub struct ProblemPoemEndpoint<E> {
    inner: E,
    settings: Arc<Settings>,
}

impl<E: Endpoint> Endpoint for ProblemPoemEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> poem::Result<Response> {
        let (field, accept) = context::read_fields(request.headers(), self.settings.header_name());
        let cx = self.settings.context(
            field.cloned(),
            accept,
            // A nested route sees its own part of the path; the client asked for all of it.
            RequestPath::Http(request.original_uri().path_and_query().cloned()),
        );
        let call = context::within(&cx, || self.inner.call(request));
        let (outcome, cx) = WithContext::new(call, cx).await;
        // Errors and outputs become responses here, under the context, rather than in the
        // server after the middleware has returned.
        match outcome {
            Ok(output) => {
                let response = context::within(&cx, || output.into_response());
                Ok(self.finish(response, cx).await)
            }
            Err(error) => {
                let response = context::within(&cx, || error.into_response());
                Err(poem::Error::from_response(self.finish(response, cx).await))
            }
        }
    }
}

impl<E> ProblemPoemEndpoint<E> {
    /// The response as it goes out: a framework's error rewritten, anything else untouched.
    async fn finish(&self, response: Response, cx: Context) -> Response {
        let headers = response.headers();
        let content_type = || headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes);
        // Built by `to_response` under this middleware: it already carries the context.
        let built = response.extensions().get::<crate::ErrorMeta>().is_some();
        if !self.settings.framework_errors
            || !super::is_framework_error(response.status().as_u16(), built, content_type)
        {
            return response;
        }
        let encoded = Encoded::of(
            headers
                .get_all(CONTENT_ENCODING)
                .iter()
                .map(HeaderValue::as_bytes),
        );
        if encoded == Encoded::Unknown {
            return response;
        }
        let (parts, body) = response.into_parts();
        let body = body.into_bytes_limit(super::MAX_FRAMEWORK_TEXT).await.ok();
        let Some(text) = super::framework_text(encoded, body.as_deref()) else {
            return Response::from_parts(parts, Body::from(body.unwrap_or_default()));
        };
        let mut problem = super::replace(parts.status, &text, parts.headers, &cx);
        *problem.version_mut() = parts.version;
        crate::convert::poem::response(problem)
    }
}
