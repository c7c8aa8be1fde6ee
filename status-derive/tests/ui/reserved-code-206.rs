use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(206)]
    Partial,
}

fn main() {}
