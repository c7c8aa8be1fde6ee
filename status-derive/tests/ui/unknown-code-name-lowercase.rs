use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(too_many_requests, header("Retry-After" = "1"))]
    SlowDown,
}

fn main() {}
