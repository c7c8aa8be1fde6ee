use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400)]
    Invalid {
        #[status(message = "bad {field}")]
        field: String,
    },
}

fn main() {}
