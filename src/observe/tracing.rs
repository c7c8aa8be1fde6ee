//! `tracing` feature: building a response emits one event at its level (`level = …`, else
//! `error` for a 5xx, `debug` for a 4xx, nothing for the rest), with OpenTelemetry's field
//! names: `error.type` (the literal code, else `Type::Variant`), `http.response.status_code`,
//! `exception.message` (the full `Display` text, hidden from the client or not; `Debug` for a
//! type without `Display`), `exception.type` (the Rust type), `error.sources` (the `source()`
//! chain, when there is one) and `request_id` (under a layer). No field is empty: one that has
//! no value is not recorded. A response reached through `transparent` or `delegate` is logged
//! once, by the outermost value.
//!
//! The derive cannot know whether a type implements `Error`, `Display` or `Debug`, so
//! `__http_status_explain!` picks the richest account by autoref specialisation.

use super::explain::Chain;
use super::{Explanation, Meta};
use crate::context::Context;
use crate::render::headers::InvalidRequired;
use crate::HttpStatus;
use core::fmt;
use http::StatusCode;
use http_status_core::LogLevel;
use tracing::field::DisplayValue;

/// The text of the event: whether the client sees what `exception.message` says.
fn summary(status: StatusCode, meta: &Meta) -> &'static str {
    match (status.is_server_error(), meta.exposed) {
        (true, false) => "server error response; the client does not see this text",
        (true, true) => "server error response",
        (false, _) if status.is_client_error() => "client error response",
        _ => "response",
    }
}

/// Whether `text` prints anything: a field with no text is left out, never sent as "". Stops
/// at the first byte, so it costs little more than nothing (and only for an enabled event).
fn prints(text: &dyn fmt::Display) -> bool {
    struct Any;
    impl fmt::Write for Any {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            if text.is_empty() {
                Ok(())
            } else {
                Err(fmt::Error)
            }
        }
    }
    fmt::write(&mut Any, format_args!("{text}")).is_err()
}

/// `text` as a field value, or nothing when it prints nothing.
fn field(text: &dyn fmt::Display) -> Option<DisplayValue<&dyn fmt::Display>> {
    prints(text).then(|| ::tracing::field::display(text))
}

macro_rules! emit {
    ($level:expr, $value:expr, $meta:expr, $status:expr, $cx:expr) => {
        if ::tracing::enabled!($level) {
            let error_type = if $meta.error_type.is_empty() {
                None
            } else {
                Some($meta.error_type)
            };
            let request_id = $cx.map(Context::request_id);
            $value.__http_status_explain(&mut |explained: Explanation<'_>| {
                let chain = explained.sources.map(Chain);
                ::tracing::event!(
                    $level,
                    error.type = error_type.unwrap_or(explained.type_name),
                    // `i64`: tracing-opentelemetry exports a `u64` as text.
                    http.response.status_code = i64::from($status.as_u16()),
                    exception.message = field(explained.message),
                    exception.type = explained.type_name,
                    error.sources = chain.as_ref().and_then(|chain| field(chain)),
                    request_id,
                    "{}",
                    summary($status, $meta)
                );
            });
        }
    };
}

/// Whether an event at `level` may be enabled: below the subscribers' most verbose level
/// (one atomic load; `off` never is). `event` asks the subscriber for the rest.
#[inline]
pub(crate) fn may_be_enabled(level: LogLevel) -> bool {
    use ::tracing::level_filters::{LevelFilter, STATIC_MAX_LEVEL};
    let level = match level {
        LogLevel::Off => return false,
        LogLevel::Error => LevelFilter::ERROR,
        LogLevel::Warn => LevelFilter::WARN,
        LogLevel::Info => LevelFilter::INFO,
        LogLevel::Debug => LevelFilter::DEBUG,
        LogLevel::Trace => LevelFilter::TRACE,
    };
    level <= STATIC_MAX_LEVEL && level <= LevelFilter::current()
}

/// Emits the event of `value`'s response at `level`.
#[inline(never)]
pub(crate) fn event<T: HttpStatus + ?Sized>(
    value: &T,
    meta: &Meta,
    level: LogLevel,
    status: StatusCode,
    cx: Option<&Context>,
) {
    match level {
        LogLevel::Off => {}
        LogLevel::Error => emit!(::tracing::Level::ERROR, value, meta, status, cx),
        LogLevel::Warn => emit!(::tracing::Level::WARN, value, meta, status, cx),
        LogLevel::Info => emit!(::tracing::Level::INFO, value, meta, status, cx),
        LogLevel::Debug => emit!(::tracing::Level::DEBUG, value, meta, status, cx),
        LogLevel::Trace => emit!(::tracing::Level::TRACE, value, meta, status, cx),
    }
}

/// Why a response became a 500 instead of what its value declared.
#[derive(Clone, Copy)]
pub(crate) enum Degraded {
    Header(InvalidRequired),
    Body,
    Inner(&'static str),
}

/// Logs a response that became a 500 because it could not be built as declared, with the
/// text and chain of the value (which the 500 hides) and what was wrong. `meta` is the
/// variant's (its `error.type`).
pub(crate) fn degraded<T: HttpStatus + ?Sized>(
    value: &T,
    meta: &Meta,
    why: Degraded,
    cx: Option<&Context>,
) {
    if !::tracing::enabled!(::tracing::Level::ERROR) {
        return;
    }
    let request_id = cx.map(Context::request_id);
    value.__http_status_explain(&mut |explained: Explanation<'_>| {
        let error_type = if meta.error_type.is_empty() {
            explained.type_name
        } else {
            meta.error_type
        };
        let message = field(explained.message);
        let chain = explained.sources.map(Chain);
        let sources = chain.as_ref().and_then(|chain| field(chain));
        match why {
            Degraded::Inner(what) => ::tracing::error!(
                error.type = error_type,
                http.response.status_code = 500_i64,
                exception.message = message,
                exception.type = explained.type_name,
                error.sources = sources,
                problem = what,
                request_id,
                "a transparent or delegated field built a response http-status would not send, so a 500 was sent instead"
            ),
            Degraded::Header(invalid) => ::tracing::error!(
                error.type = error_type,
                http.response.status_code = 500_i64,
                exception.message = message,
                exception.type = explained.type_name,
                error.sources = sources,
                header = invalid.header,
                request_id,
                "the value of a required header was invalid, so a 500 was sent instead"
            ),
            Degraded::Body => ::tracing::error!(
                error.type = error_type,
                http.response.status_code = 500_i64,
                exception.message = message,
                exception.type = explained.type_name,
                error.sources = sources,
                request_id,
                "the value failed to serialize, so a 500 was sent instead"
            ),
        }
    });
}
