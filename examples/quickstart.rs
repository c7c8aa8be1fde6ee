//! A realistic API error type, and the HTTP response each of its variants becomes.
//!
//!     cargo run --example quickstart

use http_status::bytes::Bytes;
use http_status::http::Response;
use http_status::{codes, HttpStatus};

/// Errors of the storage layer, with their own statuses.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StorageError {
    #[error("replica {replica} is read-only during failover")]
    #[status(503, message = "storage is failing over", header("Retry-After" = "5"))]
    ReadOnly { replica: String },
}

/// The errors of a user API.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },

    #[error("email {email} is already registered")]
    #[status(
        CONFLICT,
        code = "EMAIL_TAKEN",
        message = "this email is already registered"
    )]
    EmailTaken { email: String },

    #[error("invalid field {field}: {reason}")]
    #[status(
        UNPROCESSABLE_CONTENT,
        code = "VALIDATION_FAILED",
        type = "https://api.example.com/probs/validation"
    )]
    Validation { field: &'static str, reason: String },

    // Fields marked `extension` are members of the body, serialized with serde.
    #[error("your balance is {balance}, but that costs {cost}")]
    #[status(
        403,
        code = "OUT_OF_CREDIT",
        type = "https://api.example.com/probs/out-of-credit",
        instance = "/accounts/{account}"
    )]
    OutOfCredit {
        #[status(extension)]
        balance: i64,
        #[status(extension)]
        cost: i64,
        account: u32,
    },

    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"api\", error=\"invalid_token\""))]
    Unauthenticated,

    #[error("rate limit of {limit} requests per minute exceeded")]
    #[status(429, code = "RATE_LIMITED", header("Retry-After" = "{retry_after}"), header("RateLimit-Limit" = "{limit}"))]
    RateLimited { retry_after: u64, limit: u32 },

    #[error(transparent)]
    #[status(transparent)]
    Storage(#[from] StorageError),

    // The text names a host and a query: it is logged, never sent (5xx without `expose`).
    #[error("database error on {host}: {query}")]
    #[status(500, code = "INTERNAL")]
    Database { host: String, query: String },
}

/// The response as it goes on the wire in HTTP/1.1, with the Content-Length the server adds.
fn wire(response: &Response<Bytes>) -> String {
    let status = response.status();
    let reason = codes::lookup(status.as_u16()).map_or("", |info| info.reason);
    let mut out = format!("HTTP/1.1 {} {reason}\r\n", status.as_u16());
    for (name, value) in response.headers() {
        out += &format!("{name}: {}\r\n", value.to_str().unwrap_or("<binary>"));
    }
    if !response.body().is_empty() {
        out += &format!("content-length: {}\r\n", response.body().len());
    }
    out += "\r\n";
    out += &String::from_utf8_lossy(response.body());
    out
}

fn main() {
    let errors = [
        ApiError::UserNotFound { id: 42 },
        ApiError::EmailTaken {
            email: "ada@example.com".into(),
        },
        ApiError::Validation {
            field: "birthdate",
            reason: "must be in the past".into(),
        },
        ApiError::OutOfCredit {
            balance: 30,
            cost: 50,
            account: 12345,
        },
        ApiError::Unauthenticated,
        ApiError::RateLimited {
            retry_after: 30,
            limit: 100,
        },
        ApiError::from(StorageError::ReadOnly {
            replica: "db-2".into(),
        }),
        ApiError::Database {
            host: "10.0.3.7".into(),
            query: "SELECT * FROM users WHERE password = 'hunter2'".into(),
        },
    ];
    for error in &errors {
        println!("── ApiError::{:?}", error);
        println!("{}\n", wire(&error.to_response()).replace("\r\n", "\n"));
    }
    let created = Created::User { id: 7 };
    println!("── Created::{created:?}");
    println!("{}", wire(&created.to_response()).replace("\r\n", "\n"));
}

/// Successes have no body by default; `format = "json"` sends `{"message", "code", members}`.
#[derive(Debug, HttpStatus)]
pub enum Created {
    #[status(201, format = "json", header("Location" = "/users/{id}"))]
    User {
        #[status(extension)]
        id: u64,
    },
}
