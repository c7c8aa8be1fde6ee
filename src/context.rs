//! The request a response is being built for, as a `ProblemLayer` or `ProblemMiddleware` sees
//! it: its request id, its path and what its `Accept` asks for.
//!
//! A derived value does not know its request. The layer puts the context in a thread-local
//! while it calls and polls the inner service, which is where handlers build their responses,
//! so `to_response` can write the request id and instance into the body it renders, in the
//! representation the client asked for, without anything re-parsing that body afterwards.
//! Without a layer the thread-local is empty and `to_response` pays one lookup for it.

use http::{HeaderName, HeaderValue};
use std::cell::{Cell, RefCell};
use std::sync::{Arc, OnceLock};

/// What the client's `Accept` asks for, among the representations of an error body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    not(any(
        feature = "tower",
        feature = "actix-web",
        feature = "poem",
        feature = "rocket"
    )),
    allow(dead_code)
)]
pub(crate) enum Prefer {
    /// `application/problem+json`, `*/*`, `application/*`, or no `Accept`: the body as it is.
    AsIs,
    /// `application/json` but not `application/problem+json`: the same JSON, labelled
    /// `application/json`.
    Json,
    /// Only text: the detail (else the title) as `text/plain`.
    Text,
}

/// The context of one request.
#[derive(Debug)]
pub(crate) struct Context {
    /// The request id, a valid header value of visible ASCII: the request's own, or one
    /// generated when a response first needs it (a response that passes through never does).
    pub(crate) request_id: OnceLock<HeaderValue>,
    /// Generates a request id.
    pub(crate) generate: fn() -> HeaderValue,
    /// The response header that carries it (`x-request-id` by default).
    pub(crate) header: HeaderName,
    /// The body member that carries it (`request_id` by default).
    pub(crate) member: Arc<str>,
    /// The request's path, without the query: the `instance` of a problem that has none.
    pub(crate) path: Box<str>,
    pub(crate) prefer: Prefer,
    /// 5xx bodies carry the development member (`expose_internals`; never set in a build
    /// without `debug_assertions`).
    pub(crate) expose_internals: bool,
}

impl Context {
    pub(crate) fn request_id_value(&self) -> &HeaderValue {
        self.request_id.get_or_init(self.generate)
    }

    pub(crate) fn request_id(&self) -> &str {
        // Visible ASCII, so this never falls back.
        self.request_id_value().to_str().unwrap_or("")
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Context>>> = const { RefCell::new(None) };
    /// Whether `CURRENT` holds a context: a `Cell<bool>` has no destructor to register, so
    /// reading it is a plain thread-local load, the whole cost of a response built without a
    /// layer.
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
}

/// The context of the request being handled on this thread, if a layer set one.
#[inline]
pub(crate) fn current() -> Option<Arc<Context>> {
    if !ACTIVE.with(Cell::get) {
        return None;
    }
    CURRENT.with(|current| current.borrow().clone())
}

/// Runs `f` with `context` as the current one, then restores the previous (layers nest).
#[cfg_attr(
    not(any(
        feature = "tower",
        feature = "actix-web",
        feature = "poem",
        feature = "rocket"
    )),
    allow(dead_code)
)]
pub(crate) fn within<R>(context: &Arc<Context>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<Context>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            ACTIVE.with(|active| active.set(previous.is_some()));
            CURRENT.with(|current| *current.borrow_mut() = previous);
        }
    }
    let previous = CURRENT.with(|current| current.borrow_mut().replace(Arc::clone(context)));
    ACTIVE.with(|active| active.set(true));
    let _restore = Restore(previous);
    f()
}

/// Marks a response built by `to_response` under a layer, in its extensions, so the layer
/// leaves it alone (it already carries the request context) and does not treat it as a
/// framework error.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Built;
