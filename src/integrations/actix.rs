//! `actix-web` feature: derived types implement `actix_web::ResponseError` (when they are
//! `Debug + Display`), whose `status_code` and `error_response` both come from `to_response`,
//! so they cannot disagree; and `actix_web::Responder`, so that a handler can return a value
//! (a 201, a 204) directly. actix-web 4 is built on `http` 0.2: the response crosses over
//! through `crate::convert::actix`.

use crate::HttpStatus;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;

/// The status of a value's response as actix-web's `StatusCode`: what `error_response` sends.
pub fn status_code<T: HttpStatus + ?Sized>(value: &T) -> StatusCode {
    crate::convert::actix::status(crate::render::effective_status(value))
}

/// The actix-web response of a value: status, headers and body of `to_response`.
pub fn response<T: HttpStatus + ?Sized>(value: &T) -> HttpResponse {
    crate::convert::actix::response(value.to_response())
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_actix {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        where
            $($predicates)*
            $($display)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_status_code(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::__private::actix_response(self)
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::Responder for $($ty)*
        where
            $($predicates)*
        {
            type Body = $crate::__private::actix_web::body::BoxBody;

            fn respond_to(
                self,
                _request: &$crate::__private::actix_web::HttpRequest,
            ) -> $crate::__private::actix_web::HttpResponse<Self::Body> {
                $crate::__private::actix_response(&self)
            }
        }
    };
}
