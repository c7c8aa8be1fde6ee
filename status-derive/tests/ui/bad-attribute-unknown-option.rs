use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, mesage = "not here")]
    Missing,
}

fn main() {}
