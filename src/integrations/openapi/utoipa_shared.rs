//! What utoipa 5 and utoipa 6 share, written once for both: their types have the same names
//! and builders in two crates, so a macro writes, in each version's module, the conversion of
//! a body (`content`), of a JSON Schema (`schema`), and the `ToSchema` impls of [`Problem`]
//! and [`Violation`]. Headers differ (utoipa 5's have no extensions) and stay in each module.
//!
//! [`Problem`]: crate::Problem
//! [`Violation`]: crate::Violation

/// Writes `content`, `schema` and the `Problem`/`Violation` schemas for the utoipa crate
/// `$utoipa` (a path in scope: `utoipa` or `utoipa5`).
macro_rules! shared {
    ($utoipa:ident) => {
        fn content(content: super::model::Content) -> $utoipa::openapi::content::Content {
            let examples = content.examples.into_iter().map(|example| {
                let value = $utoipa::openapi::example::ExampleBuilder::new()
                    .summary(example.summary)
                    .value(Some(example.value))
                    .build();
                (example.name, value)
            });
            $utoipa::openapi::content::ContentBuilder::new()
                .schema(Some(schema(content.schema)))
                .example(content.example)
                .examples_from_iter(examples)
                .build()
        }

        /// A JSON Schema in utoipa's types; a schema utoipa cannot read (none of ours:
        /// tested) is any value.
        fn schema(value: serde_json::Value) -> $utoipa::openapi::RefOr<$utoipa::openapi::Schema> {
            serde_json::from_value(super::schema::for_utoipa(value)).unwrap_or_else(|_| {
                $utoipa::openapi::RefOr::T($utoipa::openapi::Schema::Object(
                    $utoipa::openapi::schema::ObjectBuilder::new()
                        .schema_type($utoipa::openapi::schema::SchemaType::AnyValue)
                        .build(),
                ))
            })
        }

        /// The RFC 9457 object every problem response references (`allOf`), named
        /// `Problem`; its `schemas` add `Violation`.
        impl $utoipa::PartialSchema for crate::Problem<'_> {
            fn schema() -> $utoipa::openapi::RefOr<$utoipa::openapi::Schema> {
                schema(super::schema::problem(
                    super::schema::Refs::components().violation,
                ))
            }
        }

        impl $utoipa::ToSchema for crate::Problem<'_> {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(super::schema::PROBLEM)
            }

            fn schemas(
                schemas: &mut Vec<(String, $utoipa::openapi::RefOr<$utoipa::openapi::Schema>)>,
            ) {
                schemas.push((
                    super::schema::VIOLATION.to_owned(),
                    <crate::Violation as $utoipa::PartialSchema>::schema(),
                ));
            }
        }

        /// One item of `errors`, named `Violation`.
        impl $utoipa::PartialSchema for crate::Violation {
            fn schema() -> $utoipa::openapi::RefOr<$utoipa::openapi::Schema> {
                schema(super::schema::violation())
            }
        }

        impl $utoipa::ToSchema for crate::Violation {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(super::schema::VIOLATION)
            }
        }

        #[cfg(test)]
        mod shared_tests {
            /// utoipa reads back every kind of schema the model writes, unchanged.
            #[test]
            fn schemas_survive_utoipa() {
                for value in crate::integrations::openapi::schema::samples() {
                    let back = serde_json::to_value(super::schema(value.clone())).unwrap();
                    assert_eq!(back, value);
                }
            }
        }
    };
}

pub(super) use shared;
