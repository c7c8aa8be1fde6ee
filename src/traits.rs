use crate::describe::ResponseCatalog;
use bytes::Bytes;
use http::{HeaderMap, Response, StatusCode};

/// A value that knows the HTTP response it stands for: its status, its headers and its body.
///
/// Derive it with `#[derive(HttpStatus)]` and `#[status(...)]` attributes (see the crate
/// documentation), or implement it by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `HttpStatus`",
    label = "no HTTP status is known for `{Self}`",
    note = "a `#[status(transparent)]` field takes its response from its type: derive `HttpStatus` for `{Self}` (or implement it by hand)"
)]
pub trait HttpStatus {
    /// The status code of the response.
    fn status(&self) -> StatusCode;

    /// The header fields of the response, without `Content-Type` (which `to_response` adds
    /// from the body format).
    fn headers(&self) -> HeaderMap;

    /// The complete response: status, headers, `Content-Type` and body.
    ///
    /// Named so that it never clashes with `axum::response::IntoResponse::into_response`.
    fn to_response(&self) -> Response<Bytes>;

    /// Adds a description of every response this type can produce (one per variant, and the
    /// responses of `transparent` fields' types) to `catalog`. Used for documentation and
    /// OpenAPI; the derive implements it, hand-written implementations may.
    fn describe_responses(catalog: &mut ResponseCatalog)
    where
        Self: Sized,
    {
        let _ = catalog;
    }

    /// Called when a 5xx response of this value is built; the derive implements it to log
    /// the error when the `tracing` feature is on. Not part of the public API.
    #[doc(hidden)]
    fn __http_status_report(&self) {}
}

impl<T: HttpStatus + ?Sized> HttpStatus for &T {
    fn status(&self) -> StatusCode {
        (**self).status()
    }
    fn headers(&self) -> HeaderMap {
        (**self).headers()
    }
    fn to_response(&self) -> Response<Bytes> {
        (**self).to_response()
    }
}

macro_rules! delegate_to_pointee {
    ($($pointer:ident)::+) => {
        // `T: Sized` so that the pointee's responses can be described; `&dyn HttpStatus` covers
        // trait objects.
        impl<T: HttpStatus> HttpStatus for $($pointer)::+<T> {
            fn status(&self) -> StatusCode {
                (**self).status()
            }
            fn headers(&self) -> HeaderMap {
                (**self).headers()
            }
            fn to_response(&self) -> Response<Bytes> {
                (**self).to_response()
            }
            fn describe_responses(catalog: &mut ResponseCatalog)
            where
                Self: Sized,
            {
                catalog.include::<T>();
            }
        }
    };
}

delegate_to_pointee!(std::boxed::Box);
delegate_to_pointee!(std::sync::Arc);
delegate_to_pointee!(std::rc::Rc);
