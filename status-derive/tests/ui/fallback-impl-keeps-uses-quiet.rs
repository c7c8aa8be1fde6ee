use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(401)]
    Unauthenticated,
}

fn respond(error: &impl HttpStatus) -> u16 {
    error.status().as_u16()
}

fn handler() -> u16 {
    respond(&ApiError::Unauthenticated)
}

fn main() {}
