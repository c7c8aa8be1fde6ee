#![deny(warnings)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(429, header("Retry-After" = "30"), header("Expires" = "Wed, 21 Oct 2015 07:28:00 GMT"))]
    RateLimited,
}

fn main() {}
