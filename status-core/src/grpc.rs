//! gRPC status codes (google.rpc.Code), and the one mapping from an HTTP status to the code an
//! application reports for it: the table google.rpc.Code documents for HTTP APIs (AIP-193),
//! never the transport table of gRPC-over-HTTP/2 (which maps 404 to UNIMPLEMENTED). The
//! derive checks `grpc = "…"` names against [`CODES`]; the runtime, the catalogue and the
//! Google JSON error format use [`code_for_status`].

/// A gRPC status code: its canonical name and number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrpcCode {
    /// `"NOT_FOUND"`.
    pub name: &'static str,
    /// `5`.
    pub number: i32,
}

const fn code(name: &'static str, number: i32) -> GrpcCode {
    GrpcCode { name, number }
}

/// Every code of google.rpc.Code, in numeric order.
pub const CODES: &[GrpcCode] = &[
    code("OK", 0),
    code("CANCELLED", 1),
    code("UNKNOWN", 2),
    code("INVALID_ARGUMENT", 3),
    code("DEADLINE_EXCEEDED", 4),
    code("NOT_FOUND", 5),
    code("ALREADY_EXISTS", 6),
    code("PERMISSION_DENIED", 7),
    code("RESOURCE_EXHAUSTED", 8),
    code("FAILED_PRECONDITION", 9),
    code("ABORTED", 10),
    code("OUT_OF_RANGE", 11),
    code("UNIMPLEMENTED", 12),
    code("INTERNAL", 13),
    code("UNAVAILABLE", 14),
    code("DATA_LOSS", 15),
    code("UNAUTHENTICATED", 16),
];

/// The code named `name` (`"ABORTED"`).
///
/// ```
/// use http_status_core::grpc::{code_named, code_for_status};
/// assert_eq!(code_named("ABORTED").map(|c| c.number), Some(10));
/// assert_eq!(code_for_status(422).name, "INVALID_ARGUMENT");
/// ```
pub fn code_named(name: &str) -> Option<GrpcCode> {
    CODES.iter().copied().find(|code| code.name == name)
}

/// The code an application reports for an HTTP status (google.rpc.Code's HTTP mapping). Where
/// HTTP is ambiguous (400, 409 and 500 each stand for several codes), the most common reading:
/// 400 INVALID_ARGUMENT, 409 ALREADY_EXISTS (a duplicate; `grpc = "ABORTED"` for a concurrency
/// conflict), 500 INTERNAL. Any other 4xx is FAILED_PRECONDITION, any other 5xx INTERNAL, and a
/// non-error UNKNOWN (never OK: a status built from a value is an error to its client).
pub const fn code_for_status(status: u16) -> GrpcCode {
    let name = match status {
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
    };
    let mut i = 0;
    while i < CODES.len() {
        if crate::str_eq(CODES[i].name, name) {
            return CODES[i];
        }
        i += 1;
    }
    code("UNKNOWN", 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_mapping() {
        for (status, name) in [
            (400, "INVALID_ARGUMENT"),
            (401, "UNAUTHENTICATED"),
            (403, "PERMISSION_DENIED"),
            (404, "NOT_FOUND"),
            (409, "ALREADY_EXISTS"),
            (412, "FAILED_PRECONDITION"),
            (416, "OUT_OF_RANGE"),
            (418, "FAILED_PRECONDITION"),
            (422, "INVALID_ARGUMENT"),
            (429, "RESOURCE_EXHAUSTED"),
            (499, "CANCELLED"),
            (500, "INTERNAL"),
            (501, "UNIMPLEMENTED"),
            (503, "UNAVAILABLE"),
            (504, "DEADLINE_EXCEEDED"),
            (507, "INTERNAL"),
            (201, "UNKNOWN"),
            (302, "UNKNOWN"),
        ] {
            assert_eq!(code_for_status(status).name, name, "{status}");
        }
        for (number, code) in CODES.iter().enumerate() {
            assert_eq!(code.number as usize, number);
            assert_eq!(code_named(code.name), Some(*code));
        }
    }
}
