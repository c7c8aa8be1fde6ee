//! What the `tracing` feature costs a response whose event is filtered out, counted by
//! callgrind: the fixture's derived 404 (logged at `debug`) built by the same program twice,
//! once with http-status's `tracing` feature and once without, both under a subscriber that
//! keeps `info` and above.
//!
//!     cargo bench -p http-status-frameworks --bench tracing_cost
//!
//! Cargo unifies a package's features, so this package (which turns `tracing` on) cannot hold
//! both builds: the bench writes a small crate in `target/tracing-cost/` that includes
//! `fixtures/types.rs`, builds it with and without its `tracing` feature (which turns on
//! http-status's), and runs each binary under `valgrind --tool=callgrind`, counting only
//! inside `measured`. Its lock file starts from this workspace's, so the dependencies are the
//! same versions.

use std::path::{Path, PathBuf};
use std::process::Command;

const ITERATIONS: usize = 10_000;

fn repo() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The crate that measures: the fixture, a filtering subscriber, the measured loop.
fn write_crate(dir: &Path) {
    let repo = repo().canonicalize().expect("the repository");
    let fixture = repo.join("frameworks/benches/fixtures/types.rs");
    std::fs::create_dir_all(dir.join("src")).expect("a crate directory");
    let manifest = format!(
        r#"[package]
name = "tracing-cost"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[features]
tracing = ["http-status/tracing"]

[dependencies]
http-status = {{ path = "{repo}", default-features = false, features = ["derive"] }}
thiserror = "2"
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
tracing = "0.1.40"
tracing-subscriber = {{ version = "0.3.18", default-features = false, features = ["std", "registry"] }}

[profile.release]
debug = 1
"#,
        repo = repo.display()
    );
    let main = format!(
        r#"#[path = "{fixture}"]
#[allow(dead_code)]
mod types;

use tracing_subscriber::layer::SubscriberExt;

#[inline(never)]
fn measured(value: &types::Derived) -> usize {{
    let mut sum = 0usize;
    for _ in 0..{ITERATIONS} {{
        sum = sum.wrapping_add(http_status::HttpStatus::to_response(std::hint::black_box(value)).body().len());
    }}
    sum
}}

fn main() {{
    // The same subscriber in both builds: `info` and above, so a 4xx's `debug` event is
    // filtered out.
    let subscriber = tracing_subscriber::registry().with(tracing_subscriber::filter::LevelFilter::INFO);
    tracing::subscriber::set_global_default(subscriber).expect("one subscriber");
    let value = types::Derived::UserNotFound {{ id: 42 }};
    std::hint::black_box(measured(&value));
}}
"#,
        fixture = fixture.display()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("Cargo.toml");
    std::fs::write(dir.join("src/main.rs"), main).expect("main.rs");
    if !dir.join("Cargo.lock").exists() {
        let _ = std::fs::copy(repo.join("Cargo.lock"), dir.join("Cargo.lock"));
    }
}

/// Builds the crate (with or without `tracing`) and returns a copy of its binary.
fn build(dir: &Path, tracing: bool) -> PathBuf {
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo
        .current_dir(dir)
        .args(["build", "--release", "--quiet"])
        .env("CARGO_TARGET_DIR", dir.join("target"));
    if tracing {
        cargo.args(["--features", "tracing"]);
    }
    let status = cargo.status().expect("cargo runs");
    assert!(status.success(), "the measuring crate builds");
    let name = if tracing {
        "with-tracing"
    } else {
        "without-tracing"
    };
    let copy = dir.join(name);
    std::fs::copy(dir.join("target/release/tracing-cost"), &copy).expect("the binary");
    copy
}

/// Instructions counted inside `measured`.
fn count(exe: &Path) -> u64 {
    let out = std::env::temp_dir().join("http-status-tracing-cost.out");
    let status = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg("--collect-atstart=no")
        .arg("--toggle-collect=*measured*")
        .arg(exe)
        .output()
        .expect("valgrind runs (install valgrind)");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = std::fs::read_to_string(&out).expect("callgrind's output");
    let _ = std::fs::remove_file(&out);
    text.lines()
        .find_map(|line| {
            line.strip_prefix("totals:")
                .or_else(|| line.strip_prefix("summary:"))
        })
        .and_then(|n| n.split_whitespace().next()?.parse().ok())
        .expect("totals in callgrind's output")
}

fn main() {
    let dir = repo().join("target").join("tracing-cost");
    write_crate(&dir);
    let without = count(&build(&dir, false));
    let with = count(&build(&dir, true));
    let per = |total: u64| total as f64 / ITERATIONS as f64;
    println!("a derived 404 (`debug` event) under a subscriber that keeps `info` and above (callgrind, {ITERATIONS} calls)\n");
    println!("| build | instructions per call |");
    println!("|---|---:|");
    println!("| without `tracing` | {:.0} |", per(without));
    println!(
        "| with `tracing` | {:.0} ({:+.1}%) |",
        per(with),
        (with as f64 / without as f64 - 1.0) * 100.0
    );
}
