use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(RESET_CONTENT, code = "RESET", format = "json")]
    Reset,
}

fn main() {}
