use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(401, format = "none", message = "log in first", header("WWW-Authenticate" = "Bearer"), allow(missing_error_body))]
    Unauthorized,
}

fn main() {}
