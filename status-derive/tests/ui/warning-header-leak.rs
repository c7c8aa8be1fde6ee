#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(500, header("X-Debug" = "{query}"), header("Retry-After" = "{seconds}"))]
    Database { query: String, seconds: u64 },
}

fn main() {}
