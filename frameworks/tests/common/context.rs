//! The request-context checks, the same for `ProblemLayer` (axum), `ProblemMiddleware`
//! (actix-web), `ProblemPoem` and `ProblemFairing` (rocket). Every server routes
//! `GET /users/{id}` (the API's errors), `POST /users` (a JSON body) and `GET /hello` (plain
//! text); `bare` is the same app without the layer.

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
    check_context(addr, bare).await;
    check_framework_errors(addr, bare).await;
}

/// Request ids, instance and negotiation of the API's errors, and a response that passes
/// through, at `addr`; `bare` serves `/hello` without the layer.
pub async fn check_context(addr: SocketAddr, bare: SocketAddr) {
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

    // Anything else passes through byte for byte (the Date line aside; header fields
    // compared as a set, since rocket writes its own in a different order each launch).
    let without_date = |raw: String| {
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let mut lines: Vec<_> = head
            .lines()
            .filter(|line| !line.to_ascii_lowercase().starts_with("date:"))
            .collect();
        lines[1..].sort_unstable();
        format!("{}\n\n{body}", lines.join("\n"))
    };
    let through = without_date(raw_get(addr, "/hello").await);
    assert_eq!(through, without_date(raw_get(bare, "/hello").await));
    assert!(through.ends_with("hello"), "{through}");
    assert!(!through.contains("x-request-id"), "{through}");
}

/// The framework's own errors, a rejected JSON body (`POST /users`) and an unknown route,
/// as problems with the framework's text as detail (the same text `bare` sends).
pub async fn check_framework_errors(addr: SocketAddr, bare: SocketAddr) {
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

    let text = get(bare, "/no/such/route").await.body;
    let text = String::from_utf8_lossy(&text);
    check_unknown_route(addr, Some(text.trim()).filter(|text| !text.is_empty())).await;
}

/// The router's 404: a problem with a fresh request id, the path as instance and the
/// router's text (if any) as detail, and a client's request id echoed once.
pub async fn check_unknown_route(addr: SocketAddr, detail: Option<&str>) {
    let reply = get(addr, "/no/such/route?key=1").await;
    assert_eq!(reply.status, 404);
    assert_eq!(header(&reply, "content-type"), "application/problem+json");
    let id = id_of(&reply);
    let mut expected = json!({"type": "about:blank", "title": "Not Found", "status": 404,
                              "instance": "/no/such/route", "request_id": id});
    if let Some(detail) = detail {
        expected["detail"] = detail.into();
    }
    assert_eq!(parsed(&reply), expected);
    let reply = request(
        addr,
        "GET",
        "/no/such/route",
        &[("x-request-id", b"lost-1")],
        "",
    )
    .await;
    assert_eq!(reply.status, 404);
    let ids: Vec<_> = reply.headers.get_all("x-request-id").iter().collect();
    assert_eq!(ids, ["lost-1"]);
    assert_eq!(parsed(&reply)["request_id"], "lost-1");
}

/// A framework's error at `path` with `method`: a problem with this status, the reason
/// phrase as title, the path as instance, the request id sent, and `detail` as given.
pub async fn check_problem(
    addr: SocketAddr,
    method: &str,
    path: &str,
    status: u16,
    detail: Option<&str>,
) -> Reply {
    let reply = request(addr, method, path, &[("x-request-id", b"fw-1")], "").await;
    assert_eq!(reply.status, status, "{method} {path}");
    assert_eq!(header(&reply, "content-type"), "application/problem+json");
    let ids: Vec<_> = reply.headers.get_all("x-request-id").iter().collect();
    assert_eq!(ids, ["fw-1"], "{method} {path}");
    let body = parsed(&reply);
    assert_eq!(body["status"], status);
    assert_eq!(body["type"], "about:blank");
    let reason = http_status::codes::lookup(status).unwrap().reason;
    assert_eq!(body["title"], reason);
    assert_eq!(body["instance"], path.split('?').next().unwrap());
    assert_eq!(body["request_id"], "fw-1");
    assert_eq!(body["detail"].as_str(), detail, "{method} {path}");
    reply
}
