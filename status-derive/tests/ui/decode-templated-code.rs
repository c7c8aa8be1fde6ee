use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(decode)]
enum ApiError {
    #[status(404, code = "{kind}_NOT_FOUND")]
    NotFound { kind: String },
}

fn main() {}
