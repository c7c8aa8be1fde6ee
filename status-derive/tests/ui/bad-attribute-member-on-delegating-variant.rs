use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(404)]
struct Inner;

#[derive(HttpStatus)]
struct Outer {
    #[status(delegate)]
    inner: Inner,
    #[status(extension)]
    context: String,
}

fn main() {}
