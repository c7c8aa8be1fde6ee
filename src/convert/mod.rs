//! Responses between `http` 1 (what `to_response` and the layers build) and the frameworks
//! whose own types differ: one place per framework, used by its integration (a derived
//! value's response) and by its middleware (a framework error's problem) alike.

#[cfg(feature = "actix-web")]
pub(crate) mod actix;
#[cfg(feature = "poem")]
pub(crate) mod poem;
#[cfg(feature = "rocket")]
pub(crate) mod rocket;
