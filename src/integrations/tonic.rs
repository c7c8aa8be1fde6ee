//! `tonic` feature: `From<E>` and `From<&E>` for `tonic::Status`, so one error type serves a
//! REST and a gRPC API. The gRPC code comes from the HTTP status by the standard mapping
//! (google.rpc.Code, AIP-193); the message and the machine-readable code come from the body
//! HTTP clients get, so a hidden 5xx text stays hidden on gRPC too.

use crate::HttpStatus;
use tonic::{Code, Status};

/// The metadata key that carries the body's `code` member.
pub const CODE_KEY: &str = "error-code";

/// The gRPC code for an HTTP status (google.rpc.Code's HTTP mappings, AIP-193). 409 is
/// `AlreadyExists` (a REST 409 is most often a duplicate; `Aborted` shares the mapping); a
/// 4xx without a mapping is `FailedPrecondition`, a 5xx `Internal`, anything else `Unknown`.
pub fn code_for(status: u16) -> Code {
    match status {
        400 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 | 410 => Code::NotFound,
        405 | 501 => Code::Unimplemented,
        408 | 504 => Code::DeadlineExceeded,
        409 => Code::AlreadyExists,
        412 | 428 => Code::FailedPrecondition,
        413 | 429 => Code::ResourceExhausted,
        416 => Code::OutOfRange,
        499 => Code::Cancelled,
        502 | 503 => Code::Unavailable,
        _ if (400..500).contains(&status) => Code::FailedPrecondition,
        _ if (500..600).contains(&status) => Code::Internal,
        _ => Code::Unknown,
    }
}

/// The `Status` of a value: the code for its HTTP status, the detail its body sends (else
/// the title, else the reason phrase) as the message, and its `code` member as
/// `error-code` metadata.
pub fn status<T: HttpStatus + ?Sized>(value: &T) -> Status {
    let response = value.to_response();
    let http_status = response.status();
    let reason = http_status.canonical_reason().unwrap_or("Error");
    let content_type = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let (message, code) = if content_type.ends_with("json") {
        let body: serde_json::Value =
            serde_json::from_slice(response.body()).unwrap_or(serde_json::Value::Null);
        let text = |key: &str| body.get(key).and_then(serde_json::Value::as_str);
        let message = text("detail")
            .or_else(|| text("message"))
            .or_else(|| text("title"))
            .or_else(|| text("error"))
            .unwrap_or(reason)
            .to_owned();
        (message, text("code").map(str::to_owned))
    } else if content_type.starts_with("text/plain") && !response.body().is_empty() {
        (String::from_utf8_lossy(response.body()).into_owned(), None)
    } else {
        (reason.to_owned(), None)
    };
    let mut status = Status::new(code_for(http_status.as_u16()), message);
    if let Some(code) = code.and_then(|code| code.parse().ok()) {
        status.metadata_mut().insert(CODE_KEY, code);
    }
    status
}

/// The method that visits a value's interpolated fields, for `ErrorInfo.metadata`: the derive
/// writes it into this macro, which keeps it only with the `tonic` feature (no other build
/// pays for it).
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_grpc_fields {
    ($($item:tt)*) => {
        $($item)*
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_tonic {
    // Generics arrive as `< … >`; the open bracket is matched and the rest (closing bracket
    // included) is spliced after the impl's own lifetime.
    (impl [< $($rest:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        $crate::__http_status_tonic! { @impl [< $($rest)*] [<'__http_status_ref, $($rest)*] for [$($ty)*] where [$($predicates)*] }
    };
    (impl [] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        $crate::__http_status_tonic! { @impl [] [<'__http_status_ref>] for [$($ty)*] where [$($predicates)*] }
    };
    (@impl [$($generics:tt)*] [$($with_ref:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status
        where
            $($predicates)*
        {
            fn from(value: $($ty)*) -> Self {
                $crate::__private::tonic_status(&value)
            }
        }

        #[automatically_derived]
        impl $($with_ref)* ::core::convert::From<&'__http_status_ref $($ty)*>
            for $crate::__private::tonic::Status
        where
            $($predicates)*
        {
            fn from(value: &'__http_status_ref $($ty)*) -> Self {
                $crate::__private::tonic_status(value)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_mapping() {
        let cases = [
            (400, Code::InvalidArgument),
            (401, Code::Unauthenticated),
            (403, Code::PermissionDenied),
            (404, Code::NotFound),
            (409, Code::AlreadyExists),
            (412, Code::FailedPrecondition),
            (416, Code::OutOfRange),
            (418, Code::FailedPrecondition),
            (429, Code::ResourceExhausted),
            (499, Code::Cancelled),
            (500, Code::Internal),
            (501, Code::Unimplemented),
            (503, Code::Unavailable),
            (504, Code::DeadlineExceeded),
            (507, Code::Internal),
            (201, Code::Unknown),
        ];
        for (status, code) in cases {
            assert_eq!(code_for(status), code, "{status}");
        }
    }
}
