#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(429)]
    RateLimited,
}

fn main() {}
