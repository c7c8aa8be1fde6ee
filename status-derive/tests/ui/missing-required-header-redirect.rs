use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Redirect {
    #[status(308)]
    Moved,
}

fn main() {}
