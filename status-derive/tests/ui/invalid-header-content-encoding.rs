use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, header("Content-Encoding" = "gzip"))]
    Invalid,
}

fn main() {}
