//! Round trips over generated values of an enum with every decodable field kind: members of
//! several types, a `Retry-After` header field, an `errors` list, a transparent inner type and
//! `Default` fields. `E::from_response(&e.to_response()) == Ok(e)`, and the same through
//! `tonic::Status` (`E::from_grpc(&Status::from(&e))`), for every value whose fields all come
//! back (a `Default` field holds its default; over gRPC a violation is a pointer, since gRPC
//! names every place of a request as a field).
//!
//! Fixed seed; `PROPTEST_CASES=100000 cargo test -p http-status-frameworks --release --test
//! decode_roundtrip` for a larger run.

use http_status::{json_pointer, Decode, HttpStatus, Violation};
use proptest::prelude::*;

#[path = "../../tests/support/property.rs"]
mod property;
use property::check;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, HttpStatus)]
#[status(decode)]
enum Inner {
    #[status(409, code = "INNER_CONFLICT")]
    Conflict {
        #[status(extension)]
        version: u32,
        #[status(extension)]
        note: String,
    },
}

#[derive(Debug, Clone, PartialEq, HttpStatus)]
#[status(decode, domain = "props.example.com")]
enum Prop {
    #[status(404, code = "THING_NOT_FOUND", message = "{name} ({count})")]
    Members {
        #[status(extension)]
        name: String,
        #[status(extension)]
        count: i64,
        #[status(extension)]
        flag: bool,
        #[status(extension)]
        sizes: Vec<u16>,
        #[status(extension)]
        maybe: Option<u32>,
        #[status(extension)]
        labels: BTreeMap<String, String>,
        /// Not sent: comes back as its default.
        hint: String,
    },
    #[status(429, code = "SLOW_DOWN", header("Retry-After" = "{retry_after}"))]
    Slow { retry_after: u64 },
    #[status(422, code = "BAD_INPUT")]
    Bad {
        #[status(errors)]
        errors: Vec<Violation>,
    },
    #[status(transparent)]
    Inner(Inner),
    #[status(503, message = "down for {0}s", allow(missing_retry_after))]
    Down(u32),
}

/// Any Unicode, weighted towards what breaks JSON, metadata and paths.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        prop::sample::select(vec![
            "\r", "\n", "\0", "\"", "\\", "null", "[1]", "30", "{", "}", "é", "😀", "/", "~", ".",
            "[", "]", " ", "%", "#"
        ])
        .prop_map(str::to_owned),
        "[a-z0-9_]{0,8}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

/// A violation; `pointers_only` for gRPC.
fn violation(pointers_only: bool) -> impl Strategy<Value = Violation> {
    let code = prop::option::of("[a-z][a-z_]{0,8}");
    let kind = if pointers_only { 0..1u8 } else { 0..3u8 };
    (
        kind,
        prop::collection::vec(text(), 0..4),
        text(),
        text(),
        code,
    )
        .prop_map(|(kind, segments, name, detail, code)| {
            let violation = match kind {
                0 => Violation::pointer(json_pointer(segments), detail),
                1 => Violation::parameter(name, detail),
                _ => Violation::header(name, detail),
            };
            match code {
                Some(code) => violation.with_code(code),
                None => violation,
            }
        })
}

fn prop_value(pointers_only: bool) -> impl Strategy<Value = Prop> {
    let members = (
        text(),
        any::<i64>(),
        any::<bool>(),
        prop::collection::vec(any::<u16>(), 0..4),
        prop::option::of(any::<u32>()),
        prop::collection::btree_map(text(), text(), 0..3),
    )
        .prop_map(|(name, count, flag, sizes, maybe, labels)| Prop::Members {
            name,
            count,
            flag,
            sizes,
            maybe,
            labels,
            hint: String::new(),
        });
    prop_oneof![
        members,
        any::<u64>().prop_map(|retry_after| Prop::Slow { retry_after }),
        prop::collection::vec(violation(pointers_only), 0..4)
            .prop_map(|errors| Prop::Bad { errors }),
        (any::<u32>(), text())
            .prop_map(|(version, note)| Prop::Inner(Inner::Conflict { version, note })),
        Just(Prop::Down(0)),
    ]
}

#[test]
fn values_come_back_from_their_responses() {
    check(prop_value(false), |value| {
        let response = value.to_response();
        let back = Prop::from_response(&response);
        prop_assert_eq!(
            back,
            Ok(value),
            "{:?}",
            String::from_utf8_lossy(response.body())
        );
        Ok(())
    });
}

#[test]
fn values_come_back_from_their_grpc_statuses() {
    check(prop_value(true), |value| {
        let status = tonic::Status::from(&value);
        prop_assert_eq!(Prop::from_grpc(&status), Ok(value));
        Ok(())
    });
}

/// A 5xx that interpolates its field hides it on both protocols: the field comes back as its
/// default, never as the value.
#[test]
fn hidden_fields_do_not_come_back() {
    check(1..u32::MAX, |seconds| {
        let value = Prop::Down(seconds);
        let status = tonic::Status::from(&value);
        prop_assert_eq!(Prop::from_grpc(&status), Ok(Prop::Down(0)));
        prop_assert_eq!(Prop::from_response(&value.to_response()), Ok(Prop::Down(0)));
        prop_assert!(!status.message().contains(&seconds.to_string()));
        Ok(())
    });
}
