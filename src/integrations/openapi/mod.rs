//! OpenAPI: the responses of a derived type for utoipa 6 (feature `utoipa`), utoipa 5
//! (`utoipa5`) and aide (`aide`), the same in each. `model` builds them once from the
//! catalogue, with `header` (header fields), `body` (the body schema of each format), `schema`
//! (the shared `Problem` and `Violation` components, JSON Schema values), `example` (example
//! bodies with realistic member values) and `member` (the schema of a member's type, found at
//! compile time); `utoipa6`, `utoipa5` and `aide` only convert the model to their crate's types
//! and implement its traits.

mod body;
mod example;
mod header;
pub(crate) mod member;
mod model;
mod schema;
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
mod utoipa_shared;

#[cfg(feature = "aide")]
pub(crate) mod aide;
#[cfg(feature = "utoipa5")]
pub(crate) mod utoipa5;
#[cfg(feature = "utoipa")]
pub(crate) mod utoipa6;
