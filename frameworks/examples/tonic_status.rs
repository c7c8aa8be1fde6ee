//! The users API's errors as gRPC statuses: what a tonic service returns with `?` on the same
//! derived type its REST twin sends as problem details.
//!
//!     cargo run -p http-status-frameworks --example tonic_status

#[path = "../../examples/shared/api.rs"]
mod api;

use api::find_user;

fn main() {
    println!(
        "{:<5} {:<20} {:<35} error-code",
        "id", "gRPC code", "message"
    );
    for id in [42, 401, 409, 429, 500] {
        let Err(error) = find_user(id) else { continue };
        let status = tonic::Status::from(&error);
        let code = status
            .metadata()
            .get("error-code")
            .and_then(|value| value.to_str().ok())
            .unwrap_or("-");
        println!(
            "{:<5} {:<20} {:<35} {code}",
            id,
            format!("{:?}", status.code()),
            status.message()
        );
    }
}
