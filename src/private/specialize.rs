//! How generated code formats and serializes fields of concrete types without the method
//! bodies failing to compile when a trait is missing.
//!
//! A field whose type lacks `Display` (or `Serialize`, …) must be one error at the template
//! (or field) that needs it. The derive emits that error as a `const` assertion spanned there;
//! the method bodies, which have no spans, call these wrappers instead of the trait directly.
//! By autoref specialisation a wrapper resolves to the real trait when the type implements it,
//! and to a stand-in otherwise, so the only error is the assertion's. (A bound in the impl's
//! where-clause would do the same for a type without generics, but rustc then adds a note about
//! trivial bounds, issue #48214, that has nothing to do with the user's mistake.)

use core::fmt;
use serde::ser::{Error as _, Serialize, Serializer};

/// A field to format.
pub struct Fmt<'a, T: ?Sized>(pub &'a T);

/// A field to serialize.
pub struct Ser<'a, T: ?Sized>(pub &'a T);

/// A field formatted through its own trait.
pub struct Shown<'a, T: ?Sized>(&'a T);

/// The stand-in for a field that lacks the trait: never formatted, because the assertion
/// stops the build.
pub struct Unformattable;

/// The stand-in for a field that is not `Serialize`.
pub struct NotSerialize;

impl Serialize for NotSerialize {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("not Serialize"))
    }
}

/// The methods every wrapper has when the trait is missing.
pub trait Fallback {
    /// See [`ViaDisplay`].
    fn __hs_display(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaDebug`].
    fn __hs_debug(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaLowerHex`].
    fn __hs_lower_hex(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaUpperHex`].
    fn __hs_upper_hex(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaOctal`].
    fn __hs_octal(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaBinary`].
    fn __hs_binary(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaLowerExp`].
    fn __hs_lower_exp(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaUpperExp`].
    fn __hs_upper_exp(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaPointer`].
    fn __hs_pointer(&self) -> Unformattable {
        Unformattable
    }
    /// See [`ViaSerialize`].
    fn __hs_ser(&self) -> &'static NotSerialize {
        &NotSerialize
    }
    /// See [`ViaFormat`].
    fn __hs_kind(&self) -> crate::render::Kind {
        crate::render::PROBLEM
    }
    /// See [`ViaFormat`].
    fn __hs_body_format(&self) -> crate::BodyFormat {
        crate::BodyFormat::Problem
    }
}

impl<T: ?Sized> Fallback for Fmt<'_, T> {}
impl<T: ?Sized> Fallback for Ser<'_, T> {}
impl<F: ?Sized> Fallback for FormatProbe<F> {}

/// A custom format, reached through its trait only when it has it (else the assertion the
/// derive emits at the `format = …` path is the one error).
pub struct FormatProbe<F: ?Sized>(core::marker::PhantomData<F>);

impl<F: ?Sized> FormatProbe<F> {
    /// The probe for `F`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        FormatProbe(core::marker::PhantomData)
    }
}

/// The kind and body format of a custom format.
pub trait ViaFormat {
    /// How its bodies are written.
    fn __hs_kind(&self) -> crate::render::Kind;
    /// What the catalogue says of it.
    fn __hs_body_format(&self) -> crate::BodyFormat;
}

impl<F: crate::Format> ViaFormat for &FormatProbe<F> {
    fn __hs_kind(&self) -> crate::render::Kind {
        crate::render::Kind::custom::<F>()
    }
    fn __hs_body_format(&self) -> crate::BodyFormat {
        crate::BodyFormat::Custom {
            content_type: F::CONTENT_TYPE,
        }
    }
}

macro_rules! via {
    ($($via:ident $method:ident $trait:ident;)*) => {
        $(
            #[doc = concat!("Formats a field through `", stringify!($trait), "` when it has it.")]
            pub trait $via<'a, T: ?Sized> {
                #[doc = concat!("The field, formatted through `", stringify!($trait), "`.")]
                fn $method(&self) -> Shown<'a, T>;
            }

            impl<'a, T: fmt::$trait + ?Sized> $via<'a, T> for &Fmt<'a, T> {
                fn $method(&self) -> Shown<'a, T> {
                    Shown(self.0)
                }
            }

            impl<T: fmt::$trait + ?Sized> fmt::$trait for Shown<'_, T> {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    fmt::$trait::fmt(self.0, f)
                }
            }

            impl fmt::$trait for Unformattable {
                fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
                    Ok(())
                }
            }
        )*
    };
}

via! {
    ViaDisplay __hs_display Display;
    ViaDebug __hs_debug Debug;
    ViaLowerHex __hs_lower_hex LowerHex;
    ViaUpperHex __hs_upper_hex UpperHex;
    ViaOctal __hs_octal Octal;
    ViaBinary __hs_binary Binary;
    ViaLowerExp __hs_lower_exp LowerExp;
    ViaUpperExp __hs_upper_exp UpperExp;
    ViaPointer __hs_pointer Pointer;
}

/// Serializes a field through `Serialize` when it has it.
pub trait ViaSerialize<'a, T: ?Sized> {
    /// The field itself.
    fn __hs_ser(&self) -> &'a T;
}

impl<'a, T: Serialize + ?Sized> ViaSerialize<'a, T> for &Ser<'a, T> {
    fn __hs_ser(&self) -> &'a T {
        self.0
    }
}

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

#[cfg(test)]
#[allow(clippy::needless_borrow)] // the autoref is the mechanism under test
mod tests {
    use super::*;

    struct Opaque;

    #[test]
    fn wrappers_pick_the_trait_when_there_is_one() {
        let n = 255u8;
        assert_eq!(format!("{:>4}", (&&Fmt(&n)).__hs_display()), " 255");
        assert_eq!(format!("{:x}", (&&Fmt(&n)).__hs_lower_hex()), "ff");
        assert_eq!(format!("{:?}", (&&Fmt(&"a")).__hs_debug()), "\"a\"");
        assert_eq!(format!("[{}]", (&&Fmt(&Opaque)).__hs_display()), "[]");
        assert_eq!(
            serde_json::to_string((&&Ser(&[1, 2])).__hs_ser()).unwrap(),
            "[1,2]"
        );
        assert!(serde_json::to_string((&&Ser(&Opaque)).__hs_ser()).is_err());
    }
}
