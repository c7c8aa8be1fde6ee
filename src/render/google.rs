//! `format = "google"`: Google's JSON error (AIP-193), for HTTP clients of an API that also
//! speaks gRPC or sits behind a gRPC-JSON transcoder:
//! `{"error":{"code":404,"message":…,"status":"NOT_FOUND","details":[…]}}`, `code` being the
//! HTTP status, `status` the gRPC code's name, and `details` the `google.rpc` messages in their
//! JSON form (an `ErrorInfo` whose reason is the machine-readable code).

use crate::problem::Problem;
use serde::ser::{SerializeMap, Serializer};

const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";

/// Writes the body of `problem`; a hidden detail is already `None` there.
pub(crate) fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
    let mut serializer = serde_json::Serializer::new(&mut *body);
    // Writing into a Vec fails only if a member's Serialize does; members are probed first.
    let _ = (|| -> Result<(), serde_json::Error> {
        let mut outer = serializer.serialize_map(Some(1))?;
        outer.serialize_entry("error", &Status(problem))?;
        outer.end()
    })();
}

/// The `error` object.
struct Status<'p, 'a>(&'p Problem<'a>);

impl serde::Serialize for Status<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let problem = self.0;
        let status = problem.status().as_u16();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &status)?;
        map.serialize_entry("message", problem.detail().unwrap_or(problem.title()))?;
        map.serialize_entry(
            "status",
            http_status_core::grpc::code_for_status(status).name,
        )?;
        if let Some(code) = problem.code() {
            map.serialize_entry("details", &[ErrorInfo(code)])?;
        }
        map.end()
    }
}

/// `google.rpc.ErrorInfo`.
struct ErrorInfo<'a>(&'a str);

impl serde::Serialize for ErrorInfo<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("@type", ERROR_INFO)?;
        map.serialize_entry("reason", self.0)?;
        map.end()
    }
}
