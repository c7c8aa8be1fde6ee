//! The contract check: a catalogue survives JSON (`from_json(to_string(c)) == c`), and
//! `diff` sorts every kind of change to one API the way the README says, in sentences a
//! reviewer reads.
#![allow(dead_code)] // the variants are described, never built

#[path = "../examples/shared/api.rs"]
mod api;

use http_status::{BodyFormat, Format, HttpStatus, Problem, ResponseCatalog};
use std::collections::BTreeMap;

fn round_trip(catalog: &ResponseCatalog) {
    let json = serde_json::to_string(catalog).unwrap();
    let back = ResponseCatalog::from_json(&json).unwrap();
    assert_eq!(&back, catalog);
    // And again, to the same text.
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    assert!(catalog.diff(&back).is_empty());
}

struct Csv;

impl Format for Csv {
    const CONTENT_TYPE: &'static str = "text/csv";
    fn write(problem: &Problem<'_>, body: &mut Vec<u8>) {
        body.extend_from_slice(problem.title().as_bytes());
    }
}

/// Every shape the catalogue describes: templates with braces, members (named, flattened),
/// formats (custom too), hidden text, success.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Everything {
    #[error("{{literal}} braces and {id}")]
    #[status(404, code = "E_{kind}", instance = "/things/{id}", header("X-Id" = "{id}"))]
    Templated { id: u64, kind: String },
    #[error("members")]
    #[status(422, format = "json")]
    Members {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
        #[status(flatten)]
        extra: BTreeMap<String, u32>,
    },
    #[error("csv")]
    #[status(400, format = Csv)]
    Custom,
    #[error("secret {0}")]
    #[status(503, header("Retry-After" = "5"))]
    Hidden(String),
    #[error("text")]
    #[status(400, format = "text")]
    Text,
    #[error("taken")]
    #[status(409, format = "members")]
    Flat {
        #[status(extension)]
        field: String,
    },
    #[error("quota exceeded")]
    #[status(429, format = "google", code = "QUOTA_EXCEEDED", header("Retry-After" = "30"))]
    Google,
}

#[test]
fn a_catalogue_reads_back_as_it_was_written() {
    round_trip(&ResponseCatalog::of::<api::ApiError>());
    round_trip(&ResponseCatalog::of::<api::Done>());
    let everything = ResponseCatalog::of::<Everything>();
    round_trip(&everything);
    let back = ResponseCatalog::from_json(&serde_json::to_string(&everything).unwrap()).unwrap();
    // What was `&'static` is owned now, and reads the same.
    assert_eq!(back[0].message(), Some("{literal} braces and <integer>"));
    assert_eq!(
        back[0].message_template().unwrap().as_str(),
        "{{literal}} braces and {integer}"
    );
    assert_eq!(back[0].code(), Some("E_<string>"));
    assert!(back[0].code_varies());
    assert_eq!(back[0].instance(), Some("/things/<integer>"));
    assert_eq!(
        back[2].format(),
        BodyFormat::Custom {
            content_type: "text/csv"
        }
    );
    assert_eq!(back[2].content_type(), Some("text/csv"));
    assert_eq!(back[1].members()[1].name(), None);
    assert_eq!(
        back[3].example(),
        Some(r#"{"type":"about:blank","title":"Service Unavailable","status":503}"#)
    );
    assert!(back[3].retryable() && back[3].detail_hidden());
    // Every built-in format reads back as itself.
    assert_eq!(back[5].format(), BodyFormat::Members);
    assert_eq!(back[6].format(), BodyFormat::Google);
}

#[test]
fn a_file_that_does_not_fit_says_where() {
    let error = |json: &str| ResponseCatalog::from_json(json).unwrap_err().to_string();
    assert_eq!(error("{}"), "catalog.json: expected an array of responses");
    assert!(error("[").starts_with("catalog.json is not JSON: "));
    assert_eq!(
        error(
            r#"[{"status": 404, "title": "Not Found", "source": "A", "format": "problem"}, {"status": 1000}]"#
        ),
        "catalog.json: response 1: `status` is missing or not a status code"
    );
    assert_eq!(
        error(r#"[{"status": 404, "title": "Not Found", "source": "A", "format": "xml"}]"#),
        "catalog.json: response 0: `format` is not a format: \"xml\""
    );
    assert_eq!(
        error(
            r#"[{"status": 404, "title": "T", "source": "A", "format": "json", "headers": [{"name": "X", "value": 1}]}]"#
        ),
        "catalog.json: response 0, headers 0: `value` is not a string"
    );
    // Keys it does not know are ignored, missing ones take the defaults.
    let catalog = ResponseCatalog::from_json(
        r#"[{"status": 503, "title": "Service Unavailable", "source": "Down", "format": "problem", "new_key": 1}]"#,
    )
    .unwrap();
    assert!(catalog[0].retryable());
    assert_eq!(catalog[0].level(), http_status::LogLevel::Error);
}

// One API, version 1, and each mutation of it as version 2.
mod v1 {
    use http_status::HttpStatus;

    #[derive(HttpStatus)]
    #[status(codes = "SCREAMING_SNAKE_CASE")]
    pub enum Api {
        /// No user has this id.
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken")]
        EmailTaken {
            #[status(extension)]
            email: String,
        },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation {
            #[status(extension)]
            errors: Vec<String>,
        },
        #[status(429, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
    }
}

/// Version 1 changed by `$change`, as a diff from version 1.
macro_rules! diff_after {
    ($($variants:tt)*) => {{
        #[derive(HttpStatus)]
        #[status(codes = "SCREAMING_SNAKE_CASE")]
        enum Api { $($variants)* }
        ResponseCatalog::of::<v1::Api>().diff(&ResponseCatalog::of::<Api>())
    }};
}

/// The sentences of each group: breaking, additions, compatible.
fn sentences(diff: &http_status::CatalogDiff) -> [Vec<String>; 3] {
    let text = |changes: &[http_status::Change]| changes.iter().map(ToString::to_string).collect();
    [
        text(diff.breaking()),
        text(diff.additions()),
        text(diff.compatible()),
    ]
}

fn none() -> Vec<String> {
    Vec::new()
}

#[test]
fn nothing_changed() {
    let diff = ResponseCatalog::of::<v1::Api>().diff(&ResponseCatalog::of::<v1::Api>());
    assert!(diff.is_empty());
    assert_eq!(diff.to_string(), "No changes.\n");
}

#[test]
fn a_code_removed_is_breaking() {
    let diff = diff_after! {
        /// No user has this id.
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken")]
        EmailTaken { #[status(extension)] email: String },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] errors: Vec<String> },
    };
    assert_eq!(
        sentences(&diff),
        [
            vec!["RATE_LIMITED: removed (was 429 Too Many Requests)".to_owned()],
            none(),
            none()
        ]
    );
}

#[test]
fn a_status_changed_is_breaking_and_its_title_compatible() {
    let diff = diff_after! {
        /// No user has this id.
        #[status(410, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken")]
        EmailTaken { #[status(extension)] email: String },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] errors: Vec<String> },
        #[status(429, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
    };
    assert_eq!(
        sentences(&diff),
        [
            vec!["USER_NOT_FOUND: status changed from 404 to 410".to_owned()],
            none(),
            vec![r#"USER_NOT_FOUND: title changed from "Not Found" to "Gone""#.to_owned()],
        ]
    );
}

#[test]
fn a_member_removed_or_renamed_is_breaking() {
    let removed = diff_after! {
        /// No user has this id.
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken")]
        EmailTaken { email: String },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] errors: Vec<String> },
        #[status(429, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
    };
    assert_eq!(
        sentences(&removed),
        [
            vec!["EMAIL_TAKEN: member `email` removed".to_owned()],
            none(),
            none()
        ]
    );
    let renamed = diff_after! {
        /// No user has this id.
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken")]
        EmailTaken { #[status(extension = "address")] email: String },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] problems: Vec<String> },
        #[status(429, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
    };
    assert_eq!(
        sentences(&renamed),
        [
            vec![
                "EMAIL_TAKEN: member `email` renamed to `address`".to_owned(),
                "VALIDATION: member `errors` renamed to `problems`".to_owned(),
            ],
            none(),
            none()
        ]
    );
}

#[test]
fn a_type_or_content_type_changed_is_breaking() {
    let diff = diff_after! {
        /// No user has this id.
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken", format = "json")]
        EmailTaken { #[status(extension)] email: String },
        #[status(422, type = "https://api.example.com/probs/invalid")]
        Validation { #[status(extension)] errors: Vec<String> },
        #[status(429, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
    };
    assert_eq!(
        sentences(&diff),
        [
            vec![
                "EMAIL_TAKEN: Content-Type changed from application/problem+json to application/json".to_owned(),
                "VALIDATION: type changed from https://api.example.com/probs/validation to https://api.example.com/probs/invalid".to_owned(),
            ],
            none(),
            none()
        ]
    );
}

#[test]
fn a_header_removed_is_breaking_and_one_added_an_addition() {
    let diff = diff_after! {
        /// No user has this id.
        #[status(404, message = "user {id} not found", header("Cache-Control" = "no-store"))]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken")]
        EmailTaken { #[status(extension)] email: String },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] errors: Vec<String> },
        #[status(429, allow(missing_retry_after))]
        RateLimited { retry_after: u64 },
    };
    assert_eq!(
        sentences(&diff),
        [
            vec!["RATE_LIMITED: header `Retry-After` removed".to_owned()],
            vec!["USER_NOT_FOUND: header `Cache-Control` added".to_owned()],
            none()
        ]
    );
}

#[test]
fn a_code_or_a_member_added_is_an_addition() {
    let diff = diff_after! {
        /// No user has this id.
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64, #[status(extension)] tenant: String },
        #[status(409, message = "email taken")]
        EmailTaken { #[status(extension)] email: String },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] errors: Vec<String> },
        #[status(429, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
        #[status(423)]
        Locked,
    };
    assert_eq!(
        sentences(&diff),
        [
            none(),
            vec![
                "USER_NOT_FOUND: member `tenant` added (string)".to_owned(),
                "LOCKED: added (423 Locked)".to_owned(),
            ],
            none()
        ]
    );
}

#[test]
fn a_message_or_doc_reworded_is_compatible() {
    let diff = diff_after! {
        /// There is no user with this id.
        #[status(404, message = "no user {id}")]
        UserNotFound { id: u64 },
        #[status(409, message = "email taken")]
        EmailTaken { #[status(extension)] email: String },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] errors: Vec<String> },
        #[status(429, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
    };
    assert_eq!(
        sentences(&diff),
        [
            none(),
            none(),
            vec![
                r#"USER_NOT_FOUND: message changed from "user <integer> not found" to "no user <integer>""#.to_owned(),
                "USER_NOT_FOUND: description changed".to_owned(),
            ]
        ]
    );
}

#[test]
fn a_code_renamed_is_breaking_and_the_diff_reads_in_groups() {
    let diff = diff_after! {
        /// No user has this id.
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, code = "EMAIL_IN_USE", message = "this email is in use")]
        EmailTaken { #[status(extension)] email: String, #[status(extension)] since: u64 },
        #[status(422, type = "https://api.example.com/probs/validation")]
        Validation { #[status(extension)] errors: Vec<u32> },
        #[status(503, header("Retry-After" = "{retry_after}"))]
        RateLimited { retry_after: u64 },
    };
    assert_eq!(
        diff.to_string(),
        "Breaking changes:
- EMAIL_TAKEN: code renamed to EMAIL_IN_USE
- RATE_LIMITED: status changed from 429 to 503

Additions:
- EMAIL_TAKEN: member `since` added (integer)

Compatible changes:
- EMAIL_TAKEN: message changed from \"email taken\" to \"this email is in use\"
- VALIDATION: member `errors` changed type from Vec<String> to Vec<u32>
- RATE_LIMITED: title changed from \"Too Many Requests\" to \"Service Unavailable\"
"
    );
}

/// The test a team keeps (README, "The contract test"): the committed `catalog.json` against
/// today's types. Here `docs/catalog.json` is the example API's, kept current by
/// `tests/catalog.rs`.
#[test]
fn the_committed_catalog_json_has_no_breaking_change() {
    let committed = ResponseCatalog::from_json(include_str!("../docs/catalog.json"))
        .expect("docs/catalog.json reads back");
    let diff = committed.diff(&ResponseCatalog::of::<api::ApiError>());
    assert!(
        diff.breaking().is_empty(),
        "breaking changes to the API's errors:\n{diff}"
    );
}
