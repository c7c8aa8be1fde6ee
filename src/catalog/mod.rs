//! The catalogue of the responses a type can produce: for people (Markdown, a static site),
//! for tools (JSON, OpenAPI), and for the tests that keep an API's contract: codes consistent
//! ([`ResponseCatalog::conflicts`]) and no breaking change against the committed
//! `catalog.json` ([`ResponseCatalog::diff`]).
//!
//! Rooms: `description` (one response: the model), `template` (texts that interpolate
//! fields), `example` (example bodies), `generated` (what generated code calls), `markdown`,
//! `json` (both ways), `diff`, `site` (feature `site`).

mod description;
mod diff;
mod example;
mod generated;
mod json;
mod markdown;
#[cfg(feature = "site")]
mod site;
mod template;

pub use description::{
    HeaderDescription, MemberDescription, MemberSchema, ResponseDescription, ValueKind,
};
pub use diff::{CatalogDiff, Change, ChangeKind};
pub use generated::{describe, describe_encoded, header, member, Described};
pub use json::CatalogError;
pub use template::{Template, TemplatePiece};

use crate::HttpStatus;
use http::StatusCode;

/// How many transparent or delegated layers [`ResponseCatalog::include`] follows at most.
const MAX_DEPTH: usize = 32;

/// Every response a type can produce (transparent and delegated types included), in
/// declaration order.
///
/// ```
/// use http_status::{HttpStatus, ResponseCatalog};
///
/// #[derive(HttpStatus)]
/// enum ApiError {
///     /// The user does not exist.
///     #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
///     UserNotFound { id: u64 },
///     #[status(409, code = "EMAIL_TAKEN")]
///     EmailTaken,
/// }
///
/// let catalog = ResponseCatalog::of::<ApiError>();
/// assert_eq!(catalog.len(), 2);
/// assert_eq!(catalog[0].status(), 404);
/// assert_eq!(catalog[0].message(), Some("user <integer> not found"));
/// assert_eq!(catalog[0].doc(), Some("The user does not exist."));
/// assert!(catalog.conflicts().is_empty());
/// println!("{}", catalog.to_markdown());
/// ```
#[derive(Debug, Default, Clone)]
pub struct ResponseCatalog {
    entries: Vec<ResponseDescription>,
    /// The `describe_responses` functions being run, outermost first: a type reached again
    /// through its own transparent fields (`Boxed(Box<Self>)`) is described once.
    describing: Vec<usize>,
}

impl ResponseCatalog {
    /// Every response `T` can produce.
    pub fn of<T: HttpStatus>() -> ResponseCatalog {
        let mut catalog = ResponseCatalog::default();
        catalog.include::<T>();
        catalog
    }

    /// Adds one response.
    pub fn push(&mut self, description: ResponseDescription) {
        self.entries.push(description);
    }

    /// Adds every response of `T` (for a field that delegates to `T`), unless `T` is being
    /// described already.
    pub fn include<T: HttpStatus>(&mut self) {
        self.include_with(T::describe_responses);
    }

    /// Adds the responses `describe` adds (a type's `HttpStatus::describe_responses`), unless
    /// it is running already.
    pub fn include_with(&mut self, describe: fn(&mut ResponseCatalog)) {
        // The address identifies the function; it is only compared, never called through.
        let id = describe as usize;
        if self.describing.len() >= MAX_DEPTH || self.describing.contains(&id) {
            return;
        }
        self.describing.push(id);
        describe(self);
        self.describing.pop();
    }

    /// Every literal `code` used with more than one status, with the statuses and the
    /// variants: one test can assert that an API is consistent.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(HttpStatus)]
    /// #[status(400, code = "INVALID")]
    /// struct BadInput;
    ///
    /// #[derive(HttpStatus)]
    /// enum ApiError {
    ///     #[status(422, code = "INVALID")]
    ///     Unprocessable,
    ///     #[status(transparent)]
    ///     Input(BadInput),
    /// }
    ///
    /// let conflicts = ResponseCatalog::of::<ApiError>().conflicts();
    /// assert_eq!(conflicts.len(), 1);
    /// assert_eq!(conflicts[0].code, "INVALID");
    /// assert_eq!(conflicts[0].statuses, [422, 400]);
    /// assert_eq!(conflicts[0].sources, ["Unprocessable", "BadInput"]);
    /// ```
    pub fn conflicts(&self) -> Vec<CodeConflict> {
        let mut by_code: Vec<CodeConflict> = Vec::new();
        for entry in self.entries.iter().filter(|e| !e.code_varies()) {
            let Some(code) = entry.code() else { continue };
            match by_code.iter_mut().find(|c| c.code == code) {
                Some(conflict) => {
                    if !conflict.statuses.contains(&entry.status) {
                        conflict.statuses.push(entry.status);
                        conflict.sources.push(entry.source().to_owned());
                    }
                }
                None => by_code.push(CodeConflict {
                    code: code.to_owned(),
                    statuses: vec![entry.status],
                    sources: vec![entry.source().to_owned()],
                }),
            }
        }
        by_code.retain(|c| c.statuses.len() > 1);
        by_code
    }

    /// The catalogue as a Markdown table, one row per response: status, code, Content-Type,
    /// message (placeholders shown as `<integer>`, `<string>`, …), headers, members and the
    /// variant with its doc comment.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(Debug, HttpStatus)]
    /// enum ApiError {
    ///     /// No user has this id.
    ///     #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let markdown = ResponseCatalog::of::<ApiError>().to_markdown();
    /// assert!(markdown.contains(
    ///     "| 404 Not Found | `USER_NOT_FOUND` | `application/problem+json` | user &lt;integer&gt; not found |"
    /// ));
    /// ```
    pub fn to_markdown(&self) -> String {
        markdown::render(&self.entries)
    }

    /// Writes the catalogue as a static site into `dir` (created if need be; files of the same
    /// names are replaced, others left alone): `index.html` lists every response and links
    /// each page; every code, and every `type` a `type_base` gives, has its page at
    /// `<slug>/index.html` ([`ResponseDescription::slug`]: `USER_NOT_FOUND` →
    /// `user-not-found/index.html`), so each `type` URI under the base resolves when `dir` is
    /// served at the base; responses with neither are described on the index. A page shows
    /// status and reason, code, title, the doc comment rendered from Markdown, retryable,
    /// headers, members with their types, the example body and (feature `tonic`) the gRPC code.
    /// `catalog.json` is the catalogue as JSON, for [`from_json`](Self::from_json).
    ///
    /// Every text is HTML-escaped, and raw HTML in a doc comment shows as text; links in doc
    /// comments stay links only to `http`, `https` and `mailto` URIs. No JavaScript.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(HttpStatus)]
    /// enum ApiError {
    ///     /// No user has this **id**.
    ///     #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let dir = std::env::temp_dir().join(format!("errors-site-{}", std::process::id()));
    /// ResponseCatalog::of::<ApiError>().write_site(&dir)?;
    /// let page = std::fs::read_to_string(dir.join("user-not-found/index.html"))?;
    /// assert!(page.contains("No user has this <strong>id</strong>."));
    /// assert!(page.contains("user 42 not found"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[cfg(feature = "site")]
    pub fn write_site(&self, dir: impl AsRef<std::path::Path>) -> std::io::Result<()> {
        site::write(self, dir.as_ref())
    }

    /// Reads back what `serde_json::to_string(&catalog)` wrote (a committed `catalog.json`),
    /// for [`diff`](Self::diff). Keys it does not know are ignored; see the README for the
    /// shape.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(HttpStatus)]
    /// enum ApiError {
    ///     #[status(404, code = "USER_NOT_FOUND", message = "user {id} not found")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let catalog = ResponseCatalog::of::<ApiError>();
    /// let json = serde_json::to_string(&catalog).unwrap();
    /// assert_eq!(ResponseCatalog::from_json(&json).unwrap(), catalog);
    /// assert!(ResponseCatalog::from_json("{}").is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<ResponseCatalog, CatalogError> {
        json::from_str(json)
    }

    /// What changed from `self` (an older catalogue, say the committed `catalog.json`) to
    /// `new`, sorted into breaking changes, additions and compatible changes. See
    /// [`CatalogDiff`] for how responses are matched and each change is classified.
    ///
    /// ```
    /// use http_status::{HttpStatus, ResponseCatalog};
    ///
    /// #[derive(HttpStatus)]
    /// enum Before {
    ///     #[status(404, code = "USER_NOT_FOUND")]
    ///     UserNotFound,
    /// }
    ///
    /// #[derive(HttpStatus)]
    /// enum After {
    ///     #[status(410, code = "USER_NOT_FOUND")]
    ///     UserNotFound,
    ///     #[status(423, code = "LOCKED")]
    ///     Locked,
    /// }
    ///
    /// let diff = ResponseCatalog::of::<Before>().diff(&ResponseCatalog::of::<After>());
    /// assert_eq!(diff.breaking()[0].to_string(), "USER_NOT_FOUND: status changed from 404 to 410");
    /// assert_eq!(diff.additions()[0].to_string(), "LOCKED: added (423 Locked)");
    /// ```
    pub fn diff(&self, new: &ResponseCatalog) -> CatalogDiff {
        diff::diff(&self.entries, &new.entries)
    }
}

/// A `code` used with more than one status.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeConflict {
    /// The code.
    pub code: String,
    /// The statuses it is used with, in order of first use.
    pub statuses: Vec<StatusCode>,
    /// For each status, the first variant that uses the code with it.
    pub sources: Vec<String>,
}

impl std::ops::Deref for ResponseCatalog {
    type Target = [ResponseDescription];

    fn deref(&self) -> &[ResponseDescription] {
        &self.entries
    }
}

impl<'a> IntoIterator for &'a ResponseCatalog {
    type Item = &'a ResponseDescription;
    type IntoIter = std::slice::Iter<'a, ResponseDescription>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl IntoIterator for ResponseCatalog {
    type Item = ResponseDescription;
    type IntoIter = std::vec::IntoIter<ResponseDescription>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// Equal when the responses are (in order).
impl PartialEq for ResponseCatalog {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}
