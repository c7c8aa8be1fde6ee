use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(429, allow(missing_retry_afer))]
    SlowDown,
}

fn main() {}
