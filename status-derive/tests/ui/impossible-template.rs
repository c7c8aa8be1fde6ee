use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(429, header("Retry-After" = "{0}s"))]
    RateLimited(u64),
    #[status(303, header("Location" = "/a b/{0}"))]
    Moved(u64),
    #[status(404, type = "https://example.com/probs/{0} x")]
    Missing(String),
}

fn main() {}
