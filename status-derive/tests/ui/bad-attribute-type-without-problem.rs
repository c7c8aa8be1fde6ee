use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(402, format = "json", type = "https://example.com/probs/out-of-credit", allow(obsolete_code))]
    OutOfCredit,
}

fn main() {}
