//! Three wire formats real APIs send, reproduced with the derive: a map of validation errors
//! under one key (ASP.NET Core's), a serde-tagged enum, and `{"code", "msg"}`.
//!
//!     cargo run --example wire_formats

#[path = "shared/wire.rs"]
mod wire;

use http_status::HttpStatus;
use std::collections::BTreeMap;
use wire::{PaymentError, ShopError, ValidationFailed};

fn show(label: &str, value: &impl HttpStatus) {
    let response = value.to_response();
    println!("── {label}");
    println!("HTTP/1.1 {}", response.status());
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!("\n{}\n", String::from_utf8_lossy(response.body()));
}

fn main() {
    let errors = BTreeMap::from([
        (
            "Email".to_owned(),
            vec!["The Email field is not a valid e-mail address.".to_owned()],
        ),
        (
            "Name".to_owned(),
            vec!["The Name field is required.".to_owned()],
        ),
    ]);
    show("ValidationFailed", &ValidationFailed { errors });
    show(
        "PaymentError::CardDeclined",
        &PaymentError::CardDeclined {
            decline_code: "insufficient_funds",
            message: "Your card has insufficient funds.".to_owned(),
        },
    );
    show(
        "PaymentError::RateLimited",
        &PaymentError::RateLimited {
            retry_after: 2,
            message: "Too many requests.",
        },
    );
    show("ShopError::OutOfStock", &ShopError::OutOfStock { left: 0 });
    show(
        "ShopError::Inventory",
        &ShopError::Inventory("10.0.0.7 refused".to_owned()),
    );
}
