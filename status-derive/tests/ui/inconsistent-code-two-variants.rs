use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, code = "NOT_FOUND")]
    UserNotFound,
    #[status(410, code = "NOT_FOUND")]
    UserDeleted,
}

fn main() {}
