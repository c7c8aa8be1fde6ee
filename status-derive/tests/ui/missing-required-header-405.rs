use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(METHOD_NOT_ALLOWED)]
    WrongMethod,
}

fn main() {}
