use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(429, header(Retry_After = "1"))]
    SlowDown,
}

fn main() {}
