//! How a value is put into words for logs and development bodies, chosen by autoref
//! specialisation in generated code (`__http_status_explain!`): an `Error` with its
//! `source()` chain, else what `Display` prints, else what `Debug` prints, else its type's name.

use super::Explanation;
use core::fmt;
use std::error::Error;

/// The value being explained.
pub struct Explainer<'a, T: ?Sized>(pub &'a T);

/// A `source()` chain, from the error given, outermost first: "a: b: c".
pub(crate) struct Chain<'a>(pub(crate) &'a (dyn Error + 'static));

impl<'a> Chain<'a> {
    /// Each error of the chain, outermost first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
        core::iter::successors(Some(self.0), |&error: &&'a (dyn Error + 'static)| {
            error.source()
        })
    }
}

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(": ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// `Debug` output read as text.
struct AsDebug<'a, T: ?Sized>(&'a T);

impl<T: fmt::Debug + ?Sized> fmt::Display for AsDebug<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

/// An `Error`, with its chain (chosen first).
pub trait ExplainError {
    /// Hands the explanation to `explain`.
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>));
}

impl<T: Error + 'static> ExplainError for &&&Explainer<'_, T> {
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>)) {
        let error: &(dyn Error + 'static) = self.0;
        explain(Explanation {
            message: &error,
            sources: error.source(),
            type_name: core::any::type_name::<T>(),
        });
    }
}

/// What `Display` prints.
pub trait ExplainDisplay {
    /// Hands the explanation to `explain`.
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>));
}

impl<T: fmt::Display + ?Sized> ExplainDisplay for &&Explainer<'_, T> {
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>)) {
        explain(Explanation {
            message: &self.0,
            sources: None,
            type_name: core::any::type_name::<T>(),
        });
    }
}

/// What `Debug` prints, for a type without `Display`.
pub trait ExplainDebug {
    /// Hands the explanation to `explain`.
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>));
}

impl<T: fmt::Debug + ?Sized> ExplainDebug for &Explainer<'_, T> {
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>)) {
        explain(Explanation {
            message: &AsDebug(self.0),
            sources: None,
            type_name: core::any::type_name::<T>(),
        });
    }
}

/// The type's name, for a type with neither.
pub trait ExplainOpaque {
    /// Hands the explanation to `explain`.
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>));
}

impl<T: ?Sized> ExplainOpaque for Explainer<'_, T> {
    fn explain(&self, explain: &mut dyn FnMut(Explanation<'_>)) {
        let name = core::any::type_name::<T>();
        explain(Explanation {
            message: &name,
            sources: None,
            type_name: name,
        });
    }
}

/// Explains a value with the richest account its type allows.
#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_explain {
    ($value:expr, $explain:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::{
            ExplainDebug as _, ExplainDisplay as _, ExplainError as _, ExplainOpaque as _,
        };
        // One `&` more than the richest impl's receiver: method lookup tries `&&&&Explainer`
        // first (the `Error` impl's `&self`), then `&&&Explainer` (`Display`'s), and so on.
        (&&&&$crate::__private::Explainer($value)).explain($explain)
    }};
}
