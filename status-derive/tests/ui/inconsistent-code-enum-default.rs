use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(code = "ERROR")]
enum ApiError {
    #[status(400)]
    BadInput,
    #[status(409)]
    Conflict,
}

fn main() {}
