//! The OpenAPI document of the users API with utoipa 5 (feature `utoipa5`), the same as
//! `openapi`'s with utoipa 6: every error response comes from a
//! derived type, with its description, typed headers, a schema built on the shared `Problem`
//! component, and realistic examples (one per variant where variants share a status).
//!
//!     cargo run -p http-status-frameworks --example openapi_utoipa5

#[path = "../../examples/shared/api.rs"]
mod api;
#[path = "openapi_shared/deletion.rs"]
mod deletion;

// utoipa 5's macros write `utoipa::…` paths: here `utoipa` is utoipa 5, a renamed dependency
// of this package (which has utoipa 6 as well).
use utoipa5 as utoipa;

include!("openapi_shared/document.rs");
