//! The validation checks, the same for axum and actix-web (included by `validation_axum.rs` and
//! `validation_actix.rs` next to `common`): request types that `validator` and
//! `garde` check, fixtures that fail about fifty checks, and what each rejection of
//! `http_status::extract` looks like on the wire.
//!
//! Both servers route:
//! - `POST /users`: `Json<NewUser>`; `GET /search`: `Query<Search>`;
//! - `POST /small`: `Json<NewUser>` within a body limit of 24 bytes;
//! - `POST /orders/validator`: `Valid<Json<OrderV>>`; `POST /orders/garde`: `Garde<Json<OrderG>>`;
//! - `GET /search/valid`: `Valid<Query<Search>>`;
//! - `POST /profiles`: `Valid<Json<Profile>>`, whose fields are camelCase on the wire, with
//!   `FieldNames::CAMEL_CASE` set for the app.

// garde's `pattern` rule expands to code that needs Rust 1.80 (garde itself needs 1.87).
#![allow(clippy::incompatible_msrv)]

use crate::common::{get, header, request, Reply};
use http_status::extract::{Garde, Json, Query, Valid};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;
// validator's derive calls `.validate()` on nested values: the trait must be in scope.
use std::net::SocketAddr;
use validator::Validate;

#[derive(Debug, Deserialize)]
pub struct NewUser {
    pub name: String,
    pub age: u8,
}

#[derive(Debug, Deserialize, Validate)]
pub struct Search {
    #[validate(range(min = 1, max = 100))]
    pub page: u32,
    #[validate(length(min = 2))]
    pub q: Option<String>,
}

// ---- validator ----

#[derive(Debug, Serialize, Deserialize, Validate)]
pub struct OrderV {
    #[validate(length(min = 3, max = 8), non_control_character)]
    pub customer: String,
    #[validate(email, length(max = 10))]
    pub email: String,
    #[validate(url)]
    pub website: String,
    #[validate(range(min = 18, max = 130))]
    pub age: u32,
    #[validate(nested)]
    pub address: AddressV,
    #[validate(nested)]
    pub items: Vec<ItemV>,
    #[validate(length(min = 1), contains(pattern = "#"))]
    pub tag: String,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
pub struct AddressV {
    #[validate(length(min = 4), contains(pattern = "St"))]
    pub street: String,
    #[validate(length(equal = 5))]
    pub zip: String,
    #[validate(length(min = 2, max = 2), does_not_contain(pattern = "x"))]
    pub country: String,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
pub struct ItemV {
    #[validate(length(min = 2), does_not_contain(pattern = "!"))]
    pub name: String,
    #[validate(range(min = 1, max = 99))]
    pub quantity: u32,
    #[validate(range(exclusive_min = 0.0, max = 1000.0))]
    pub price: f64,
}

/// Fails 50 checks: 8 at the top level, 5 in the address, 4 in each of the first 7 items
/// and 3 in each of the last 3.
pub fn order_v() -> Value {
    let items: Vec<Value> = (0..10)
        .map(|i| json!({"name": if i < 7 { "!" } else { "ok!" }, "quantity": 0, "price": 0.0}))
        .collect();
    json!({
        "customer": "a\u{1}bcdefghij",
        "email": "not an email address",
        "website": "no url",
        "age": 7,
        "address": {"street": "Ln", "zip": "123", "country": "xyz"},
        "items": items,
        "tag": ""
    })
}

/// Leaves of a validator report: one per failed check.
pub fn count_v(errors: &validator::ValidationErrors) -> usize {
    errors
        .errors()
        .values()
        .map(|kind| match kind {
            validator::ValidationErrorsKind::Field(list) => list.len(),
            validator::ValidationErrorsKind::Struct(nested) => count_v(nested),
            validator::ValidationErrorsKind::List(items) => {
                items.values().map(|e| count_v(e)).sum()
            }
        })
        .sum()
}

// ---- garde ----

#[derive(Debug, Serialize, Deserialize, garde::Validate)]
pub struct OrderG {
    #[garde(length(min = 3, max = 8), ascii)]
    pub customer: String,
    #[garde(email, length(max = 10))]
    pub email: String,
    #[garde(url)]
    pub website: String,
    #[garde(range(min = 18, max = 130))]
    pub age: u32,
    #[garde(inner(length(min = 3)))]
    pub nickname: Option<String>,
    #[garde(dive)]
    pub address: AddressG,
    #[garde(length(min = 1), dive)]
    pub items: Vec<ItemG>,
    /// Keys that need escaping in a pointer (`/`, `~`) and in a URI fragment (space, `%`,
    /// non-ASCII).
    #[garde(dive)]
    pub extras: BTreeMap<String, ItemG>,
}

#[derive(Debug, Serialize, Deserialize, garde::Validate)]
pub struct AddressG {
    #[garde(length(min = 4), contains("St"))]
    pub street: String,
    #[garde(length(min = 5, max = 5), pattern(r"^[0-9]+$"))]
    pub zip: String,
}

#[derive(Debug, Serialize, Deserialize, garde::Validate)]
pub struct ItemG {
    #[garde(length(min = 2), alphanumeric)]
    pub name: String,
    #[garde(range(min = 1, max = 99))]
    pub quantity: u32,
}

pub const EXTRA_KEYS: [&str; 5] = ["a/b", "m~n", "x y", "100%", "é"];

/// Fails 50 checks: 7 at the top level, 4 in the address, 3 in each of 8 items and in each
/// of the 5 extras.
pub fn order_g() -> Value {
    let item = json!({"name": "!", "quantity": 0});
    let items: Vec<Value> = (0..8).map(|_| item.clone()).collect();
    let extras: serde_json::Map<String, Value> = EXTRA_KEYS
        .iter()
        .map(|key| (key.to_string(), item.clone()))
        .collect();
    json!({
        "customer": "é",
        "email": "not an email address",
        "website": "no url",
        "age": 7,
        "nickname": "ab",
        "address": {"street": "Ln", "zip": "12a"},
        "items": items,
        "extras": extras
    })
}

// ---- renamed fields ----

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    #[validate(length(min = 2))]
    pub first_name: String,
    #[validate(nested)]
    pub home_address: Street,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Street {
    #[validate(length(min = 2))]
    pub street_name: String,
}

// ---- the checks ----

fn parsed(reply: &Reply) -> Value {
    serde_json::from_slice(&reply.body)
        .unwrap_or_else(|e| panic!("{e}: {:?}", String::from_utf8_lossy(&reply.body)))
}

/// RFC 3986 percent-decoding of a pointer's fragment form, as a client reads it.
pub fn decode_fragment(fragment: &str) -> String {
    let bytes = fragment.strip_prefix('#').expect("a fragment").as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

async fn post(addr: SocketAddr, path: &str, content_type: Option<&str>, body: String) -> Reply {
    let body: &'static str = Box::leak(body.into_boxed_str());
    match content_type {
        Some(content_type) => {
            request(
                addr,
                "POST",
                path,
                &[("content-type", content_type.as_bytes())],
                body,
            )
            .await
        }
        None => request(addr, "POST", path, &[], body).await,
    }
}

async fn post_json(addr: SocketAddr, path: &str, body: &Value) -> Reply {
    post(addr, path, Some("application/json"), body.to_string()).await
}

fn problem(reply: &Reply, status: u16) {
    assert_eq!(
        reply.status,
        status,
        "{:?}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(header(reply, "content-type"), "application/problem+json");
}

/// Every rejection of the extractors, on the server at `addr` (no layer).
pub async fn check(addr: SocketAddr) {
    // Accepted: JSON, a `+json` type, and a query.
    let reply = post(
        addr,
        "/users",
        Some("application/json"),
        r#"{"name":"Ada","age":36}"#.into(),
    )
    .await;
    assert_eq!(
        (reply.status.as_u16(), &reply.body[..]),
        (200, &b"created Ada (36)"[..])
    );
    let reply = post(
        addr,
        "/users",
        Some("application/vnd.api+json; charset=utf-8"),
        r#"{"name":"Ada","age":36}"#.into(),
    )
    .await;
    assert_eq!(reply.status, 200);
    let reply = get(addr, "/search?page=2&q=rust").await;
    assert_eq!(
        (reply.status.as_u16(), &reply.body[..]),
        (200, &b"page 2: rust"[..])
    );

    // 415: not labelled JSON, or not labelled at all.
    let unsupported = r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"the request body must be JSON (Content-Type: application/json)"}"#;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let reply = post(
            addr,
            "/users",
            content_type,
            r#"{"name":"Ada","age":36}"#.into(),
        )
        .await;
        problem(&reply, 415);
        assert_eq!(reply.body, unsupported, "{content_type:?}");
    }

    // 400: not JSON; the detail says where, and there is no pointer.
    let reply = post(
        addr,
        "/users",
        Some("application/json"),
        "{\"name\": \"Ada\",\n \"age\": }".into(),
    )
    .await;
    problem(&reply, 400);
    assert_eq!(
        reply.body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the request body is not valid JSON: expected value at line 2 column 9"}"#
    );
    let reply = post(addr, "/users", Some("application/json"), String::new()).await;
    problem(&reply, 400);
    assert!(parsed(&reply).get("errors").is_none());

    // 422: JSON that does not fit, one violation at the value that failed.
    let reply = post(
        addr,
        "/users",
        Some("application/json"),
        r#"{"name":"Ada","age":360}"#.into(),
    )
    .await;
    problem(&reply, 422);
    assert_eq!(
        reply.body,
        r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request body has an invalid value","errors":[{"detail":"invalid value: integer `360`, expected u8","pointer":"#/age"}]}"##
    );
    let reply = post(
        addr,
        "/users",
        Some("application/json"),
        r#"{"name":"Ada"}"#.into(),
    )
    .await;
    problem(&reply, 422);
    assert_eq!(
        parsed(&reply)["errors"],
        json!([{"detail": "missing field `age`", "pointer": "#/age"}])
    );

    // 400: a query that does not fit names the parameter.
    let reply = get(addr, "/search?page=x").await;
    problem(&reply, 400);
    assert_eq!(
        reply.body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the query string has an invalid parameter","errors":[{"detail":"invalid digit found in string","parameter":"page"}]}"#
    );

    // 413: over the route's body limit (24 bytes).
    let reply = post(
        addr,
        "/small",
        Some("application/json"),
        r#"{"name":"Ada Lovelace","age":36}"#.into(),
    )
    .await;
    problem(&reply, 413);
    let body = parsed(&reply);
    assert_eq!(body["title"], "Content Too Large");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .starts_with("the request body is larger than"));
    let reply = post(
        addr,
        "/small",
        Some("application/json"),
        r#"{"name":"A","age":3}"#.into(),
    )
    .await;
    assert_eq!(reply.status, 200);

    // Valid<Query>: parameters, with validator's codes.
    let reply = get(addr, "/search/valid?page=0&q=r").await;
    problem(&reply, 422);
    assert_eq!(
        parsed(&reply)["errors"],
        json!([
            {"detail": "must be between 1 and 100", "parameter": "page", "code": "range"},
            {"detail": "must be at least 2 characters long", "parameter": "q", "code": "length"}
        ])
    );
    assert_eq!(get(addr, "/search/valid?page=3").await.status, 200);

    check_validator(addr).await;
    check_garde(addr).await;

    // FieldNames::CAMEL_CASE: the pointers are the wire names.
    let profile = json!({"firstName": "A", "homeAddress": {"streetName": "B"}});
    let reply = post_json(addr, "/profiles", &profile).await;
    problem(&reply, 422);
    let errors = parsed(&reply)["errors"].clone();
    let pointers: Vec<&str> = errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, ["#/firstName", "#/homeAddress/streetName"]);
    for pointer in pointers {
        assert!(
            profile.pointer(&decode_fragment(pointer)).is_some(),
            "{pointer}"
        );
    }
}

/// Every violation's pointer resolves in `document`; returns how many there are.
fn resolve_all(reply: &Reply, document: &Value) -> usize {
    problem(reply, 422);
    let body = parsed(reply);
    assert_eq!(body["detail"], "the request failed validation");
    let errors = body["errors"].as_array().expect("errors");
    for error in errors {
        let fragment = error["pointer"].as_str().expect("a pointer");
        let pointer = decode_fragment(fragment);
        assert!(
            document.pointer(&pointer).is_some(),
            "{fragment} ({pointer}) does not resolve"
        );
        assert!(!error["detail"].as_str().unwrap().is_empty());
    }
    errors.len()
}

async fn check_validator(addr: SocketAddr) {
    let document = order_v();
    let order: OrderV = serde_json::from_value(document.clone()).unwrap();
    let reported = count_v(&validator::Validate::validate(&order).unwrap_err());
    assert_eq!(reported, 50);
    let reply = post_json(addr, "/orders/validator", &document).await;
    assert_eq!(resolve_all(&reply, &document), reported);
    let errors = parsed(&reply)["errors"].clone();
    // Struct fields by name, items by index; validator's codes and default details.
    assert_eq!(
        errors[0],
        json!({"detail": "must be exactly 2 characters long", "pointer": "#/address/country", "code": "length"})
    );
    assert!(errors.as_array().unwrap().contains(&json!({
        "detail": "must be greater than 0.0 and at most 1000.0", "pointer": "#/items/9/price", "code": "range"
    })));
    assert!(errors.as_array().unwrap().contains(&json!({
        "detail": "must be exactly 5 characters long", "pointer": "#/address/zip", "code": "length"
    })));
}

async fn check_garde(addr: SocketAddr) {
    let document = order_g();
    let order: OrderG = serde_json::from_value(document.clone()).unwrap();
    let reported = garde::Validate::validate(&order)
        .unwrap_err()
        .iter()
        .count();
    assert_eq!(reported, 50);
    let reply = post_json(addr, "/orders/garde", &document).await;
    assert_eq!(resolve_all(&reply, &document), reported);
    let body = parsed(&reply);
    let pointers: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    // The keys of `extras`, escaped for a pointer, then for a fragment.
    for expected in [
        "#/extras/a~1b/name",
        "#/extras/m~0n/name",
        "#/extras/x%20y/name",
        "#/extras/100%25/name",
        "#/extras/%C3%A9/name",
        "#/nickname",
        "#/items/7/quantity",
    ] {
        assert!(pointers.contains(&expected), "{expected} in {pointers:?}");
    }
    // garde's order is kept (garde 0.23 reports fields by name), its messages are the
    // details, and there is no code.
    assert_eq!(body["errors"][0]["pointer"], "#/address/street");
    assert_eq!(body["errors"][1]["pointer"], "#/address/street");
    assert_eq!(body["errors"][0]["detail"], "length is lower than 4");
    assert!(body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e.get("code").is_none()));
}

/// The same rejection through a `ProblemLayer` or `ProblemMiddleware` at `addr`: request id
/// and instance, like a derived error.
pub async fn check_in_context(addr: SocketAddr) {
    let reply = request(
        addr,
        "POST",
        "/users?token=s3cret",
        &[
            ("content-type", b"application/json"),
            ("x-request-id", b"req-42"),
        ],
        r#"{"name":"Ada","age":360}"#,
    )
    .await;
    problem(&reply, 422);
    assert_eq!(header(&reply, "x-request-id"), "req-42");
    assert_eq!(
        reply.body,
        r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request body has an invalid value","errors":[{"detail":"invalid value: integer `360`, expected u8","pointer":"#/age"}],"instance":"/users","request_id":"req-42"}"##
    );

    let reply = request(addr, "POST", "/users", &[("x-request-id", b"req-43")], "{}").await;
    problem(&reply, 415);
    let body = parsed(&reply);
    assert_eq!(
        (body["request_id"].as_str(), body["instance"].as_str()),
        (Some("req-43"), Some("/users"))
    );

    let document = order_v();
    let reply = post_json(addr, "/orders/validator", &document).await;
    assert_eq!(resolve_all(&reply, &document), 50);
    let body = parsed(&reply);
    assert_eq!(body["instance"], "/orders/validator");
    assert_eq!(
        body["request_id"].as_str(),
        Some(header(&reply, "x-request-id"))
    );

    // Text for a client that wants only text: the detail.
    let reply = request(
        addr,
        "GET",
        "/search?page=x",
        &[("accept", b"text/plain")],
        "",
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(header(&reply, "content-type"), "text/plain; charset=utf-8");
    assert_eq!(reply.body, "the query string has an invalid parameter");
}

// The handlers both servers route: the extractors are the same types for either framework.

pub async fn create_user(Json(user): Json<NewUser>) -> String {
    format!("created {} ({})", user.name, user.age)
}

pub async fn search(Query(search): Query<Search>) -> String {
    format!("page {}: {}", search.page, search.q.unwrap_or_default())
}

pub async fn valid_search(Valid(Query(search)): Valid<Query<Search>>) -> String {
    format!("page {}", search.page)
}

pub async fn post_order_v(Valid(Json(order)): Valid<Json<OrderV>>) -> String {
    order.customer
}

pub async fn post_order_g(Garde(Json(order)): Garde<Json<OrderG>>) -> String {
    order.customer
}

pub async fn profile(Valid(Json(profile)): Valid<Json<Profile>>) -> String {
    profile.first_name
}
