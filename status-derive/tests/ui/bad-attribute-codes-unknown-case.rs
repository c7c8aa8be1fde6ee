use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(codes = "SCREAMING_SNAKE")]
enum ApiError {
    #[status(404)]
    UserNotFound,
}

fn main() {}
