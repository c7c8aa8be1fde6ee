#![deny(deprecated)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(511, header("WWW-Authenticate" = "Bearer"))]
    LogInToTheNetwork,
}

fn main() {}
