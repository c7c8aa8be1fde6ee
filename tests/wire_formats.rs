//! Three realistic non-problem (or not-default-problem) wire formats, byte for byte.

#[path = "../examples/shared/wire.rs"]
mod wire;

use http_status::HttpStatus;
use std::collections::BTreeMap;
use wire::{PaymentError, ShopError, ValidationFailed};

fn body(value: &impl HttpStatus) -> String {
    String::from_utf8(value.to_response().body().to_vec()).unwrap()
}

#[test]
fn aspnet_validation_problem_details() {
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
    let response = ValidationFailed { errors }.to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    // What ASP.NET Core sends for [ApiController] model validation (without its traceId,
    // which a ProblemLayer adds as `request_id`, or under that name if configured).
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"Email":["The Email field is not a valid e-mail address."],"Name":["The Name field is required."]}}"#
    );
}

#[test]
fn serde_tagged_enum() {
    let declined = PaymentError::CardDeclined {
        decline_code: "insufficient_funds",
        message: "Your card has insufficient funds.".to_owned(),
    };
    assert_eq!(declined.status(), 402);
    assert_eq!(
        body(&declined),
        r#"{"type":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds."}"#
    );
    let limited = PaymentError::RateLimited {
        retry_after: 2,
        message: "Too many requests.",
    };
    let response = limited.to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "2");
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.body(),
        r#"{"type":"rate_limited","message":"Too many requests."}"#
    );
    assert_eq!(
        body(&PaymentError::InvalidParameter {
            param: "amount",
            message: "must be positive".to_owned()
        }),
        r#"{"type":"invalid_parameter","param":"amount","message":"must be positive"}"#
    );
}

#[test]
fn code_and_msg() {
    assert_eq!(
        body(&ShopError::ProductNotFound(17)),
        r#"{"code":"PRODUCT_NOT_FOUND","msg":"product 17 does not exist"}"#
    );
    assert_eq!(
        body(&ShopError::OutOfStock { left: 0 }),
        r#"{"code":"OUT_OF_STOCK","msg":"only 0 left in stock"}"#
    );
    // A 5xx keeps its text on the server: the format gets the title instead.
    let upstream = ShopError::Inventory("10.0.0.7 refused".to_owned()).to_response();
    assert_eq!(upstream.status(), 502);
    assert_eq!(
        upstream.body(),
        r#"{"code":"UPSTREAM","msg":"Bad Gateway"}"#
    );
}
