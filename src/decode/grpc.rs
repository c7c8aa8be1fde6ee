//! `Decode::from_grpc`: a `tonic::Status` read as the response it stands for. The code is
//! `ErrorInfo.reason` (else the `error-code` metadata), the members and interpolated fields are
//! `ErrorInfo.metadata`, the `errors` list is `BadRequest` (dotted paths back to pointers), a
//! `Retry-After` field is `RetryInfo`, and the status is the gRPC code (the HTTP status it
//! stands for, by google.rpc.Code's mapping, is what `Undecoded::status` reports).

use super::received::Received;
use crate::violation::Violation;
use http::StatusCode;
use serde_json::{Map, Value};
use tonic_types::StatusExt as _;

impl<'a> Received<'a> {
    pub(crate) fn grpc(status: &'a tonic::Status) -> Self {
        let details = status.get_error_details();
        let info = details.error_info();
        let code = info
            .map(|info| info.reason.clone())
            .filter(|reason| !reason.is_empty())
            .or_else(|| {
                status
                    .metadata()
                    .get(crate::integrations::tonic::CODE_KEY)
                    .and_then(|value| value.to_str().ok())
                    .map(str::to_owned)
            });
        let metadata: Map<String, Value> = info
            .map(|info| {
                info.metadata
                    .iter()
                    .map(|(name, value)| (name.clone(), Value::String(value.clone())))
                    .collect()
            })
            .unwrap_or_default();
        let violations = details.bad_request().map(|bad_request| {
            bad_request
                .field_violations
                .iter()
                .map(|v| {
                    let violation = Violation::pointer(
                        crate::render::google::pointer_of(&v.field),
                        v.description.clone(),
                    );
                    if v.reason.is_empty() {
                        violation
                    } else {
                        violation.with_code(v.reason.clone())
                    }
                })
                .collect()
        });
        let retry_after = details
            .retry_info()
            .and_then(|info| info.retry_delay)
            .map(|delay| delay.as_secs());
        let grpc = grpc_name(status.code());
        Received::grpc_parts(
            http_status_of(grpc),
            grpc,
            status.message().as_bytes(),
            code,
            metadata,
            violations,
            retry_after,
        )
    }
}

/// The name of a gRPC code (`NOT_FOUND`).
fn grpc_name(code: tonic::Code) -> &'static str {
    http_status_core::grpc::CODES
        .get(code as usize)
        .map_or("UNKNOWN", |code| code.name)
}

/// The HTTP status a gRPC code stands for (google.rpc.Code's documented mapping).
fn http_status_of(grpc: &str) -> StatusCode {
    let status = match grpc {
        "OK" => 200,
        "CANCELLED" => 499,
        "INVALID_ARGUMENT" | "FAILED_PRECONDITION" | "OUT_OF_RANGE" => 400,
        "DEADLINE_EXCEEDED" => 504,
        "NOT_FOUND" => 404,
        "ALREADY_EXISTS" | "ABORTED" => 409,
        "PERMISSION_DENIED" => 403,
        "UNAUTHENTICATED" => 401,
        "RESOURCE_EXHAUSTED" => 429,
        "UNIMPLEMENTED" => 501,
        "UNAVAILABLE" => 503,
        _ => 500,
    };
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}
