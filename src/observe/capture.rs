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
    /// [`DELEGATING`] and [`DESCRIBING`]: one load tells a response built outside both (the
    /// common case) that it has nothing to ask of `CAPTURE`.
    static FLAGS: Cell<u8> = const { Cell::new(0) };
}

/// `CAPTURE` is in use.
const DELEGATING: u8 = 1;
/// The response being built should carry its `ErrorMeta` without a layer, and not be logged.
const DESCRIBING: u8 = 2;

/// Runs `f` with `flag` set in `FLAGS`, then restores them.
fn with_flag<R>(flag: u8, f: impl FnOnce() -> R) -> R {
    struct Restore(u8);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0;
            FLAGS.with(|flags| flags.set(previous));
        }
    }
    let _restore = Restore(FLAGS.with(|flags| {
        let previous = flags.get();
        flags.set(previous | flag);
        previous
    }));
    f()
}

/// Whether the response `meta` describes is not to be logged by whoever built it: an outer
/// value is delegating to it (its facts are then kept for the outer value, which logs), or
/// it is built only to be described.
#[inline]
pub(crate) fn taken(meta: &Meta) -> bool {
    let flags = FLAGS.with(Cell::get);
    if flags == 0 {
        return false;
    }
    if flags & DELEGATING != 0 {
        CAPTURE.with(|capture| capture.set(Some(Some(*meta))));
        return true;
    }
    flags & DESCRIBING != 0
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
    let built = with_flag(DELEGATING, build);
    let meta = CAPTURE.with(Cell::get).flatten();
    drop(restore);
    (built, meta)
}

/// Runs `build` asking for the response's `ErrorMeta` in its extensions.
pub(crate) fn meta_of<R>(build: impl FnOnce() -> R) -> R {
    with_flag(DESCRIBING, build)
}

/// Whether the response being built should carry its `ErrorMeta` without a layer.
#[inline]
pub(crate) fn describing() -> bool {
    FLAGS.with(Cell::get) & DESCRIBING != 0
}
