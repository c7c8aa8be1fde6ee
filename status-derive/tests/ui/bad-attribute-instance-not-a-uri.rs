use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, instance = "/users/not found")]
    UserNotFound,
}

fn main() {}
