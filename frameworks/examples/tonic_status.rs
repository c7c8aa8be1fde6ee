//! The users API's errors as gRPC statuses: what a tonic service returns with `?` on the same
//! derived type its REST twin sends as problem details, with the `google.rpc` details a gRPC
//! client reads (tonic-types' `StatusExt`), and the value a client decodes back.
//!
//!     cargo run -p http-status-frameworks --example tonic_status

#[path = "../../examples/shared/api.rs"]
mod api;

use api::{find_user, ApiError};
use http_status::Decode;
use tonic_types::StatusExt;

fn main() {
    for id in [42, 401, 409, 422, 429, 500] {
        let Err(error) = find_user(id) else { continue };
        let status = tonic::Status::from(&error);
        println!("{:?}: {:?} {:?}", error, status.code(), status.message());
        if let Some(info) = status.get_details_error_info() {
            let mut metadata: Vec<_> = info.metadata.into_iter().collect();
            metadata.sort();
            println!(
                "  ErrorInfo {{ reason: {:?}, domain: {:?}, metadata: {metadata:?} }}",
                info.reason, info.domain
            );
        }
        if let Some(retry) = status.get_details_retry_info() {
            println!("  RetryInfo {{ retry_delay: {:?} }}", retry.retry_delay);
        }
        let decoded: Result<ApiError, _> = ApiError::from_grpc(&status);
        println!("  decoded: {decoded:?}");
    }
}
