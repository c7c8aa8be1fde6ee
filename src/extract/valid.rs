//! [`Valid`] and [`Garde`]: an extractor of this module, then validation. The framework impls
//! are in `axum.rs` and `actix.rs`; what they share is here.

use super::{Json, Query, Rejection};
use crate::violation::checks::{to_violations, FieldNames, Report, Source};

/// `Json<T>` or `Query<T>`, validated with `validator`: `Valid<Json<T>>` where
/// `T: validator::Validate`. A value that fails is rejected with a 422 problem listing every
/// failed check in `errors` (pointers into the body for `Json`, parameters for `Query`).
/// The extractor's own rejections (415, 400, 413, 422) are as without `Valid`.
///
/// Field names in pointers are the Rust names unless the request carries [`FieldNames`] (an
/// axum `Extension(FieldNames::CAMEL_CASE)` layer, actix-web's
/// `app_data(FieldNames::CAMEL_CASE)`).
///
/// ```
/// use http_status::extract::{Json, Valid};
/// use validator::{Validate, ValidationError, ValidationErrors};
///
/// #[derive(serde::Deserialize)]
/// struct NewUser {
///     age: u8,
/// }
///
/// // What `#[derive(Validate)]` with `#[validate(range(min = 18))]` writes, by hand.
/// impl Validate for NewUser {
///     fn validate(&self) -> Result<(), ValidationErrors> {
///         let mut errors = ValidationErrors::new();
///         if self.age < 18 {
///             errors.add("age", ValidationError::new("range"));
///         }
///         if errors.is_empty() { Ok(()) } else { Err(errors) }
///     }
/// }
///
/// // `{"age":12}` is a 422 whose `errors` holds `{"detail":…,"pointer":"#/age","code":"range"}`.
/// async fn create_user(Valid(Json(user)): Valid<Json<NewUser>>) -> String {
///     user.age.to_string()
/// }
/// # let _ = create_user;
/// ```
#[cfg(feature = "validator")]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Valid<E>(pub E);

/// `Json<T>` or `Query<T>`, validated with `garde`: `Garde<Json<T>>` where `T: garde::Validate`
/// and its `Context: Default` (validated with the default context). Rejections as for
/// [`Valid`].
///
/// ```
/// use http_status::extract::{Garde, Json};
///
/// // `Order` derives `garde::Validate` (`#[garde(length(min = 1))]` on its fields, …).
/// async fn create_order<Order: garde::Validate>(Garde(Json(order)): Garde<Json<Order>>) -> Order {
///     order
/// }
/// # let _ = create_order::<()>;
/// ```
#[cfg(feature = "garde")]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Garde<E>(pub E);

/// The extractors [`Valid`] and [`Garde`] wrap: [`Json`] and [`Query`].
pub trait Payload: sealed::Sealed {
    /// The extracted value.
    type Value;

    /// The extracted value, to validate.
    fn value(&self) -> &Self::Value;
}

mod sealed {
    pub trait Sealed {
        /// Where violations of the value are: the body, or the query.
        fn source() -> crate::violation::checks::Source;
    }
}

impl<T> sealed::Sealed for Json<T> {
    fn source() -> Source {
        Source::Body
    }
}

impl<T> Payload for Json<T> {
    type Value = T;
    fn value(&self) -> &T {
        &self.0
    }
}

impl<T> sealed::Sealed for Query<T> {
    fn source() -> Source {
        Source::Query
    }
}

impl<T> Payload for Query<T> {
    type Value = T;
    fn value(&self) -> &T {
        &self.0
    }
}

/// The extracted value, or the 422 listing what failed.
fn checked<E: Payload, R: Report>(
    extracted: E,
    report: Result<(), R>,
    names: Option<&FieldNames>,
) -> Result<E, Rejection> {
    match report {
        Ok(()) => Ok(extracted),
        Err(report) => {
            let names = names.copied().unwrap_or_default();
            let violations = to_violations(report.checks(), E::source(), &names);
            Err(Rejection::invalid(violations))
        }
    }
}

/// Validates with `validator`.
#[cfg(feature = "validator")]
pub(crate) fn validator<E>(extracted: E, names: Option<&FieldNames>) -> Result<E, Rejection>
where
    E: Payload,
    E::Value: validator::Validate,
{
    let report = validator::Validate::validate(extracted.value());
    checked(extracted, report, names)
}

/// Validates with `garde`, in the context's default.
#[cfg(feature = "garde")]
pub(crate) fn garde<E>(extracted: E, names: Option<&FieldNames>) -> Result<E, Rejection>
where
    E: Payload,
    E::Value: garde::Validate,
    <E::Value as garde::Validate>::Context: Default,
{
    let report = garde::Validate::validate(extracted.value());
    checked(extracted, report, names)
}
