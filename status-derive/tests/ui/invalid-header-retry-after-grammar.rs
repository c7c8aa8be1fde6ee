use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(503, header("Retry-After" = "in a minute"))]
    Maintenance,
}

fn main() {}
