use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, message = "user {user_di} not found")]
    UserNotFound { user_id: u64 },
}

fn main() {}
