use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(header("Connection" = "close"))]
enum ApiError {
    #[status(400)]
    Bad,
    #[status(404)]
    Missing,
}

fn main() {}
