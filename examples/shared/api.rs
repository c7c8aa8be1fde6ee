//! The users API the examples serve, document and catalogue: its errors are one derived type.
#![allow(dead_code)] // each example uses its part

use http_status::{HttpStatus, Violation};

/// The errors of the users API. `decode`: its clients read responses back into it
/// (`frameworks/examples/client.rs`).
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(codes = "SCREAMING_SNAKE_CASE", decode)]
pub enum ApiError {
    /// No user has this id.
    #[error("user {id} not found")]
    #[status(404)]
    UserNotFound { id: u64 },

    /// The request carries no valid bearer token.
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"users\""))]
    Unauthenticated,

    /// The method is not one this resource answers; `Allow` lists those it does.
    #[error("method not allowed")]
    #[status(405, header("Allow" = "{allow}"))]
    MethodNotAllowed { allow: String },

    /// The email address belongs to another user.
    #[error("email {email} is already registered")]
    #[status(
        409,
        code = "EMAIL_TAKEN",
        message = "this email is already registered"
    )]
    EmailTaken { email: String },

    /// Fields of the request are invalid; `errors` lists each problem, with a JSON Pointer to
    /// the field.
    #[error("invalid fields")]
    #[status(422, type = "https://api.example.com/probs/validation")]
    Validation {
        #[status(errors)]
        errors: Vec<Violation>,
    },

    /// Too many requests from this client: retry after `Retry-After` seconds.
    #[error("rate limit exceeded")]
    #[status(429, header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u64 },

    /// The database failed. What failed is logged, never sent.
    #[error("database error: {0}")]
    #[status(500)]
    Database(String),
}

/// What the API answers on success, besides users.
#[derive(Debug, HttpStatus)]
pub enum Done {
    /// The user was deleted.
    #[status(204)]
    Deleted,
}

/// The methods `/users/{id}` answers.
pub const ALLOW: &str = "GET, HEAD, DELETE";

/// A user, as JSON.
pub fn user_json(id: u64) -> String {
    format!("{{\"id\":{id},\"name\":\"Ada\"}}")
}

/// The user with this id, or the error that id stands for in this demo.
pub fn find_user(id: u64) -> Result<String, ApiError> {
    match id {
        1 => Ok(user_json(1)),
        401 => Err(ApiError::Unauthenticated),
        409 => Err(ApiError::EmailTaken {
            email: "ada@example.com".to_owned(),
        }),
        422 => Err(ApiError::Validation {
            errors: vec![Violation::pointer("/email", "must contain @").with_code("email")],
        }),
        429 => Err(ApiError::RateLimited { retry_after: 30 }),
        500 => Err(ApiError::Database(
            "connection to 10.0.3.7 refused".to_owned(),
        )),
        _ => Err(ApiError::UserNotFound { id }),
    }
}

pub fn print_curl_commands(addr: std::net::SocketAddr) {
    println!("listening on http://{addr} (Ctrl-C to stop); try:");
    for id in [1, 42, 401, 409, 422, 429, 500] {
        println!("  curl -i http://{addr}/users/{id}");
    }
    println!("  curl -i -X DELETE http://{addr}/users/1");
    println!("  curl -I http://{addr}/users/1");
    println!("  curl -i -X PUT http://{addr}/users/1");
    println!("  curl -i -H 'x-request-id: abc-123' http://{addr}/users/500");
    println!("  curl -i -H 'accept: text/plain' http://{addr}/users/42");
    println!("  curl -i http://{addr}/no/such/route");
}
