#![deny(warnings)]

use http_status::HttpStatus;

// 201 without Location is complete: the target URI names the created resource
// (RFC 9110 §15.3.2). 413 asks for Retry-After only when the condition is temporary, 451 for
// Link only as a SHOULD that we do not lint, 429 is satisfied by an inherited header.
#[derive(HttpStatus)]
#[status(header("Retry-After" = "60"))]
enum Outcome {
    #[status(201)]
    Created,
    #[status(413)]
    TooLarge,
    #[status(451)]
    Blocked,
    #[status(429)]
    RateLimited,
}

fn main() {
    assert_eq!(Outcome::Created.status(), 201);
    assert_eq!(Outcome::RateLimited.headers()["retry-after"], "60");
}
