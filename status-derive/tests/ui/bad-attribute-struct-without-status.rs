use http_status::HttpStatus;

#[derive(HttpStatus)]
struct Missing;

fn main() {}
