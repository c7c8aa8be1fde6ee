#![deny(warnings)]

use http_status::HttpStatus;

// Allowed per variant.
#[derive(HttpStatus)]
enum ApiError {
    #[status(429, allow(missing_retry_after))]
    RateLimited,
    #[status(402, allow(obsolete_code))]
    PaymentRequired,
    #[status(300, allow(missing_location))]
    Ambiguous,
    #[status(416, allow(missing_content_range))]
    BadRange,
}

// Allowed for the whole type.
#[derive(HttpStatus)]
#[status(allow(missing_retry_after, obsolete_code))]
enum Upstream {
    #[status(503)]
    Down,
    #[status(510)]
    NotExtended,
}

fn main() {
    assert_eq!(ApiError::RateLimited.status(), 429);
    assert_eq!(ApiError::PaymentRequired.status(), 402);
    assert_eq!(ApiError::Ambiguous.status(), 300);
    assert_eq!(ApiError::BadRange.status(), 416);
    assert_eq!(Upstream::Down.status(), 503);
    assert_eq!(Upstream::NotExtended.status(), 510);
}
