use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(code = 404)]
    Missing,
}

fn main() {}
