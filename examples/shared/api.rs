//! The API the server examples serve: a user lookup whose errors are one derived type.
#![allow(dead_code)] // each example uses its part

use http_status::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },

    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"api\""))]
    Unauthenticated,

    #[error("rate limit exceeded")]
    #[status(429, code = "RATE_LIMITED", header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u64 },

    // Logged with the `tracing` feature; never sent.
    #[error("database error: {0}")]
    #[status(500)]
    Database(String),
}

/// `DELETE /users/{id}` answers with this.
#[derive(Debug, HttpStatus)]
pub enum Deleted {
    #[status(204)]
    Done,
}

/// The user with this id, or the error that id stands for in this demo.
pub fn find_user(id: u64) -> Result<String, ApiError> {
    match id {
        1 => Ok("{\"id\":1,\"name\":\"Ada\"}".to_owned()),
        401 => Err(ApiError::Unauthenticated),
        429 => Err(ApiError::RateLimited { retry_after: 30 }),
        500 => Err(ApiError::Database(
            "connection to 10.0.3.7 refused".to_owned(),
        )),
        _ => Err(ApiError::UserNotFound { id }),
    }
}

pub fn print_curl_commands(addr: std::net::SocketAddr) {
    println!("listening on http://{addr} (Ctrl-C to stop); try:");
    for id in [1, 42, 401, 429, 500] {
        println!("  curl -i http://{addr}/users/{id}");
    }
    println!("  curl -i -X DELETE http://{addr}/users/1");
}
