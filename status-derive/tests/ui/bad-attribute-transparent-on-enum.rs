use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(transparent)]
enum ApiError {
    #[status(404)]
    Missing,
}

fn main() {}
