//! A user of `http-status` on edition 2024.
#![deny(warnings)]

include!("../../shared/user.rs");
