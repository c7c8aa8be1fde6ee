//! The extractors for axum 0.8 (axum-core 0.5's `FromRequest` and `FromRequestParts`).

use super::{parse, Json, Query, Rejection};
use axum_core::extract::{FromRequest, FromRequestParts, Request};
use bytes::Bytes;
use http::header::CONTENT_TYPE;
use http::request::Parts;
use serde::de::DeserializeOwned;

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let json = request
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|value| parse::is_json(value.as_bytes()));
        if !json {
            return Err(Rejection::unsupported_media_type());
        }
        // axum-core's `Bytes` reads within `DefaultBodyLimit`.
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == http::StatusCode::PAYLOAD_TOO_LARGE {
                    Rejection::too_large(None)
                } else {
                    Rejection::unreadable(&rejection.body_text())
                }
            })?;
        parse::json(&body).map(Json)
    }
}

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Rejection> {
        parse::query(parts.uri.query().unwrap_or_default()).map(Query)
    }
}

#[cfg(any(feature = "validator", feature = "garde"))]
mod validated {
    use super::super::valid::{self, Payload};
    use super::*;
    use crate::FieldNames;

    /// The field names the application set with an `Extension(FieldNames::…)` layer.
    fn names(extensions: &http::Extensions) -> Option<FieldNames> {
        extensions.get::<FieldNames>().copied()
    }

    macro_rules! validated {
        ($wrapper:ident, $check:path, $($bound:tt)+) => {
            impl<E, S> FromRequest<S> for super::super::$wrapper<E>
            where
                E: FromRequest<S, Rejection = Rejection> + Payload,
                E::Value: $($bound)+,
                S: Send + Sync,
            {
                type Rejection = Rejection;

                async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
                    let names = names(request.extensions());
                    let extracted = E::from_request(request, state).await?;
                    $check(extracted, names.as_ref()).map(super::super::$wrapper)
                }
            }

            impl<E, S> FromRequestParts<S> for super::super::$wrapper<E>
            where
                E: FromRequestParts<S, Rejection = Rejection> + Payload,
                E::Value: $($bound)+,
                S: Send + Sync,
            {
                type Rejection = Rejection;

                async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
                    let extracted = E::from_request_parts(parts, state).await?;
                    $check(extracted, names(&parts.extensions).as_ref()).map(super::super::$wrapper)
                }
            }
        };
    }

    #[cfg(feature = "validator")]
    validated!(Valid, valid::validator, validator::Validate);
    #[cfg(feature = "garde")]
    validated!(Garde, valid::garde, garde::Validate<Context: Default>);
}
