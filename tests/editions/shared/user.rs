// The code of a user crate; each edition crate includes it, and `include!` reads it in
// that crate's edition.

use http_status::HttpStatus;

/// Errors of a small API.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    /// Not found.
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND", header("Cache-Control" = "no-store"))]
    UserNotFound {
        /// The id.
        id: u64,
    },
    /// Rate limited.
    #[error("slow down")]
    #[status(TOO_MANY_REQUESTS, header("Retry-After" = "{0}"))]
    RateLimited(u64),
    /// Wrapped.
    #[error(transparent)]
    #[status(transparent)]
    Inner(#[from] Inner),
}

/// An inner error.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("inner failure")]
#[status(500, format = "text", message = "try later")]
pub struct Inner;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses() {
        let response = ApiError::UserNotFound { id: 5 }.to_response();
        assert_eq!(response.status(), 404);
        assert_eq!(
            response.body(),
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 5 not found","code":"USER_NOT_FOUND"}"#
        );
        // A literal value is built at compile time (an inline `const` block, in every edition).
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(ApiError::RateLimited(9).headers()["retry-after"], "9");
        assert_eq!(ApiError::from(Inner).to_response().body(), "try later");
    }
}
