use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(422, code = "INVALID_{feild}")]
    Invalid { field: String },
}

fn main() {}
