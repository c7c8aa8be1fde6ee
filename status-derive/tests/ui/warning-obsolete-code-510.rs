#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(510)]
    NotExtended,
}

fn main() {}
