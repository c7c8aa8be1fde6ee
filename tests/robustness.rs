//! Run-time properties over arbitrary field values: nothing panics, every JSON body parses
//! and carries the interpolated text exactly, no header value contains CR, LF or NUL and no
//! extra header appears, bodies of 204/205/304 are empty, and a 5xx without `expose` leaks no
//! byte of the value.
//!
//! Fixed seed; `PROPTEST_CASES=100000 cargo test --release --test robustness` for a larger run.

use http_status::bytes::Bytes;
use http_status::codes::header::{check_value, Grammar};
use http_status::http::{Response, StatusCode};
use http_status::HttpStatus;
use proptest::prelude::*;

#[path = "support/property.rs"]
mod property;
use property::check;
use serde_json::Value;

/// Any Unicode, weighted towards what breaks JSON and headers: controls, CR/LF/NUL, quotes,
/// backslashes, braces, non-ASCII, and occasionally very long text.
fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        prop::sample::select(vec![
            "\r", "\n", "\r\n", "\0", "\"", "\\", "\t", "\u{7f}", "\u{1b}", "{", "}", "é", "😀",
            "\u{2028}", " "
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,12}",
    ];
    prop_oneof![
        9 => prop::collection::vec(piece, 0..24).prop_map(|p| p.concat()),
        1 => ("[ -~]{1,4}", 1000..20_000usize).prop_map(|(s, n)| s.repeat(n / s.len().max(1))),
    ]
}

#[derive(Debug, HttpStatus)]
enum Problem {
    #[status(422, message = "field {field} is invalid: {reason:?}", code = "INVALID", header("X-Field" = "{field}"))]
    Invalid { field: String, reason: String },
    #[status(404, format = "json", message = "{0}", header("X-Id" = "id-{0}"))]
    Json(String),
    #[status(400, format = "text", message = "bad: {0}")]
    Text(String),
    #[status(204, header("X-Note" = "{0}"))]
    NoContent(String),
    #[status(205, header("X-Note" = "{0}"))]
    Reset(String),
    #[status(304, header("ETag" = "\"{0}\""))]
    NotModified(String),
}

fn json(response: &Response<Bytes>) -> Result<Value, TestCaseError> {
    serde_json::from_slice(response.body())
        .map_err(|e| TestCaseError::fail(format!("invalid JSON: {e}")))
}

/// Whether the derive's check (the one it applies to literals) accepts the text as a value.
fn valid_field_value(text: &str) -> bool {
    check_value(Grammar::Any, text).is_ok()
}

fn headers_are_clean(response: &Response<Bytes>, allowed: &[&str]) -> Result<(), TestCaseError> {
    for (name, value) in response.headers() {
        prop_assert!(allowed.contains(&name.as_str()), "unexpected header {name}");
        prop_assert!(
            !value
                .as_bytes()
                .iter()
                .any(|b| matches!(b, b'\r' | b'\n' | 0)),
            "{name}: {value:?}"
        );
    }
    Ok(())
}

#[test]
fn problem_bodies_are_valid_json_and_carry_the_text_exactly() {
    check((nasty(), nasty()), |(field, reason)| {
        let value = Problem::Invalid {
            field: field.clone(),
            reason: reason.clone(),
        };
        let response = value.to_response();
        prop_assert_eq!(response.status(), 422);
        let body = json(&response)?;
        prop_assert_eq!(
            &body["detail"],
            &Value::String(format!("field {field} is invalid: {reason:?}"))
        );
        prop_assert_eq!(&body["code"], "INVALID");
        prop_assert_eq!(&body["title"], "Unprocessable Content");
        headers_are_clean(&response, &["x-field", "content-type"])?;
        prop_assert_eq!(
            response.headers().get("x-field").is_some(),
            valid_field_value(&field)
        );
        if let Some(sent) = response.headers().get("x-field") {
            prop_assert_eq!(sent.as_bytes(), field.as_bytes());
        }
        prop_assert_eq!(response.headers(), &{
            let mut expected = value.headers();
            expected.insert("content-type", "application/problem+json".parse().unwrap());
            expected
        });
        Ok(())
    });
}

#[test]
fn json_and_text_bodies_round_trip() {
    check(nasty(), |text| {
        let response = Problem::Json(text.clone()).to_response();
        let body = json(&response)?;
        prop_assert_eq!(&body["message"], &Value::String(text.clone()));
        prop_assert_eq!(&body["error"], "Not Found");
        headers_are_clean(&response, &["x-id", "content-type"])?;

        let response = Problem::Text(text.clone()).to_response();
        let expected = format!("bad: {text}");
        prop_assert_eq!(response.body().as_ref(), expected.as_bytes());
        headers_are_clean(&response, &["content-type"])?;
        Ok(())
    });
}

#[test]
fn responses_without_content_stay_empty() {
    check(nasty(), |text| {
        for value in [
            Problem::NoContent(text.clone()),
            Problem::Reset(text.clone()),
            Problem::NotModified(text.clone()),
        ] {
            let response = value.to_response();
            prop_assert!(response.body().is_empty());
            prop_assert!(response.headers().get("content-type").is_none());
            headers_are_clean(&response, &["x-note", "etag"])?;
        }
        Ok(())
    });
}

/// An inner error whose text is a secret, as a database driver's error might be.
#[derive(Debug, thiserror::Error)]
#[error("driver said {0}")]
struct DriverError(String);

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Leaky {
    #[error("query {query} failed")]
    #[status(500)]
    Query {
        query: String,
        #[source]
        source: DriverError,
    },
    #[error("upstream {0}")]
    #[status(502, message = "upstream returned {0}", code = "UPSTREAM")]
    Upstream(String),
    #[error("{0}")]
    #[status(503, message = "{0}", format = "json", header("Retry-After" = "1"))]
    Json(String),
    #[error("{0}")]
    #[status(504, format = "text")]
    Text(String),
    #[error("{0}")]
    #[status(500, header("X-Debug" = "{0}"), allow(header_leak))]
    // A header is written by the developer on purpose (the derive warns, `header_leak`, and
    // this one is allowed); it is not hidden (see README).
    HeaderOnPurpose(String),
}

/// The same 5xx built every other way the attribute allows: options inherited from the enum,
/// `transparent` and `delegate` fields, custom and Google formats, the members format.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, message = "{0} failed", codes = "SCREAMING_SNAKE_CASE")]
enum Inherited {
    #[error("a {0}")]
    Plain(String),
    #[error("b {0}")]
    #[status(503, header("Retry-After" = "5"))]
    Unavailable(String),
    #[error("c {0}")]
    #[status(format = "json")]
    Json(String),
    #[error("d {0}")]
    #[status(format = "text")]
    Text(String),
    #[error(transparent)]
    #[status(transparent)]
    Through(Leaky),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("request {attempt} failed: {kind}")]
struct Delegated {
    #[status(delegate)]
    kind: Leaky,
    attempt: String,
}

/// A wire format of the user's own: it sees the parts, never hidden text.
struct Echo;

impl http_status::Format for Echo {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(problem: &http_status::Problem<'_>, body: &mut Vec<u8>) {
        let _ = serde_json::to_writer(body, problem);
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Formats {
    #[error("custom {0}")]
    #[status(500, format = Echo, message = "{0}")]
    Custom(String),
    #[error("google {0}")]
    #[status(502, format = "google", code = "UPSTREAM", message = "{0}")]
    Google(String),
    #[error("members {0}")]
    #[status(500, format = "members")]
    Members(String),
}

#[test]
fn server_errors_built_every_way_leak_no_byte_of_the_value() {
    let secret = "[A-Za-z0-9]{12,40}".prop_map(|s| format!("SECRET{s}"));
    check((secret.clone(), secret), |(secret, inner)| {
        let leaky = || Leaky::Query {
            query: secret.clone(),
            source: DriverError(inner.clone()),
        };
        let responses = [
            Inherited::Plain(secret.clone()).to_response(),
            Inherited::Unavailable(secret.clone()).to_response(),
            Inherited::Json(secret.clone()).to_response(),
            Inherited::Text(secret.clone()).to_response(),
            Inherited::Through(leaky()).to_response(),
            Delegated {
                kind: leaky(),
                attempt: secret.clone(),
            }
            .to_response(),
            Formats::Custom(secret.clone()).to_response(),
            Formats::Google(secret.clone()).to_response(),
            Formats::Members(secret.clone()).to_response(),
        ];
        for response in responses {
            prop_assert!(response.status().is_server_error());
            let body = String::from_utf8_lossy(response.body());
            for hidden in [&secret, &inner] {
                prop_assert!(!body.contains(hidden.as_str()), "{}", body);
                for (name, header) in response.headers() {
                    let header = String::from_utf8_lossy(header.as_bytes());
                    prop_assert!(!header.contains(hidden.as_str()), "{}: {}", name, header);
                }
            }
        }
        Ok(())
    });
}

#[test]
fn server_errors_leak_no_byte_of_the_value() {
    let secret = "[A-Za-z0-9]{12,40}".prop_map(|s| format!("SECRET{s}"));
    check((secret.clone(), secret), |(secret, inner)| {
        let values = [
            Leaky::Query {
                query: secret.clone(),
                source: DriverError(inner.clone()),
            },
            Leaky::Upstream(secret.clone()),
            Leaky::Json(secret.clone()),
            Leaky::Text(secret.clone()),
        ];
        for value in values {
            let response = value.to_response();
            prop_assert!(response.status().is_server_error());
            let body = String::from_utf8_lossy(response.body());
            for hidden in [&secret, &inner] {
                prop_assert!(!body.contains(hidden.as_str()), "{body}");
                for (_, header) in response.headers() {
                    prop_assert!(
                        !String::from_utf8_lossy(header.as_bytes()).contains(hidden.as_str())
                    );
                }
            }
            // Not even a fragment: the body is exactly what the status alone determines.
            let expected = match response.status().as_u16() {
                500 => r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#,
                502 => {
                    r#"{"type":"about:blank","title":"Bad Gateway","status":502,"code":"UPSTREAM"}"#
                }
                503 => r#"{"error":"Service Unavailable"}"#,
                _ => "Gateway Timeout",
            };
            prop_assert_eq!(body, expected);
        }
        let on_purpose = Leaky::HeaderOnPurpose(secret.clone()).to_response();
        prop_assert_eq!(
            on_purpose.headers()["x-debug"].as_bytes(),
            secret.as_bytes()
        );
        Ok(())
    });
}

#[test]
fn status_and_headers_never_panic() {
    check((nasty(), nasty()), |(a, b)| {
        let values = [
            Problem::Invalid {
                field: a.clone(),
                reason: b.clone(),
            },
            Problem::Json(a.clone()),
            Problem::Text(b.clone()),
            Problem::NoContent(a.clone()),
        ];
        for value in values {
            let _ = value.status();
            headers_are_clean(
                &value.to_response(),
                &["x-field", "x-id", "x-note", "content-type"],
            )?;
        }
        Ok(())
    });
}

/// A member value: any JSON (any Unicode in strings and keys, nested maps and arrays), or one
/// whose `Serialize` fails, at the top or deep inside.
#[derive(Debug, Clone)]
enum Member {
    Json(Value),
    Fails,
    FailsInside(Vec<Member>),
}

impl serde::Serialize for Member {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Member::Json(value) => value.serialize(serializer),
            Member::Fails => Err(serde::ser::Error::custom("fails")),
            Member::FailsInside(items) => items.serialize(serializer),
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        // Floats that parse back exactly (serde_json's parser rounds some others differently).
        (-100_000i32..100_000).prop_map(|n| Value::from(f64::from(n) / 8.0)),
        nasty().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(nasty(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn member() -> impl Strategy<Value = Member> {
    prop_oneof![
        6 => json_value().prop_map(Member::Json),
        1 => Just(Member::Fails),
        1 => prop::collection::vec(
            prop_oneof![json_value().prop_map(Member::Json), Just(Member::Fails)],
            0..4
        )
        .prop_map(Member::FailsInside),
    ]
}

#[derive(Debug, HttpStatus)]
enum WithMembers {
    #[status(422, message = "{note}")]
    Problem {
        note: String,
        #[status(extension)]
        first: Member,
        #[status(extension)]
        second: Member,
        #[status(flatten)]
        rest: std::collections::BTreeMap<String, Member>,
    },
    #[status(200, format = "json")]
    Json {
        #[status(extension)]
        only: Member,
        #[status(flatten)]
        rest: Member,
    },
}

#[test]
fn arbitrary_members_always_give_valid_json() {
    let rest = prop::collection::btree_map(nasty(), member(), 0..6);
    check(
        (nasty(), member(), member(), rest, member(), member()),
        |(note, first, second, rest, only, flat)| {
            let value = WithMembers::Problem {
                note: note.clone(),
                first: first.clone(),
                second,
                rest,
            };
            let body = json(&value.to_response())?;
            prop_assert_eq!(&body["detail"], &Value::String(note));
            prop_assert_eq!(&body["status"], 422);
            prop_assert_eq!(&body["title"], "Unprocessable Content");
            if let Member::Json(expected) = &first {
                prop_assert_eq!(&body["first"], expected);
            }
            if matches!(first, Member::Fails) {
                prop_assert!(body.get("first").is_none());
            }
            let value = WithMembers::Json { only, rest: flat };
            let response = value.to_response();
            prop_assert_eq!(response.status(), 200);
            let body = json(&response)?;
            prop_assert!(body.is_object());
            Ok(())
        },
    );
}

#[derive(Debug, HttpStatus)]
enum Required {
    #[status(401, header("WWW-Authenticate" = "{0}"))]
    Challenge(String),
    #[status(407, header("Proxy-Authenticate" = "Basic {0}"))]
    Proxy(String),
    #[status(405, header("Allow" = "{0}"))]
    Methods(String),
    #[status(308, header("Location" = "/{0}"), header("Retry-After" = "{0}"))]
    Moved(String),
    #[status(426, header("Upgrade" = "{0}"), header("Connection" = "upgrade"))]
    Upgrade(String),
    #[status(429, header("Retry-After" = "{0}"), header("X-Note" = "{0}"))]
    Limited(String),
    // Inside a quoted-string the text is escaped, not refused.
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"{0}\", error=\"{0}\""))]
    Quoted(String),
    #[status(transparent)]
    Hand(HandWritten),
}

/// A hand-written impl that answers whatever it is told: nothing checked it at compile time.
#[derive(Debug)]
struct HandWritten {
    status: u16,
    body: &'static str,
    challenge: Option<String>,
}

impl HttpStatus for HandWritten {
    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap()
    }

    fn headers(&self) -> http_status::http::HeaderMap {
        let mut headers = http_status::http::HeaderMap::new();
        if let Some(challenge) = &self.challenge {
            if let Ok(value) = http_status::http::HeaderValue::from_str(challenge) {
                headers.insert("www-authenticate", value);
            }
        }
        headers
    }

    fn to_response(&self) -> Response<Bytes> {
        let mut response = Response::new(Bytes::from_static(self.body.as_bytes()));
        *response.status_mut() = self.status();
        *response.headers_mut() = self.headers();
        response
    }
}

fn hand_written() -> impl Strategy<Value = HandWritten> {
    (
        prop::sample::select(vec![100u16, 103, 200, 204, 205, 304, 401, 404, 405, 500]),
        prop::sample::select(vec!["", "body"]),
        prop::option::of(header_text()),
    )
        .prop_map(|(status, body, challenge)| HandWritten {
            status,
            body,
            challenge,
        })
}

/// Values near the grammars: valid ones, and the ways they go wrong.
fn header_text() -> impl Strategy<Value = String> {
    prop_oneof![
        nasty(),
        prop::sample::select(vec![
            "",
            " ",
            "Bearer",
            "Bearer realm=\"api\"",
            "realm=api",
            ",",
            "GET, HEAD",
            "GET;HEAD",
            "websocket",
            "TLS/1.2",
            "a b",
            "120",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "users/1",
            "%zz",
            "x\r\ny",
            "é",
        ])
        .prop_map(str::to_owned),
    ]
}

#[test]
fn required_headers_are_never_missing_or_invalid_and_every_value_passes_its_grammar() {
    use http_status::codes::header::grammar_of;
    check((header_text(), hand_written()), |(text, hand)| {
        let values = [
            Required::Challenge(text.clone()),
            Required::Proxy(text.clone()),
            Required::Methods(text.clone()),
            Required::Moved(text.clone()),
            Required::Upgrade(text.clone()),
            Required::Limited(text.clone()),
            Required::Quoted(text.clone()),
            Required::Hand(hand),
        ];
        for value in values {
            let declared = value.status();
            let response = value.to_response();
            let status = response.status();
            for (name, sent) in response.headers() {
                let sent = std::str::from_utf8(sent.as_bytes());
                if name == "content-type" {
                    continue;
                }
                // Every value sent passes the grammar the derive checks literals with.
                let sent = sent.map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(
                    check_value(grammar_of(name.as_str()), sent),
                    Ok(()),
                    "{}: {:?}",
                    name,
                    sent
                );
            }
            if status == 500 {
                if declared != 500 {
                    // The fallback: no header of the variant, the hidden body.
                    prop_assert_eq!(response.headers().len(), 1);
                }
                continue;
            }
            prop_assert_eq!(status, declared);
            // Never an interim status, never a body where there is none.
            prop_assert!(!status.is_informational());
            if matches!(status.as_u16(), 204 | 205 | 304) {
                prop_assert!(response.body().is_empty());
            }
            let required: &[&str] = match declared.as_u16() {
                401 => &["www-authenticate"],
                407 => &["proxy-authenticate"],
                405 => &["allow"],
                308 => &["location"],
                426 => &["upgrade", "connection"],
                _ => &[],
            };
            for name in required {
                prop_assert!(
                    response.headers().contains_key(*name),
                    "{} missing on {}",
                    name,
                    status
                );
            }
        }
        Ok(())
    });
}
