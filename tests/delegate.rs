//! `#[status(delegate)]`: status, headers and body from one field of many; and the 500 that
//! replaces a response whose required header would be invalid.

use http_status::HttpStatus;
use http_status::ResponseCatalog;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ErrorKind {
    #[error("not found")]
    #[status(404, code = "NOT_FOUND")]
    NotFound,
    #[error("rate limited")]
    #[status(429, header("Retry-After" = "{0}"))]
    RateLimited(u64),
    #[error("database down")]
    #[status(503, allow(missing_retry_after))]
    Database,
}

/// The common shape: a kind, a source, and a backtrace-like field.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("request failed: {kind}")]
pub struct Error {
    #[status(delegate)]
    kind: ErrorKind,
    #[source]
    source: std::io::Error,
    trace: Vec<&'static str>,
}

#[test]
fn the_delegate_field_gives_the_whole_response() {
    let error = Error {
        kind: ErrorKind::RateLimited(30),
        source: std::io::Error::other("upstream"),
        trace: vec!["a", "b"],
    };
    assert_eq!(error.status(), 429);
    assert_eq!(error.headers()["retry-after"], "30");
    let response = error.to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"rate limited"}"#
    );
    assert_eq!(error.trace.len(), 2);
    let described: Vec<u16> = ResponseCatalog::of::<Error>()
        .iter()
        .map(|d| d.status().as_u16())
        .collect();
    assert_eq!(described, [404, 429, 503]);
}

/// Delegation from a variant with several fields.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Api {
    #[error("while {action}: {kind}")]
    Failed {
        action: &'static str,
        #[status(delegate)]
        kind: ErrorKind,
    },
    #[error("bad input")]
    #[status(400)]
    BadInput,
}

#[test]
fn delegation_from_a_variant() {
    let error = Api::Failed {
        action: "saving",
        kind: ErrorKind::NotFound,
    };
    assert_eq!(error.status(), 404);
    assert_eq!(
        error.to_response().body(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"not found","code":"NOT_FOUND"}"#
    );
    assert_eq!(Api::BadInput.status(), 400);
}

/// Headers of their own beside a delegating variant: each variant sends its own, the
/// delegating one its field's, and several variants that send the same header name share it.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Mixed {
    #[error("while {action}: {kind}")]
    Failed {
        action: &'static str,
        #[status(delegate)]
        kind: ErrorKind,
    },
    #[error("slow down")]
    #[status(429, header("Retry-After" = "120"), header("X-Limit" = "10"))]
    SlowDown,
    #[error("later")]
    #[status(503, header("Retry-After" = "{0}"))]
    Later(u64),
    #[error("bad input")]
    #[status(400)]
    BadInput,
}

#[test]
fn headers_beside_a_delegating_variant() {
    let headers = |error: Mixed| -> Vec<(String, String)> {
        let response = error.to_response();
        let mut pairs: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter(|(name, _)| *name != "content-type")
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap_or("?").to_owned()))
            .collect();
        pairs.sort();
        pairs
    };
    let pair = |name: &str, value: &str| (name.to_owned(), value.to_owned());
    assert_eq!(
        headers(Mixed::Failed {
            action: "saving",
            kind: ErrorKind::RateLimited(30),
        }),
        [pair("retry-after", "30")]
    );
    assert_eq!(
        headers(Mixed::SlowDown),
        [pair("retry-after", "120"), pair("x-limit", "10")]
    );
    assert_eq!(headers(Mixed::Later(5)), [pair("retry-after", "5")]);
    assert_eq!(headers(Mixed::BadInput), []);
    assert_eq!(Mixed::SlowDown.headers().len(), 2);
}

#[derive(Debug, HttpStatus)]
enum Auth {
    #[status(401, header("WWW-Authenticate" = "{0}"))]
    Challenge(String),
    #[status(307, header("Location" = "{0}"), header("X-Hint" = "{0}"))]
    Redirect(String),
    #[status(405, header("Allow" = "{0}"))]
    Methods(String),
}

#[test]
fn an_invalid_required_header_makes_the_response_a_500() {
    for bad in ["", " ", "realm=api", ",", "x\r\nSet-Cookie: a=1"] {
        let response = Auth::Challenge(bad.into()).to_response();
        assert_eq!(response.status(), 500, "{bad:?}");
        assert!(response.headers().get("www-authenticate").is_none());
        assert!(response.headers().get("set-cookie").is_none());
        assert_eq!(
            response.body(),
            r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
        );
        // `status()` is what the variant declares; `headers()` leaves the invalid one out.
        assert_eq!(Auth::Challenge(bad.into()).status(), 401);
        assert!(Auth::Challenge(bad.into()).headers().is_empty());
    }
    let fine = Auth::Challenge("Bearer realm=\"api\"".into()).to_response();
    assert_eq!(fine.status(), 401);
    assert_eq!(fine.headers()["www-authenticate"], "Bearer realm=\"api\"");

    let redirect = Auth::Redirect("/a b".into()).to_response();
    assert_eq!(redirect.status(), 500);
    assert!(redirect.headers().get("location").is_none());
    assert!(redirect.headers().get("x-hint").is_none());
    assert_eq!(Auth::Redirect("/next".into()).to_response().status(), 307);

    // An empty Allow is legal: the resource allows no methods.
    let methods = Auth::Methods(String::new()).to_response();
    assert_eq!(methods.status(), 405);
    assert_eq!(methods.headers()["allow"], "");
    assert_eq!(Auth::Methods("GET;".into()).to_response().status(), 500);
}
