use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(format = "problme")]
enum ApiError {
    #[status(404)]
    Missing,
}

fn main() {}
