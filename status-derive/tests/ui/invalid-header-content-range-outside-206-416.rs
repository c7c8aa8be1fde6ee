use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, header("Content-Range" = "bytes */1234"))]
    NotFound,
}

fn main() {}
