//! `axum` feature: derived types implement `IntoResponse` (axum-core's trait, which axum
//! re-exports as `axum::response::IntoResponse`), so handlers return `Result<T, ApiError>`.

use crate::HttpStatus;
use axum_core::body::Body;
use axum_core::response::Response;

/// The axum response of a value: exactly `to_response`, with the body moved into axum's
/// body type.
pub fn response<T: HttpStatus + ?Sized>(value: &T) -> Response {
    value.to_response().map(Body::from)
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_axum {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)*
        where
            $($predicates)*
        {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::axum_response(&self)
            }
        }
    };
}
