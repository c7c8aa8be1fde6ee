use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(204, message = "deleted")]
    Deleted,
}

fn main() {}
