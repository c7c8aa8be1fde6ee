#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(201)]
    Created,
}

fn main() {}
