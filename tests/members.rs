//! Members from fields (`extension`, `flatten`), in the problem and json formats: exact
//! bodies, standard members winning over flattened entries, and members that fail to
//! serialize left out of a body that stays valid JSON.

use http_status::HttpStatus;
use serde::ser::{Error as _, Serializer};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn body(value: &impl HttpStatus) -> String {
    String::from_utf8(value.to_response().body().to_vec()).unwrap()
}

#[derive(Debug, Serialize)]
struct Account {
    id: u32,
    currency: &'static str,
}

#[derive(Debug, HttpStatus)]
enum Payment {
    #[status(
        403,
        type = "https://example.com/probs/out-of-credit",
        message = "Your current balance is {balance}, but that costs {price}.",
        instance = "/account/{account_id}/msgs/abc"
    )]
    OutOfCredit {
        #[status(extension)]
        balance: u64,
        #[status(extension = "cost")]
        price: u64,
        account_id: u32,
        #[status(extension)]
        accounts: Vec<Account>,
    },
    #[status(422, format = "json", message = "invalid input")]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[status(409)]
    Flattened {
        #[status(flatten)]
        extra: BTreeMap<String, Value>,
        #[status(extension)]
        kept: bool,
    },
    #[status(400, code = "BAD")]
    Tuple(
        #[status(extension = "field")] String,
        #[status(extension = "line")] u32,
    ),
    #[status(500, message = "storage failed")]
    Internal {
        #[status(extension)]
        retryable: bool,
    },
}

#[test]
fn extension_members_follow_the_standard_ones() {
    let error = Payment::OutOfCredit {
        balance: 30,
        price: 50,
        account_id: 12345,
        accounts: vec![
            Account {
                id: 1,
                currency: "EUR",
            },
            Account {
                id: 2,
                currency: "USD",
            },
        ],
    };
    // RFC 9457's own example, byte for byte, with one more member.
    assert_eq!(
        body(&error),
        r#"{"type":"https://example.com/probs/out-of-credit","title":"Forbidden","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"cost":50,"accounts":[{"id":1,"currency":"EUR"},{"id":2,"currency":"USD"}]}"#
    );
    assert_eq!(
        error.to_response().headers()["content-type"],
        "application/problem+json"
    );
}

#[test]
fn json_format_members() {
    let error = Payment::Invalid {
        errors: BTreeMap::from([
            ("email".to_owned(), vec!["is taken".to_owned()]),
            (
                "age".to_owned(),
                vec!["must be positive".to_owned(), "must be a number".to_owned()],
            ),
        ]),
    };
    assert_eq!(
        body(&error),
        r#"{"error":"Unprocessable Content","message":"invalid input","errors":{"age":["must be positive","must be a number"],"email":["is taken"]}}"#
    );
}

#[test]
fn flattened_entries_never_replace_standard_members() {
    let extra = BTreeMap::from([
        ("title".to_owned(), json!("spoofed")),
        ("status".to_owned(), json!(200)),
        ("kept".to_owned(), json!("duplicate")),
        ("limit".to_owned(), json!(10)),
        ("nested".to_owned(), json!({"a": [1, 2]})),
    ]);
    let response = Payment::Flattened { extra, kept: true }.to_response();
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"limit":10,"nested":{"a":[1,2]},"kept":true}"#
    );
}

#[test]
fn tuple_fields_are_named_members() {
    assert_eq!(
        body(&Payment::Tuple("email".into(), 3)),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"code":"BAD","field":"email","line":3}"#
    );
}

#[test]
fn members_are_sent_on_a_server_error() {
    // Marking a field is an explicit choice, like a header: it is sent on a 5xx too.
    assert_eq!(
        body(&Payment::Internal { retryable: true }),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"storage failed","retryable":true}"#
    );
}

/// Fails to serialize, in the two ways a `Serialize` impl can: an error, or a `Display` that
/// fails inside `collect_str` (which makes serde_json alone panic).
#[derive(Debug)]
enum Fragile {
    Error,
    FailingDisplay,
    Fine(u8),
}

struct FailingDisplay;

impl std::fmt::Display for FailingDisplay {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Err(std::fmt::Error)
    }
}

impl Serialize for Fragile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Fragile::Error => Err(S::Error::custom("cannot")),
            Fragile::FailingDisplay => serializer.collect_str(&FailingDisplay),
            Fragile::Fine(n) => serializer.serialize_u8(*n),
        }
    }
}

#[derive(Debug, HttpStatus)]
enum WithFragile {
    #[status(400, format = "json")]
    Members {
        #[status(extension)]
        first: Fragile,
        #[status(extension)]
        second: Fragile,
        #[status(flatten)]
        rest: BTreeMap<&'static str, Fragile>,
    },
}

#[test]
fn a_member_that_fails_to_serialize_is_left_out() {
    for (first, second, expected) in [
        (
            Fragile::Error,
            Fragile::Fine(2),
            r#"{"error":"Bad Request","second":2,"ok":1}"#,
        ),
        (
            Fragile::FailingDisplay,
            Fragile::Error,
            r#"{"error":"Bad Request","ok":1}"#,
        ),
        (
            Fragile::Fine(1),
            Fragile::FailingDisplay,
            r#"{"error":"Bad Request","first":1,"ok":1}"#,
        ),
    ] {
        let rest = BTreeMap::from([("bad", Fragile::FailingDisplay), ("ok", Fragile::Fine(1))]);
        let value = WithFragile::Members {
            first,
            second,
            rest,
        };
        let body = body(&value);
        assert_eq!(body, expected);
        serde_json::from_str::<Value>(&body).unwrap();
    }
}

#[derive(Debug, HttpStatus)]
enum Success {
    #[status(201, format = "json", header("Location" = "/accounts/{id}"))]
    Created {
        #[status(extension)]
        id: u64,
    },
    #[status(200, format = "json")]
    Balance {
        #[status(extension)]
        balance: Option<i64>,
        #[status(flatten)]
        more: Option<BTreeMap<String, u8>>,
    },
}

#[test]
fn success_bodies_carry_members_without_an_error_member() {
    let response = Success::Created { id: 7 }.to_response();
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["location"], "/accounts/7");
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.body(), r#"{"id":7}"#);
    assert_eq!(
        body(&Success::Balance {
            balance: None,
            more: None
        }),
        r#"{"balance":null}"#
    );
    assert_eq!(
        body(&Success::Balance {
            balance: Some(-3),
            more: Some(BTreeMap::from([("x".into(), 1)]))
        }),
        r#"{"balance":-3,"x":1}"#
    );
}
