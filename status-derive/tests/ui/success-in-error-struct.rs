use http_status::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("accepted")]
#[status(ACCEPTED)]
struct NotReallyAnError;

fn main() {}
