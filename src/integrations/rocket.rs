//! `rocket` feature: derived types implement rocket's `Responder`, so a route returns a
//! derived value or `Result<T, ApiError>`. Rocket 0.5 has its own header types: the response
//! crosses over through `crate::convert::rocket`. Rocket has no hook around a handler's
//! future, so a `ProblemFairing` leaves the request context in the request, where
//! `respond_to` finds it.

use crate::HttpStatus;
use rocket::{Request, Response};

/// The rocket response of a value: status, headers and body of `to_response`, with the
/// request context of a `ProblemFairing` when one is attached.
pub fn response<'o, T: HttpStatus + ?Sized>(value: &T, request: &Request<'_>) -> Response<'o> {
    let built = crate::layer::rocket::with_context(request, |cx| match cx {
        Some(cx) => crate::context::within(cx, || value.to_response()),
        None => value.to_response(),
    });
    crate::convert::rocket::response(built)
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_rocket {
    // Generics arrive as `< … >`; the open bracket is matched and the rest (closing bracket
    // included) is spliced after the impl's own lifetimes.
    (impl [< $($rest:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        $crate::__http_status_rocket! { @impl [<'__http_status_r, '__http_status_o: '__http_status_r, $($rest)*] for [$($ty)*] where [$($predicates)*] }
    };
    (impl [] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        $crate::__http_status_rocket! { @impl [<'__http_status_r, '__http_status_o: '__http_status_r>] for [$($ty)*] where [$($predicates)*] }
    };
    (@impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::rocket::response::Responder<'__http_status_r, '__http_status_o>
            for $($ty)*
        where
            $($predicates)*
        {
            fn respond_to(
                self,
                request: &'__http_status_r $crate::__private::rocket::Request<'_>,
            ) -> $crate::__private::rocket::response::Result<'__http_status_o> {
                ::core::result::Result::Ok($crate::__private::rocket_response(&self, request))
            }
        }
    };
}
