use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400)]
    Invalid(#[status(extension)] String),
}

fn main() {}
