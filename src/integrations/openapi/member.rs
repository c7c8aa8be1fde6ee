//! The JSON Schema of a member's type, found at compile time by autoref specialisation
//! (`__http_status_schema!`, which the derive calls for each member): utoipa 6's
//! `PartialSchema` first, then utoipa 5's, then schemars' `JsonSchema` (aide), else none (a
//! free-form value). Kept as a JSON value, so that one catalogue serves every OpenAPI crate.

use crate::MemberSchema;
use serde_json::Value;
use std::marker::PhantomData;

/// A member type whose schema is wanted.
pub struct SchemaOf<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> SchemaOf<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        SchemaOf(PhantomData)
    }
}

/// A function that gives the JSON Schema of a type.
pub type SchemaFn = fn() -> Value;

/// utoipa 6's schema (`ToSchema`, `PartialSchema`).
pub trait ViaUtoipa {
    /// Its schema function.
    fn __hs_schema(&self) -> Option<SchemaFn>;
}

/// utoipa 5's schema.
pub trait ViaUtoipa5 {
    /// Its schema function.
    fn __hs_schema(&self) -> Option<SchemaFn>;
}

/// schemars' schema (`JsonSchema`, what aide reads).
pub trait ViaSchemars {
    /// Its schema function.
    fn __hs_schema(&self) -> Option<SchemaFn>;
}

/// No schema: a free-form value.
pub trait NoSchema {
    /// None.
    fn __hs_schema(&self) -> Option<SchemaFn> {
        None
    }
}

impl<T: ?Sized> NoSchema for SchemaOf<T> {}

#[cfg(feature = "utoipa")]
impl<T: utoipa::PartialSchema + ?Sized> ViaUtoipa for &&&SchemaOf<T> {
    fn __hs_schema(&self) -> Option<SchemaFn> {
        fn json<T: utoipa::PartialSchema + ?Sized>() -> Value {
            serde_json::to_value(T::schema()).unwrap_or_else(|_| super::schema::any())
        }
        Some(json::<T>)
    }
}

#[cfg(feature = "utoipa5")]
impl<T: utoipa5::PartialSchema + ?Sized> ViaUtoipa5 for &&SchemaOf<T> {
    fn __hs_schema(&self) -> Option<SchemaFn> {
        fn json<T: utoipa5::PartialSchema + ?Sized>() -> Value {
            serde_json::to_value(T::schema()).unwrap_or_else(|_| super::schema::any())
        }
        Some(json::<T>)
    }
}

#[cfg(feature = "aide")]
impl<T: schemars::JsonSchema + ?Sized> ViaSchemars for &SchemaOf<T> {
    fn __hs_schema(&self) -> Option<SchemaFn> {
        /// Inlined, so that the schema stands alone in any document.
        fn json<T: schemars::JsonSchema + ?Sized>() -> Value {
            schemars::generate::SchemaSettings::draft2020_12()
                .with(|settings| settings.inline_subschemas = true)
                .into_generator()
                .subschema_for::<T>()
                .to_value()
        }
        Some(json::<T>)
    }
}

/// A [`MemberSchema`] from what the specialisation found.
pub fn schema_of(schema: Option<SchemaFn>) -> MemberSchema {
    MemberSchema { schema }
}

/// The member's schema as found, if any.
pub(crate) fn of(schema: MemberSchema) -> Option<Value> {
    schema.schema.map(|schema| schema())
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_schema {
    ($ty:ty) => {{
        #[allow(unused_imports)]
        use $crate::__private::openapi_schema::{
            NoSchema as _, ViaSchemars as _, ViaUtoipa as _, ViaUtoipa5 as _,
        };
        $crate::__private::schema_of((&&&&$crate::__private::SchemaOf::<$ty>::new()).__hs_schema())
    }};
}
