use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(204)]
    Deleted {
        #[status(extension)]
        count: u64,
    },
}

fn main() {}
