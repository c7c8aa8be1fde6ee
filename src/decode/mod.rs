//! Typed clients: [`Decode`] reads a response (or a `tonic::Status`) back into the value that
//! built it, and [`Undecoded`] is what is left when it cannot. `#[status(decode)]` on an enum
//! or struct generates the impl.
//!
//! The variant is found by the body's `code` (a problem or json body's `code` member, Google's
//! `ErrorInfo.reason`, the `code_header`), else by the status when one variant alone has it;
//! the response must also look like that variant's format (JSON for the JSON formats, text for
//! `text`, empty for `none`). A field comes back from its member, from its `errors` list, from a
//! header whose whole value is the field, through `transparent`/`delegate`, or else is
//! `Default`. Over gRPC, members and interpolated fields come from `ErrorInfo.metadata`, the
//! `errors` list from `BadRequest`, a `Retry-After` field from `RetryInfo`, and the status is
//! the gRPC code.

#[cfg(feature = "tonic")]
mod grpc;
mod received;
mod wire;

#[doc(hidden)]
pub use received::{decode_with, delegated};
pub use received::{By, DecodeDefault, DecodeHeader, DecodeMember, Expect, Miss, Received, Select};

use bytes::Bytes;
use http::{HeaderMap, Response, StatusCode};
use std::fmt;

/// A value read back from the response it stands for: what a typed client of an API calls.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use http_status::{Decode, HttpStatus};
///
/// #[derive(Debug, PartialEq, HttpStatus)]
/// #[status(decode)]
/// enum ApiError {
///     #[status(404, code = "USER_NOT_FOUND")]
///     UserNotFound {
///         #[status(extension)]
///         id: u64,
///     },
///     #[status(429, header("Retry-After" = "{retry_after}"))]
///     RateLimited { retry_after: u64 },
/// }
///
/// let sent = ApiError::UserNotFound { id: 42 };
/// assert_eq!(ApiError::from_response(&sent.to_response()), Ok(sent));
/// let sent = ApiError::RateLimited { retry_after: 30 };
/// assert_eq!(ApiError::from_response(&sent.to_response()), Ok(sent));
///
/// // Anything else is `Undecoded`: another service's plain-text 502, say.
/// let other = http_status::http::Response::builder()
///     .status(502)
///     .header("content-type", "text/plain")
///     .body("upstream timed out")
///     .unwrap();
/// let undecoded = ApiError::from_response(&other).unwrap_err();
/// assert_eq!(undecoded.status(), 502);
/// assert_eq!(undecoded.body(), b"upstream timed out");
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be decoded: it does not implement `http_status::Decode`",
    label = "a `transparent` or `delegate` field comes back through its own type",
    note = "add `#[status(decode)]` to `{Self}`, or implement `Decode` for it"
)]
pub trait Decode: Sized {
    /// The value a response with this status, these headers and this body stands for.
    fn decode(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Self, Undecoded>;

    /// [`decode`](Decode::decode) of a whole response.
    fn from_response<B: AsRef<[u8]>>(response: &Response<B>) -> Result<Self, Undecoded> {
        Self::decode(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// The value a `tonic::Status` stands for (one built by `From<E>`): the variant by
    /// `ErrorInfo.reason`, else by the gRPC code; members and fields from
    /// `ErrorInfo.metadata`, `errors` from `BadRequest`, `Retry-After` from `RetryInfo`.
    #[cfg(feature = "tonic")]
    fn from_grpc(status: &tonic::Status) -> Result<Self, Undecoded> {
        let received = Received::grpc(status);
        received::decode_with(&received, Self::__http_status_decode)
    }

    /// The value, if `received` is one of this type's responses, looked for `by` its code or
    /// its status. The derive implements it; a hand-written `Decode` is asked by status only,
    /// through [`decode`](Decode::decode). Not part of the public API.
    #[doc(hidden)]
    fn __http_status_decode(received: &Received<'_>, by: By) -> Result<Self, Miss> {
        match by {
            By::Code => Err(Miss::NotMine),
            By::Status => received.as_http(Self::decode).map_err(|_| Miss::NotMine),
        }
    }
}

/// A response that is not one of the type's: its status, its code (if it has one) and its
/// body, for the caller to report or handle. From a `tonic::Status`: the HTTP status its
/// code stands for (google.rpc.Code's mapping), `ErrorInfo.reason`, and the message as the
/// body. [`Decode`]'s example reads one.
#[derive(Clone, PartialEq, Eq)]
pub struct Undecoded {
    status: StatusCode,
    code: Option<String>,
    body: Bytes,
}

impl Undecoded {
    pub(crate) fn new(status: StatusCode, code: Option<String>, body: Bytes) -> Self {
        Undecoded { status, code, body }
    }

    /// The status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The machine-readable code it carries, if any.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The body, as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

impl fmt::Display for Undecoded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an unexpected {} response", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " (code {code:?})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Undecoded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body as text, cut at 200 bytes (on a character boundary).
        let text = String::from_utf8_lossy(&self.body);
        let mut end = text.len().min(200);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        f.debug_struct("Undecoded")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("body", &&text[..end])
            .finish()
    }
}

impl std::error::Error for Undecoded {}
