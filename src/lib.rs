// The README is the crate documentation. Its examples are tested in the `frameworks` package,
// where every framework they show is a dependency (see frameworks/src/lib.rs).
#![cfg_attr(not(doctest), doc = include_str!("../README.md"))]
#![deny(missing_docs)]
// docs.rs (`--cfg docsrs`, nightly) marks each item with the features it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
// The README (the crate docs) shows the `#[test]` a user keeps for their error catalogue.
#![allow(clippy::test_attr_in_doctest)]

mod catalog;
mod context;
#[cfg(any(feature = "actix-web", feature = "poem", feature = "rocket"))]
mod convert;
mod decode;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub mod extract;
mod format;
mod integrations;
mod json;
#[cfg(any(
    feature = "tower",
    feature = "actix-web",
    feature = "poem",
    feature = "rocket"
))]
mod layer;
mod observe;
mod problem;
mod render;
mod serialize;
mod traits;
mod violation;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use catalog::{
    CatalogDiff, CatalogError, Change, ChangeKind, CodeConflict, HeaderDescription,
    MemberDescription, MemberSchema, ResponseCatalog, ResponseDescription, Template, TemplatePiece,
    ValueKind,
};
pub use decode::{Decode, Undecoded};
pub use format::{BodyFormat, Format};
/// The log level of a response (`level = "…"`), shared with the registry crate.
pub use http_status_core::LogLevel;
#[cfg(feature = "actix-web")]
pub use layer::actix::ProblemMiddleware;
#[cfg(feature = "poem")]
pub use layer::poem::{ProblemPoem, ProblemPoemEndpoint};
#[cfg(feature = "rocket")]
pub use layer::rocket::ProblemFairing;
#[cfg(feature = "tower")]
pub use layer::tower::{ProblemBody, ProblemFuture, ProblemLayer, ProblemService};
pub use observe::ErrorMeta;
pub use problem::{ExtensionValue, Extensions, Member, Problem};
pub use traits::HttpStatus;
#[cfg(any(feature = "validator", feature = "garde"))]
pub use violation::checks::{FieldNames, ValidationReport};
pub use violation::{json_pointer, Location, Violation, Violations};

/// `#[derive(HttpStatus)]`: see the crate documentation for the attribute.
#[cfg(feature = "derive")]
pub use http_status_derive::HttpStatus;

/// The registry of status codes (`status-core`): every IANA entry with the RFC facts
/// behind it, and the facts about the header fields they name. `http_status::codes::lookup(451)`.
pub mod codes {
    pub use http_status_core::*;
}

/// The `http` crate, re-exported so that users need no direct dependency on it.
pub use http;

/// The `bytes` crate, re-exported so that users need no direct dependency on it.
pub use bytes;
