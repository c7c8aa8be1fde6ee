#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, format = "none")]
    NotFound,
}

fn main() {}
