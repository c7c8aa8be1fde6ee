//! Reporting server errors once, by the outermost value.
//!
//! A 5xx reached through `transparent` or `delegate` is built by the inner value, but the outer
//! value is the one whose text and `source()` chain say the most. While an outer value builds
//! its response through an inner one, the inner one's report is captured (with whether its text
//! was exposed) instead of logged, and the outer value reports.

use crate::HttpStatus;
use std::cell::Cell;

thread_local! {
    /// `Some` while a delegating value builds its response: whether the innermost report said
    /// its text was exposed.
    static CAPTURE: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Reports the 5xx response of `value` (with the `tracing` feature, logs it), unless an outer
/// value is delegating to it.
pub(crate) fn report<T: HttpStatus + ?Sized>(value: &T, exposed: bool) {
    if CAPTURE.with(|capture| capture.get().is_some()) {
        CAPTURE.with(|capture| capture.set(Some(exposed)));
    } else {
        value.__http_status_report(exposed);
    }
}

/// Runs `build` (an inner value's `to_response`) with its report captured; returns the
/// response and whether the inner value exposed its text.
pub(crate) fn captured<R>(build: impl FnOnce() -> R) -> (R, bool) {
    struct Restore(Option<bool>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0;
            CAPTURE.with(|capture| capture.set(previous));
        }
    }
    let restore = Restore(CAPTURE.with(|capture| capture.replace(Some(false))));
    let built = build();
    let exposed = CAPTURE.with(Cell::get).unwrap_or(false);
    drop(restore);
    (built, exposed)
}
