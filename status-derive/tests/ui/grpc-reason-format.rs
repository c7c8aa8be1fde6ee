use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(domain = "users.example.com")]
enum ApiError {
    #[status(404, code = "user-not-found")]
    Missing,
    #[status(409, code = "EMAIL_TAKEN_")]
    Taken,
    #[status(410, code = "GONE")]
    Gone,
}

fn main() {}

#[derive(HttpStatus)]
#[status(domain = "users.example.com", codes = "kebab-case")]
enum Cased {
    #[status(404)]
    NotFound,
}
