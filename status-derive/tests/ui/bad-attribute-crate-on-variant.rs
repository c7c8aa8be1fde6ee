use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, crate = "http_status")]
    Missing,
}

fn main() {}
