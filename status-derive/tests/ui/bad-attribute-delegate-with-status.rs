use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(404)]
struct Inner;

#[derive(HttpStatus)]
enum ApiError {
    #[status(500, message = "failed")]
    Failed {
        #[status(delegate)]
        inner: Inner,
        context: String,
    },
}

fn main() {}
