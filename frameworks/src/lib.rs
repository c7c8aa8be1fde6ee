//! The framework integrations of `http-status` on real servers: the tests in `tests/`, the
//! examples in `examples/` and the benchmarks in `benches/` of this package. It is not
//! published; it keeps the heavy dependencies (axum, actix-web, poem, rocket, tonic, utoipa,
//! tokio) out of the root package, whose quickstart then builds in seconds.
//!
//! The README's examples are tested here as this crate's documentation, since they show
//! those frameworks.
#![cfg_attr(doctest, doc = include_str!("../../README.md"))]
