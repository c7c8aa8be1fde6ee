use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(503, header("Retry After" = "120"))]
    Maintenance,
}

fn main() {}
