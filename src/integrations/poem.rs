//! `poem` feature: derived types implement poem's `IntoResponse`, so a handler returns a
//! derived value or `Result<T, ApiError>`; and `ResponseError`, so `?` turns a derived error
//! into a `poem::Error` whose response is `to_response`'s. poem is built on `http` 1, like
//! this crate: the response crosses over as it is.

use crate::HttpStatus;
use poem::http::StatusCode;
use poem::Response;

/// The poem response of a value: exactly `to_response`.
pub fn response<T: HttpStatus + ?Sized>(value: &T) -> Response {
    crate::convert::poem::response(value.to_response())
}

/// The status `ResponseError::status` reports: the one `to_response` sends.
pub fn status<T: HttpStatus + ?Sized>(value: &T) -> StatusCode {
    crate::render::effective_status(value)
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_poem {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::poem::IntoResponse for $($ty)*
        where
            Self: ::core::marker::Send,
            $($predicates)*
        {
            fn into_response(self) -> $crate::__private::poem::Response {
                $crate::__private::poem_response(&self)
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::poem::error::ResponseError for $($ty)*
        where
            $($predicates)*
        {
            fn status(&self) -> $crate::__private::poem::http::StatusCode {
                $crate::__private::poem_status(self)
            }

            // Without the trait's `Self: Error + …` bound, which this body does not need: a
            // concrete type that is not an `Error` would make it a trivially false bound.
            fn as_response(&self) -> $crate::__private::poem::Response {
                $crate::__private::poem_response(self)
            }
        }
    };
}
