use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(499, reason = "Client {0} Closed Request")]
    ClientClosed(u64),
}

fn main() {}
