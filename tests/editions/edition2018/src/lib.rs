//! A user of `http-status` on edition 2018.
#![deny(warnings)]

include!("../../shared/user.rs");
