use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(401, header("WWW-Authenticate" = "realm=api"))]
    NoScheme,
    #[status(401, header("WWW-Authenticate" = ","))]
    Empty,
}

fn main() {}
