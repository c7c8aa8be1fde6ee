use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(StatusCode::CONFLCT)]
    Conflict,
}

fn main() {}
