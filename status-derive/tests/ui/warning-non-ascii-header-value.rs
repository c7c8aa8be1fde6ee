#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, header("X-Reason" = "données invalides"))]
    Invalid,
}

fn main() {}
