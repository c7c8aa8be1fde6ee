use http_status::HttpStatus;

struct Balance(u64);

#[derive(HttpStatus)]
enum ApiError {
    #[status(403)]
    OutOfCredit {
        #[status(extension)]
        balance: Balance,
    },
}

fn main() {}
