use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(306, header("Location" = "/elsewhere"))]
    SwitchProxy,
}

fn main() {}
