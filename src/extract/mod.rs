//! Extractors for axum (feature `axum`) and actix-web (feature `actix-web`) whose rejections
//! are problem bodies with the violations in `errors`: [`Json`] and [`Query`], used like the
//! framework's own, and, around either, [`Valid`] (feature `validator`) and [`Garde`] (feature
//! `garde`), which validate the value and reject with every failed check.
//!
//! The crate documentation's *Validation* section shows them in an axum app, with the
//! bodies a client receives.
//!
//! Every rejection is a [`Rejection`]. The body limit is the framework's: axum's
//! `DefaultBodyLimit` (2 MB unless set), actix-web's `JsonConfig` limit (2 MB unless set).

#[cfg(feature = "actix-web")]
mod actix;
#[cfg(feature = "axum")]
mod axum;
mod parse;
mod rejection;
#[cfg(any(feature = "validator", feature = "garde"))]
mod valid;

pub use rejection::Rejection;
#[cfg(feature = "garde")]
pub use valid::Garde;
#[cfg(any(feature = "validator", feature = "garde"))]
pub use valid::Payload;
#[cfg(feature = "validator")]
pub use valid::Valid;

/// A JSON request body deserialized into `T`, like the framework's `Json`, rejecting with a
/// problem: 415 when the `Content-Type` is not JSON, 413 over the body limit, 400 when the body
/// is not JSON (the detail says where), 422 when it does not fit `T` (one violation, pointing
/// at the value that failed).
///
/// ```
/// use http_status::extract::Json;
///
/// #[derive(serde::Deserialize)]
/// struct NewUser {
///     name: String,
///     age: u8,
/// }
///
/// // An axum or actix-web handler takes it as it takes the framework's own `Json`; a body that
/// // does not fit is answered with the problem before the handler runs.
/// async fn create_user(Json(user): Json<NewUser>) -> String {
///     format!("created {} ({})", user.name, user.age)
/// }
/// # let _ = create_user;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

/// A query string deserialized into `T` (with serde_urlencoded, as both frameworks do), rejecting
/// with a 400 problem whose violation names the parameter that did not fit.
///
/// ```
/// use http_status::extract::Query;
///
/// #[derive(serde::Deserialize)]
/// struct Search {
///     page: u32,
/// }
///
/// // `GET /search?page=two` is a 400 whose `errors` holds `{"parameter":"page",…}`.
/// async fn search(Query(search): Query<Search>) -> String {
///     format!("page {}", search.page)
/// }
/// # let _ = search;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

macro_rules! wrapper {
    ($name:ident) => {
        impl<T> $name<T> {
            /// The extracted value.
            pub fn into_inner(self) -> T {
                self.0
            }
        }

        impl<T> core::ops::Deref for $name<T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> core::ops::DerefMut for $name<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }

        impl<T> From<T> for $name<T> {
            fn from(value: T) -> Self {
                $name(value)
            }
        }
    };
}

wrapper!(Json);
wrapper!(Query);
#[cfg(feature = "validator")]
wrapper!(Valid);
#[cfg(feature = "garde")]
wrapper!(Garde);
