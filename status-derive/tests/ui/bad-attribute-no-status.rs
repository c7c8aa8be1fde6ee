use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404)]
    Missing,
    Conflict,
}

fn main() {}
