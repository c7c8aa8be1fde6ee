//! Checks generated code makes of the user's types, with messages that name the rule: a
//! member type that is not `Serialize`, a `format = "serde"` type that is not, and a success
//! status on a type that implements `Error` (found by autoref specialisation).

use serde::Serialize;

/// The assertion that a member's type is `Serialize`, with a message that names the rule.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a body member: it does not implement `serde::Serialize`",
    label = "a member is serialized into the body",
    note = "rule: bad_attribute",
    note = "derive or implement `serde::Serialize` for `{Self}`, or remove #[status(extension)] / #[status(flatten)]"
)]
pub trait SerializableMember {
    /// Names the check.
    const CHECKED: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> SerializableMember for T {}

/// The assertion that a type with `format = "serde"` is `Serialize`.
#[diagnostic::on_unimplemented(
    message = "`format = \"serde\"` sends `{Self}` serialized, but it does not implement `serde::Serialize`",
    label = "the body is the value serialized with serde",
    note = "rule: bad_attribute",
    note = "derive or implement `serde::Serialize` for `{Self}`, or choose another format"
)]
pub trait SerializableBody {
    /// Names the check.
    const CHECKED: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> SerializableBody for T {}

/// Whether a type implements `std::error::Error`, found by autoref specialisation.
pub struct ErrorProbe<T: ?Sized>(core::marker::PhantomData<T>);

impl<T: ?Sized> ErrorProbe<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        ErrorProbe(core::marker::PhantomData)
    }
}

/// The verdict on a type that implements `Error`.
pub struct IsAnError<T: ?Sized>(core::marker::PhantomData<T>);

/// The verdict on a type that does not.
pub struct NotAnError;

/// Chosen when the probed type implements `Error`.
pub trait ProbeError<T: ?Sized> {
    /// The verdict.
    fn __hs_verdict(&self) -> IsAnError<T> {
        IsAnError(core::marker::PhantomData)
    }
}

impl<T: std::error::Error + ?Sized> ProbeError<T> for &ErrorProbe<T> {}

/// Chosen otherwise.
pub trait ProbeOther {
    /// The verdict.
    fn __hs_verdict(&self) -> NotAnError {
        NotAnError
    }
}

impl<T: ?Sized> ProbeOther for ErrorProbe<T> {}

/// Holds for the verdict on a type that may answer with a success status.
#[diagnostic::on_unimplemented(
    message = "a 2xx or 304 status on a type that implements `std::error::Error`: clients would take the failure for a success (RFC 9110 §15.3)",
    label = "a success status on an error type",
    note = "rule: success_in_error",
    note = "use the 4xx or 5xx code that describes the failure, e.g. 400 Bad Request, 409 Conflict or 500 Internal Server Error"
)]
pub trait SuccessAllowed {}

impl SuccessAllowed for NotAnError {}

/// Requires the verdict to allow a success status (the check `success_in_error` emits).
pub fn success_allowed<V: SuccessAllowed>(_: V) {}

/// Carried by a derived type that has a variant with a success status (2xx or 304).
pub trait CanSucceed {}

/// Whether a type can answer with a success status, found by autoref specialisation.
pub struct SuccessProbe<T: ?Sized>(core::marker::PhantomData<T>);

impl<T: ?Sized> SuccessProbe<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        SuccessProbe(core::marker::PhantomData)
    }
}

/// The verdict on a type that can answer with a success status.
pub struct MaySucceed;

/// The verdict on a type that cannot.
pub struct NeverSucceeds;

/// Chosen when the probed type carries [`CanSucceed`].
pub trait ProbeSuccess {
    /// The verdict.
    fn __hs_success(&self) -> MaySucceed {
        MaySucceed
    }
}

impl<T: CanSucceed + ?Sized> ProbeSuccess for &SuccessProbe<T> {}

/// Chosen otherwise.
pub trait ProbeNoSuccess {
    /// The verdict.
    fn __hs_success(&self) -> NeverSucceeds {
        NeverSucceeds
    }
}

impl<T: ?Sized> ProbeNoSuccess for SuccessProbe<T> {}

/// Holds for an outer type and a `transparent` or `delegate` field's type unless the outer type
/// is an error and the field's type can answer with a success.
#[diagnostic::on_unimplemented(
    message = "this `transparent` or `delegate` field's type can answer with a 2xx or 304, and the type it is in implements `std::error::Error`: clients would take the failure for a success (RFC 9110 §15.3)",
    label = "an error type reaching a success status through this field",
    note = "rule: success_in_error",
    note = "give the field's type 4xx/5xx statuses only, or do not derive `Error` for the outer type"
)]
pub trait SuccessThroughField {}

#[diagnostic::do_not_recommend]
impl SuccessThroughField for (NotAnError, MaySucceed) {}
#[diagnostic::do_not_recommend]
impl SuccessThroughField for (NotAnError, NeverSucceeds) {}
#[diagnostic::do_not_recommend]
impl<T: ?Sized> SuccessThroughField for (IsAnError<T>, NeverSucceeds) {}

/// Requires the pair of verdicts (the outer type's, the field type's) to allow a field's
/// response (the check `success_in_error` emits for delegated fields).
pub fn no_success_through<V: SuccessThroughField>(_: V) {}
