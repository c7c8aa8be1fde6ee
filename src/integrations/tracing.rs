//! `tracing` feature: building the response of a 5xx logs the full error with
//! `tracing::error!` — its `Display` and its `source()` chain — since the client no longer
//! sees it. 4xx responses are not logged.
//!
//! The derive cannot know whether a type implements `Error` or `Display`, so the macro picks
//! the richest report by autoref specialisation: `Error` (with the chain), else `Display`,
//! else the type name.

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

/// Reports an `Error` with its `source()` chain (chosen first).
pub trait ReportError {
    /// Logs at error level.
    fn report(&self, status: StatusCode);
}

impl<T: Error + 'static> ReportError for &&Reporter<'_, T> {
    fn report(&self, status: StatusCode) {
        let error: &(dyn Error + 'static) = self.0;
        tracing::error!(
            status = status.as_u16(),
            error = %error,
            sources = %Chain(error),
            "server error response; the client does not see this text"
        );
    }
}

/// Reports what `Display` prints (chosen when the type is not an `Error`).
pub trait ReportDisplay {
    /// Logs at error level.
    fn report(&self, status: StatusCode);
}

impl<T: fmt::Display + ?Sized> ReportDisplay for &Reporter<'_, T> {
    fn report(&self, status: StatusCode) {
        tracing::error!(
            status = status.as_u16(),
            error = %self.0,
            "server error response; the client does not see this text"
        );
    }
}

/// Reports the type name (chosen when the type has no `Display`).
pub trait ReportOpaque {
    /// Logs at error level.
    fn report(&self, status: StatusCode);
}

impl<T: ?Sized> ReportOpaque for Reporter<'_, T> {
    fn report(&self, status: StatusCode) {
        tracing::error!(
            status = status.as_u16(),
            error = core::any::type_name::<T>(),
            "server error response"
        );
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_report {
    ($value:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::{ReportDisplay as _, ReportError as _, ReportOpaque as _};
        (&&&$crate::__private::Reporter($value)).report($crate::HttpStatus::status($value));
    }};
}
