use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(409, message = "{1} is taken")]
    Taken(String),
}

fn main() {}
