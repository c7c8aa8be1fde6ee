use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(404, codes = "SCREAMING_SNAKE_CASE")]
struct UserNotFound;

fn main() {}
