use http_status::HttpStatus;

// The enum's google format is for its errors; a success that names it itself is refused.
#[derive(HttpStatus)]
#[status(format = "google")]
enum Outcome {
    #[status(200, format = "google", message = "done")]
    Done,
    #[status(202, message = "queued")]
    Queued,
    #[status(404, code = "NOT_FOUND")]
    Missing,
}

fn main() {}
