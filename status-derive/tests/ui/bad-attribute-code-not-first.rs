use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(message = "not here", 404)]
    Missing,
}

fn main() {}
