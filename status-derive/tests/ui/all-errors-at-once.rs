use http_status::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("a")]
    #[status(4004)]
    A,
    #[error("b")]
    #[status(401)]
    B,
    #[error("c")]
    #[status(404, message = "{missing}")]
    C,
    #[error("d")]
    #[status(200)]
    D,
    #[error("e")]
    #[status(404, mesage = "typo")]
    E,
}

fn main() {}
