use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(code = "ERROR", codes = "snake_case")]
enum ApiError {
    #[status(404)]
    UserNotFound,
}

fn main() {}
