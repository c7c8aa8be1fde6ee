#![deny(warnings)]
// Programs the RFCs allow that an audit found refused or warned about: each compiles, warnings
// denied, and sends what it says.

use http_status::HttpStatus;

#[derive(Debug, HttpStatus)]
enum Outcome {
    // RFC 9110 §15.3.5: a 204 may carry representation metadata.
    #[status(204, header("Content-Location" = "/docs/7"), header("Content-Language" = "en"))]
    Deleted,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Legal {
    // A weak entity-tag (RFC 9110 §8.8.3).
    #[error("stale")]
    #[status(412, header("ETag" = "W/\"v7\""))]
    Stale,
    // no-store keeps a 429 out of caches (RFC 6585 §4).
    #[error("slow down")]
    #[status(429, header("Retry-After" = "30"), header("Cache-Control" = "no-store"))]
    RateLimited,
    // A list of fields (RFC 9110 §12.5.5).
    #[error("unsupported")]
    #[status(415, header("Vary" = "Accept, Accept-Language"))]
    Unsupported,
    // The rel parameter is a space-separated, case-insensitive list (RFC 8288 §3.3).
    #[error("blocked")]
    #[status(451, header("Link" = "<https://isp.example/legal>; rel=\"related blocked-by\""))]
    Blocked,
    #[error("blocked")]
    #[status(451, header("Link" = "<https://isp.example/legal>; REL=blocked-by"))]
    BlockedUpper,
    // A quoted placeholder is escaped at run time, so any realm is a valid challenge.
    #[error("log in")]
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"{0}\""))]
    LogIn(String),
}

fn main() {
    assert_eq!(Outcome::Deleted.to_response().status(), 204);
    assert_eq!(Outcome::Deleted.headers()["content-language"], "en");
    assert_eq!(Legal::Stale.headers()["etag"], "W/\"v7\"");
    assert_eq!(Legal::Unsupported.headers()["vary"], "Accept, Accept-Language");
    let response = Legal::LogIn("say \"hi\"".into()).to_response();
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer realm=\"say \\\"hi\\\"\"");
}
