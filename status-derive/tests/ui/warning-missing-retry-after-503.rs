#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(SERVICE_UNAVAILABLE, message = "down for maintenance")]
    Maintenance,
}

fn main() {}
