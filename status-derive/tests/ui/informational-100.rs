use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(100)]
    Continue,
}

fn main() {}
