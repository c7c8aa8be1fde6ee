//! The request a response is being built for, as a `ProblemLayer` or `ProblemMiddleware` sees
//! it: its request id, its path and what its `Accept` asks for.
//!
//! A derived value does not know its request. The layer puts the context in a thread-local
//! while it calls and polls the inner service, which is where handlers build their responses,
//! so `to_response` can write the request id and instance into the body it renders, in the
//! representation the client asked for, without anything re-parsing that body afterwards.
//! Without a layer the thread-local is empty and `to_response` pays one load for it.

// Without a layer feature no context is ever built: what follows is there for that one load.
#![cfg_attr(
    not(any(
        feature = "tower",
        feature = "actix-web",
        feature = "poem",
        feature = "rocket"
    )),
    allow(dead_code)
)]

use http::{HeaderName, HeaderValue};
use std::cell::{Cell, OnceCell};
use std::sync::Arc;

/// What the client's `Accept` asks for, among the representations of an error body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prefer {
    /// `application/problem+json`, `*/*`, `application/*`, or no `Accept`: the body as it is.
    AsIs,
    /// `application/json` but not `application/problem+json`: the same JSON, labelled
    /// `application/json`.
    Json,
    /// Only text: the detail (else the title) as `text/plain`.
    Text,
}

/// The context of one request: what a layer keeps of it, cheaply (the incoming id and the
/// path are reference-counted clones, the settings an `Arc`, an `Accept` field kept to be read
/// when a response needs it), so that a response that passes through costs no allocation and
/// little else; the request id is checked or generated only when a response first needs it.
/// It lives in the layer's future (or, for actix-web and rocket, in what they keep per
/// request anyway) and is lent to `to_response` through [`within`].
#[derive(Debug)]
pub(crate) struct Context {
    /// The request id, a valid header value of visible ASCII: the request's own (tower-http's
    /// `RequestId`, else the configured header) when it is sane, else one generated once a
    /// response needs it (a response that passes through never does).
    request_id: OnceCell<HeaderValue>,
    shared: Arc<Shared>,
    /// The request's path, without the query: the `instance` of a problem that has none.
    path: RequestPath,
    accept: Accept,
}

/// What every request's context takes from its layer's settings.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    /// The response header that carries the request id (`x-request-id` by default).
    pub(crate) header: HeaderName,
    /// The body member that carries it (`request_id` by default).
    pub(crate) member: Box<str>,
    /// `"<member>":`, escaped once for every body.
    pub(crate) member_key: Box<str>,
    /// Generates a request id.
    pub(crate) generate: fn() -> HeaderValue,
    /// 5xx bodies carry the development member (`expose_internals`; never set in a build
    /// without `debug_assertions`).
    pub(crate) expose_internals: bool,
}

/// Where a request's path is read from, without copying it where the request's type allows.
#[derive(Debug)]
pub(crate) enum RequestPath {
    /// An `http` 1 request's path and query (tower, poem): reference-counted.
    #[cfg_attr(not(any(feature = "tower", feature = "poem")), allow(dead_code))]
    Http(Option<http::uri::PathAndQuery>),
    /// A copy (actix-web's `http` 0.2 URI, rocket's borrowed one).
    #[cfg_attr(not(any(feature = "actix-web", feature = "rocket")), allow(dead_code))]
    Text(Box<str>),
}

/// What the client's `Accept` asks for: known, or the one field it sent, read when a
/// response asks (most responses never do).
#[derive(Debug)]
pub(crate) enum Accept {
    Known(Prefer),
    #[cfg(any(feature = "tower", feature = "poem"))]
    Field(HeaderValue),
}

#[cfg(any(feature = "tower", feature = "poem"))]
impl Accept {
    /// The `Accept` of an `http` 1 request: none, its one field kept as it is (a
    /// reference-counted clone), or several read now.
    #[inline]
    pub(crate) fn of(headers: &http::HeaderMap) -> Accept {
        let mut fields = headers.get_all(http::header::ACCEPT).iter();
        match (fields.next(), fields.next()) {
            (None, _) => Accept::Known(Prefer::AsIs),
            (Some(field), None) => Accept::Field(field.clone()),
            (Some(_), Some(_)) => Accept::several(headers),
        }
    }

    #[cold]
    fn several(headers: &http::HeaderMap) -> Accept {
        Accept::Known(crate::layer::accept::prefer(|| {
            headers
                .get_all(http::header::ACCEPT)
                .iter()
                .map(HeaderValue::as_bytes)
        }))
    }
}

/// Up to this many distinct field names, the request's fields are read in one pass: hashing
/// `x-request-id` for a lookup costs more than comparing a handful of names with it, and most
/// requests carry a handful. Where the two cross is measured in docs/PERFORMANCE.md.
#[cfg(any(feature = "tower", feature = "poem"))]
const READ_IN_ONE_PASS: usize = 8;

/// What a layer reads of an `http` 1 request's fields: the first field named `id_header` and
/// the `Accept`. The same as `(headers.get(id_header), Accept::of(headers))`, found faster.
/// Always inlined: out of line, the pair came back through memory and was copied once more
/// into the context, 54 instructions a request (docs/PERFORMANCE.md).
#[cfg(any(feature = "tower", feature = "poem"))]
#[inline(always)]
pub(crate) fn read_fields<'h>(
    headers: &'h http::HeaderMap,
    id_header: &HeaderName,
) -> (Option<&'h HeaderValue>, Accept) {
    if headers.keys_len() > READ_IN_ONE_PASS {
        return (headers.get(id_header), Accept::of(headers));
    }
    read_in_one_pass(headers, id_header)
}

#[cfg(any(feature = "tower", feature = "poem"))]
#[inline(always)]
fn read_in_one_pass<'h>(
    headers: &'h http::HeaderMap,
    id_header: &HeaderName,
) -> (Option<&'h HeaderValue>, Accept) {
    let mut id = None;
    let mut accept = None;
    // Values of one name come together, so a second `Accept` value follows the first.
    for (name, value) in headers {
        if name == http::header::ACCEPT {
            if accept.is_some() {
                return (headers.get(id_header), Accept::several(headers));
            }
            accept = Some(value);
        }
        if id.is_none() && name == id_header {
            id = Some(value);
        }
    }
    let accept = match accept {
        None => Accept::Known(Prefer::AsIs),
        Some(field) => Accept::Field(field.clone()),
    };
    (id, accept)
}

impl Context {
    #[inline(always)]
    pub(crate) fn new(
        shared: Arc<Shared>,
        incoming: Option<HeaderValue>,
        path: RequestPath,
        accept: Accept,
    ) -> Self {
        let request_id = match incoming {
            Some(id) if is_sane(id.as_bytes()) => OnceCell::from(id),
            _ => OnceCell::new(),
        };
        Context {
            request_id,
            shared,
            path,
            accept,
        }
    }

    /// This context, leaving one without the request's parts in its place (the settings
    /// shared, nothing allocated).
    #[cfg(feature = "tower")]
    pub(crate) fn take(&mut self) -> Context {
        let empty = Context::new(
            Arc::clone(&self.shared),
            None,
            RequestPath::Http(None),
            Accept::Known(Prefer::AsIs),
        );
        core::mem::replace(self, empty)
    }

    /// This context as a client that accepts problem details would send it: the same id
    /// (fixed now), settings and path, `Accept` as it is.
    #[cfg(feature = "tonic")]
    pub(crate) fn as_is(&self) -> Context {
        Context {
            request_id: OnceCell::from(self.request_id_value().clone()),
            shared: Arc::clone(&self.shared),
            path: RequestPath::Text(self.path().into()),
            accept: Accept::Known(Prefer::AsIs),
        }
    }

    /// The request id: the incoming one when it is sane, else a fresh one (fixed once read).
    pub(crate) fn request_id_value(&self) -> &HeaderValue {
        self.request_id.get_or_init(self.shared.generate)
    }

    pub(crate) fn request_id(&self) -> &str {
        // Visible ASCII, so this never falls back (and `from_utf8` reads ASCII by the word,
        // where `HeaderValue::to_str` checks byte by byte).
        core::str::from_utf8(self.request_id_value().as_bytes()).unwrap_or("")
    }

    /// Takes `id` (found on a framework's error response: tower-http's
    /// `PropagateRequestIdLayer` put it there) as the request id, unless the request brought
    /// a sane one or one was already fixed: the context's id wins, in header and body.
    pub(crate) fn adopt(&self, id: &HeaderValue) {
        if is_sane(id.as_bytes()) {
            // Refused when the request's own id, or one already generated, is fixed.
            let _ = self.request_id.set(id.clone());
        }
    }

    /// The request's path, without the query.
    pub(crate) fn path(&self) -> &str {
        match &self.path {
            RequestPath::Http(Some(path)) => path.path(),
            RequestPath::Http(None) => "/",
            RequestPath::Text(path) => path,
        }
    }

    /// The representation the client's `Accept` asks for.
    pub(crate) fn prefer(&self) -> Prefer {
        match &self.accept {
            Accept::Known(prefer) => *prefer,
            #[cfg(any(feature = "tower", feature = "poem"))]
            Accept::Field(field) => {
                crate::layer::accept::prefer(|| core::iter::once(field.as_bytes()))
            }
        }
    }

    /// The response header that carries the request id.
    pub(crate) fn header(&self) -> &HeaderName {
        &self.shared.header
    }

    /// The body member that carries the request id.
    pub(crate) fn member(&self) -> &str {
        &self.shared.member
    }

    /// The member's name as a JSON object key, quotes and colon included.
    pub(crate) fn member_key(&self) -> &str {
        &self.shared.member_key
    }

    /// Whether 5xx bodies carry the development member.
    pub(crate) fn expose_internals(&self) -> bool {
        self.shared.expose_internals
    }
}

/// The longest incoming request id that is kept; a longer one is replaced.
const MAX_REQUEST_ID: usize = 128;

/// An incoming request id is kept when it is 1 to 128 bytes of visible ASCII, so it cannot
/// split a header or a log line. Otherwise one is generated.
pub(crate) fn is_sane(id: &[u8]) -> bool {
    // Read a word at a time ("Bit Twiddling Hacks": has a byte less than n, more than n):
    // every request that sends an id pays this.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    if !(1..=MAX_REQUEST_ID).contains(&id.len()) {
        return false;
    }
    let mut chunks = id.chunks_exact(8);
    let mut outside = 0;
    for chunk in &mut chunks {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_ne_bytes(bytes);
        // Below `!` (0x21), or above `~` (0x7e).
        outside |= (word.wrapping_sub(ONES * 0x21) & !word & HIGH)
            | ((word.wrapping_add(ONES) | word) & HIGH);
    }
    outside == 0 && chunks.remainder().iter().all(u8::is_ascii_graphic)
}

thread_local! {
    /// The context of the request being handled on this thread, lent by [`within`]; null
    /// when none. A `Cell` of a pointer has no destructor to register, so reading it is a
    /// plain thread-local load, the whole cost of a response built without a layer.
    static CURRENT: Cell<*const Context> = const { Cell::new(core::ptr::null()) };
}

/// The context [`within`] lends to the responses built on this thread meanwhile. It cannot
/// leave the thread, and the renderer holds it only while it builds one response, inside
/// the `within` call that set it.
#[derive(Clone, Copy)]
pub(crate) struct Current {
    context: &'static Context,
    _not_send: core::marker::PhantomData<*const ()>,
}

impl core::ops::Deref for Current {
    type Target = Context;

    fn deref(&self) -> &Context {
        self.context
    }
}

/// The context of the request being handled on this thread, if a layer set one.
#[inline]
pub(crate) fn current() -> Option<Current> {
    let context = CURRENT.with(Cell::get);
    // SAFETY: a non-null pointer was set by `within`, whose borrow of the context lasts until
    // it restores the previous pointer; every `Current` is used (and dropped) by the renderer
    // while it builds a response inside that call, so the context outlives it.
    unsafe { context.as_ref() }.map(|context| Current {
        context,
        _not_send: core::marker::PhantomData,
    })
}

/// Lends `context` to the responses built on this thread until the guard is dropped, which
/// restores the previous one (layers nest). Nothing is moved into a closure, so a request
/// passed to the inner service meanwhile is not copied one more time.
#[cfg_attr(
    not(any(feature = "tower", feature = "actix-web", feature = "poem")),
    allow(dead_code)
)]
#[inline]
pub(crate) fn enter(context: &Context) -> Entered<'_> {
    Entered {
        previous: CURRENT.with(|current| current.replace(context)),
        _context: core::marker::PhantomData,
    }
}

/// The guard of [`enter`]: borrows the context it lent, so the context outlives it.
pub(crate) struct Entered<'a> {
    previous: *const Context,
    _context: core::marker::PhantomData<&'a Context>,
}

impl Drop for Entered<'_> {
    #[inline]
    fn drop(&mut self) {
        let previous = self.previous;
        CURRENT.with(|current| current.set(previous));
    }
}

/// Runs `f` with `context` as the current one, then restores the previous (layers nest).
#[cfg_attr(
    not(any(feature = "actix-web", feature = "poem", feature = "rocket")),
    allow(dead_code)
)]
#[inline]
pub(crate) fn within<R>(context: &Context, f: impl FnOnce() -> R) -> R {
    struct Restore(*const Context);
    impl Drop for Restore {
        #[inline]
        fn drop(&mut self) {
            let previous = self.0;
            CURRENT.with(|current| current.set(previous));
        }
    }
    let _restore = Restore(CURRENT.with(|current| current.replace(context)));
    f()
}

#[cfg(test)]
mod tests {
    use super::is_sane;

    #[cfg(any(feature = "tower", feature = "poem"))]
    mod read_fields {
        use super::super::{read_in_one_pass, Accept, Prefer};
        use http::{HeaderMap, HeaderName, HeaderValue};
        use proptest::prelude::*;

        /// Names a request may carry, the two read among them, some twice.
        const NAMES: [&str; 7] = [
            "accept",
            "x-request-id",
            "x-trace-id",
            "host",
            "user-agent",
            "accept-encoding",
            "content-type",
        ];
        const VALUES: [&str; 5] = ["*/*", "text/plain", "application/json", "a1", "b2"];

        fn comparable(accept: &Accept) -> (Option<Prefer>, Option<&[u8]>) {
            match accept {
                Accept::Known(prefer) => (Some(*prefer), None),
                Accept::Field(field) => (None, Some(field.as_bytes())),
            }
        }

        proptest! {
            #[test]
            fn one_pass_reads_what_two_lookups_read(
                fields in proptest::collection::vec((0..NAMES.len(), 0..VALUES.len()), 0..10),
                id_name in 1usize..3,
            ) {
                let mut headers = HeaderMap::new();
                for (name, value) in fields {
                    headers.append(
                        HeaderName::from_static(NAMES[name]),
                        HeaderValue::from_static(VALUES[value]),
                    );
                }
                let id_header = HeaderName::from_static(NAMES[id_name]);
                let (id, accept) = read_in_one_pass(&headers, &id_header);
                let expected = Accept::of(&headers);
                prop_assert_eq!(id, headers.get(&id_header));
                prop_assert_eq!(comparable(&accept), comparable(&expected));
            }
        }

        #[test]
        fn several_accept_fields_are_read_together() {
            let mut headers = HeaderMap::new();
            headers.append("accept", HeaderValue::from_static("text/plain"));
            headers.append("x-request-id", HeaderValue::from_static("abc"));
            headers.append("accept", HeaderValue::from_static("application/json"));
            let id_header = HeaderName::from_static("x-request-id");
            let (id, accept) = read_in_one_pass(&headers, &id_header);
            assert_eq!(id.map(HeaderValue::as_bytes), Some(&b"abc"[..]));
            assert_eq!(comparable(&accept), (Some(Prefer::Json), None));
        }
    }

    #[test]
    fn sane_ids_are_one_to_128_bytes_of_visible_ascii() {
        let naive =
            |id: &[u8]| (1..=128).contains(&id.len()) && id.iter().all(u8::is_ascii_graphic);
        let mut cases: Vec<Vec<u8>> = vec![vec![], vec![b'a'; 128], vec![b'a'; 129]];
        for len in 1..20 {
            for at in 0..len {
                for byte in [0x00, 0x1f, 0x20, 0x21, b'"', b'~', 0x7f, 0x80, 0xc3, 0xff] {
                    let mut id = vec![b'a'; len];
                    id[at] = byte;
                    cases.push(id);
                }
            }
        }
        for id in cases {
            assert_eq!(is_sane(&id), naive(&id), "{id:?}");
        }
    }
}
