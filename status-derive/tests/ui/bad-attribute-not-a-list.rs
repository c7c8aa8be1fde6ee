use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status]
    Missing,
}

fn main() {}
