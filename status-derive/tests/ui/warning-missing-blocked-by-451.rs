#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(451, header("Link" = "<https://example.org/legal>; rel=\"help\""))]
    Blocked,
}

fn main() {}
