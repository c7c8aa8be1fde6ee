use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(401, allow(missing_required_header))]
    Unauthenticated,
}

fn main() {}
