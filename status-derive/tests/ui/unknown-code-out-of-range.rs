use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(600)]
    Weird,
}

fn main() {}
