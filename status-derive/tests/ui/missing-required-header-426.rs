use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(426)]
    UseTls,
}

fn main() {}
