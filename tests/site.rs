//! The catalogue's static site (feature `site`): a page for every code, every link resolving to
//! a file the site has, doc comments rendered from Markdown, every text escaped, and the example
//! bodies exactly what the values send.

#[path = "../examples/site.rs"]
mod site;

use site::api;

use http_status::{HttpStatus, ResponseCatalog};
use std::path::{Path, PathBuf};

/// A fresh folder for one test's site.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("http-status-site-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `text` as the site escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn the_example_api_has_a_page_per_code_and_no_dead_link() {
    let dir = folder("api");
    let catalog = ResponseCatalog::of::<api::ApiError>();
    catalog.write_site(&dir).unwrap();
    let slugs = [
        "user-not-found",
        "unauthenticated",
        "method-not-allowed",
        "email-taken",
        "validation",
        "rate-limited",
        "database",
    ];
    let index = read(&dir, "index.html");
    for (slug, response) in slugs.iter().zip(&catalog) {
        assert_eq!(response.slug().as_deref(), Some(*slug));
        let page = read(&dir, &format!("{slug}/index.html"));
        let code = response.code().unwrap();
        assert!(
            page.contains(&format!("<h1><code>{code}</code></h1>")),
            "{slug}"
        );
        assert!(page.contains(&format!(
            "<span class=\"status s{}\">{} {}</span>",
            response.status().as_u16() / 100,
            response.status().as_u16(),
            response.title()
        )));
        assert!(page.contains("<a href=\"../index.html\">"));
        assert!(index.contains(&format!(
            "<a href=\"{slug}/index.html\"><code>{code}</code></a>"
        )));
    }
    // Seven pages and the index; every link (and `#fragment`) resolves.
    assert_eq!(site::pages(&dir).len(), 8);
    assert_eq!(site::check(&catalog, &dir), Vec::<String>::new());
    // catalog.json is the catalogue, and reads back as it.
    let json = read(&dir, "catalog.json");
    assert_eq!(json, serde_json::to_string_pretty(&catalog).unwrap() + "\n");
    assert_eq!(ResponseCatalog::from_json(&json).unwrap(), catalog);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pages_show_the_facts_and_render_doc_comments() {
    let dir = folder("facts");
    ResponseCatalog::of::<api::ApiError>()
        .write_site(&dir)
        .unwrap();
    let validation = read(&dir, "validation/index.html");
    // The doc comment, from Markdown: `errors` is code.
    assert!(validation.contains(
        "<div class=\"doc\">\n<p>Fields of the request are invalid; <code>errors</code> lists each problem, with a JSON Pointer to the field.</p>\n</div>"
    ));
    assert!(validation
        .contains("<dt>Type</dt><dd><code>https://api.example.com/probs/validation</code></dd>"));
    assert!(validation.contains("<dt>Retryable</dt><dd>no</dd>"));
    assert!(validation.contains(
        "<tr><td><code>errors</code></td><td><code>Vec&lt;Violation&gt;</code></td><td>array</td></tr>"
    ));
    let rate = read(&dir, "rate-limited/index.html");
    assert!(rate.contains("<dt>Retryable</dt><dd>yes: the same request may succeed later</dd>"));
    assert!(rate.contains(
        "<tr><td><code>Retry-After</code></td><td><code><var>&lt;integer&gt;</var></code></td><td>integer</td></tr>"
    ));
    let database = read(&dir, "database/index.html");
    assert!(database.contains(
        "<dt>Message</dt><dd><span class=\"note\">hidden from clients; logged on the server</span></dd>"
    ));
    #[cfg(feature = "tonic")]
    assert!(rate.contains("<dt>gRPC code</dt><dd><code>RESOURCE_EXHAUSTED</code></dd>"));
    #[cfg(not(feature = "tonic"))]
    assert!(!rate.contains("gRPC"));
    // The index: the summary of each doc comment, as Markdown.
    let index = read(&dir, "index.html");
    assert!(index.contains("retry after <code>Retry-After</code> seconds."));
    assert!(!index.contains("<script"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn example_bodies_are_what_the_values_send() {
    let dir = folder("examples");
    let catalog = ResponseCatalog::of::<api::ApiError>();
    catalog.write_site(&dir).unwrap();
    // Each variant with the sample values: 42 for a number, "example" for text, one violation.
    let values = [
        api::ApiError::UserNotFound { id: 42 },
        api::ApiError::Unauthenticated,
        api::ApiError::MethodNotAllowed {
            allow: "example".to_owned(),
        },
        api::ApiError::EmailTaken {
            email: "example".to_owned(),
        },
        api::ApiError::Validation {
            errors: vec![http_status::Violation::pointer(
                "/name",
                "must not be empty",
            )],
        },
        api::ApiError::RateLimited { retry_after: 42 },
        api::ApiError::Database("connection refused".to_owned()),
    ];
    for (value, response) in values.iter().zip(&catalog) {
        let sent = value.to_response();
        let body = std::str::from_utf8(sent.body()).unwrap();
        assert_eq!(response.example(), Some(body), "{}", response.source());
        let page = read(&dir, &format!("{}/index.html", response.slug().unwrap()));
        // Exactly, on one line, and indented for reading.
        assert!(page.contains(&format!("<pre><code>{}</code></pre>", escaped(body))));
        assert!(page.contains(&escaped("{\n  \"type\": ")));
    }
    assert!(catalog[1].example_is_exact());
    assert!(!catalog[0].example_is_exact());
    let page = read(&dir, "user-not-found/index.html");
    assert!(page.contains("The body sent for sample values"));
    assert!(page.contains("<dt>Message</dt><dd>user <var>&lt;integer&gt;</var> not found</dd>"));
    assert!(page.contains(&escaped("\"detail\": \"user 42 not found\",")));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Text written to break out of HTML, in every place a page shows text.
#[derive(Debug, HttpStatus)]
#[allow(dead_code)]
enum Hostile {
    /// Inline <script>alert("doc")</script> and <b>bold</b>, [a link](javascript:alert(1)),
    /// [a page](../../etc/passwd) and [out](https://example.com/?a=1&b=2).
    ///
    /// ![img](https://example.com/x.png "<script>")
    ///
    /// <script>a block of HTML</script>
    #[status(
        400,
        code = "SCRIPT",
        message = "<script>alert('message')</script> & \"quotes\"",
        header("X-Note" = "<script>")
    )]
    Script,
    /// # A heading in a doc
    ///
    /// Two paragraphs.
    #[status(404, message = "</code></pre><script>x()</script>")]
    NoCode,
    #[status(409, code = "A_B")]
    First,
    #[status(410, code = "a-b")]
    Second,
}

#[test]
fn every_text_is_escaped_and_no_script_runs() {
    let dir = folder("hostile");
    let catalog = ResponseCatalog::of::<Hostile>();
    catalog.write_site(&dir).unwrap();
    for page in site::pages(&dir) {
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(!html.contains("<script"), "{}", page.display());
        assert!(!html.contains("<b>"), "{}", page.display());
        assert!(!html.contains("href=\"javascript"), "{}", page.display());
        assert!(!html.contains("<img"), "{}", page.display());
    }
    let script = read(&dir, "script/index.html");
    assert!(script.contains(
        "<p>Inline &lt;script&gt;alert(\"doc\")&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;, a link, a page and <a href=\"https://example.com/?a=1&amp;b=2\">out</a>.</p>"
    ));
    assert!(script.contains(
        "<dt>Message</dt><dd>&lt;script&gt;alert(&#39;message&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</dd>"
    ));
    assert!(script.contains("<td><code>&lt;script&gt;</code></td>"));
    assert!(script.contains("<title>SCRIPT</title>"));
    // A response without a code is described on the index, under an anchor the table links.
    let index = read(&dir, "index.html");
    assert!(index.contains("<a href=\"#variant-no-code\">NoCode</a>"));
    assert!(index.contains("<section id=\"variant-no-code\">"));
    // (The derive passes a doc comment's first paragraph today.)
    assert!(index.contains("<div class=\"doc\">\n<h3>A heading in a doc</h3>\n</div>"));
    assert!(index.contains(&escaped("</code></pre><script>x()</script>")));
    // Two codes with one slug share its page.
    let shared = read(&dir, "a-b/index.html");
    assert!(shared.contains("<p class=\"lede\">Sent by 2 variants:</p>"));
    assert!(shared
        .contains("<h2><code>First</code> <span class=\"status s4\">409 Conflict</span></h2>"));
    assert!(
        shared.contains("<h2><code>Second</code> <span class=\"status s4\">410 Gone</span></h2>")
    );
    assert_eq!(site::check(&catalog, &dir), Vec::<String>::new());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn each_type_under_the_base_has_its_page() {
    // The derive fills `type_base` (`#[status(type_base = "…")]`); a catalogue read from JSON
    // carries it the same way.
    let json = r#"[
      {"status": 404, "title": "Not Found", "source": "UserNotFound", "format": "problem",
       "code": "USER_NOT_FOUND", "type": "https://api.example.com/problems/user-not-found",
       "type_base": "https://api.example.com/problems/"},
      {"status": 429, "title": "Too Many Requests", "source": "RateLimited", "format": "problem",
       "type": "https://api.example.com/problems/rate-limited",
       "type_base": "https://api.example.com/problems/"},
      {"status": 503, "title": "Service Unavailable", "source": "Down", "format": "problem",
       "type": "https://api.example.com/problems/../../escape",
       "type_base": "https://api.example.com/problems/"}
    ]"#;
    let catalog = ResponseCatalog::from_json(json).unwrap();
    assert_eq!(catalog[0].slug().as_deref(), Some("user-not-found"));
    assert_eq!(catalog[1].slug().as_deref(), Some("rate-limited"));
    // A `type` that would leave the folder gets no page (and the check says so).
    assert_eq!(catalog[2].slug(), None);
    let dir = folder("base");
    catalog.write_site(&dir).unwrap();
    assert!(dir.join("user-not-found/index.html").is_file());
    assert!(dir.join("rate-limited/index.html").is_file());
    assert!(read(&dir, "rate-limited/index.html").contains("<h1><code>RateLimited</code></h1>"));
    assert_eq!(
        site::check(&catalog, &dir),
        ["Down: no page for its type https://api.example.com/problems/../../escape"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_whole_doc_comment_is_rendered() {
    use http_status::http::StatusCode;
    use http_status::ResponseDescription;
    let mut catalog = ResponseCatalog::default();
    catalog.push(
        ResponseDescription::new(StatusCode::LOCKED, "Locked", "Locked")
            .with_code("ACCOUNT_LOCKED")
            .with_doc("The account is *locked*.\n\n# Why\n\n- too many attempts\n- an admin\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
    );
    let dir = folder("doc");
    catalog.write_site(&dir).unwrap();
    let page = read(&dir, "account-locked/index.html");
    assert!(page.contains(
        "<div class=\"doc\">\n<p>The account is <em>locked</em>.</p>\n<h3>Why</h3>\n<ul>\n<li>too many attempts</li>\n<li>an admin</li>\n</ul>\n<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>\n</div>"
    ), "{page}");
    // The index shows the first paragraph.
    assert!(read(&dir, "index.html")
        .contains("<td class=\"wrap\">The account is <em>locked</em>.</td>"));
    let _ = std::fs::remove_dir_all(&dir);
}
