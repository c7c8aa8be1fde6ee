//! Three wire formats real APIs send, declared with the derive. Shared by
//! `examples/wire_formats.rs`, which prints them, and `tests/wire_formats.rs`, which checks
//! them byte for byte.
#![allow(dead_code)]

use http_status::{Format, HttpStatus, Problem};
use serde::Serialize;
use std::collections::BTreeMap;

/// ASP.NET Core's `ValidationProblemDetails`: a map of per-field errors under one key.
#[derive(Debug, HttpStatus)]
#[status(
    400,
    type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    reason = "One or more validation errors occurred."
)]
pub struct ValidationFailed {
    #[status(extension)]
    pub errors: BTreeMap<String, Vec<String>>,
}

/// An internally tagged enum with `rename_all`: the body is the value itself, so the wire
/// format lives in one place, serde's attributes.
#[derive(Debug, Serialize, HttpStatus)]
#[serde(tag = "type", rename_all = "snake_case")]
#[status(format = "serde")]
pub enum PaymentError {
    #[status(402, allow(obsolete_code))]
    CardDeclined {
        decline_code: &'static str,
        message: String,
    },
    #[status(429, header("Retry-After" = "{retry_after}"))]
    RateLimited {
        #[serde(skip)]
        retry_after: u64,
        message: &'static str,
    },
    #[status(400)]
    InvalidParameter {
        param: &'static str,
        message: String,
    },
}

/// `{"code": …, "msg": …}`: a custom format with two members.
pub struct CodeMsg;

impl Format for CodeMsg {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Wire<'a> {
            code: &'a str,
            msg: &'a str,
        }
        let wire = Wire {
            code: problem.code().unwrap_or("INTERNAL"),
            msg: problem.detail().unwrap_or(problem.title()),
        };
        // Writing into a Vec fails only if a Serialize impl does, and these are strings.
        let _ = serde_json::to_writer(body, &wire);
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = CodeMsg, codes = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    #[error("product {0} does not exist")]
    #[status(404)]
    ProductNotFound(u64),
    #[error("only {left} left in stock")]
    #[status(409)]
    OutOfStock { left: u32 },
    #[error("inventory service failed: {0}")]
    #[status(502, code = "UPSTREAM")]
    Inventory(String),
}
