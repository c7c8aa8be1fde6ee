//! `#[status(errors)]`: the RFC 9457 `errors` member, in the problem, json, members and custom
//! formats — pointers as URI fragments, order kept, nothing dropped.

use http_status::{Format, HttpStatus, Problem, Violation};

#[derive(Debug, HttpStatus)]
enum Invalid {
    #[status(422, message = "the request is invalid")]
    Problem {
        #[status(errors)]
        errors: Vec<Violation>,
    },
    #[status(422, format = "json")]
    Json {
        #[status(errors)]
        errors: Vec<Violation>,
    },
    #[status(422, format = "members")]
    Members {
        #[status(errors)]
        errors: Vec<Violation>,
    },
    #[status(422, format = ErrorsOnly)]
    Custom {
        #[status(errors)]
        errors: Vec<Violation>,
    },
}

/// A format of one's own that sends the list as the problem serializes it.
struct ErrorsOnly;

impl Format for ErrorsOnly {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        #[derive(serde::Serialize)]
        struct Wire<'a> {
            errors: &'a [Violation],
        }
        let wire = Wire {
            errors: problem.violations(),
        };
        serde_json::to_writer(body, &wire).unwrap();
    }
}

fn list() -> Vec<Violation> {
    vec![
        Violation::pointer("/age", "must be positive").with_code("range"),
        Violation::pointer("/a b/é", "is required"),
        Violation::parameter("page", "must be a number"),
        Violation::header("If-Match", "is stale"),
    ]
}

const ERRORS: &str = r##""errors":[{"detail":"must be positive","pointer":"#/age","code":"range"},{"detail":"is required","pointer":"#/a%20b/%C3%A9"},{"detail":"must be a number","parameter":"page"},{"detail":"is stale","header":"If-Match"}]"##;

#[test]
fn every_format_sends_the_whole_list_in_order() {
    let body = |value: Invalid| String::from_utf8(value.to_response().body().to_vec()).unwrap();
    assert_eq!(
        body(Invalid::Problem { errors: list() }),
        format!(
            r#"{{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request is invalid",{ERRORS}}}"#
        )
    );
    assert_eq!(
        body(Invalid::Json { errors: list() }),
        format!(r#"{{"error":"Unprocessable Content",{ERRORS}}}"#)
    );
    assert_eq!(
        body(Invalid::Members { errors: list() }),
        format!("{{{ERRORS}}}")
    );
    assert_eq!(
        body(Invalid::Custom { errors: list() }),
        format!("{{{ERRORS}}}")
    );
    assert_eq!(
        body(Invalid::Problem { errors: Vec::new() }),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the request is invalid","errors":[]}"#
    );
}
