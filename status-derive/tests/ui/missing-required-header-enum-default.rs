use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(401)]
enum AuthError {
    Expired,
    Revoked,
    #[status(403)]
    Forbidden,
}

fn main() {}
