use http_status::HttpStatus;

struct NotAnError;

#[derive(HttpStatus)]
enum ApiError {
    #[status(transparent)]
    Wrapped(NotAnError),
}

fn main() {}
