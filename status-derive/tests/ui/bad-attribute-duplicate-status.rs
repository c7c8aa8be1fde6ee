use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404)]
    #[status(message = "not here")]
    Missing,
}

fn main() {}
