#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum RangeError {
    #[status(416)]
    Unsatisfiable,
}

fn main() {}
