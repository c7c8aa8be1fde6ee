use http_status::HttpStatus;

#[derive(serde::Serialize, HttpStatus)]
#[status(500, format = "serde")]
struct Internal {
    query: String,
}

fn main() {}
