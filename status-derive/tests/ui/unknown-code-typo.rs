use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(4044)]
    NotFound,
}

fn main() {}
