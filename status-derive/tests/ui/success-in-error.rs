use http_status::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("created anyway")]
    #[status(200)]
    Weird,
}

fn main() {}
