#![deny(warnings)]

use http_status::{Format, HttpStatus, Problem};
use std::collections::BTreeMap;

struct Plain;

impl Format for Plain {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";
    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        body.extend_from_slice(problem.title().as_bytes());
    }
}

#[derive(Debug, serde::Serialize, HttpStatus)]
#[serde(tag = "type")]
#[status(format = "serde")]
enum Tagged {
    #[status(400)]
    Invalid { field: String },
}

#[derive(Debug, HttpStatus)]
#[status(codes = "snake_case")]
enum Everything {
    #[status(403, type = "https://example.com/probs/{kind}", instance = "/accounts/{id}")]
    OutOfCredit {
        kind: &'static str,
        id: u64,
        #[status(extension)]
        balance: i64,
        #[status(flatten)]
        extra: BTreeMap<String, u8>,
    },
    #[status(200, format = "json", message = "{count} deleted")]
    Deleted {
        count: u32,
        #[status(extension = "ids")]
        deleted: Vec<u64>,
    },
    #[status(201, header("Location" = "/things/{0}"))]
    Created(u64),
    #[status(400, format = Plain)]
    Custom,
    #[status(401, format = "none", header("WWW-Authenticate" = "Bearer"), allow(missing_error_body))]
    Empty,
}

#[derive(Debug, HttpStatus)]
struct Wrapper {
    #[status(delegate)]
    inner: Everything,
    note: &'static str,
}

fn main() {
    assert_eq!(Tagged::Invalid { field: "a".into() }.status(), 400);
    assert_eq!(Everything::Custom.to_response().body(), "Bad Request");
    let wrapper = Wrapper { inner: Everything::Empty, note: "" };
    assert_eq!(wrapper.status(), 401);
    assert_eq!(wrapper.note, "");
}
