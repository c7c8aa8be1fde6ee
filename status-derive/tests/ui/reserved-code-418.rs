use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(IM_A_TEAPOT)]
    Teapot,
}

fn main() {}
