//! Two things a caller of `to_response` can ask of the responses built inside it, through
//! thread-locals set for the duration of the call:
//!
//! - Report once, by the outermost value: a 5xx (or any logged response) reached through
//!   `transparent` or `delegate` is built by the inner value, but the outer value's text and
//!   `source()` chain say the most. While an outer value builds its response through an inner
//!   one, the inner one's facts are captured instead of logged, and the outer value logs.
//! - Describe itself: [`meta_of`] asks for the [`ErrorMeta`](super::ErrorMeta) a layer would
//!   put in the response's extensions (for `ErrorMeta::of` and the gRPC conversion).

use super::Meta;
use std::cell::Cell;

thread_local! {
    /// `Some` while a delegating value builds its response: the innermost response's facts,
    /// once built.
    static CAPTURE: Cell<Option<Option<Meta>>> = const { Cell::new(None) };
    /// Whether the response being built should carry its `ErrorMeta` without a layer.
    static DESCRIBE: Cell<bool> = const { Cell::new(false) };
}

/// Whether an outer value is delegating to the one whose response `meta` describes: then its
/// facts are kept for the outer value to log, and it does not log itself.
pub(crate) fn captured(meta: &Meta) -> bool {
    CAPTURE.with(|capture| {
        if capture.get().is_some() {
            capture.set(Some(Some(*meta)));
            true
        } else {
            false
        }
    })
}

/// Runs `build` (an inner value's `to_response`) with its log captured; returns the response
/// and the facts of the response the inner value built, if it built one through the renderer.
pub(crate) fn delegating<R>(build: impl FnOnce() -> R) -> (R, Option<Meta>) {
    struct Restore(Option<Option<Meta>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0;
            CAPTURE.with(|capture| capture.set(previous));
        }
    }
    let restore = Restore(CAPTURE.with(|capture| capture.replace(Some(None))));
    let built = build();
    let meta = CAPTURE.with(Cell::get).flatten();
    drop(restore);
    (built, meta)
}

/// Runs `build` asking for the response's `ErrorMeta` in its extensions.
pub(crate) fn meta_of<R>(build: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0;
            DESCRIBE.with(|describe| describe.set(previous));
        }
    }
    let _restore = Restore(DESCRIBE.with(|describe| describe.replace(true)));
    build()
}

/// Whether the response being built should carry its `ErrorMeta` without a layer.
pub(crate) fn describing() -> bool {
    DESCRIBE.with(Cell::get)
}
