use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(499)]
    ClientClosedRequest,
}

fn main() {}
