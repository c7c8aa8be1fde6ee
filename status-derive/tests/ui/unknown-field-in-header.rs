use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(429, header("Retry-After" = "{secs}"))]
    RateLimited { seconds: u64 },
}

fn main() {}
