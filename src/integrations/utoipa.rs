//! `utoipa` feature: derived types implement `utoipa::IntoResponses`, listing every status
//! they can return (transparent fields' types included), with the description, the headers
//! and the body schema of the chosen format. Use the type in `#[utoipa::path(responses(...))]`.

use crate::{BodyFormat, HeaderDescription, HttpStatus, ResponseCatalog, ResponseDescription};
use std::collections::BTreeMap;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};

/// The OpenAPI responses of `T`, one per status code. Variants that share a status are
/// described together.
pub fn responses<T: HttpStatus>() -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<ResponseDescription>> = BTreeMap::new();
    for description in ResponseCatalog::of::<T>() {
        by_status
            .entry(description.status.as_u16())
            .or_default()
            .push(description);
    }
    by_status
        .into_iter()
        .map(|(status, variants)| (status.to_string(), response(&variants).into()))
        .collect()
}

fn response(variants: &[ResponseDescription]) -> Response {
    let description = match variants {
        [only] => only.description.to_owned(),
        _ => variants
            .iter()
            .map(|v| format!("- `{}`: {}", v.source, v.description))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut builder = ResponseBuilder::new().description(description);
    let mut formats: Vec<BodyFormat> = Vec::new();
    for variant in variants {
        if !formats.contains(&variant.format) {
            formats.push(variant.format);
        }
    }
    for format in formats {
        let same: Vec<&ResponseDescription> =
            variants.iter().filter(|v| v.format == format).collect();
        if let (Some(content_type), Some(schema)) = (media_type(format), schema(format, &same)) {
            builder = builder.content(
                content_type,
                ContentBuilder::new().schema(Some(schema)).build(),
            );
        }
    }
    // One entry per header name (case-insensitive), as first written.
    let mut headers: Vec<&HeaderDescription> = Vec::new();
    for header in variants.iter().flat_map(|v| &v.headers) {
        if !headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case(header.name))
        {
            headers.push(header);
        }
    }
    for header in headers {
        let schema = HeaderBuilder::new()
            .schema(Some(string()))
            .description(Some(format!("`{}`", header.value)))
            .build();
        builder = builder.header(header.name, schema);
    }
    builder.build()
}

fn media_type(format: BodyFormat) -> Option<&'static str> {
    match format {
        // OpenAPI keys content by media type, without parameters.
        BodyFormat::Text => Some("text/plain"),
        other => other.content_type(),
    }
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn schema(format: BodyFormat, variants: &[&ResponseDescription]) -> Option<Schema> {
    let codes: Vec<&str> = variants.iter().filter_map(|v| v.code).collect();
    let code = (!codes.is_empty()).then(|| {
        string()
            .description(Some("Machine-readable error code"))
            .enum_values(Some(codes.clone()))
    });
    let titles: Vec<&str> = dedup(variants.iter().map(|v| v.title));
    let with_detail = variants.iter().any(|v| v.has_detail);
    let object = match format {
        BodyFormat::Problem => {
            let types: Vec<&str> = dedup(
                variants
                    .iter()
                    .map(|v| v.problem_type.unwrap_or("about:blank")),
            );
            let mut object = ObjectBuilder::new()
                .schema_type(Type::Object)
                .description(Some("Problem details (RFC 9457)"))
                .property(
                    "type",
                    string()
                        .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
                        .enum_values(Some(types)),
                )
                .required("type")
                .property("title", string().enum_values(Some(titles)))
                .required("title")
                .property(
                    "status",
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .enum_values(Some(dedup(variants.iter().map(|v| v.status.as_u16())))),
                )
                .required("status");
            if with_detail {
                object = object.property(
                    "detail",
                    string().description(Some("What went wrong, for people")),
                );
            }
            if let Some(code) = code {
                object = object.property("code", code);
            }
            object
        }
        BodyFormat::Json => {
            let mut object = ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("error", string().enum_values(Some(titles)))
                .required("error");
            if with_detail {
                object = object.property("message", string());
            }
            if let Some(code) = code {
                object = object.property("code", code);
            }
            object
        }
        BodyFormat::Text => string(),
        BodyFormat::Empty => return None,
    };
    Some(object.build().into())
}

fn dedup<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_status_utoipa {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*] display [$($display:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            $($predicates)*
        {
            fn responses() -> $crate::__private::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<$crate::__private::utoipa::openapi::response::Response>,
            > {
                $crate::__private::utoipa_responses::<Self>()
            }
        }
    };
}
