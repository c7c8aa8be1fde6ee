use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, format = "json")]
    Invalid {
        #[status(extension)]
        field: String,
        #[status(extension = "field")]
        other: String,
    },
}

fn main() {}
