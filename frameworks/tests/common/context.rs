//! The request-context checks, the same for `ProblemLayer` (axum) and `ProblemMiddleware`
//! (actix-web). Both servers route `GET /users/{id}` (the API's errors), `POST /users` (a JSON
//! body) and `GET /hello` (plain text); `bare` is the same app without the layer.

use super::{get, header, raw_get, raw_request, request, Reply};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::net::SocketAddr;

fn parsed(reply: &Reply) -> Value {
    serde_json::from_slice(&reply.body).unwrap_or_else(|e| {
        panic!("{e}: {:?}", String::from_utf8_lossy(&reply.body));
    })
}

fn id_of(reply: &Reply) -> String {
    let id = header(reply, "x-request-id").to_owned();
    assert_eq!(id.len(), 36, "a generated UUID: {id}");
    assert!(id
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase() || b == b'-'));
    id
}

/// Request ids, instance, negotiation and framework errors through the layer at `addr`.
pub async fn check(addr: SocketAddr, bare: SocketAddr) {
    // A derived 404 with an incoming id: echoed in the header and the body, instance = path.
    let reply = request(
        addr,
        "GET",
        "/users/42",
        &[("x-request-id", b"req-7f3a")],
        "",
    )
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(header(&reply, "content-type"), "application/problem+json");
    assert_eq!(header(&reply, "x-request-id"), "req-7f3a");
    assert_eq!(header(&reply, "vary"), "Accept");
    assert_eq!(
        reply.body,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 42 not found","code":"USER_NOT_FOUND","instance":"/users/42","request_id":"req-7f3a"}"#
    );

    // A 500 without one: a fresh id, the same in header and body; the query is not the
    // instance (it can hold tokens); the hidden text stays hidden.
    let reply = get(addr, "/users/500?token=s3cret").await;
    assert_eq!(reply.status, 500);
    let id = id_of(&reply);
    assert_eq!(
        parsed(&reply),
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500,
               "instance": "/users/500", "request_id": id})
    );
    assert!(!String::from_utf8_lossy(&reply.body).contains("s3cret"));
    assert!(!String::from_utf8_lossy(&reply.body).contains(super::SECRET));
    let reply = request(
        addr,
        "GET",
        "/users/500",
        &[("x-request-id", b"trace-500")],
        "",
    )
    .await;
    assert_eq!(header(&reply, "x-request-id"), "trace-500");
    assert_eq!(parsed(&reply)["request_id"], "trace-500");

    // Generated ids are unique.
    let mut ids = HashSet::new();
    for _ in 0..1000 {
        let reply = get(addr, "/users/1").await;
        let id = id_of(&reply);
        assert_eq!(parsed(&reply)["request_id"], id.as_str());
        ids.insert(id);
    }
    assert_eq!(ids.len(), 1000);

    // Hostile ids are replaced by a generated one.
    let long = vec![b'a'; 10 * 1024];
    for hostile in [&long[..], b"caf\xc3\xa9", b"two words", b"a\tb"] {
        let reply = request(addr, "GET", "/users/42", &[("x-request-id", hostile)], "").await;
        assert_eq!(reply.status, 404);
        let id = id_of(&reply);
        assert_eq!(parsed(&reply)["request_id"], id.as_str());
    }
    // A bare CR cannot even reach the layer: the server's parser refuses the request, and
    // nothing of the value is echoed.
    let raw = raw_request(addr, "/users/42", "x-request-id: a\rinjected: 1\r\n").await;
    assert!(!raw.contains("injected"), "{raw}");

    // Content negotiation, with the body the format writes.
    let detail = "user 42 not found";
    for (accept, content_type) in [
        ("*/*", "application/problem+json"),
        ("application/problem+json", "application/problem+json"),
        ("application/json", "application/json"),
        (
            "application/problem+json;q=0, application/json",
            "application/json",
        ),
        ("text/plain", "text/plain; charset=utf-8"),
        ("text/html", "text/plain; charset=utf-8"),
        ("image/png", "application/problem+json"),
    ] {
        let reply = request(
            addr,
            "GET",
            "/users/42",
            &[("accept", accept.as_bytes())],
            "",
        )
        .await;
        assert_eq!(reply.status, 404, "{accept}");
        assert_eq!(header(&reply, "content-type"), content_type, "{accept}");
        assert_eq!(header(&reply, "vary"), "Accept", "{accept}");
        if content_type.starts_with("text/") {
            assert_eq!(reply.body, detail, "{accept}");
        } else {
            assert_eq!(parsed(&reply)["detail"], detail, "{accept}");
            assert_eq!(parsed(&reply)["instance"], "/users/42", "{accept}");
        }
    }
    // Text for a 500: the title, the detail being hidden.
    let reply = request(addr, "GET", "/users/500", &[("accept", b"text/plain")], "").await;
    assert_eq!(reply.body, "Internal Server Error");

    // Anything else passes through byte for byte (the Date line aside).
    let without_date = |raw: String| {
        raw.lines()
            .filter(|line| !line.to_ascii_lowercase().starts_with("date:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let through = without_date(raw_get(addr, "/hello").await);
    assert_eq!(through, without_date(raw_get(bare, "/hello").await));
    assert!(through.ends_with("hello"), "{through}");
    assert!(!through.contains("x-request-id"), "{through}");

    // The framework's own errors come out in the same shape.
    let reply = request(
        addr,
        "POST",
        "/users",
        &[
            ("content-type", b"application/json"),
            ("x-request-id", b"bad-body"),
        ],
        "{name: 1}",
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(header(&reply, "content-type"), "application/problem+json");
    let body = parsed(&reply);
    assert_eq!(body["title"], "Bad Request");
    assert_eq!(body["status"], 400);
    assert_eq!(body["instance"], "/users");
    assert_eq!(body["request_id"], "bad-body");
    let text = body["detail"].as_str().expect("the framework's text");
    assert!(text.contains("line 1 column 2"), "{text}");
    let bare_reply = request(
        bare,
        "POST",
        "/users",
        &[("content-type", b"application/json")],
        "{name: 1}",
    )
    .await;
    assert_eq!(bare_reply.body, text, "the detail is the framework's text");

    let reply = get(addr, "/no/such/route?key=1").await;
    assert_eq!(reply.status, 404);
    assert_eq!(header(&reply, "content-type"), "application/problem+json");
    let id = id_of(&reply);
    assert_eq!(
        parsed(&reply),
        json!({"type": "about:blank", "title": "Not Found", "status": 404,
               "instance": "/no/such/route", "request_id": id})
    );
}
