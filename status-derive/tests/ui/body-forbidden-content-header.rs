use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(204, header("Content-Encoding" = "gzip"))]
    Deleted,
}

fn main() {}
