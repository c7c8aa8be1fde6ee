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

/// The methods of a pointer that answer with its pointee's.
macro_rules! delegate_to_pointee {
    () => {
        fn status(&self) -> StatusCode {
            (**self).status()
        }
        fn headers(&self) -> HeaderMap {
            (**self).headers()
        }
        fn to_response(&self) -> Response<Bytes> {
            (**self).to_response()
        }
    };
}

impl<T: HttpStatus + ?Sized> HttpStatus for &T {
    delegate_to_pointee!();
}

macro_rules! impl_for_owning_pointer {
    ($($pointer:ident)::+) => {
        // `T: Sized` so that the pointee's responses can be described; `&dyn HttpStatus` covers
        // trait objects.
        impl<T: HttpStatus> HttpStatus for $($pointer)::+<T> {
            delegate_to_pointee!();

            fn describe_responses(catalog: &mut ResponseCatalog)
            where
                Self: Sized,
            {
                catalog.include::<T>();
            }
        }
    };
}

impl_for_owning_pointer!(std::boxed::Box);
impl_for_owning_pointer!(std::sync::Arc);
impl_for_owning_pointer!(std::rc::Rc);
