use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(404)]
struct Inner;

#[derive(HttpStatus)]
struct Outer {
    #[status(delegate)]
    first: Inner,
    #[status(delegate)]
    second: Inner,
}

fn main() {}
