//! What building a response does besides writing its bytes: the log event at the response's
//! level (feature `tracing`), the [`ErrorMeta`] a layer's response carries for middleware, and
//! reporting a delegated response once, by the outer value.
//!
//! The renderer calls [`built`] for every response it builds and knows nothing of `tracing`:
//! this module is the hook the tracing integration (`observe::tracing`) fills.

pub(crate) mod capture;
pub(crate) mod explain;
mod meta;
#[cfg(feature = "tracing")]
pub(crate) mod tracing;

pub use meta::ErrorMeta;
#[doc(hidden)]
pub use meta::Meta;

use crate::context::Context;
use crate::HttpStatus;
use core::fmt;
use http::StatusCode;

/// What a value says of itself, for logs and development bodies: its text (`Display`, else
/// `Debug`, else its type's name), its `source()` chain when it is an `Error`, and its type.
/// Generated code fills it (by autoref specialisation, since the derive cannot see which
/// traits a type has).
#[doc(hidden)]
pub struct Explanation<'a> {
    /// The full text, hidden from the client or not.
    pub message: &'a dyn fmt::Display,
    /// The first error of the `source()` chain, when there is one (an `Error`'s `source()`).
    pub sources: Option<&'a (dyn std::error::Error + 'static)>,
    /// The Rust type.
    pub type_name: &'static str,
}

/// Called for every response the renderer builds: logs it at its level (the variant's
/// `level`, else by status) unless an outer value is delegating to it, which then logs
/// instead, or it is built only to be described (`ErrorMeta::of`), which is no response sent.
#[inline]
pub(crate) fn built<T: HttpStatus + ?Sized>(
    value: &T,
    meta: &Meta,
    status: StatusCode,
    cx: Option<&Context>,
) {
    if capture::taken(meta) {
        return;
    }
    log(value, meta, status, cx);
}

/// Logs `value`'s response (which `meta` describes) at its level. What a response costs
/// when its level is filtered out (or `off`, or without `tracing`) is this inlined check.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
#[inline]
pub(crate) fn log<T: HttpStatus + ?Sized>(
    value: &T,
    meta: &Meta,
    status: StatusCode,
    cx: Option<&Context>,
) {
    #[cfg(feature = "tracing")]
    {
        let level = meta.level_for(status);
        if tracing::may_be_enabled(level) {
            tracing::event(value, meta, level, status, cx);
        }
    }
}
