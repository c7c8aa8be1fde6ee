use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, header("Keep-Alive" = "timeout=5"), header("TE" = "trailers"), header("Trailer" = "Expires"), header("Proxy-Connection" = "close"))]
    Invalid,
}

fn main() {}
