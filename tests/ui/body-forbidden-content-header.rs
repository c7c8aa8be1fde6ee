use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(304, header("ETag" = "\"v1\""), header("Content-Language" = "en"))]
    NotModified,
}

fn main() {}
