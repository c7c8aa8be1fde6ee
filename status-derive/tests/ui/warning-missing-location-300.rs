#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Choice {
    #[status(300, message = "several representations match")]
    Ambiguous,
}

fn main() {}
