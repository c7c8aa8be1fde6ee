//! `rocket` feature: derived types implement rocket's `Responder`, so a route returns a
//! derived value or `Result<T, ApiError>`. Rocket 0.5 has its own header types: names and
//! values cross over as text (a value that is not UTF-8 — obs-text, which the derive warns
//! about — cannot be represented and is left out).

use crate::HttpStatus;
use rocket::http::Status;
use rocket::Response;
use std::io::Cursor;

/// The rocket response of a value: status, headers and body of `to_response`.
pub fn response<'o, T: HttpStatus + ?Sized>(value: &T) -> Response<'o> {
    let (parts, body) = value.to_response().into_parts();
    let mut builder = Response::build();
    builder.status(Status::new(parts.status.as_u16()));
    for (name, value) in &parts.headers {
        if let Ok(value) = value.to_str() {
            builder.raw_header_adjoin(name.as_str().to_owned(), value.to_owned());
        }
    }
    // A response without content (204, 304, `format = "none"`) gets no body at all, so
    // rocket sends no Content-Length either.
    if !body.is_empty() {
        builder.sized_body(body.len(), Cursor::new(body));
    }
    builder.finalize()
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
                _request: &'__http_status_r $crate::__private::rocket::Request<'_>,
            ) -> $crate::__private::rocket::response::Result<'__http_status_o> {
                ::core::result::Result::Ok($crate::__private::rocket_response(&self))
            }
        }
    };
}
