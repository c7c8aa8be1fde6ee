#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(allow(missing_content_range))]
enum ApiError {
    #[status(500, allow(missing_retry_after))]
    Internal,
    #[status(404)]
    NotFound,
}

fn main() {}
