use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(EARLY_HINTS)]
    Hints,
}

fn main() {}
