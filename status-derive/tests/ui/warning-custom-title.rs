#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, reason = "No Such User")]
    NoSuchUser,
}

fn main() {}
