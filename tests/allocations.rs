//! Heap allocations of the generated code, counted by a global allocator: `status()` and
//! `headers()` of a variant without headers allocate nothing; a pre-rendered response
//! allocates only the header map (no body, no formatting).

use http_status::HttpStatus;

#[path = "support/counting.rs"]
mod counting;
use counting::allocations;

#[derive(Debug, HttpStatus)]
enum ApiError {
    #[status(409, code = "EMAIL_TAKEN", message = "email already registered")]
    EmailTaken,
    #[status(404, message = "user {id} not found")]
    UserNotFound { id: u64 },
    #[status(401, header("WWW-Authenticate" = "Bearer"))]
    Unauthenticated,
}

#[test]
fn status_and_empty_headers_do_not_allocate() {
    assert_eq!(
        allocations(|| {
            std::hint::black_box(ApiError::EmailTaken.status());
        }),
        0
    );
    assert_eq!(
        allocations(|| drop(std::hint::black_box(ApiError::EmailTaken.headers()))),
        0
    );
    assert_eq!(
        allocations(|| drop(std::hint::black_box(
            ApiError::UserNotFound { id: 1 }.headers()
        ))),
        0
    );
}

#[test]
fn a_prerendered_response_allocates_only_its_header_map() {
    // HeaderMap keeps its indices and its entries in two vectors; the body is static.
    assert_eq!(
        allocations(|| drop(std::hint::black_box(ApiError::EmailTaken.to_response()))),
        2
    );
    assert_eq!(
        allocations(|| drop(std::hint::black_box(
            ApiError::Unauthenticated.to_response()
        ))),
        2
    );
}

#[test]
fn an_interpolated_body_is_written_into_one_buffer() {
    // The header map (2), the body buffer sized in advance (1), and the shared handle `Bytes`
    // puts around a vector whose capacity exceeds its length (1).
    assert_eq!(
        allocations(|| drop(std::hint::black_box(
            ApiError::UserNotFound { id: 42 }.to_response()
        ))),
        4
    );
}
