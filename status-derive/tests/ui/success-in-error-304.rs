use http_status::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("not modified")]
    #[status(304)]
    NotModified,
}

fn main() {}
