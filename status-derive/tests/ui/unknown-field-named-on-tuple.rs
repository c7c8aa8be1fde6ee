use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(409, message = "{email} is taken")]
    Taken(String),
}

fn main() {}
