//! `rocket` feature: [`ProblemFairing`], the [`ProblemLayer`](crate) of rocket: a fairing that
//! leaves each request's context in the request (rocket has no hook around a handler's
//! future; a derived value's `Responder` reads it there) and registers a default catcher, so
//! that rocket's own errors are problems.

use super::Settings;
use crate::context::{Accept, Context, RequestPath};
use rocket::fairing::{self, Fairing, Info, Kind};
use rocket::http::Status;
use rocket::{Build, Catcher, Data, Request, Rocket};
use std::sync::{Arc, Mutex};

/// Gives every error response its request context — request id, `instance`, the
/// representation the client's `Accept` asks for — to the derived values a route returns,
/// and catches rocket's own errors (no route matched, a parameter or body guard that failed:
/// 404, 422, …) as problem bodies of the same shape, with a default catcher registered at
/// `/`. Settings as for `ProblemLayer`; `framework_errors(false)` registers no catcher.
///
/// Rocket's catchers get the status, not the text behind it, so the problem of a rocket
/// error has no `detail`. A catcher of your own for a status or a path still wins over this
/// default one (rocket prefers the most specific catcher).
///
/// ```
/// use http_status::ProblemFairing;
///
/// let rocket = rocket::build().attach(ProblemFairing::new());
/// # let _ = rocket;
/// ```
#[derive(Debug, Clone, Default)]
pub struct ProblemFairing {
    settings: Arc<Settings>,
}

super::settings_builder!(ProblemFairing, "rocket");

/// The request's context, in the request's local cache (which must be `Sync`: the context's
/// lazily fixed request id is not, so it is behind a lock no one else takes).
struct Slot(Option<Mutex<Context>>);

/// Runs `f` with the request context a `ProblemFairing` left in `request` (`None` if none is
/// attached).
pub(crate) fn with_context<R>(request: &Request<'_>, f: impl FnOnce(Option<&Context>) -> R) -> R {
    match &request.local_cache(|| Slot(None)).0 {
        Some(slot) => {
            let cx = slot
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(Some(&cx))
        }
        None => f(None),
    }
}

impl ProblemFairing {
    fn context_of(settings: &Settings, request: &Request<'_>) -> Context {
        let headers = request.headers();
        // Rocket's headers are text: the id crosses over as bytes, when it fits a request id.
        let incoming = headers
            .get_one(settings.header_name().as_str())
            .map(str::as_bytes)
            .filter(|id| crate::context::is_sane(id))
            .and_then(|id| http::HeaderValue::from_bytes(id).ok());
        settings.context(
            incoming,
            Accept::Known(super::accept::prefer(|| {
                headers.get("accept").map(str::as_bytes)
            })),
            RequestPath::Text(request.uri().path().as_str().into()),
        )
    }
}

#[rocket::async_trait]
impl Fairing for ProblemFairing {
    fn info(&self) -> Info {
        Info {
            name: "http-status: request context and problem catchers",
            kind: Kind::Ignite | Kind::Request,
        }
    }

    async fn on_ignite(&self, rocket: Rocket<Build>) -> fairing::Result {
        if !self.settings.framework_errors {
            return Ok(rocket);
        }
        let catcher = Catch {
            settings: Arc::clone(&self.settings),
        };
        Ok(rocket.register("/", vec![Catcher::new(None, catcher)]))
    }

    async fn on_request(&self, request: &mut Request<'_>, _data: &mut Data<'_>) {
        let cx = ProblemFairing::context_of(&self.settings, request);
        request.local_cache(|| Slot(Some(Mutex::new(cx))));
    }
}

/// The default catcher: rocket's error as a problem, with the request's context.
#[derive(Clone)]
struct Catch {
    settings: Arc<Settings>,
}

#[rocket::async_trait]
impl rocket::catcher::Handler for Catch {
    async fn handle<'r>(
        &self,
        status: Status,
        request: &'r Request<'_>,
    ) -> rocket::catcher::Result<'r> {
        let status = http::StatusCode::from_u16(status.code)
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        let problem = with_context(request, |cx| match cx {
            Some(cx) => super::replace(status, "", http::HeaderMap::new(), cx),
            // The fairing's `on_request` did not run (a request rocket refused before it).
            None => {
                let cx = ProblemFairing::context_of(&self.settings, request);
                super::replace(status, "", http::HeaderMap::new(), &cx)
            }
        });
        Ok(crate::convert::rocket::response(problem))
    }
}
