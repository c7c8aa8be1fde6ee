use http_status::{HttpStatus, Violation};

#[derive(HttpStatus)]
enum ApiError {
    #[status(422, format = "text")]
    Text {
        #[status(errors)]
        errors: Vec<Violation>,
    },
    #[status(422)]
    Twice {
        #[status(errors)]
        body: Vec<Violation>,
        #[status(errors)]
        query: Vec<Violation>,
    },
    #[status(422)]
    Clash {
        #[status(errors)]
        list: Vec<Violation>,
        #[status(extension)]
        errors: Vec<String>,
    },
}

#[derive(HttpStatus)]
enum Outcome {
    #[status(200, format = "json")]
    Accepted {
        #[status(errors)]
        warnings: Vec<Violation>,
    },
}

fn main() {}
