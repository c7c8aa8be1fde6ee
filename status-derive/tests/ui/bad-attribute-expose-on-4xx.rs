use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, expose)]
    Invalid { reason: String },
}

fn main() {}
