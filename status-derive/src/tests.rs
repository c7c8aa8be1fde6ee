use super::derive;

pub(crate) fn expand(source: &str) -> String {
    let input: syn::DeriveInput = syn::parse_str(source).expect("test input parses");
    derive(&input).to_string()
}

#[test]
#[ignore = "prints an expansion for reading: cargo test -p status-derive show -- --ignored --nocapture"]
fn show() {
    let source = std::env::var("SHOW").unwrap_or_else(|_| {
        r#"enum ApiError {
            #[error("user {id} not found")]
            #[status(404, code = "USER_NOT_FOUND")]
            UserNotFound { id: u64 },
            #[status(429, header("Retry-After" = "{retry_after}"))]
            RateLimited { retry_after: u64 },
            #[status(transparent)]
            Storage(StorageError),
            #[error("database failure: {0}")]
            #[status(500)]
            Database(String),
        }"#
        .to_owned()
    });
    println!("{}", expand(&source));
}
