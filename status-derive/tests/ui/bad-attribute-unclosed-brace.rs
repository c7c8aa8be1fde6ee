use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, message = "user {id not found")]
    Missing { id: u64 },
}

fn main() {}
