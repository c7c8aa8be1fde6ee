use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(NOT_FUOND)]
    NotFound,
}

fn main() {}
