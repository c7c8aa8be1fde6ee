//! A user of `http-status` on edition 2021.
#![deny(warnings)]

include!("../../shared/user.rs");
