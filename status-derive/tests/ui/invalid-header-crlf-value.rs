use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, header("X-Reason" = "bad\r\nSet-Cookie: session=stolen"))]
    Injected,
}

fn main() {}
