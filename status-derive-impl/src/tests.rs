//! The derive as a function from `DeriveInput` to tokens: it must return code or compile
//! errors for any input, and never panic.
//!
//! `no_panic_on_generated_inputs` runs 10,000 fixed-seed cases in the normal suite; a larger
//! run on demand: `PROPTEST_CASES=1000000 cargo test -p http-status-derive-impl --release no_panic`.

use super::derive_input;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use std::panic::{catch_unwind, AssertUnwindSafe};

pub(crate) fn expand(source: &str) -> String {
    let input: syn::DeriveInput = syn::parse_str(source).expect("test input parses");
    derive_input(&input).to_string()
}

#[test]
#[ignore = "prints an expansion for reading: SHOW='enum E { #[status(404)] A }' cargo test -p http-status-derive-impl show -- --ignored --nocapture"]
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
        }"#
        .to_owned()
    });
    println!("{}", expand(&source));
}

/// A Rust string literal of `text`, escaped as the compiler accepts it.
fn literal(text: &str) -> String {
    format!("{text:?}")
}

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(String::new()),
        "[a-z ]{0,8}",
        Just("{id}".to_owned()),
        Just("{0}".to_owned()),
        Just("{1:>4}".to_owned()),
        Just("{name:?}".to_owned()),
        Just("{r#type}".to_owned()),
        Just("{{".to_owned()),
        Just("}}".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("{}".to_owned()),
        Just("{a.b}".to_owned()),
        Just("{x:w$}".to_owned()),
        Just("\r\n\0\u{7f}é😀\"\\".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|pieces| pieces.concat())
}

fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..1000).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        Just("404u16".to_owned()),
        Just("0x194".to_owned()),
        Just("1e3".to_owned()),
        Just("4.04".to_owned()),
        Just("-404".to_owned()),
        Just("99999999999999999999999999".to_owned()),
        prop::sample::select(
            http_status_core::iter()
                .flat_map(|info| std::iter::once(info.name).chain(info.aliases.iter().copied()))
                .collect::<Vec<_>>()
        )
        .prop_map(str::to_owned),
        Just("StatusCode::NOT_FOUND".to_owned()),
        Just("::http::StatusCode::IM_A_TEAPOT".to_owned()),
        "[A-Za-z_][A-Za-z_0-9]{0,12}",
    ]
}

fn option() -> impl Strategy<Value = String> {
    let header_name = prop_oneof![
        prop::sample::select(vec![
            "Retry-After",
            "WWW-Authenticate",
            "Location",
            "Allow",
            "Content-Type",
            "Content-Length",
            "Content-Language",
            "Content-Range",
            "Connection",
            "Upgrade",
            "Cache-Control",
            "Link",
            "Keep-Alive",
            "X-Id",
            "Bad Name",
            "",
            "é",
        ])
        .prop_map(str::to_owned),
        text(),
    ];
    let rule = prop::sample::select(vec![
        "missing_retry_after",
        "missing_location",
        "missing_content_range",
        "obsolete_code",
        "header_leak",
        "unused_allow",
        "unknown_code",
        "bad_attribute",
        "nonsense",
    ]);
    prop_oneof![
        text().prop_map(|t| format!("message = {}", literal(&t))),
        text().prop_map(|t| format!("code = {}", literal(&t))),
        (header_name, text()).prop_map(|(n, v)| format!(
            "header({} = {})",
            literal(&n),
            literal(&v)
        )),
        prop::sample::select(vec!["problem", "json", "text", "serde", "none", "xml", ""])
            .prop_map(|f| format!("format = {}", literal(f))),
        Just("format = my::Format".to_owned()),
        Just("format = 404".to_owned()),
        text().prop_map(|t| format!("type = {}", literal(&t))),
        text().prop_map(|t| format!("instance = {}", literal(&t))),
        prop::sample::select(vec!["SCREAMING_SNAKE_CASE", "camelCase", "Title Case", ""])
            .prop_map(|c| format!("codes = {}", literal(c))),
        Just("extension".to_owned()),
        Just("extension = \"x\"".to_owned()),
        Just("flatten".to_owned()),
        Just("delegate".to_owned()),
        Just("expose = 1".to_owned()),
        text().prop_map(|t| format!("reason = {}", literal(&t))),
        Just("expose".to_owned()),
        Just("transparent".to_owned()),
        prop::collection::vec(rule, 0..3).prop_map(|r| format!("allow({})", r.join(", "))),
        prop_oneof![
            Just("http_status"),
            Just("::a::b"),
            Just("not a path"),
            Just("")
        ]
        .prop_map(|p| format!("crate = {}", literal(p))),
        // Malformed and unknown options.
        Just("mesage = \"x\"".to_owned()),
        Just("message".to_owned()),
        Just("message = 404".to_owned()),
        Just("header(Name = \"v\")".to_owned()),
        Just("header(\"A\" = \"1\", \"B\" = \"2\")".to_owned()),
        Just("header(\"A\")".to_owned()),
        Just("allow".to_owned()),
        Just("unknown(1, 2)".to_owned()),
        Just("= =".to_owned()),
        Just("((1, =) [2])".to_owned()),
        Just(",".to_owned()),
        Just("'a'".to_owned()),
        code(),
    ]
}

fn status_attr() -> impl Strategy<Value = String> {
    (
        prop::option::of(code()),
        prop::collection::vec(option(), 0..4),
    )
        .prop_map(|(code, options)| {
            let items: Vec<String> = code.into_iter().chain(options).collect();
            format!("#[status({})]", items.join(", "))
        })
}

fn attrs() -> impl Strategy<Value = String> {
    let one = prop_oneof![
        4 => status_attr(),
        1 => text().prop_map(|t| format!("#[error({})]", literal(&t))),
        1 => Just("#[error(transparent)]".to_owned()),
        1 => Just("#[status]".to_owned()),
        1 => Just("#[status = 404]".to_owned()),
        1 => Just("#[cfg(all())]".to_owned()),
    ];
    prop::collection::vec(one, 0..3).prop_map(|a| a.join("\n"))
}

fn fields() -> impl Strategy<Value = String> {
    let ty = prop::sample::select(vec![
        "u64", "String", "T", "&'a str", "Vec<T>", "Box<E>", "Inner",
    ]);
    let field_attr = prop_oneof![
        4 => Just(String::new()),
        1 => Just("#[status(extension)] ".to_owned()),
        1 => Just("#[status(extension = \"detail\")] ".to_owned()),
        1 => Just("#[status(flatten)] ".to_owned()),
        1 => Just("#[status(delegate)] ".to_owned()),
        1 => status_attr().prop_map(|a| format!("{a} ")),
    ];
    let typed = (field_attr, ty).prop_map(|(a, t)| format!("{a}{t}"));
    let name = prop::sample::select(vec!["id", "name", "r#type", "retry_after", "source", "_x"]);
    prop_oneof![
        Just(String::new()),
        prop::collection::vec(typed.clone(), 0..4).prop_map(|t| format!("({})", t.join(", "))),
        prop::collection::btree_map(name, typed, 0..4).prop_map(|f| {
            let fields: Vec<String> = f
                .into_iter()
                .map(|(n, t)| match t.rsplit_once(' ') {
                    Some((attr, ty)) => format!("{attr} {n}: {ty}"),
                    None => format!("{n}: {t}"),
                })
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }),
    ]
}

fn input() -> impl Strategy<Value = String> {
    let variant =
        (attrs(), "[A-Z][a-z]{0,6}", fields()).prop_map(|(a, n, f)| format!("{a}\n{n}{f}"));
    let generics = prop::sample::select(vec!["", "<T>", "<'a, T: Clone>", "<const N: usize>"]);
    prop_oneof![
        (
            attrs(),
            generics.clone(),
            prop::collection::vec(variant, 0..5)
        )
            .prop_map(|(a, g, v)| format!("{a}\nenum E{g} {{ {} }}", v.join(",\n"))),
        (attrs(), generics, fields()).prop_map(|(a, g, f)| {
            let body = if f.starts_with('(') {
                format!("{f};")
            } else if f.is_empty() {
                ";".to_owned()
            } else {
                f
            };
            format!("{a}\nstruct S{g} {body}")
        }),
        attrs().prop_map(|a| format!("{a}\nunion U {{ a: u32 }}")),
    ]
}

/// Deletes or repeats one token tree inside one `(...)` or `[...]` group (attribute contents,
/// tuple fields), to reach inputs no generator above writes.
fn mutate(source: &str, at: usize, repeat: bool) -> String {
    use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

    fn walk(stream: TokenStream, at: &mut usize, repeat: bool) -> TokenStream {
        let mut trees: Vec<TokenTree> = stream.into_iter().collect();
        for tree in &mut trees {
            if let TokenTree::Group(group) = tree {
                let inner = if matches!(
                    group.delimiter(),
                    Delimiter::Parenthesis | Delimiter::Bracket
                ) && *at == 0
                {
                    *at = usize::MAX;
                    edit(group.stream(), repeat)
                } else {
                    *at = at.wrapping_sub(1);
                    walk(group.stream(), at, repeat)
                };
                *tree = TokenTree::Group(Group::new(group.delimiter(), inner));
            }
        }
        trees.into_iter().collect()
    }

    fn edit(stream: TokenStream, repeat: bool) -> TokenStream {
        let mut trees: Vec<TokenTree> = stream.into_iter().collect();
        if let Some(middle) = trees.len().checked_sub(1).map(|last| last / 2) {
            if repeat {
                let tree = trees[middle].clone();
                trees.insert(middle, tree);
            } else {
                trees.remove(middle);
            }
        }
        trees.into_iter().collect()
    }

    match source.parse::<TokenStream>() {
        Ok(tokens) => walk(tokens, &mut (at % 16), repeat).to_string(),
        Err(_) => source.to_owned(),
    }
}

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(10_000);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]))
}

#[test]
fn no_panic_on_generated_inputs() {
    let strategy = (
        input(),
        any::<usize>(),
        prop::option::weighted(0.3, any::<bool>()),
    );
    let expanded = std::cell::Cell::new(0usize);
    let result = runner().run(&strategy, |(source, at, mutation)| {
        let source = match mutation {
            Some(repeat) => mutate(&source, at, repeat),
            None => source,
        };
        let Ok(input) = syn::parse_str::<syn::DeriveInput>(&source) else {
            return Ok(());
        };
        expanded.set(expanded.get() + 1);
        let output = catch_unwind(AssertUnwindSafe(|| derive_input(&input).to_string()));
        match output {
            Ok(tokens) if !tokens.is_empty() => Ok(()),
            Ok(_) => Err(TestCaseError::fail(format!("no output for:\n{source}"))),
            Err(_) => Err(TestCaseError::fail(format!("panicked on:\n{source}"))),
        }
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    // Most generated inputs must be valid Rust, or the test would prove little.
    let expanded = expanded.get();
    assert!(
        expanded * 10 >= runner().config().cases as usize * 8,
        "only {expanded} inputs parsed"
    );
}

#[test]
fn every_rule_name_in_the_registry_is_a_warning_of_the_derive() {
    // The registry names the lint that reports a missing SHOULD/MAY field; the derive must
    // have that rule, as a warning.
    for info in http_status_core::iter() {
        for header in info.should_headers.iter().chain(info.may_headers) {
            if let Some(lint) = header.lint {
                let rule = crate::rules::Rule::from_name(lint).unwrap_or_else(|| panic!("{lint}"));
                assert!(rule.is_warning(), "{lint}");
            }
        }
    }
}

#[test]
fn errors_and_fallback_come_together() {
    let output = expand("enum E { #[status(401)] A, #[status(4004)] B }");
    assert_eq!(output.matches("compile_error").count(), 2);
    assert!(output.contains("unreachable"));
    assert!(output.contains("HttpStatus for E"));
}
