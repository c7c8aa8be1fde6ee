use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, message = "user {id:q} not found")]
    UserNotFound { id: u64 },
}

fn main() {}
