use http_status::HttpStatus;

#[derive(Debug, HttpStatus)]
enum Outcome {
    #[status(204)]
    Deleted,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("done")]
    #[status(transparent)]
    Done(Outcome),
}

fn main() {}
