//! What a response is when its attribute does not say: its log level, whether a client may
//! retry it, and its gRPC code. The derive writes these defaults into each description (an
//! option on the variant overrides them); the runtime and the catalogue read them from here,
//! so the three agree.

/// The level at which building a response is logged (`level = "…"`; `off`: not logged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// Not logged.
    Off,
    /// `error`: the default for 5xx.
    Error,
    /// `warn`.
    Warn,
    /// `info`.
    Info,
    /// `debug`: the default for 4xx.
    Debug,
    /// `trace`.
    Trace,
}

impl LogLevel {
    /// Every level, from `off` to `trace`.
    pub const ALL: [LogLevel; 6] = [
        LogLevel::Off,
        LogLevel::Error,
        LogLevel::Warn,
        LogLevel::Info,
        LogLevel::Debug,
        LogLevel::Trace,
    ];

    /// The level of a response whose attribute names none: `error` for 5xx, `debug` for 4xx,
    /// `off` otherwise.
    ///
    /// ```
    /// use http_status_core::LogLevel;
    /// assert_eq!(LogLevel::for_status(503), LogLevel::Error);
    /// assert_eq!(LogLevel::for_status(404), LogLevel::Debug);
    /// assert_eq!(LogLevel::for_status(204), LogLevel::Off);
    /// ```
    pub const fn for_status(status: u16) -> LogLevel {
        match status {
            500..=599 => LogLevel::Error,
            400..=499 => LogLevel::Debug,
            _ => LogLevel::Off,
        }
    }

    /// The name written in `level = "…"`: `"error"`, `"warn"`, `"info"`, `"debug"`,
    /// `"trace"`, `"off"`.
    pub const fn name(self) -> &'static str {
        match self {
            LogLevel::Off => "off",
            LogLevel::Error => "error",
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
            LogLevel::Debug => "debug",
            LogLevel::Trace => "trace",
        }
    }

    /// The level with this name (exact, lower case).
    ///
    /// ```
    /// use http_status_core::LogLevel;
    /// assert_eq!(LogLevel::from_name("warn"), Some(LogLevel::Warn));
    /// assert_eq!(LogLevel::from_name("WARN"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<LogLevel> {
        LogLevel::ALL.into_iter().find(|level| level.name() == name)
    }
}

/// Whether a client may retry a response whose attribute does not say (`retryable = …`):
/// true for 408, 425, 429, 502, 503 and 504, the statuses that report a condition that
/// passes (a timeout, an early or throttled request, an unavailable or failing upstream).
///
/// ```
/// assert!(http_status_core::retryable_by_default(503));
/// assert!(!http_status_core::retryable_by_default(500));
/// ```
pub const fn retryable_by_default(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 502 | 503 | 504)
}

/// The gRPC status code name (`google.rpc.Code`, as `"NOT_FOUND"`) for an HTTP status, when
/// the attribute does not name one (`grpc = "…"`): the application mapping of
/// `google/rpc/code.proto` read from HTTP to gRPC, never the transport table.
///
/// 400 and 422 `INVALID_ARGUMENT`, 401 `UNAUTHENTICATED`, 403 `PERMISSION_DENIED`, 404 and
/// 410 `NOT_FOUND`, 405 and 501 `UNIMPLEMENTED`, 408 and 504 `DEADLINE_EXCEEDED`, 409
/// `ALREADY_EXISTS`, 412 and 428 `FAILED_PRECONDITION`, 413 and 429 `RESOURCE_EXHAUSTED`, 416
/// `OUT_OF_RANGE`, 499 `CANCELLED`, 500 `INTERNAL`, 502 and 503 `UNAVAILABLE`; any other 4xx
/// `FAILED_PRECONDITION`, any other 5xx `INTERNAL`, anything else `UNKNOWN`.
///
/// ```
/// use http_status_core::grpc_code_for;
/// assert_eq!(grpc_code_for(404), "NOT_FOUND");
/// assert_eq!(grpc_code_for(422), "INVALID_ARGUMENT");
/// assert_eq!(grpc_code_for(429), "RESOURCE_EXHAUSTED");
/// assert_eq!(grpc_code_for(418), "FAILED_PRECONDITION");
/// ```
pub const fn grpc_code_for(status: u16) -> &'static str {
    match status {
        400 | 422 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 | 410 => "NOT_FOUND",
        405 | 501 => "UNIMPLEMENTED",
        408 | 504 => "DEADLINE_EXCEEDED",
        409 => "ALREADY_EXISTS",
        412 | 428 => "FAILED_PRECONDITION",
        413 | 429 => "RESOURCE_EXHAUSTED",
        416 => "OUT_OF_RANGE",
        499 => "CANCELLED",
        502 | 503 => "UNAVAILABLE",
        400..=499 => "FAILED_PRECONDITION",
        500..=599 => "INTERNAL",
        _ => "UNKNOWN",
    }
}

/// Every gRPC status code name of `google.rpc.Code`, by number (`OK` is 0).
pub const GRPC_CODES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapped_name_is_a_grpc_code() {
        for status in 0..1000 {
            assert!(GRPC_CODES.contains(&grpc_code_for(status)), "{status}");
        }
    }

    #[test]
    fn level_names_round_trip() {
        for level in LogLevel::ALL {
            assert_eq!(LogLevel::from_name(level.name()), Some(level));
        }
    }
}
