//! The example API's error catalogue as a static site, checked: every link in it resolves to a
//! file it wrote, and every `type` URI under a `type_base` has its page.
//!
//!     cargo run --features site --example site -- target/site
//!
//! Then open `target/site/index.html`, or serve the folder at the `type_base`.
#![allow(dead_code)] // tests/site.rs borrows `check`

#[path = "shared/api.rs"]
pub(crate) mod api;

use http_status::ResponseCatalog;
use std::path::{Path, PathBuf};

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/site".into()),
    );
    let catalog = ResponseCatalog::of::<api::ApiError>();
    if let Err(error) = catalog.write_site(&dir) {
        eprintln!("cannot write {}: {error}", dir.display());
        std::process::exit(1);
    }
    let problems = check(&catalog, &dir);
    for problem in &problems {
        eprintln!("{problem}");
    }
    if !problems.is_empty() {
        std::process::exit(1);
    }
    println!(
        "{}: {} pages, every link resolves",
        dir.display(),
        pages(&dir).len()
    );
}

/// Every HTML file under `dir`.
pub fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// What is wrong with the site in `dir`: a link to a file (or a `#fragment`) that is not there,
/// or a `type` URI under a `type_base` without its page.
pub fn check(catalog: &ResponseCatalog, dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for page in pages(dir) {
        let html = std::fs::read_to_string(&page).unwrap_or_default();
        for href in attribute_values(&html, "href") {
            if href.contains("://") || href.starts_with("mailto:") {
                continue; // out of the site
            }
            let (file, fragment) = href.split_once('#').unwrap_or((&href, ""));
            let target = match file {
                "" => page.clone(),
                file => page.parent().unwrap_or(dir).join(file),
            };
            let Ok(text) = std::fs::read_to_string(&target) else {
                problems.push(format!("{}: dead link {href}", page.display()));
                continue;
            };
            if !fragment.is_empty() && !text.contains(&format!("id=\"{fragment}\"")) {
                problems.push(format!("{}: no #{fragment} in {file}", page.display()));
            }
        }
    }
    for response in catalog {
        let (Some(base), Some(uri)) = (response.type_base(), response.type_uri()) else {
            continue;
        };
        let page = uri
            .strip_prefix(base)
            .map(|slug| dir.join(slug).join("index.html"));
        if !page.is_some_and(|page| page.is_file()) {
            problems.push(format!("{}: no page for its type {uri}", response.source()));
        }
    }
    problems
}

/// The values of `name="…"` attributes in `html` (the site writes every attribute quoted).
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let pattern = format!("{name}=\"");
    html.match_indices(&pattern)
        .filter_map(|(at, _)| {
            let rest = &html[at + pattern.len()..];
            let value = &rest[..rest.find('"')?];
            Some(value.replace("&amp;", "&"))
        })
        .collect()
}
