use crate::catalog::ResponseCatalog;
use bytes::Bytes;
use http::{HeaderMap, Response, StatusCode};

/// A value that knows the HTTP response it stands for: its status, its headers and its body.
///
/// Derive it with `#[derive(HttpStatus)]` and `#[status(...)]` attributes (see the crate
/// documentation), or implement the three required methods by hand and call
/// [`integrate!`](crate::integrate) for the framework integrations.
///
/// ```
/// use http_status::bytes::Bytes;
/// use http_status::http::{HeaderMap, Response, StatusCode};
/// use http_status::HttpStatus;
///
/// struct Teapot;
///
/// impl HttpStatus for Teapot {
///     fn status(&self) -> StatusCode {
///         StatusCode::SERVICE_UNAVAILABLE
///     }
///     fn headers(&self) -> HeaderMap {
///         HeaderMap::new()
///     }
///     fn to_response(&self) -> Response<Bytes> {
///         let mut response = Response::new(Bytes::from_static(b"brewing"));
///         *response.status_mut() = self.status();
///         response
///     }
/// }
///
/// assert_eq!(Teapot.to_response().status(), 503);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `HttpStatus`",
    label = "no HTTP status is known for `{Self}`",
    note = "a `#[status(transparent)]` or `#[status(delegate)]` field takes its response from its type: derive `HttpStatus` for `{Self}` (or implement it by hand)"
)]
pub trait HttpStatus {
    /// The status code the value stands for.
    fn status(&self) -> StatusCode;

    /// The header fields of the response, without `Content-Type` (which `to_response` adds
    /// from the body format). An interpolated value that is not a valid field value is left
    /// out.
    fn headers(&self) -> HeaderMap;

    /// The complete response: status, headers, `Content-Type` and body.
    ///
    /// Named so that it never clashes with `axum::response::IntoResponse::into_response`. For a
    /// derived type, its status is [`status`](HttpStatus::status), except when a header the
    /// status requires (a 401's challenge, a redirect's `Location`) was interpolated from a
    /// value that is not a valid field value: then it is a 500 with the hidden server-error
    /// body, so that no invalid 401 or redirect goes out.
    fn to_response(&self) -> Response<Bytes>;

    /// Adds a description of every response this type can produce (one per variant, and the
    /// responses of `transparent` and `delegate` fields' types) to `catalog`. Used for the
    /// catalogue and OpenAPI; the derive implements it, hand-written implementations may.
    fn describe_responses(catalog: &mut ResponseCatalog)
    where
        Self: Sized,
    {
        let _ = catalog;
    }

    /// Writes the headers into `headers`; `Err` names the required header whose interpolated
    /// value was invalid. Generated code implements it; not part of the public API.
    #[doc(hidden)]
    fn __http_status_headers(
        &self,
        headers: &mut HeaderMap,
    ) -> Result<(), crate::__private::InvalidRequired> {
        *headers = self.headers();
        Ok(())
    }

    /// The domain its codes belong to (gRPC's `ErrorInfo.domain`): the `domain` option, else
    /// the package name of the crate that defines the type. By default, the crate's name as
    /// `type_name` spells it. Not part of the public API.
    #[doc(hidden)]
    fn __http_status_domain(&self) -> &'static str {
        let name = core::any::type_name::<Self>();
        name.split("::").next().unwrap_or(name)
    }

    /// Visits the fields interpolated into the response's templates (name, value), unless its
    /// values stay on the server (a 5xx without `expose`): gRPC's `ErrorInfo.metadata`. The
    /// derive implements it with the `tonic` feature. Not part of the public API.
    #[doc(hidden)]
    fn __http_status_fields(&self, visit: &mut dyn FnMut(&'static str, &dyn core::fmt::Display)) {
        let _ = visit;
    }

    /// Puts the value into words for logs and development bodies: the derive implements it
    /// with the richest account the type allows (`Error` with its chain, `Display`, `Debug`);
    /// by default, the type's name. Not part of the public API.
    #[doc(hidden)]
    fn __http_status_explain(&self, explain: &mut dyn FnMut(crate::__private::Explanation<'_>)) {
        let name = core::any::type_name::<Self>();
        explain(crate::__private::Explanation {
            message: &name,
            sources: None,
            type_name: name,
        });
    }
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
        fn __http_status_headers(
            &self,
            headers: &mut HeaderMap,
        ) -> Result<(), crate::__private::InvalidRequired> {
            (**self).__http_status_headers(headers)
        }
        fn __http_status_explain(
            &self,
            explain: &mut dyn FnMut(crate::__private::Explanation<'_>),
        ) {
            (**self).__http_status_explain(explain)
        }
        fn __http_status_domain(&self) -> &'static str {
            (**self).__http_status_domain()
        }
        fn __http_status_fields(
            &self,
            visit: &mut dyn FnMut(&'static str, &dyn core::fmt::Display),
        ) {
            (**self).__http_status_fields(visit)
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
