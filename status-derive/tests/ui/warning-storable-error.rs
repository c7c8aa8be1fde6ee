#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(header("Cache-Control" = "max-age=60"))]
enum ApiError {
    #[status(429, header("Retry-After" = "60"))]
    RateLimited,
    #[status(404)]
    NotFound,
}

fn main() {}
