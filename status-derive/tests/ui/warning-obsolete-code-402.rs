#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(PAYMENT_REQUIRED)]
    PayFirst,
}

fn main() {}
