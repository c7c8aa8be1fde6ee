//! `tracing` feature: building the response of a 5xx logs the full error with
//! `tracing::error!` — its `Display` and its `source()` chain — since the client does not see
//! it (unless the variant says `expose`). 4xx responses are not logged. A 5xx reached through
//! `transparent` or `delegate` is logged once, by the outermost value. Under a `ProblemLayer`
//! or `ProblemMiddleware`, the event carries the `request_id` the client receives.
//!
//! The derive cannot know whether a type implements `Error` or `Display`, so the macro picks
//! the richest report by autoref specialisation: `Error` (with the chain), else `Display`,
//! else the type name.

use crate::render::headers::InvalidRequired;
use core::fmt;
use http::StatusCode;
use std::error::Error;

/// The value whose 5xx response is being built.
pub struct Reporter<'a, T: ?Sized>(pub &'a T);

/// The `source()` chain, outermost first: "a: b: c".
struct Chain<'a>(&'a (dyn Error + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut source = self.0.source();
        let mut first = true;
        while let Some(error) = source {
            if !first {
                f.write_str(": ")?;
            }
            write!(f, "{error}")?;
            first = false;
            source = error.source();
        }
        Ok(())
    }
}

/// The request id of the request being handled, if a layer set one ("" otherwise).
fn request_id() -> Option<std::sync::Arc<crate::context::Context>> {
    crate::context::current()
}

const HIDDEN: &str = "server error response; the client does not see this text";
const EXPOSED: &str = "server error response";

macro_rules! event {
    ($status:expr, $exposed:expr, $($fields:tt)*) => {{
        let cx = request_id();
        let request_id = cx.as_deref().map_or("", |cx| cx.request_id());
        if $exposed {
            tracing::error!(status = $status.as_u16(), request_id, $($fields)* "{}", EXPOSED);
        } else {
            tracing::error!(status = $status.as_u16(), request_id, $($fields)* "{}", HIDDEN);
        }
    }};
}

/// Reports an `Error` with its `source()` chain (chosen first).
pub trait ReportError {
    /// Logs at error level.
    fn report(&self, status: StatusCode, exposed: bool);
}

impl<T: Error + 'static> ReportError for &&Reporter<'_, T> {
    fn report(&self, status: StatusCode, exposed: bool) {
        let error: &(dyn Error + 'static) = self.0;
        event!(status, exposed, error = %error, sources = %Chain(error),);
    }
}

/// Reports what `Display` prints (chosen when the type is not an `Error`).
pub trait ReportDisplay {
    /// Logs at error level.
    fn report(&self, status: StatusCode, exposed: bool);
}

impl<T: fmt::Display + ?Sized> ReportDisplay for &Reporter<'_, T> {
    fn report(&self, status: StatusCode, exposed: bool) {
        event!(status, exposed, error = %self.0,);
    }
}

/// Reports the type name (chosen when the type has no `Display`).
pub trait ReportOpaque {
    /// Logs at error level.
    fn report(&self, status: StatusCode, exposed: bool);
}

impl<T: ?Sized> ReportOpaque for Reporter<'_, T> {
    fn report(&self, status: StatusCode, exposed: bool) {
        event!(status, exposed, error = core::any::type_name::<T>(),);
    }
}

/// Why a response became a 500.
pub(crate) enum Degraded {
    Header(InvalidRequired),
    Body,
    Inner(&'static str),
}

/// Logs a response that became a 500 because it could not be built as declared.
pub(crate) fn degraded(type_name: &str, why: Degraded) {
    let cx = request_id();
    let request_id = cx.as_deref().map_or("", |cx| cx.request_id());
    match why {
        Degraded::Inner(what) => tracing::error!(
            status = 500,
            request_id,
            error = type_name,
            invalid = what,
            "a transparent or delegated field built a response http-status would not send, so a 500 was sent instead"
        ),
        Degraded::Header(invalid) => tracing::error!(
            status = 500,
            request_id,
            variant = invalid.variant,
            header = invalid.header,
            "the value of a required header was invalid, so a 500 was sent instead"
        ),
        Degraded::Body => tracing::error!(
            status = 500,
            request_id,
            error = type_name,
            "the value failed to serialize, so a 500 was sent instead"
        ),
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_report {
    ($value:expr, $exposed:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::{ReportDisplay as _, ReportError as _, ReportOpaque as _};
        (&&&$crate::__private::Reporter($value))
            .report($crate::HttpStatus::status($value), $exposed);
    }};
}
