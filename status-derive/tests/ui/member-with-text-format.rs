use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, format = "text", message = "bad input")]
    Invalid {
        #[status(extension)]
        field: String,
    },
}

fn main() {}
