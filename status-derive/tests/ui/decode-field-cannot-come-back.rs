use http_status::HttpStatus;

/// Not `Default`, not `Deserialize`, not `FromStr`.
pub struct Opaque;

impl std::fmt::Display for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("opaque")
    }
}

/// `Serialize` only.
#[derive(serde::Serialize)]
pub struct SentOnly {
    pub id: u64,
}

#[derive(HttpStatus)]
#[status(decode)]
enum ApiError {
    // Only in the message: nothing sends it, and it has no default.
    #[status(404, code = "NOT_FOUND_HERE", message = "{resource} not found")]
    NotFound { resource: Opaque },
    // A member that is sent but cannot be deserialized.
    #[status(409, code = "CONFLICT_HERE")]
    Conflict {
        #[status(extension)]
        with: SentOnly,
    },
    // A header's whole value that cannot be parsed.
    #[status(429, header("Retry-After" = "{0}"))]
    Slow(Opaque),
}

fn main() {}
