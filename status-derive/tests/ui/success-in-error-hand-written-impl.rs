use http_status::HttpStatus;

#[derive(Debug, HttpStatus)]
enum ApiError {
    #[status(200)]
    Fine,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("fine")
    }
}

impl std::error::Error for ApiError {}

fn main() {}
