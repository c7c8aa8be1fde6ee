use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(422)]
    Invalid {
        #[status(errors)]
        errors: Vec<String>,
    },
}

fn main() {}
