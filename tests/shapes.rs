//! Every shape of type the derive must accept: generics with bounds, lifetimes, const
//! generics, where-clauses; unit, tuple and struct variants; structs; `#[non_exhaustive]`;
//! raw identifiers; `cfg`-ed variants and fields; empty enums; thiserror's `#[from]` and
//! `#[source]`; and a type deriving HttpStatus beside Error, Debug, Clone and Serialize.

use http_status::{HttpStatus, ResponseCatalog};
use std::fmt::Display;

#[derive(Debug, HttpStatus)]
#[status(500, code = "INNER")]
struct Inner;

#[derive(Debug, HttpStatus)]
enum Generic<'a, T: Display, const N: usize, E>
where
    E: HttpStatus,
{
    #[status(404, message = "{0} in {1}", header("X-Where" = "{1}"))]
    Missing(T, &'a str),
    #[status(transparent)]
    Inner(E),
    #[status(400, message = "{0:?}")]
    Bytes([u8; N]),
}

#[test]
fn generics_lifetimes_const_generics_and_where_clauses() {
    let missing: Generic<'_, u32, 2, Inner> = Generic::Missing(7, "bucket");
    let response = missing.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["x-where"], "bucket");
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"7 in bucket"}"#
    );
    let inner: Generic<'_, u32, 2, Inner> = Generic::Inner(Inner);
    assert_eq!(inner.status(), 500);
    let bytes: Generic<'_, u32, 2, Inner> = Generic::Bytes([1, 2]);
    assert_eq!(
        bytes.to_response().body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"[1, 2]"}"#
    );
    assert_eq!(ResponseCatalog::of::<Generic<'_, u32, 2, Inner>>().len(), 3);
}

/// No bounds on `T` here: the derive adds `T: Display` (interpolated) and `U: HttpStatus`
/// (transparent) to its impl only.
#[derive(Debug, HttpStatus)]
enum Inferred<T, U> {
    #[status(409, message = "{0} already exists")]
    Exists(T),
    #[status(transparent)]
    Wrapped(U),
}

#[test]
fn bounds_are_inferred() {
    let exists: Inferred<&str, Inner> = Inferred::Exists("ada");
    assert_eq!(
        exists.to_response().body(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"ada already exists"}"#
    );
    assert_eq!(Inferred::<u8, Inner>::Wrapped(Inner).status(), 500);
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum WithThiserrorGenerics<T: Display> {
    #[error("bad value {0}")]
    #[status(400)]
    Bad(T),
}

#[test]
fn thiserror_text_of_a_generic_type() {
    assert_eq!(
        WithThiserrorGenerics::Bad(3.5).to_response().body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad value 3.5"}"#
    );
}

#[derive(Debug, HttpStatus)]
#[non_exhaustive]
#[allow(non_camel_case_types)]
enum Shapes {
    #[status(400)]
    Unit,
    #[status(400, message = "{0}/{1}")]
    Tuple(u8, u8),
    #[status(400, message = "{r#type} {id}")]
    Named { r#type: &'static str, id: u32 },
    #[status(400, message = "{type}")]
    RawFieldWithoutPrefix { r#type: &'static str },
    #[status(404)]
    r#loop,
    #[cfg(any())]
    #[status(500)]
    CompiledOut(NotEvenAType),
    #[status(400, message = "{kept}")]
    CfgField {
        kept: u8,
        #[cfg(any())]
        dropped: NotEvenAType,
    },
}

#[test]
fn variant_shapes_raw_identifiers_and_cfg() {
    let detail = |value: Shapes| -> String {
        let body: serde_json::Value = serde_json::from_slice(value.to_response().body()).unwrap();
        body["detail"].as_str().unwrap_or_default().to_owned()
    };
    assert_eq!(detail(Shapes::Unit), "");
    assert_eq!(detail(Shapes::Tuple(1, 2)), "1/2");
    assert_eq!(
        detail(Shapes::Named {
            r#type: "user",
            id: 3
        }),
        "user 3"
    );
    assert_eq!(detail(Shapes::RawFieldWithoutPrefix { r#type: "t" }), "t");
    assert_eq!(Shapes::r#loop.status(), 404);
    assert_eq!(detail(Shapes::CfgField { kept: 9 }), "9");
    let catalog = ResponseCatalog::of::<Shapes>();
    let sources: Vec<&str> = catalog.iter().map(|r| r.source()).collect();
    assert_eq!(
        sources,
        [
            "Unit",
            "Tuple",
            "Named",
            "RawFieldWithoutPrefix",
            "loop",
            "CfgField"
        ]
    );
}

#[derive(Debug, HttpStatus)]
enum Never {}

#[test]
fn empty_enums() {
    assert!(ResponseCatalog::of::<Never>().is_empty());
    fn accepts(_: Option<&dyn HttpStatus>) {}
    accepts(None::<&Never>.map(|n| n as &dyn HttpStatus));
}

#[derive(Debug, HttpStatus)]
#[status(410, message = "gone since {since}")]
struct NamedStruct {
    since: u16,
}

#[derive(Debug, HttpStatus)]
#[status(400, message = "{0} and {1}")]
struct TupleStruct(u8, &'static str);

#[derive(Debug, HttpStatus)]
#[status(451, header("Link" = "<https://example.org/legal>; rel=\"blocked-by\""))]
struct UnitStruct;

#[test]
fn structs() {
    assert_eq!(
        NamedStruct { since: 2020 }.to_response().body(),
        r#"{"type":"about:blank","title":"Gone","status":410,"detail":"gone since 2020"}"#
    );
    assert_eq!(TupleStruct(1, "b").to_response().status(), 400);
    assert_eq!(
        UnitStruct.headers()["link"],
        "<https://example.org/legal>; rel=\"blocked-by\""
    );
}

#[derive(Debug, thiserror::Error)]
#[error("io failed")]
struct IoError;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Sources {
    #[error("read failed")]
    #[status(500)]
    Read(#[from] IoError),
    #[error("parse failed at {line}")]
    #[status(400)]
    Parse {
        line: u32,
        #[source]
        cause: IoError,
    },
}

#[test]
fn from_and_source() {
    let read: Sources = IoError.into();
    assert_eq!(read.status(), 500);
    assert!(std::error::Error::source(&read).is_some());
    assert_eq!(
        Sources::Parse {
            line: 3,
            cause: IoError
        }
        .to_response()
        .body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"parse failed at 3"}"#
    );
}

#[derive(Debug, Clone, serde::Serialize, thiserror::Error, HttpStatus)]
#[serde(tag = "kind")]
enum Everything {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },
}

#[test]
fn derives_together() {
    let value = Everything::UserNotFound { id: 1 };
    let copy = value.clone();
    assert_eq!(
        serde_json::to_string(&copy).unwrap(),
        r#"{"kind":"UserNotFound","id":1}"#
    );
    assert_eq!(value.to_string(), "user 1 not found");
    assert_eq!(value.status(), 404);
}
