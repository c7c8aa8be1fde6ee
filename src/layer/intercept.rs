//! What the layers that see a framework's response share (all but rocket's, whose catchers
//! are given a status and no response): the request context set around the inner service's
//! future, the test for a framework's error, and reading its text.

use super::decode;
#[cfg(any(feature = "actix-web", feature = "poem"))]
use crate::context::{self, Context};
#[cfg(any(feature = "actix-web", feature = "poem"))]
use core::future::Future;
#[cfg(any(feature = "actix-web", feature = "poem"))]
use core::pin::Pin;
#[cfg(any(feature = "actix-web", feature = "poem"))]
use core::task::{ready, Context as TaskContext, Poll};

/// The most of a framework's error text that is read into `detail`; past it, the text is
/// left out (rejection messages are a line or two).
pub(crate) const MAX_FRAMEWORK_TEXT: usize = 16 * 1024;

/// Whether a response the layer sees is a framework's error to rewrite: a 4xx or 5xx, not
/// built by `to_response`, whose body is not JSON. (Whether rewriting is on is the caller's
/// `Settings::framework_errors`.) The Content-Type is looked up last: most errors under a layer
/// are derived ones, and the lookup was half of what the layer added to them.
pub(crate) fn is_framework_error<'a>(
    status: u16,
    built: bool,
    content_type: impl FnOnce() -> Option<&'a [u8]>,
) -> bool {
    !built && (400..600).contains(&status) && !content_type().is_some_and(is_json)
}

/// The text of a framework's error body, to become the problem's detail; `None` when the
/// response must be left as it is (its coding is unknown or its encoded bytes are corrupt).
/// `body` is `None` when it could not be read whole within [`MAX_FRAMEWORK_TEXT`]: the
/// problem then goes out without a detail, as it does for a decoded text past the limit.
pub(crate) fn framework_text(encoded: decode::Encoded, body: Option<&[u8]>) -> Option<String> {
    let Some(body) = body else {
        return Some(String::new());
    };
    let decoded;
    let text = match encoded {
        decode::Encoded::No => body,
        decode::Encoded::With(coding) => match decode::decode(coding, body, MAX_FRAMEWORK_TEXT) {
            Ok(bytes) => {
                decoded = bytes;
                decoded.as_slice()
            }
            Err(decode::Undecodable::TooLong) => b"",
            Err(decode::Undecodable::Corrupt) => return None,
        },
        decode::Encoded::Unknown => return None,
    };
    Some(String::from_utf8_lossy(text).into_owned())
}

#[cfg(any(feature = "actix-web", feature = "poem"))]
pin_project_lite::pin_project! {
    /// A future polled with the request context set: handlers build their responses while
    /// the service's future is polled, so this is where `to_response` finds the context. It
    /// owns the context (which is `Send` but not `Sync`, so the future that awaits this one
    /// stays `Send`) and hands it back with the output.
    pub(crate) struct WithContext<F> {
        #[pin]
        inner: F,
        // `None` once handed back.
        cx: Option<Context>,
    }
}

#[cfg(any(feature = "actix-web", feature = "poem"))]
impl<F> WithContext<F> {
    pub(crate) fn new(inner: F, cx: Context) -> Self {
        WithContext {
            inner,
            cx: Some(cx),
        }
    }
}

#[cfg(any(feature = "actix-web", feature = "poem"))]
impl<F: Future> Future for WithContext<F> {
    type Output = (F::Output, Context);

    fn poll(self: Pin<&mut Self>, task: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let this = self.project();
        // Polled again after it completed: it never completes twice.
        let Some(cx) = this.cx.as_ref() else {
            return Poll::Pending;
        };
        let entered = context::enter(cx);
        let output = ready!(this.inner.poll(task));
        drop(entered);
        match this.cx.take() {
            Some(cx) => Poll::Ready((output, cx)),
            None => Poll::Pending,
        }
    }
}

/// `application/json`, `application/problem+json` and every other `+json` type.
fn is_json(content_type: &[u8]) -> bool {
    let Ok(value) = core::str::from_utf8(content_type) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5
                && subtype
                    .get(subtype.len() - 5..)
                    .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        for json in [
            "application/json",
            "application/problem+json",
            "Application/JSON; charset=utf-8",
            "application/vnd.api+json",
        ] {
            assert!(is_json(json.as_bytes()), "{json}");
        }
        for other in [
            "text/plain",
            "application/jsonx",
            "+json",
            "text/json",
            "json",
        ] {
            assert!(!is_json(other.as_bytes()), "{other}");
        }
    }
}
