use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(404)]
pub struct Missing;

#[derive(HttpStatus)]
#[status(decode)]
enum ApiError {
    #[status(transparent)]
    Missing(Missing),
}

fn main() {}
