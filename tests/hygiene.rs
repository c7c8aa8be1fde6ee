//! The generated code compiles without a warning under the strictest settings users have:
//! `deny(warnings, clippy::pedantic, missing_docs)` (clippy runs on this file in CI),
//! `forbid(unsafe_code)`, inside a `no_implicit_prelude` module, and beside user items that
//! shadow `Result`, `Option`, `Some`, `None`, `Ok`, `Err`, `String`, `Vec`, `core`, `std`,
//! `http` and `bytes`. Run with every feature, the integration impls are checked too.
#![deny(warnings, clippy::pedantic, missing_docs)]
#![forbid(unsafe_code)]

/// Without the prelude.
#[no_implicit_prelude]
pub mod no_prelude {
    /// Errors.
    #[derive(::core::fmt::Debug, ::http_status::HttpStatus)]
    #[status(header("Cache-Control" = "no-store"))]
    pub enum ApiError {
        /// Missing.
        #[status(404, message = "user {id} not found", code = "USER_NOT_FOUND")]
        UserNotFound {
            /// The id.
            id: u64,
        },
        /// Limited.
        #[status(429, header("Retry-After" = "{0}"), format = "json")]
        RateLimited(u64),
        /// Broken.
        #[status(500, message = "broken: {0}", format = "text")]
        Broken(&'static str),
        /// Gone.
        #[status(204)]
        Deleted,
        /// Wrapped.
        #[status(transparent)]
        Wrapped(::std::boxed::Box<Generic<u8>>),
    }

    /// Generic.
    #[derive(::core::fmt::Debug, ::http_status::HttpStatus)]
    pub enum Generic<T> {
        /// Value.
        #[status(400, message = "{0:?}")]
        Value(T),
    }
}

/// A public type whose formatted field has a private type (its bound sits in the impl's
/// where-clause).
pub mod private_field {
    struct Secret(u8);

    impl ::core::fmt::Display for Secret {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::write!(f, "secret {}", self.0)
        }
    }

    /// Errors.
    #[derive(Debug, http_status::HttpStatus)]
    #[allow(private_interfaces)]
    pub enum ApiError {
        /// Wrong.
        #[status(400, message = "{0}")]
        Wrong(#[allow(dead_code)] Secret),
    }

    impl ::core::fmt::Debug for Secret {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str("Secret")
        }
    }
}

/// Shadowing every name generated code could reach for.
#[allow(dead_code, non_camel_case_types, clippy::upper_case_acronyms)]
pub mod shadowing {
    use ::http_status::HttpStatus;

    struct Result;
    struct Option;
    struct Some;
    struct None;
    struct Ok;
    struct Err;
    struct String;
    struct Vec;
    struct Box;
    struct Sized;
    mod core {}
    mod std {}
    mod http {}
    mod bytes {}
    mod http_status {}

    /// Errors.
    #[derive(Debug, HttpStatus)]
    pub enum ApiError {
        /// Missing.
        #[status(404, message = "user {id} not found", code = "USER_NOT_FOUND", header("X-Id" = "{id}"))]
        UserNotFound {
            /// The id.
            id: u64,
        },
        /// Unauthenticated.
        #[status(401, header("WWW-Authenticate" = "Bearer"))]
        Unauthenticated,
        /// Down.
        #[status(503, header("Retry-After" = "30"), code = "DOWN")]
        Down,
        /// Unregistered.
        #[status(499, reason = "Client Closed Request")]
        Closed,
    }
}

#[test]
fn clean_code_behaves() {
    use ::http_status::HttpStatus;
    let response = no_prelude::ApiError::UserNotFound { id: 1 }.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(
        no_prelude::ApiError::RateLimited(3).headers()["retry-after"],
        "3"
    );
    assert_eq!(
        no_prelude::ApiError::Broken("x").to_response().body(),
        "Internal Server Error"
    );
    assert!(no_prelude::ApiError::Deleted
        .to_response()
        .body()
        .is_empty());
    let wrapped = no_prelude::ApiError::Wrapped(Box::new(no_prelude::Generic::Value(5)));
    assert_eq!(
        wrapped.to_response().body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"5"}"#
    );
    assert_eq!(shadowing::ApiError::Closed.status(), 499);
    assert_eq!(
        shadowing::ApiError::UserNotFound { id: 2 }.headers()["x-id"],
        "2"
    );
    assert_eq!(shadowing::ApiError::Down.to_response().status(), 503);
    assert_eq!(
        shadowing::ApiError::Unauthenticated.headers()["www-authenticate"],
        "Bearer"
    );
}
