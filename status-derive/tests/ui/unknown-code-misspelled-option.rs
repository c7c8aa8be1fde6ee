use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(transparnt)]
    Inner(Other),
}

#[derive(HttpStatus)]
#[status(500)]
struct Other;

fn main() {}
