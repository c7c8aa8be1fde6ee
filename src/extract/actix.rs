//! The extractors for actix-web 4 (`FromRequest`).
//!
//! `Json` lets actix-web's own `Json` read the body, so the application's `JsonConfig` applies
//! as it does to actix-web's extractor (its limit, its content-type predicate, whether a
//! content type is required); what that extractor hands over is the raw JSON text, which is
//! then deserialized here with the path of a failure kept. An application's `JsonConfig` error
//! handler replaces the errors it sees: its response's status is kept (and its text, on a 4xx).

use super::{parse, Json, Query, Rejection};
use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PayloadError};
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::future::{ready, Future, Ready};
use std::pin::Pin;

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, Rejection>>>>;

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = Rejection;
    type Future = Boxed<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let raw = actix_web::web::Json::<Box<RawValue>>::from_request(request, payload);
        Box::pin(async move {
            let raw = raw.await.map_err(rejection)?;
            parse::json(raw.get().as_bytes()).map(Json)
        })
    }
}

/// What actix-web's `Json` refused, as a rejection.
fn rejection(error: actix_web::Error) -> Rejection {
    let Some(error) = error.as_error::<JsonPayloadError>() else {
        let status = error.as_response_error().status_code().as_u16();
        let status =
            http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        return Rejection::other(status, error.to_string());
    };
    match error {
        JsonPayloadError::ContentType => Rejection::unsupported_media_type(),
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => Rejection::too_large(Some(*limit)),
        JsonPayloadError::Payload(PayloadError::Overflow) => Rejection::too_large(None),
        // Raw JSON fits any valid document: only a syntax error reaches here.
        JsonPayloadError::Deserialize(error) => Rejection::malformed(error),
        JsonPayloadError::Payload(error) => Rejection::unreadable(error),
        other => Rejection::unreadable(other),
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = Rejection;
    type Future = Ready<Result<Self, Rejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse::query(request.query_string()).map(Query))
    }
}

#[cfg(any(feature = "validator", feature = "garde"))]
mod validated {
    use super::super::valid::{self, Payload as Extracted};
    use super::*;
    use crate::FieldNames;

    macro_rules! validated {
        ($wrapper:ident, $check:path, $($bound:tt)+) => {
            impl<E> FromRequest for super::super::$wrapper<E>
            where
                E: FromRequest<Error = Rejection> + Extracted + 'static,
                E::Future: 'static,
                E::Value: $($bound)+,
            {
                type Error = Rejection;
                type Future = Boxed<Self>;

                fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
                    // The field names the application set with `app_data(FieldNames::…)`.
                    let names = request.app_data::<FieldNames>().copied();
                    let extracted = E::from_request(request, payload);
                    Box::pin(async move {
                        $check(extracted.await?, names.as_ref()).map(super::super::$wrapper)
                    })
                }
            }
        };
    }

    #[cfg(feature = "validator")]
    validated!(Valid, valid::validator, validator::Validate);
    #[cfg(feature = "garde")]
    validated!(Garde, valid::garde, garde::Validate<Context: Default>);
}
