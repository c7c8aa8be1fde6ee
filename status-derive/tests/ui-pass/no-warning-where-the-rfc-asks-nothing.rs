#![deny(warnings)]

use http_status::HttpStatus;

// 413 asks for Retry-After only when the condition is temporary; 429 is satisfied by an
// inherited header; a 201 that creates at its own URI needs no Location (RFC 9110 §15.3.2);
// a 451 names the blocker.
#[derive(HttpStatus)]
#[status(header("Retry-After" = "60"))]
enum Outcome {
    #[status(201, allow(missing_location))]
    CreatedHere,
    #[status(413)]
    TooLarge,
    #[status(451, header("Link" = "<https://example.org/legal/1>; rel=\"blocked-by\""))]
    Blocked,
    #[status(429)]
    RateLimited,
}

fn main() {
    assert_eq!(Outcome::CreatedHere.status(), 201);
    assert_eq!(Outcome::RateLimited.headers()["retry-after"], "60");
}
