//! The catalogue of the example API's errors: every status, code, header, message and member a
//! client can receive, as a Markdown table (or JSON with `--json`).
//!
//!     cargo run --example catalog
//!     cargo run --example catalog -- --json

#[path = "shared/api.rs"]
mod api;

use http_status::ResponseCatalog;

fn main() {
    let catalog = ResponseCatalog::of::<api::ApiError>();
    if std::env::args().any(|arg| arg == "--json") {
        match serde_json::to_string_pretty(&catalog) {
            Ok(json) => println!("{json}"),
            Err(error) => eprintln!("{error}"),
        }
    } else {
        print!("{}", catalog.to_markdown());
    }
}
