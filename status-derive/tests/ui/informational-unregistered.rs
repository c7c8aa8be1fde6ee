use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(150, reason = "Thinking")]
    Thinking,
}

fn main() {}
