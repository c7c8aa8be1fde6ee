use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(407)]
    ProxyAuth,
}

fn main() {}
