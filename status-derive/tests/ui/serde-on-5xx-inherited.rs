use http_status::HttpStatus;

#[derive(serde::Serialize, HttpStatus)]
#[status(500, format = "serde")]
enum DbError {
    Db(String),
}

fn main() {}
