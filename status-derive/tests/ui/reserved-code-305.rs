use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(305, header("Location" = "http://proxy.example"))]
    UseProxy,
}

fn main() {}
