use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(403)]
    OutOfCredit {
        #[status(extension = "detail")]
        balance: u64,
    },
}

fn main() {}
