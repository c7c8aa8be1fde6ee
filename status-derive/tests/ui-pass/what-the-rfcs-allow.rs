#![deny(warnings)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(header("Cache-Control" = "no-store"))]
enum Allowed {
    // RFC 9110 §7.8: a sender of Upgrade also sends the `upgrade` connection option, as the
    // RFC's own 426 example does.
    #[status(426, header("Upgrade" = "TLS/1.2, HTTP/1.1"), header("Connection" = "Upgrade"))]
    UseTls,
    // Fields that do not describe content are fine on a response without any.
    #[status(
        204,
        header("Content-Security-Policy" = "default-src 'none'"),
        header("Content-Disposition" = "inline")
    )]
    Deleted,
    // A 304 repeats what the 200 would have carried, Content-Location included (§15.4.5).
    #[status(304, header("ETag" = "\"v2\""), header("Content-Location" = "/docs/v2"))]
    NotModified,
    // A variant's header replaces the enum's of the same name (in any case): one goes out.
    #[status(200, header("cache-control" = "max-age=60"))]
    Cached,
    // obs-text is legal (§5.5); warned about, and allowed here on purpose.
    #[status(400, header("X-Reason" = "données invalides"), allow(non_ascii_header_value))]
    Latin1,
    // A 5xx header meant for clients interpolates without a warning.
    #[status(503, header("Retry-After" = "{0}"))]
    Down(u64),
    // A 5xx that exposes its text may put it in a header too.
    #[status(502, expose, header("X-Upstream" = "{0}"))]
    Upstream(String),
}

fn main() {
    let cached = Allowed::Cached.headers();
    assert_eq!(cached.get_all("cache-control").iter().count(), 1);
    assert_eq!(cached["cache-control"], "max-age=60");
    assert_eq!(Allowed::UseTls.headers()["connection"], "Upgrade");
    assert!(Allowed::Deleted.to_response().body().is_empty());
    assert_eq!(Allowed::NotModified.headers()["content-location"], "/docs/v2");
    assert_eq!(Allowed::Latin1.headers()["x-reason"].as_bytes(), "données invalides".as_bytes());
    assert_eq!(Allowed::Down(5).headers()["retry-after"], "5");
    assert_eq!(Allowed::Upstream("x".into()).headers()["x-upstream"], "x");
}
