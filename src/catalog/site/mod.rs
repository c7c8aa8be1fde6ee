//! The catalogue as a static site a person reads (feature `site`): `index.html` lists every
//! response; every code, and every `type` a `type_base` gives, has its page at
//! `<slug>/index.html`, so each `type` URI under the base resolves when the folder is served
//! there; `catalog.json` is the same catalogue for tools. Every text is escaped, doc comments
//! are rendered from Markdown without raw HTML, every link in the site points at a file it
//! writes, and there is no JavaScript.

mod html;

use super::description::{kebab, HeaderDescription, MemberDescription};
use super::{ResponseCatalog, ResponseDescription};
use html::{code, escape, indent_json, inline_markdown, markdown, page, template};
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// The files of the site, by path relative to its folder.
pub(super) fn files(catalog: &ResponseCatalog) -> io::Result<Vec<(String, String)>> {
    let pages = pages(catalog);
    let anchors = anchors(catalog, &pages);
    let mut files = vec![("index.html".to_owned(), index(catalog, &anchors))];
    for page in &pages {
        files.push((format!("{}/index.html", page.slug), slug_page(page)));
    }
    let json = serde_json::to_string_pretty(catalog).map_err(io::Error::other)?;
    files.push(("catalog.json".to_owned(), json + "\n"));
    Ok(files)
}

pub(super) fn write(catalog: &ResponseCatalog, dir: &Path) -> io::Result<()> {
    for (path, text) in files(catalog)? {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// One page: the responses that share a slug (a code used by several variants, say).
struct Page<'a> {
    slug: String,
    responses: Vec<&'a ResponseDescription>,
}

fn pages(catalog: &ResponseCatalog) -> Vec<Page<'_>> {
    let mut pages: Vec<Page<'_>> = Vec::new();
    for response in catalog {
        let Some(slug) = response.slug() else {
            continue;
        };
        match pages.iter_mut().find(|page| page.slug == slug) {
            Some(page) => page.responses.push(response),
            None => pages.push(Page {
                slug: slug.into_owned(),
                responses: vec![response],
            }),
        }
    }
    pages
}

/// For each response without a page, the id of its section on the index.
fn anchors(catalog: &ResponseCatalog, pages: &[Page<'_>]) -> Vec<Option<String>> {
    let mut used: Vec<String> = Vec::new();
    catalog
        .iter()
        .map(|response| {
            if pages
                .iter()
                .any(|p| p.responses.iter().any(|r| std::ptr::eq(*r, response)))
            {
                return None;
            }
            let base = format!("variant-{}", kebab(response.source()));
            let mut id = base.clone();
            let mut n = 1;
            while used.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            used.push(id.clone());
            Some(id)
        })
        .collect()
}

fn status_badge(response: &ResponseDescription) -> String {
    let status = response.status().as_u16();
    format!(
        "<span class=\"status s{}\">{} {}</span>",
        status / 100,
        status,
        escape(response.title())
    )
}

fn index(catalog: &ResponseCatalog, anchors: &[Option<String>]) -> String {
    let mut body = String::new();
    body.push_str("<h1>Responses</h1>\n");
    let _ = writeln!(
        body,
        "<p class=\"lede\">Every response this API sends: {} in all. Each code has a page of its \
         own; the same catalogue for tools is <a href=\"catalog.json\">catalog.json</a>.</p>",
        catalog.len()
    );
    body.push_str(
        "<div class=\"scroll\">\n<table class=\"responses\">\n<thead><tr><th>Code</th><th>Status</th><th>What it means</th>\
         <th>Variant</th></tr></thead>\n<tbody>\n",
    );
    for (response, anchor) in catalog.iter().zip(anchors) {
        let href = match anchor {
            Some(id) => format!("#{id}"),
            None => {
                let slug = response.slug().unwrap_or_default();
                format!("{}/index.html", escape(&slug))
            }
        };
        let name = response.code_template().map_or_else(
            || escape(response.source()),
            |c| format!("<code>{}</code>", template(c)),
        );
        let meaning = response
            .summary()
            .map(|s| inline_markdown(&s))
            .or_else(|| response.message().map(escape))
            .unwrap_or_default();
        let _ = writeln!(
            body,
            "<tr><td><a href=\"{href}\">{name}</a></td><td>{}</td><td class=\"wrap\">{meaning}</td>\
             <td>{}</td></tr>",
            status_badge(response),
            code(response.source()),
        );
    }
    body.push_str("</tbody>\n</table>\n</div>\n");
    let without: Vec<(&ResponseDescription, &String)> = catalog
        .iter()
        .zip(anchors)
        .filter_map(|(response, anchor)| Some((response, anchor.as_ref()?)))
        .collect();
    if !without.is_empty() {
        body.push_str(
            "<h2>Responses without a code</h2>\n<p class=\"note\">These responses carry no \
             code and no <code>type</code> of their own: a client tells them by their status.</p>\n",
        );
        for (response, id) in without {
            let _ = writeln!(
                body,
                "<section id=\"{}\">\n<h3>{} {}</h3>",
                escape(id),
                code(response.source()),
                status_badge(response)
            );
            describe(&mut body, response);
            body.push_str("</section>\n");
        }
    }
    page("Responses", "", &body)
}

fn slug_page(page_: &Page<'_>) -> String {
    let root = "../".repeat(page_.slug.split('/').count());
    let first = page_.responses[0];
    let name = first.code().unwrap_or(first.source());
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<nav><a href=\"{root}index.html\">← All responses</a></nav>\n<h1>{}</h1>",
        code(name)
    );
    let several = page_.responses.len() > 1;
    if several {
        let _ = writeln!(
            body,
            "<p class=\"lede\">Sent by {} variants:</p>",
            page_.responses.len()
        );
    }
    for response in &page_.responses {
        body.push_str("<section>\n");
        if several {
            let _ = writeln!(
                body,
                "<h2>{} {}</h2>",
                code(response.source()),
                status_badge(response)
            );
        } else {
            let _ = writeln!(body, "<p>{}</p>", status_badge(response));
        }
        describe(&mut body, response);
        body.push_str("</section>\n");
    }
    page(name, &root, &body)
}

/// Everything about one response: doc, facts, headers, members, example body.
fn describe(body: &mut String, response: &ResponseDescription) {
    if let Some(doc) = response.doc() {
        let _ = writeln!(body, "<div class=\"doc\">\n{}</div>", markdown(doc));
    }
    body.push_str("<dl class=\"facts\">\n");
    let mut fact = |term: &str, value: String| {
        let _ = writeln!(body, "<dt>{term}</dt><dd>{value}</dd>");
    };
    if let Some(c) = response.code_template() {
        fact("Code", format!("<code>{}</code>", template(c)));
    }
    fact("Title", escape(response.title()));
    if response.content_type() == Some("application/problem+json") || response.type_uri().is_some()
    {
        let uri = response
            .type_template()
            .map_or_else(|| "about:blank".to_owned(), template);
        fact("Type", format!("<code>{uri}</code>"));
    }
    match (response.message_template(), response.detail_hidden()) {
        (Some(message), _) => fact("Message", template(message)),
        (None, true) => fact(
            "Message",
            "<span class=\"note\">hidden from clients; logged on the server</span>".to_owned(),
        ),
        (None, false) => {}
    }
    if let Some(instance) = response.instance_template() {
        fact("Instance", format!("<code>{}</code>", template(instance)));
    }
    fact(
        "Content-Type",
        response
            .content_type()
            .map_or_else(|| "none (no body)".to_owned(), code),
    );
    fact(
        "Retryable",
        if response.retryable() {
            "yes: the same request may succeed later".to_owned()
        } else {
            "no".to_owned()
        },
    );
    #[cfg(feature = "tonic")]
    fact("gRPC code", code(response.grpc_code()));
    fact("Variant", code(response.source()));
    body.push_str("</dl>\n");
    headers(body, response.headers());
    members(body, response.members());
    example(body, response);
}

fn headers(body: &mut String, headers: &[HeaderDescription]) {
    if headers.is_empty() {
        return;
    }
    body.push_str(
        "<h3>Headers</h3>\n<table>\n<thead><tr><th>Header</th><th>Value</th><th>Kind</th></tr></thead>\n<tbody>\n",
    );
    for header in headers {
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            code(header.name()),
            template(header.value_template()),
            header.kind().name()
        );
    }
    body.push_str("</tbody>\n</table>\n");
}

fn members(body: &mut String, members: &[MemberDescription]) {
    if members.is_empty() {
        return;
    }
    body.push_str(
        "<h3>Members</h3>\n<table>\n<thead><tr><th>Member</th><th>Rust type</th><th>Kind</th></tr></thead>\n<tbody>\n",
    );
    for member in members {
        let name = match member.name() {
            Some(name) => code(name),
            None => "<span class=\"note\">the entries of the map</span>".to_owned(),
        };
        let _ = writeln!(
            body,
            "<tr><td>{name}</td><td>{}</td><td>{}</td></tr>",
            code(member.type_name()),
            member.kind().name()
        );
    }
    body.push_str("</tbody>\n</table>\n");
}

fn example(body: &mut String, response: &ResponseDescription) {
    let Some(example) = response.example() else {
        return;
    };
    let note = if response.example_is_exact() {
        "The exact body of every such response"
    } else {
        "The body sent for sample values (42 for a number, <code>example</code> for text)"
    };
    let json = response
        .content_type()
        .is_some_and(|content_type| content_type.contains("json"));
    if json {
        let _ = writeln!(
            body,
            "<h3>Example body</h3>\n<p class=\"note\">{note}, indented for reading:</p>\n\
             <pre><code>{}</code></pre>\n<details><summary>As sent, on one line</summary>\n\
             <pre><code>{}</code></pre>\n</details>",
            escape(&indent_json(example)),
            escape(example)
        );
    } else {
        let _ = writeln!(
            body,
            "<h3>Example body</h3>\n<p class=\"note\">{note}:</p>\n<pre><code>{}</code></pre>",
            escape(example)
        );
    }
}
