use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(decode)]
enum ApiError {
    #[status(404, code = "NOT_FOUND_HERE")]
    UserNotFound,
    #[status(404, code = "NOT_FOUND_HERE")]
    TeamNotFound,
    #[status(500)]
    Database,
    #[status(500)]
    Cache,
}

fn main() {}
