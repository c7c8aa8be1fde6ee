use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(type_base = "/problems")]
enum Relative {
    #[status(404)]
    Missing,
}

#[derive(HttpStatus)]
#[status(type_base = "https://api.example.com/problems/")]
enum ApiError {
    #[status(404, code = "NOT_FOUND_{0}")]
    Missing(String),
    #[status(409, code = "USER_EXISTS")]
    Exists,
    #[status(409, code = "user-exists")]
    AlsoExists,
}

fn main() {}
