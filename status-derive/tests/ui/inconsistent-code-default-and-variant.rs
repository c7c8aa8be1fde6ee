use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(400, code = "INVALID")]
enum ApiError {
    BadInput,
    MissingField,
    #[status(422, code = "INVALID")]
    Unprocessable,
}

fn main() {}
