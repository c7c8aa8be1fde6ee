use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(405, header("Allow" = "GET; HEAD"))]
    MethodNotAllowed,
}

fn main() {}
