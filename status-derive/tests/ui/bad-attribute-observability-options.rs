use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(code_header = "Retry-After", domain = "users example")]
enum ApiError {
    #[status(404, level = "warning")]
    Missing,
    #[status(409, grpc = "ABORT")]
    Conflict,
    #[status(503, retryable = "yes", header("Retry-After" = "5"))]
    Down,
}

fn main() {}
