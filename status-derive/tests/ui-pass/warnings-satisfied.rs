#![deny(warnings)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(429, header("Retry-After" = "{seconds}"))]
    RateLimited { seconds: u64 },
    #[status(503, header("retry-after" = "120"))]
    Maintenance,
    #[status(300, header("Location" = "/en"))]
    Ambiguous,
    #[status(416, header("Content-Range" = "bytes */{length}"))]
    BadRange { length: u64 },
}

fn main() {
    let error = ApiError::RateLimited { seconds: 3 };
    assert_eq!(error.headers()["retry-after"], "3");
    assert_eq!(ApiError::Maintenance.headers()["retry-after"], "120");
    assert_eq!(ApiError::Ambiguous.headers()["location"], "/en");
    assert_eq!(ApiError::BadRange { length: 10 }.headers()["content-range"], "bytes */10");
}
