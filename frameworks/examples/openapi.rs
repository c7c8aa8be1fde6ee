//! The OpenAPI document of the users API with utoipa 6: every error response comes from a
//! derived type, with its description, typed headers, a schema built on the shared `Problem`
//! component, and realistic examples (one per variant where variants share a status).
//!
//!     cargo run -p http-status-frameworks --example openapi

#[path = "../../examples/shared/api.rs"]
mod api;
#[path = "openapi_shared/deletion.rs"]
mod deletion;

include!("openapi_shared/document.rs");
