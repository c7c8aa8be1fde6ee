use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(401, header("WWW-Authenticate" = ""))]
    Unauthenticated,
}

fn main() {}
