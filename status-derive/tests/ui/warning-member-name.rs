#![deny(warnings)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(409)]
    Conflict {
        #[status(extension)]
        id: u64,
        #[status(extension = "current-version")]
        version: u64,
    },
}

fn main() {}
