use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, message = "not here", message = "gone")]
    Missing,
}

fn main() {}
