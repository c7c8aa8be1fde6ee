//! What a response is when its attribute does not say: its log level and whether a client may
//! retry it (its gRPC code is `grpc::code_for_status`). The derive writes these defaults into
//! each description (an option on the variant overrides them); the runtime and the catalogue
//! read them from here, so the three agree.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_names_round_trip() {
        for level in LogLevel::ALL {
            assert_eq!(LogLevel::from_name(level.name()), Some(level));
        }
    }
}
