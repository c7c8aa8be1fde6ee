//! The IANA HTTP Status Code Registry as `const` data, with the facts RFC 9110 and its
//! companions state about each code: class, defining section, whether it is final, whether it
//! may carry content, the header fields it MUST / SHOULD / MAY carry, caching, and its standing
//! in the registry.
//!
//! It also knows the header fields those facts name ([`header`]): which names are valid, which
//! fields the HTTP library owns, which describe content or are connection-specific, and the
//! grammar of their values.
//!
//! This crate is the single source of truth of `http-status`: the derive checks
//! `#[status(...)]` attributes against it at compile time, and the runtime takes reason phrases
//! from it and checks interpolated header values with the same functions. Users reach it as
//! `http_status::codes`.
//!
//! ```
//! use http_status_core::{lookup, lookup_name, Class, Registry};
//!
//! let teapot = lookup(418).unwrap();
//! assert_eq!(teapot.registry, Registry::Reserved);
//!
//! let too_large = lookup_name("PAYLOAD_TOO_LARGE").unwrap();
//! assert_eq!((too_large.code, too_large.reason), (413, "Content Too Large"));
//! assert_eq!(too_large.class, Class::ClientError);
//!
//! assert!(lookup(499).is_none()); // unassigned
//! ```
#![no_std]
#![deny(missing_docs)]

mod buffer;
#[doc(hidden)]
pub mod catalog;
mod defaults;
pub mod grpc;
pub mod header;
mod registry;
mod required;
mod vocab;

pub use defaults::{retryable_by_default, LogLevel};
pub use registry::ENTRIES;
pub use required::{for_each_required, required_headers, Required};
pub use vocab::{BodyFormat, ValueKind, APPLICATION_JSON, PROBLEM_JSON, TEXT_PLAIN};

/// Everything the registry and the RFCs say about one status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusInfo {
    /// The three-digit code.
    pub code: u16,
    /// The IANA / RFC 9110 reason phrase ("Content Too Large", not the older "Payload Too
    /// Large"). RFC 9457 §4.2.1 wants this phrase as the `title` of an `about:blank` problem.
    pub reason: &'static str,
    /// The constant name, spelled after the current reason phrase (`CONTENT_TOO_LARGE`).
    pub name: &'static str,
    /// Other names accepted for the code: the `http` crate's constant where it differs, and
    /// former reason phrases (`PAYLOAD_TOO_LARGE`, `UNPROCESSABLE_ENTITY`).
    pub aliases: &'static [&'static str],
    /// The `http::StatusCode` associated constant for this code, if `http` 1.x has one.
    pub http_name: Option<&'static str>,
    /// The class given by the first digit.
    pub class: Class,
    /// The defining document and section, e.g. `"RFC 9110 §15.5.5"`.
    pub spec: &'static str,
    /// Whether the code can end an exchange; only 2xx–5xx can (RFC 9110 §15).
    pub final_response: bool,
    /// Whether a response with this code never carries content (1xx, 204, 304: RFC 9110
    /// §6.4.1; 205: "MUST NOT generate content", §15.3.6).
    pub content_forbidden: bool,
    /// Header fields the response MUST carry.
    pub must_headers: &'static [HeaderRule],
    /// Header fields the response SHOULD carry.
    pub should_headers: &'static [HeaderRule],
    /// Header fields the specification explicitly lets the response carry (MAY) and that
    /// clients rely on in practice.
    pub may_headers: &'static [HeaderRule],
    /// How caches may treat the response by default.
    pub cache: Cache,
    /// The code's standing in the IANA registry.
    pub registry: Registry,
    /// Whether the user agent follows the `Location` field automatically (301, 302, 303, 307,
    /// 308: RFC 9110 §15.4); such a response is useless without one.
    pub redirect: bool,
    /// The specification reserves the code "for future use" (402, RFC 9110 §15.5.3).
    pub reserved_for_future_use: bool,
}

/// The class of a status code, given by its first digit (RFC 9110 §15).
///
/// ```
/// use http_status_core::Class;
///
/// assert_eq!(Class::of(404), Some(Class::ClientError));
/// assert_eq!(Class::of(600), None);
/// // A client treats an unknown 4xx as a 400.
/// assert_eq!(Class::ClientError.fallback(), 400);
/// assert_eq!(Class::ServerError.describe(), "server error");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// 1xx: interim responses; never final.
    Informational,
    /// 2xx: the request was received, understood and accepted.
    Success,
    /// 3xx: further action is needed to complete the request.
    Redirection,
    /// 4xx: the request is wrong.
    ClientError,
    /// 5xx: the server failed to fulfil a valid request.
    ServerError,
}

impl Class {
    /// The class of any code in 100–599; `None` outside that range, where codes are invalid
    /// (RFC 9110 §15).
    pub const fn of(code: u16) -> Option<Class> {
        match code {
            100..=199 => Some(Class::Informational),
            200..=299 => Some(Class::Success),
            300..=399 => Some(Class::Redirection),
            400..=499 => Some(Class::ClientError),
            500..=599 => Some(Class::ServerError),
            _ => None,
        }
    }

    /// The `x00` code a client treats an unrecognised code of this class as (RFC 9110 §15).
    pub const fn fallback(self) -> u16 {
        match self {
            Class::Informational => 100,
            Class::Success => 200,
            Class::Redirection => 300,
            Class::ClientError => 400,
            Class::ServerError => 500,
        }
    }

    /// A short name: "informational", "success", "redirection", "client error", "server error".
    pub const fn describe(self) -> &'static str {
        match self {
            Class::Informational => "informational",
            Class::Success => "success",
            Class::Redirection => "redirection",
            Class::ClientError => "client error",
            Class::ServerError => "server error",
        }
    }
}

/// Caching of a response with this code when it carries no explicit freshness.
///
/// ```
/// use http_status_core::{lookup, Cache};
///
/// assert_eq!(lookup(404).unwrap().cache, Cache::Heuristic);
/// assert_eq!(lookup(429).unwrap().cache, Cache::MustNotStore);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cache {
    /// Reusable with heuristic freshness (RFC 9110 §15.1, RFC 9111 §4.2.2).
    Heuristic,
    /// Storable only with explicit freshness information (RFC 9111 §3).
    NotByDefault,
    /// Caches MUST NOT store it at all (428, 429, 431, 511: RFC 6585).
    MustNotStore,
    /// 226: "MAY be stored by a cache", subject to expiration and Cache-Control (RFC 3229).
    Conditional,
    /// Interim (1xx) and reserved codes: never a stored final response.
    NotApplicable,
}

/// The standing of a code in the IANA HTTP Status Code Registry.
///
/// ```
/// use http_status_core::{lookup, Registry};
///
/// assert_eq!(lookup(404).unwrap().registry, Registry::Assigned);
/// assert_eq!(lookup(306).unwrap().registry, Registry::Reserved);
/// assert_eq!(lookup(510).unwrap().registry, Registry::Obsoleted);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Registry {
    /// A current, permanent registration.
    Assigned,
    /// A provisional registration from an Internet-Draft (104).
    Temporary,
    /// "(Unused)": reserved, must not be sent (306, 418).
    Reserved,
    /// Deprecated by the specification (305, for security reasons).
    Deprecated,
    /// Marked "(OBSOLETED)" by IANA (510: RFC 2774 is Historic).
    Obsoleted,
}

/// How strongly a specification asks for a header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// RFC 2119 MUST.
    Must,
    /// RFC 2119 SHOULD.
    Should,
    /// RFC 2119 MAY.
    May,
}

/// A header field a specification names for a status code.
///
/// ```
/// use http_status_core::{lookup, Level};
///
/// let unauthorized = lookup(401).unwrap();
/// let challenge = &unauthorized.must_headers[0];
/// assert_eq!((challenge.name, challenge.level), ("WWW-Authenticate", Level::Must));
///
/// let too_many = lookup(429).unwrap();
/// let retry_after = &too_many.may_headers[0];
/// assert_eq!((retry_after.name, retry_after.level), ("Retry-After", Level::May));
/// assert_eq!(retry_after.lint, Some("missing_retry_after"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeaderRule {
    /// The field name in its usual spelling, e.g. `"WWW-Authenticate"`.
    pub name: &'static str,
    /// MUST, SHOULD or MAY.
    pub level: Level,
    /// The condition under which the requirement applies, when it is not unconditional
    /// (e.g. `"if the server has a preferred choice"`).
    pub condition: Option<&'static str>,
    /// Whether an empty value satisfies the requirement (an empty `Allow` is legal,
    /// RFC 9110 §10.2.1; an empty `WWW-Authenticate` carries no challenge).
    pub empty_ok: bool,
    /// The section that states it.
    pub spec: &'static str,
    /// A typical value, used in suggestions.
    pub example: &'static str,
    /// The name of the `http-status` warning that reports the field missing, for SHOULD and
    /// MAY fields worth a warning. Missing MUST fields are always errors.
    pub lint: Option<&'static str>,
    /// The specification's own sentence about the field, for messages that must not put a
    /// modal verb in its mouth (RFC 9110 §15.3.2 has none for a 201's `Location`).
    pub says: Option<&'static str>,
}

impl StatusInfo {
    /// Whether the code is a client or server error (4xx or 5xx).
    ///
    /// ```
    /// assert!(http_status_core::lookup(503).unwrap().is_error());
    /// assert!(!http_status_core::lookup(204).unwrap().is_error());
    /// ```
    pub const fn is_error(&self) -> bool {
        matches!(self.class, Class::ClientError | Class::ServerError)
    }
}

/// Looks a code up; `None` for codes the registry has not assigned (e.g. 299, 499, 600).
///
/// ```
/// let info = http_status_core::lookup(413).unwrap();
/// assert_eq!(info.reason, "Content Too Large");
/// assert_eq!(info.spec, "RFC 9110 §15.5.14");
/// assert!(http_status_core::lookup(499).is_none());
/// ```
pub const fn lookup(code: u16) -> Option<&'static StatusInfo> {
    let mut lo = 0;
    let mut hi = ENTRIES.len();
    while lo < hi {
        let mid = (lo + hi) / 2;
        let entry = &ENTRIES[mid];
        if entry.code == code {
            return Some(entry);
        }
        if entry.code < code {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

/// Looks a code up by its constant name or one of its aliases (`"NOT_FOUND"`,
/// `"UNPROCESSABLE_ENTITY"`); exact, case-sensitive.
///
/// ```
/// use http_status_core::lookup_name;
///
/// assert_eq!(lookup_name("UNPROCESSABLE_ENTITY").map(|i| i.code), Some(422));
/// assert_eq!(lookup_name("UNPROCESSABLE_CONTENT").map(|i| i.code), Some(422));
/// assert!(lookup_name("not_found").is_none());
/// ```
pub const fn lookup_name(name: &str) -> Option<&'static StatusInfo> {
    let mut i = 0;
    while i < ENTRIES.len() {
        let entry = &ENTRIES[i];
        if str_eq(entry.name, name) {
            return Some(entry);
        }
        let mut a = 0;
        while a < entry.aliases.len() {
            if str_eq(entry.aliases[a], name) {
                return Some(entry);
            }
            a += 1;
        }
        i += 1;
    }
    None
}

/// Every registry entry, in ascending order of code.
///
/// ```
/// let forbidding: Vec<u16> = http_status_core::iter()
///     .filter(|info| info.content_forbidden && info.final_response)
///     .map(|info| info.code)
///     .collect();
/// assert_eq!(forbidding, [204, 205, 304]);
/// ```
pub fn iter() -> core::slice::Iter<'static, StatusInfo> {
    ENTRIES.iter()
}

/// Whether `code` is in 100–599 but not assigned by IANA (clients treat it as the class's
/// `x00`, RFC 9110 §15).
///
/// ```
/// assert!(http_status_core::is_unassigned(499));
/// assert!(!http_status_core::is_unassigned(404));
/// assert!(!http_status_core::is_unassigned(600));
/// ```
pub const fn is_unassigned(code: u16) -> bool {
    Class::of(code).is_some() && lookup(code).is_none()
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
