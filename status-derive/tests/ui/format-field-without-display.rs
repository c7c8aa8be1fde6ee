use http_status::HttpStatus;

struct UserId(u64);

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, message = "user {0} not found")]
    UserNotFound(UserId),
}

fn main() {}
