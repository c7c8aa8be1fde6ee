//! Framework integrations, one module per cargo feature. Each defines a `macro_rules!` that
//! the derive's output calls through `__http_status_integrations!`; with the feature off the
//! macro expands to nothing.
//!
//! Input of every macro: `impl [<generics>] for [Type<..>] where [predicates,] display [predicates,]`,
//! the last list being the `Debug + Display` bounds a generic type needs for actix-web.

#[cfg(feature = "actix-web")]
pub(crate) mod actix;
#[cfg(feature = "axum")]
pub(crate) mod axum;
#[cfg(feature = "garde")]
mod garde;
#[cfg(any(feature = "utoipa", feature = "utoipa5", feature = "aide"))]
pub(crate) mod openapi;
#[cfg(feature = "poem")]
pub(crate) mod poem;
#[cfg(feature = "rocket")]
pub(crate) mod rocket;
#[cfg(feature = "tonic")]
pub(crate) mod tonic;
#[cfg(feature = "validator")]
mod validator;

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_axum {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_actix {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "poem"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_poem {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "rocket"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_rocket {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_tonic {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_utoipa {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "utoipa5"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_utoipa5 {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_aide {
    ($($input:tt)*) => {};
}

#[cfg(not(any(feature = "utoipa", feature = "utoipa5", feature = "aide")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_schema {
    ($ty:ty) => {
        $crate::__private::MemberSchema::none()
    };
}
