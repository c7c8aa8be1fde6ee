//! The formats beyond the problem default: `serde`, `none`, custom `Format`s; templates in
//! `code`, `type` and `instance`; `codes = "CASE"`.

use http_status::bytes::Bytes;
use http_status::http::{Response, StatusCode};
use http_status::{Format, HttpStatus, Member, Problem};
use serde::Serialize;
use std::collections::BTreeMap;

fn text(response: &Response<Bytes>) -> &str {
    std::str::from_utf8(response.body()).unwrap()
}

fn content_type(response: &Response<Bytes>) -> Option<&str> {
    response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap())
}

/// A serde-tagged wire format: the enum is its own body.
#[derive(Debug, Serialize, HttpStatus)]
#[serde(tag = "type", rename_all = "snake_case")]
#[status(format = "serde")]
enum Bank {
    #[status(402, allow(obsolete_code))]
    InsufficientFunds { balance: u64, needed: u64 },
    #[status(423)]
    AccountLocked,
    #[status(503, expose, header("Retry-After" = "30"))]
    Maintenance { until: &'static str },
}

#[test]
fn serde_format_sends_the_value_itself() {
    let response = Bank::InsufficientFunds {
        balance: 30,
        needed: 50,
    }
    .to_response();
    assert_eq!(response.status(), 402);
    assert_eq!(content_type(&response), Some("application/json"));
    assert_eq!(
        text(&response),
        r#"{"type":"insufficient_funds","balance":30,"needed":50}"#
    );
    assert_eq!(
        text(&Bank::AccountLocked.to_response()),
        r#"{"type":"account_locked"}"#
    );
    let maintenance = Bank::Maintenance { until: "06:00" }.to_response();
    assert_eq!(maintenance.headers()["retry-after"], "30");
    assert_eq!(
        text(&maintenance),
        r#"{"type":"maintenance","until":"06:00"}"#
    );
}

/// A value whose `Serialize` fails becomes the hidden 500, never an invalid body.
#[derive(Debug, HttpStatus)]
#[status(409, format = "serde")]
struct Unserializable;

impl Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

#[test]
fn a_value_that_fails_to_serialize_becomes_a_500() {
    let response = Unserializable.to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(content_type(&response), Some("application/problem+json"));
    assert_eq!(
        text(&response),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

#[derive(Debug, HttpStatus)]
enum Bare {
    // An API whose 401 is empty, ported as it is.
    #[status(401, format = "none", header("WWW-Authenticate" = "Bearer"), allow(missing_error_body))]
    Unauthorized,
    #[status(202)]
    Accepted,
}

#[test]
fn none_format_sends_no_body_and_no_content_type() {
    for (value, status) in [(Bare::Unauthorized, 401), (Bare::Accepted, 202)] {
        let response = value.to_response();
        assert_eq!(response.status(), status);
        assert!(response.body().is_empty());
        assert_eq!(content_type(&response), None);
    }
    assert_eq!(
        Bare::Unauthorized.to_response().headers()["www-authenticate"],
        "Bearer"
    );
}

/// `{"code": …, "msg": …}`, a shape many APIs send, with the members beside them.
struct CodeMsg;

impl Format for CodeMsg {
    const CONTENT_TYPE: &'static str = "application/vnd.example+json";

    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Wire<'a> {
            code: &'a str,
            msg: &'a str,
            #[serde(skip_serializing_if = "http_status::Extensions::is_empty")]
            data: http_status::Extensions<'a>,
        }
        let wire = Wire {
            code: problem.code().unwrap_or("UNKNOWN"),
            msg: problem.detail().unwrap_or(problem.title()),
            data: problem.extensions(),
        };
        let _ = serde_json::to_writer(body, &wire);
    }
}

/// Records everything it is given, to see what a custom format receives.
struct Echo;

impl Format for Echo {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        let _ = serde_json::to_writer(body, problem);
    }
}

#[derive(Debug, HttpStatus)]
#[status(format = CodeMsg)]
enum Custom {
    #[status(404, code = "USER_NOT_FOUND", message = "user {0} not found")]
    NoUser(u64),
    #[status(400, code = "LIMIT", message = "too many")]
    Limit {
        #[status(extension)]
        max: u32,
        #[status(flatten)]
        extra: BTreeMap<&'static str, u8>,
    },
    #[status(500, code = "DB", message = "db {0} is down")]
    Database(String),
    #[status(500, code = "RAW", format = Echo, type = "https://example.com/probs/{0}", instance = "/x/{0}")]
    Raw(String),
}

#[test]
fn custom_format_writes_from_the_parts() {
    let response = Custom::NoUser(7).to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(
        content_type(&response),
        Some("application/vnd.example+json")
    );
    assert_eq!(
        text(&response),
        r#"{"code":"USER_NOT_FOUND","msg":"user 7 not found"}"#
    );
    let limit = Custom::Limit {
        max: 3,
        extra: BTreeMap::from([("type", 1), ("window", 60)]),
    };
    // The flattened `type` would be a standard member: left out.
    assert_eq!(
        text(&limit.to_response()),
        r#"{"code":"LIMIT","msg":"too many","data":{"max":3,"window":60}}"#
    );
}

#[test]
fn a_custom_format_never_sees_hidden_text() {
    let response = Custom::Database("10.0.0.7".into()).to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        text(&response),
        r#"{"code":"DB","msg":"Internal Server Error"}"#
    );
    // A 5xx hides the detail but not the code, type and instance the variant writes.
    assert_eq!(
        text(&Custom::Raw("quota".into()).to_response()),
        r#"{"type":"https://example.com/probs/quota","title":"Internal Server Error","status":500,"instance":"/x/quota","code":"RAW"}"#
    );
}

#[test]
fn problem_serializes_as_rfc_9457() {
    let balance = 30;
    let links = ["/account/12345/msgs/abc"];
    let members = [
        Member::new("balance", &balance),
        Member::new("accounts", &links),
    ];
    let problem = Problem::new(StatusCode::FORBIDDEN, "You do not have enough credit.")
        .with_type_uri("https://example.com/probs/out-of-credit")
        .with_detail(Some("Your current balance is 30, but that costs 50."))
        .with_instance(Some("/account/12345/msgs/abc"))
        .with_extensions(&members);
    assert_eq!(
        serde_json::to_string(&problem).unwrap(),
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345/msgs/abc"]}"#
    );
}

#[derive(Debug, HttpStatus)]
#[status(codes = "SCREAMING_SNAKE_CASE")]
enum Templates {
    #[status(404)]
    UserNotFound,
    #[status(409, code = "taken")]
    EmailTaken,
    #[status(
        422,
        code = "INVALID_{field}",
        type = "https://example.com/probs/{kind}",
        instance = "/forms/{form}#{field}"
    )]
    Invalid {
        field: &'static str,
        kind: &'static str,
        form: u32,
    },
    #[status(400, code = "{0}")]
    Dynamic(String),
    #[status(400, type = "{0}", instance = "{0}", code = "X")]
    BadUris(&'static str),
}

#[test]
fn code_type_and_instance_are_templates() {
    assert_eq!(
        text(&Templates::UserNotFound.to_response()),
        r#"{"type":"about:blank","title":"Not Found","status":404,"code":"USER_NOT_FOUND"}"#
    );
    assert_eq!(
        text(&Templates::EmailTaken.to_response()),
        r#"{"type":"about:blank","title":"Conflict","status":409,"code":"taken"}"#
    );
    let invalid = Templates::Invalid {
        field: "email",
        kind: "format",
        form: 7,
    };
    assert_eq!(
        text(&invalid.to_response()),
        r#"{"type":"https://example.com/probs/format","title":"Unprocessable Content","status":422,"instance":"/forms/7#email","code":"INVALID_email"}"#
    );
    assert_eq!(
        text(&Templates::Dynamic("quote\"d".into()).to_response()),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"code":"quote\"d"}"#
    );
}

#[test]
fn an_interpolated_uri_that_is_not_one_is_replaced_or_left_out() {
    // `type` is required: it falls back to about:blank. `instance` is left out.
    assert_eq!(
        text(&Templates::BadUris("not a uri").to_response()),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"code":"X"}"#
    );
    assert_eq!(
        text(&Templates::BadUris("/ok").to_response()),
        r#"{"type":"/ok","title":"Bad Request","status":400,"instance":"/ok","code":"X"}"#
    );
}

/// `format = "members"`: a body made of the members alone, as realworld's
/// `{"errors":{"email":["is taken"]}}`.
#[derive(Debug, HttpStatus)]
#[status(format = "members")]
enum RealWorld {
    #[status(422)]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<&'static str, Vec<&'static str>>,
    },
    #[status(401, header("WWW-Authenticate" = "Token"))]
    Unauthorized,
    #[status(500)]
    Database(#[allow(dead_code)] String), // logged, never sent
}

#[test]
fn members_format_is_the_members_alone() {
    let errors = BTreeMap::from([("email", vec!["is taken"]), ("username", vec!["is blank"])]);
    let response = RealWorld::Invalid { errors }.to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(content_type(&response), Some("application/json"));
    assert_eq!(
        text(&response),
        r#"{"errors":{"email":["is taken"],"username":["is blank"]}}"#
    );
    let response = RealWorld::Unauthorized.to_response();
    assert_eq!(response.status(), 401);
    assert_eq!(text(&response), "{}");
    assert_eq!(response.headers()["www-authenticate"], "Token");
    let response = RealWorld::Database("password=hunter2".into()).to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(text(&response), "{}");
}

/// A custom format built from the members, which iterate as pairs; flattened entries come as
/// their own pairs, standard names left out.
struct MembersOnly;

impl Format for MembersOnly {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        let mut map = serde_json::Map::new();
        for (name, value) in problem.extensions() {
            map.insert(name.into_owned(), serde_json::to_value(&value).unwrap());
        }
        map.insert(
            "has_request_id".into(),
            problem.request_id().is_some().into(),
        );
        serde_json::to_writer(body, &map).unwrap();
    }
}

#[derive(Debug, HttpStatus)]
#[status(format = MembersOnly)]
enum Kanidm {
    #[status(400)]
    EmptyRequest {
        #[status(extension = "emptyrequest")]
        reason: &'static str,
        #[status(flatten)]
        extra: BTreeMap<&'static str, u32>,
    },
}

#[test]
fn extensions_iterate_as_pairs_and_never_hold_the_request_id() {
    let extra = BTreeMap::from([("attempt", 2), ("status", 9)]);
    let response = Kanidm::EmptyRequest {
        reason: "no body",
        extra,
    }
    .to_response();
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"emptyrequest": "no body", "attempt": 2, "has_request_id": false})
    );
}
