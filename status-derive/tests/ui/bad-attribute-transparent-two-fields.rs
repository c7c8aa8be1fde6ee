use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(500)]
struct Inner;

#[derive(HttpStatus)]
enum ApiError {
    #[status(transparent)]
    Wrapped(Inner, u32),
}

fn main() {}
