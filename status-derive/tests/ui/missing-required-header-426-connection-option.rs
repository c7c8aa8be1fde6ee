use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(426, header("Upgrade" = "TLS/1.2, HTTP/1.1"), header("Connection" = "close"))]
    UseTls,
}

fn main() {}
