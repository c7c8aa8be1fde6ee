use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, extension)]
    Invalid { field: String },
}

fn main() {}
