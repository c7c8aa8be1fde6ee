use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(409, format = "serde")]
struct Conflict {
    id: u64,
}

fn main() {}
