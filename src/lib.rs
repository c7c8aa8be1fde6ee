#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod describe;
mod integrations;
mod render;
mod traits;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use describe::{BodyFormat, HeaderDescription, ResponseCatalog, ResponseDescription};
pub use traits::HttpStatus;

/// `#[derive(HttpStatus)]`: see the crate documentation for the attribute.
#[cfg(feature = "derive")]
pub use status_derive::HttpStatus;

/// The registry of status codes (`status-core`): every IANA entry with the RFC facts
/// behind it. `http_status::codes::lookup(451)`.
pub mod codes {
    pub use status_core::*;
}

/// The `http` crate, re-exported so that users need no direct dependency on it.
pub use http;

/// The `bytes` crate, re-exported so that users need no direct dependency on it.
pub use bytes;
