//! `#[status(decode)]`: responses read back into the values that built them, by code or
//! status, every kind of field, and `Undecoded` for everything else.

use http_status::http::{Response, StatusCode};
use http_status::{Decode, HttpStatus, Undecoded, Violation};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, HttpStatus)]
#[status(transparent, decode)]
pub struct Wrapper(Inner);

#[derive(Debug, Clone, PartialEq, HttpStatus)]
#[status(decode)]
pub enum Inner {
    #[status(409, code = "INNER_CONFLICT")]
    Conflict {
        #[status(extension)]
        version: u32,
    },
    #[status(500)]
    Broken,
}

#[derive(Debug, Clone, PartialEq, HttpStatus)]
#[status(decode, code_header = "x-error-code", allow(member_name))]
pub enum ApiError {
    #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
    UserNotFound {
        #[status(extension)]
        id: u64,
        #[status(extension = "tags")]
        labels: BTreeMap<String, Vec<String>>,
        /// Interpolated only: it comes back as its default.
        hint: String,
    },
    #[status(429, code = "RATE_LIMITED", header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u64 },
    #[status(422, code = "INVALID")]
    Invalid {
        #[status(errors)]
        errors: Vec<Violation>,
    },
    #[status(404)]
    NoRoute,
    #[status(400, format = "text", message = "bad: {0}")]
    Text(String),
    #[status(400, format = "json", code = "JSON_CODE")]
    Json(#[status(extension = "what")] Option<String>),
    #[status(409, format = "members")]
    MembersOnly {
        #[status(extension)]
        n: i32,
    },
    #[status(503, format = "google", code = "DOWN", header("Retry-After" = "{0}"))]
    Down(u32, #[status(extension = "region")] String),
    #[status(transparent)]
    Inner(Inner),
}

fn round_trip(value: ApiError) {
    let response = value.to_response();
    assert_eq!(
        ApiError::from_response(&response),
        Ok(value.clone()),
        "{:?}",
        String::from_utf8_lossy(response.body())
    );
}

#[test]
fn every_field_kind_comes_back() {
    round_trip(ApiError::UserNotFound {
        id: 42,
        labels: BTreeMap::from([("a".into(), vec!["x".into(), "\"y\"".into()])]),
        hint: String::new(),
    });
    round_trip(ApiError::RateLimited { retry_after: 30 });
    round_trip(ApiError::Invalid {
        errors: vec![
            Violation::pointer("/items/0/a b", "empty").with_code("length"),
            Violation::parameter("page", "too big"),
            Violation::header("If-Match", "missing"),
        ],
    });
    round_trip(ApiError::Invalid { errors: vec![] });
    round_trip(ApiError::NoRoute);
    round_trip(ApiError::Json(Some("null".into())));
    round_trip(ApiError::Json(None));
    round_trip(ApiError::MembersOnly { n: -3 });
    round_trip(ApiError::Down(120, "eu-west".into()));
    round_trip(ApiError::Inner(Inner::Conflict { version: 7 }));
    round_trip(ApiError::Inner(Inner::Broken));
}

#[test]
fn an_interpolated_field_that_is_not_sent_comes_back_as_its_default() {
    let sent = ApiError::UserNotFound {
        id: 1,
        labels: BTreeMap::new(),
        hint: "not sent".into(),
    };
    let back = ApiError::from_response(&sent.to_response()).unwrap();
    assert_eq!(
        back,
        ApiError::UserNotFound {
            id: 1,
            labels: BTreeMap::new(),
            hint: String::new()
        }
    );
}

#[test]
fn a_text_body_is_found_by_status_and_format() {
    // The text variant is the only 400 whose body is text; its field is not a member.
    let back = ApiError::from_response(&ApiError::Text("x".into()).to_response());
    assert_eq!(back, Ok(ApiError::Text(String::new())));
}

#[test]
fn a_struct_through_transparent() {
    let value = Wrapper(Inner::Conflict { version: 2 });
    assert_eq!(Wrapper::from_response(&value.to_response()), Ok(value));
}

fn response(status: u16, content_type: Option<&str>, body: &str) -> Response<Vec<u8>> {
    let mut builder = Response::builder().status(status);
    if let Some(content_type) = content_type {
        builder = builder.header("content-type", content_type);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn everything_else_is_undecoded() {
    // Another service's plain-text 502.
    let other = response(
        502,
        Some("text/plain"),
        "502 Bad Gateway: upstream timed out",
    );
    let undecoded: Undecoded = ApiError::from_response(&other).unwrap_err();
    assert_eq!(undecoded.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(undecoded.code(), None);
    assert_eq!(undecoded.body(), b"502 Bad Gateway: upstream timed out");
    assert_eq!(
        undecoded.to_string(),
        "an unexpected 502 Bad Gateway response"
    );
    assert!(format!("{undecoded:?}").contains("upstream timed out"));
    let _: &dyn std::error::Error = &undecoded;

    // A code no variant has, even at a status where one variant has none.
    let unknown = response(
        404,
        Some("application/problem+json"),
        r#"{"type":"about:blank","title":"Not Found","status":404,"code":"NEW_CODE"}"#,
    );
    let undecoded = ApiError::from_response(&unknown).unwrap_err();
    assert_eq!(undecoded.code(), Some("NEW_CODE"));
    assert_eq!(
        undecoded.to_string(),
        "an unexpected 404 Not Found response (code \"NEW_CODE\")"
    );

    // The right code, a member missing or of the wrong type.
    for body in [
        r#"{"status":404,"code":"USER_NOT_FOUND","tags":{}}"#,
        r#"{"status":404,"code":"USER_NOT_FOUND","id":"x","tags":{}}"#,
    ] {
        let broken = response(404, Some("application/problem+json"), body);
        assert!(ApiError::from_response(&broken).is_err(), "{body}");
    }
    // A 429 whose Retry-After is a date.
    let mut dated = response(
        429,
        Some("application/problem+json"),
        r#"{"status":429,"code":"RATE_LIMITED"}"#,
    );
    dated.headers_mut().insert(
        "retry-after",
        "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
    );
    assert!(ApiError::from_response(&dated).is_err());
    // Not JSON at all, an HTML 404, an empty 404.
    for (content_type, body) in [
        (Some("application/problem+json"), "{not json"),
        (Some("text/html"), "<h1>Not Found</h1>"),
        (None, ""),
    ] {
        let odd = response(404, content_type, body);
        assert!(ApiError::from_response(&odd).is_err(), "{body}");
    }
}

#[test]
fn a_body_without_a_code_is_found_by_its_status() {
    let reply = response(409, Some("application/json"), r#"{"n":5}"#);
    assert_eq!(
        ApiError::from_response(&reply),
        Ok(ApiError::MembersOnly { n: 5 })
    );
}

/// The code a client finds a variant by is the code, not an interpolated detail (the writer
/// once kept the detail as the code when asked to keep it, as `ErrorMeta::of` and layers do).
#[test]
fn error_meta_keeps_the_code_not_the_detail() {
    let value = ApiError::UserNotFound {
        id: 3,
        labels: BTreeMap::new(),
        hint: String::new(),
    };
    assert_eq!(
        http_status::ErrorMeta::of(&value).code(),
        Some("USER_NOT_FOUND")
    );
}

/// The generated `Decode` is clean under `deny(warnings, clippy::pedantic)`, without the
/// prelude, and with `Result`, `Option`, `String` and `Default` shadowed.
#[deny(warnings, clippy::pedantic)]
mod hygienic {
    #![no_implicit_prelude]

    #[allow(dead_code)]
    pub struct Result;
    #[allow(dead_code)]
    pub struct Option;
    #[allow(dead_code)]
    pub struct String;
    #[allow(dead_code)]
    pub trait Default {}

    #[derive(Debug, ::http_status::HttpStatus)]
    #[status(decode)]
    pub enum Shadowed<T: ::std::fmt::Display> {
        #[status(404, code = "THING_MISSING")]
        Missing {
            #[status(extension)]
            name: ::std::string::String,
            #[status(extension)]
            value: T,
        },
        #[status(429, header("Retry-After" = "{0}"), allow(missing_retry_after))]
        Slow(u64),
        #[status(transparent)]
        Inner(super::Inner),
    }
}

#[test]
fn generic_and_hygienic() {
    let value: hygienic::Shadowed<u8> = hygienic::Shadowed::Slow(3);
    assert!(matches!(
        Decode::from_response(&value.to_response()),
        Ok(hygienic::Shadowed::<u8>::Slow(3))
    ));
    let value = hygienic::Shadowed::Missing {
        name: "n".into(),
        value: 7u8,
    };
    assert!(matches!(
        Decode::from_response(&value.to_response()),
        Ok(hygienic::Shadowed::<u8>::Missing { value: 7, .. })
    ));
}
