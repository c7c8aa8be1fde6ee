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
        /// A generic member.
        #[status(422, format = "json")]
        Member(#[status(extension = "value")] T),
    }

    /// A custom format.
    pub struct Plain;

    impl ::http_status::Format for Plain {
        const CONTENT_TYPE: &'static str = "text/plain";
        fn write(problem: &::http_status::Problem<'_>, body: &mut ::std::vec::Vec<u8>) {
            body.extend_from_slice(problem.title().as_bytes());
        }
    }

    /// Every body shape.
    #[derive(::core::fmt::Debug, ::serde::Serialize, ::http_status::HttpStatus)]
    #[status(codes = "SCREAMING_SNAKE_CASE")]
    pub enum Bodies {
        /// Members.
        #[status(403, type = "https://example.com/{kind}", instance = "/x/{kind}")]
        Members {
            /// Kind.
            kind: &'static str,
            /// Balance.
            #[status(extension)]
            balance: i64,
            /// More.
            #[status(flatten)]
            more: ::std::collections::BTreeMap<::std::string::String, u8>,
        },
        /// Custom.
        #[status(400, format = Plain, message = "{0}")]
        Custom(u8),
        /// Serialized.
        #[status(409, format = "serde")]
        Serialized,
        /// Created.
        #[status(201, format = "json", header("Location" = "/x/{0}"))]
        Created(#[status(extension = "id")] u64),
    }

    /// Delegation.
    #[derive(::core::fmt::Debug, ::http_status::HttpStatus)]
    pub struct Delegating {
        /// Kind.
        #[status(delegate)]
        pub kind: Bodies,
        /// Note.
        pub note: &'static str,
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
        /// A member.
        #[status(400, format = "json")]
        Member {
            /// Field.
            #[status(extension)]
            field: u8,
        },
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
    assert_eq!(
        no_prelude::Bodies::Custom(1).to_response().body(),
        "Bad Request"
    );
    assert_eq!(
        no_prelude::Bodies::Serialized.to_response().body(),
        r#""Serialized""#
    );
    assert_eq!(
        no_prelude::Bodies::Created(4).to_response().body(),
        r#"{"code":"CREATED","id":4}"#
    );
    let delegating = no_prelude::Delegating {
        kind: no_prelude::Bodies::Serialized,
        note: "n",
    };
    assert_eq!((delegating.status().as_u16(), delegating.note), (409, "n"));
    assert_eq!(
        no_prelude::Generic::Member(7u8).to_response().body(),
        r#"{"error":"Unprocessable Content","value":7}"#
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
