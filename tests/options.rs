//! Every attribute option other than the body formats: codes by number and name, headers
//! (literal, interpolated, repeated, inherited, overridden, rejected at run time), enum-level
//! defaults, transparent variants and structs, `crate = …`, and the response descriptions.

use http_status::codes;
use http_status::http::StatusCode;
use http_status::{BodyFormat, HttpStatus, ResponseCatalog, ValueKind};

#[derive(Debug, HttpStatus)]
enum Codes {
    #[status(404)]
    Number,
    #[status(NOT_FOUND)]
    Name,
    #[status(StatusCode::NOT_FOUND)]
    Path,
    #[status(PAYLOAD_TOO_LARGE)]
    HttpCrateAlias,
    #[status(CONTENT_TOO_LARGE)]
    IanaName,
    #[status(UNPROCESSABLE_ENTITY)]
    OldName,
    #[status(499, reason = "Client Closed Request")]
    Unregistered,
    #[status(TOO_EARLY)]
    TooEarly,
}

#[test]
fn codes_by_number_name_alias_and_path() {
    assert_eq!(Codes::Number.status(), StatusCode::NOT_FOUND);
    assert_eq!(Codes::Name.status(), StatusCode::NOT_FOUND);
    assert_eq!(Codes::Path.status(), StatusCode::NOT_FOUND);
    assert_eq!(Codes::HttpCrateAlias.status(), 413);
    assert_eq!(Codes::IanaName.status(), 413);
    assert_eq!(Codes::OldName.status(), 422);
    assert_eq!(Codes::Unregistered.status(), 499);
    assert_eq!(Codes::TooEarly.status(), 425);
    // The title is the IANA phrase, not the http crate's older one.
    assert_eq!(
        Codes::HttpCrateAlias.to_response().body(),
        r#"{"type":"about:blank","title":"Content Too Large","status":413}"#
    );
    assert_eq!(
        Codes::Unregistered.to_response().body(),
        r#"{"type":"about:blank","title":"Client Closed Request","status":499}"#
    );
}

#[derive(Debug, HttpStatus)]
#[status(header("Cache-Control" = "no-store"), header("X-Api-Version" = "2"))]
enum Headers {
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"api\""), header("WWW-Authenticate" = "Basic"))]
    TwoChallenges,
    #[status(429, header("Retry-After" = "{seconds}"), header("X-Limit" = "{limit}/{window}s"))]
    RateLimited {
        seconds: u64,
        limit: u32,
        window: u32,
    },
    #[status(400, header("Cache-Control" = "max-age=60"))]
    OverridesEnumHeader,
    #[status(400, header("X-Reason" = "{0}"))]
    Reason(String),
    #[status(400)]
    InheritsOnly,
}

#[test]
fn headers_literal_interpolated_and_inherited() {
    let headers = Headers::RateLimited {
        seconds: 30,
        limit: 100,
        window: 60,
    }
    .headers();
    assert_eq!(headers["retry-after"], "30");
    assert_eq!(headers["x-limit"], "100/60s");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["x-api-version"], "2");
    assert_eq!(headers.len(), 4);
}

#[test]
fn a_repeated_header_is_sent_twice() {
    let headers = Headers::TwoChallenges.headers();
    let challenges: Vec<_> = headers.get_all("www-authenticate").iter().collect();
    assert_eq!(challenges, ["Bearer realm=\"api\"", "Basic"]);
}

#[test]
fn a_variant_header_replaces_the_enum_header_of_the_same_name() {
    let headers = Headers::OverridesEnumHeader.headers();
    let values: Vec<_> = headers.get_all("cache-control").iter().collect();
    assert_eq!(values, ["max-age=60"]);
    assert_eq!(Headers::InheritsOnly.headers()["cache-control"], "no-store");
}

#[test]
fn an_invalid_interpolated_value_is_left_out_and_the_rest_stands() {
    for bad in ["a\r\nSet-Cookie: x=1", "nul\0", "line\nfeed", "bell\u{7}"] {
        let response = Headers::Reason(bad.into()).to_response();
        assert!(response.headers().get("x-reason").is_none(), "{bad:?}");
        assert!(response.headers().get("set-cookie").is_none());
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.status(), 400);
    }
    let fine = Headers::Reason("tabs\tand spaces".into()).headers();
    assert_eq!(fine["x-reason"], "tabs\tand spaces");
}

#[test]
fn to_response_carries_the_headers_and_the_content_type() {
    let response = Headers::RateLimited {
        seconds: 1,
        limit: 2,
        window: 3,
    }
    .to_response();
    let names: Vec<&str> = response.headers().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "cache-control",
            "x-api-version",
            "retry-after",
            "x-limit",
            "content-type"
        ]
    );
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

#[test]
fn headers_of_a_variant_without_any_is_an_empty_map() {
    assert!(Codes::Number.headers().is_empty());
}

#[derive(Debug, HttpStatus)]
#[status(
    500,
    code = "INTERNAL",
    format = "json",
    message = "something broke",
    allow(missing_retry_after)
)]
enum Defaults {
    // Inherits everything.
    Broken,
    // Overrides the status and the machine code (one code means one status), keeps the rest.
    #[status(503, code = "DOWN")]
    Down,
    // Overrides the message and the machine code.
    #[status(message = "bad gateway on {0}", code = "GATEWAY", expose)]
    Gateway(String),
    #[status(404, format = "text")]
    Text,
}

#[test]
fn enum_defaults_and_variant_overrides() {
    assert_eq!(Defaults::Broken.status(), 500);
    assert_eq!(
        Defaults::Broken.to_response().body(),
        r#"{"error":"Internal Server Error","message":"something broke","code":"INTERNAL"}"#
    );
    assert_eq!(
        Defaults::Down.to_response().body(),
        r#"{"error":"Service Unavailable","message":"something broke","code":"DOWN"}"#
    );
    let gateway = Defaults::Gateway("billing".into()).to_response();
    assert_eq!(gateway.status(), 500);
    assert_eq!(
        gateway.body(),
        r#"{"error":"Internal Server Error","message":"bad gateway on billing","code":"GATEWAY"}"#
    );
    assert_eq!(Defaults::Text.to_response().body(), "something broke");
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("storage unavailable")]
#[status(503, header("Retry-After" = "5"), code = "STORAGE")]
struct StorageError;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("wrapped")]
#[status(transparent)]
struct Wrapper(StorageError);

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Outer {
    #[error(transparent)]
    #[status(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    #[status(transparent)]
    Boxed(Box<Outer>),
    #[error("wrapper")]
    #[status(transparent)]
    Named { inner: Wrapper },
}

#[test]
fn transparent_variants_and_structs_delegate_everything() {
    let direct = StorageError.to_response();
    for value in [
        Outer::Storage(StorageError),
        Outer::Boxed(Box::new(Outer::Storage(StorageError))),
        Outer::Named {
            inner: Wrapper(StorageError),
        },
    ] {
        assert_eq!(value.status(), 503);
        assert_eq!(value.headers(), StorageError.headers());
        let response = value.to_response();
        assert_eq!(response.status(), direct.status());
        assert_eq!(response.headers(), direct.headers());
        assert_eq!(response.body(), direct.body());
    }
    assert_eq!(
        direct.body(),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"code":"STORAGE"}"#
    );
}

#[derive(Debug, HttpStatus)]
#[status(crate = "self::renamed")]
enum ThroughAReexport {
    #[status(404)]
    Missing,
}

mod renamed {
    pub use http_status::*;
}

#[test]
fn crate_path_override() {
    assert_eq!(ThroughAReexport::Missing.status(), 404);
}

#[test]
fn describe_responses_lists_every_variant_and_transparent_types() {
    // Storage → StorageError; Boxed → Outer, which is being described already; Named →
    // Wrapper → StorageError.
    let responses = ResponseCatalog::of::<Outer>();
    let sources: Vec<&str> = responses.iter().map(|r| r.source()).collect();
    assert_eq!(sources, ["StorageError", "StorageError"]);
    assert!(responses.iter().all(|r| r.status() == 503));

    let headers = ResponseCatalog::of::<Headers>();
    assert_eq!(headers.len(), 5);
    let rate = &headers[1];
    assert_eq!(rate.status(), 429);
    assert_eq!(rate.source(), "RateLimited");
    assert_eq!(rate.title(), "Too Many Requests");
    assert_eq!(rate.message(), None);
    assert_eq!(rate.format(), BodyFormat::Problem);
    assert_eq!(
        rate.example(),
        Some(r#"{"type":"about:blank","title":"Too Many Requests","status":429}"#)
    );
    let described: Vec<(&str, &str, ValueKind)> = rate
        .headers()
        .iter()
        .map(|h| (h.name(), h.value(), h.kind()))
        .collect();
    assert_eq!(
        described,
        [
            ("Cache-Control", "no-store", ValueKind::String),
            ("X-Api-Version", "2", ValueKind::String),
            ("Retry-After", "<integer>", ValueKind::Integer),
            ("X-Limit", "<integer>/<integer>s", ValueKind::String),
        ]
    );

    let defaults = ResponseCatalog::of::<Defaults>();
    let gateway = &defaults[2];
    assert_eq!(
        (gateway.status().as_u16(), gateway.code(), gateway.message()),
        (500, Some("GATEWAY"), Some("bad gateway on <string>"))
    );
    assert!(!gateway.detail_hidden());
    assert!(!gateway.example_is_exact());
    // A body known at compile time is the catalogue's example, byte for byte.
    for (value, described) in [Defaults::Broken, Defaults::Down, Defaults::Text]
        .iter()
        .zip([&defaults[0], &defaults[1], &defaults[3]])
    {
        assert_eq!(
            described.example().map(str::as_bytes),
            Some(value.to_response().body().as_ref())
        );
    }
    assert_eq!(defaults[3].format(), BodyFormat::Text);
    // The text format carries no code.
    assert_eq!(defaults[3].code(), None);
}

#[test]
fn hidden_server_errors_are_described_by_their_title() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[allow(dead_code)]
    enum E {
        #[error("db password {0} rejected")]
        #[status(500)]
        Db(String),
    }
    let described = ResponseCatalog::of::<E>();
    assert_eq!(described[0].title(), "Internal Server Error");
    assert_eq!(described[0].message(), None);
    assert!(described[0].detail_hidden());
}

#[test]
fn a_type_that_contains_itself_twice_is_described_once() {
    #[derive(HttpStatus)]
    #[allow(dead_code)]
    enum Tree {
        #[status(transparent)]
        Left(Box<Tree>),
        #[status(transparent)]
        Right(Box<Tree>),
        #[status(404)]
        Leaf,
    }
    let responses = ResponseCatalog::of::<Tree>();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].source(), "Leaf");
}

#[test]
fn the_registry_is_reachable_as_codes() {
    let info = codes::lookup(451).unwrap();
    assert_eq!(info.reason, "Unavailable For Legal Reasons");
    assert_eq!(
        codes::lookup_name("UNPROCESSABLE_ENTITY").unwrap().code,
        422
    );
    assert_eq!(codes::iter().count(), 64);
}

#[test]
fn pointers_and_references_delegate() {
    let boxed: Box<StorageError> = Box::new(StorageError);
    assert_eq!(boxed.status(), 503);
    let shared = std::sync::Arc::new(StorageError);
    assert_eq!(shared.to_response().status(), 503);
    let dynamic: &dyn HttpStatus = &Codes::Name;
    assert_eq!(dynamic.status(), 404);
    assert_eq!((&dynamic).status(), 404);
}

/// `type_base`, `code_header`, `level`, `retryable` and `grpc`: what they change in the
/// response and in what it says of itself.
mod contract {
    use http_status::{ErrorMeta, HttpStatus, LogLevel};

    #[derive(Debug, HttpStatus)]
    #[status(
        type_base = "https://api.example.com/problems/",
        code_header = "x-error-code"
    )]
    pub enum ApiError {
        #[status(404, code = "USER_NOT_FOUND")]
        UserNotFound,
        #[status(409)]
        EmailTaken,
        #[status(
            400,
            code = "BAD_{0}",
            type = "https://api.example.com/problems/bad-input"
        )]
        Bad(String),
        #[status(503, code = "DOWN", level = "warn", retryable = false, grpc = "ABORTED", header("Retry-After" = "5"))]
        Down,
        #[status(502, code = "UPSTREAM")]
        Upstream,
    }

    fn body(
        response: &http_status::http::Response<http_status::bytes::Bytes>,
    ) -> serde_json::Value {
        serde_json::from_slice(response.body()).unwrap()
    }

    #[test]
    fn type_base_gives_each_code_a_type_uri() {
        let response = ApiError::UserNotFound.to_response();
        assert_eq!(
            body(&response)["type"],
            "https://api.example.com/problems/user-not-found"
        );
        // Without a code, the variant's name is the slug.
        let response = ApiError::EmailTaken.to_response();
        assert_eq!(
            body(&response)["type"],
            "https://api.example.com/problems/email-taken"
        );
        // A type of its own wins.
        let response = ApiError::Bad("X".into()).to_response();
        assert_eq!(
            body(&response)["type"],
            "https://api.example.com/problems/bad-input"
        );
    }

    #[test]
    fn the_code_header_equals_the_body_code() {
        for value in [
            ApiError::UserNotFound,
            ApiError::Bad("INPUT".into()),
            ApiError::Down,
            ApiError::Upstream,
        ] {
            let response = value.to_response();
            let code = body(&response)["code"].as_str().unwrap().to_owned();
            assert_eq!(response.headers()["x-error-code"], code.as_str());
        }
        let response = ApiError::EmailTaken.to_response();
        assert!(response.headers().get("x-error-code").is_none());
        // A templated code that is not visible ASCII stays in the body only.
        let response = ApiError::Bad("ÉTÉ".into()).to_response();
        assert_eq!(body(&response)["code"], "BAD_ÉTÉ");
        assert!(response.headers().get("x-error-code").is_none());
    }

    #[test]
    fn levels_retryability_and_codes_are_known_of_each_response() {
        let meta = ErrorMeta::of(&ApiError::UserNotFound);
        assert_eq!(meta.status(), 404);
        assert_eq!(meta.code(), Some("USER_NOT_FOUND"));
        assert_eq!(meta.error_type(), "USER_NOT_FOUND");
        assert_eq!(meta.level(), LogLevel::Debug);
        assert!(!meta.retryable());
        assert_eq!(meta.internal_message(), None);
        let meta = ErrorMeta::of(&ApiError::EmailTaken);
        assert_eq!(meta.code(), None);
        assert_eq!(meta.error_type(), "ApiError::EmailTaken");
        let meta = ErrorMeta::of(&ApiError::Bad("X".into()));
        assert_eq!(meta.code(), Some("BAD_X"));
        assert_eq!(meta.error_type(), "ApiError::Bad");
        let meta = ErrorMeta::of(&ApiError::Down);
        assert_eq!(meta.level(), LogLevel::Warn);
        assert!(!meta.retryable());
        let meta = ErrorMeta::of(&ApiError::Upstream);
        assert_eq!(meta.level(), LogLevel::Error);
        assert!(meta.retryable());
        assert_eq!(meta.internal_message(), Some("Upstream"));
    }
}
