use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(401)]
    Unauthenticated,
}

fn main() {}
