//! What the derive costs at compile time, measured against thiserror in the same run:
//!
//!     cargo bench -p http-status-frameworks --bench compile_time                 # everything (about 15 minutes on 2 cores)
//!     cargo bench -p http-status-frameworks --bench compile_time -- incremental  # 1,000-variant enum, incremental debug rebuilds
//!     cargo bench -p http-status-frameworks --bench compile_time -- trees        # clean build of each derive's dependency tree
//!     cargo bench -p http-status-frameworks --bench compile_time -- syn          # syn 2 vs syn 3 in a typical axum application
//!     cargo bench -p http-status-frameworks --bench compile_time -- instructions # the incremental rebuild, in rustc instructions (valgrind)
//!
//! Generated crates live in `target/compile-time/`; their lock files start from this
//! workspace's, so they build the same dependency versions. Times are wall-clock medians.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const VARIANTS: usize = 1000;
const REBUILDS: usize = 11;

fn repo() -> PathBuf {
    // The workspace root: this package is one folder below it.
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn work() -> PathBuf {
    repo().join("target").join("compile-time")
}

#[derive(Clone, Copy, PartialEq)]
enum Flavour {
    Plain,
    Thiserror,
    HttpStatus,
}

impl Flavour {
    fn name(self) -> &'static str {
        match self {
            Flavour::Plain => "no derive (baseline)",
            Flavour::Thiserror => "#[derive(thiserror::Error)]",
            Flavour::HttpStatus => "#[derive(HttpStatus)]",
        }
    }
}

/// A 1,000-variant error enum: unit, tuple and struct variants in turn, each with a message
/// (interpolating fields where there are any), every tenth with a header.
fn enum_source(flavour: Flavour, revision: usize) -> String {
    const CODES: [u16; 9] = [400, 403, 404, 409, 410, 422, 500, 502, 504];
    let derive = match flavour {
        Flavour::Plain => "Debug",
        Flavour::Thiserror => "Debug, thiserror::Error",
        Flavour::HttpStatus => "Debug, http_status::HttpStatus",
    };
    let mut out = format!("// revision {revision}\n#[derive({derive})]\npub enum ApiError {{\n");
    for i in 0..VARIANTS {
        let (message, shape) = match i % 3 {
            0 => (format!("failure number {i}"), String::new()),
            1 => ("item {0} of {1}".to_owned(), "(u64, String)".to_owned()),
            _ => (
                "user {id} named {name}".to_owned(),
                " { id: u64, name: String }".to_owned(),
            ),
        };
        match flavour {
            Flavour::Plain => {}
            Flavour::Thiserror => {
                let _ = writeln!(out, "    #[error(\"{message}\")]");
            }
            Flavour::HttpStatus => {
                let code = CODES[i % CODES.len()];
                // A diagnostic-free type: a field in a header only on a 4xx (on a 5xx it would
                // be `header_leak`).
                let header = match (i % 10, i % 3) {
                    (0, 2) if code < 500 => ", header(\"X-User\" = \"{id}\")".to_owned(),
                    (0, _) => format!(", header(\"X-Request-Id\" = \"req-{i}\")"),
                    _ => String::new(),
                };
                let _ = writeln!(
                    out,
                    "    #[status({code}, message = \"{message}\", code = \"E{i}\"{header})]"
                );
            }
        }
        let _ = writeln!(out, "    V{i}{shape},");
    }
    out.push_str("}\n");
    out
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dir");
    std::fs::write(path, text).expect("write");
}

/// A crate at `dir` with these `[dependencies]` lines and source.
fn new_crate(dir: &Path, dependencies: &str, source: &str) {
    let manifest = format!(
        "[package]\nname = \"bench-{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n[dependencies]\n{dependencies}\n",
        dir.file_name().and_then(|n| n.to_str()).unwrap_or("crate")
    );
    write(&dir.join("Cargo.toml"), &manifest);
    write(&dir.join("src/lib.rs"), source);
    let _ = std::fs::copy(repo().join("Cargo.lock"), dir.join("Cargo.lock"));
}

fn cargo_build(dir: &Path, target: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .stdout(Stdio::null())
        .status()
        .expect("cargo runs");
    let elapsed = start.elapsed();
    assert!(status.success(), "cargo build failed in {}", dir.display());
    elapsed
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn incremental() {
    let path = repo().display().to_string();
    let dependencies = format!("http-status = {{ path = {path:?} }}\nthiserror = \"2\"");
    let flavours = [Flavour::Plain, Flavour::Thiserror, Flavour::HttpStatus];
    // One crate and target directory per flavour, rebuilt in turn, so that each rebuild is
    // incremental from that flavour's previous one and the machine's load falls on all alike.
    let crates: Vec<(PathBuf, PathBuf)> = (0..flavours.len())
        .map(|i| {
            (
                work().join(format!("enum1000-{i}")),
                work().join(format!("enum1000-{i}-target")),
            )
        })
        .collect();
    for (flavour, (dir, target)) in flavours.iter().zip(&crates) {
        new_crate(dir, &dependencies, &enum_source(*flavour, 0));
        cargo_build(dir, target); // dependencies and a first build
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); flavours.len()];
    for revision in 1..=REBUILDS {
        for (i, (flavour, (dir, target))) in flavours.iter().zip(&crates).enumerate() {
            write(&dir.join("src/lib.rs"), &enum_source(*flavour, revision));
            times[i].push(cargo_build(dir, target));
        }
    }
    println!("\n## Incremental debug rebuild of a crate with a {VARIANTS}-variant enum (median of {REBUILDS}, interleaved)\n");
    println!("| derive | rebuild | added by the derive |");
    println!("|---|---:|---:|");
    let medians: Vec<Duration> = times.into_iter().map(median).collect();
    for (flavour, time) in flavours.iter().zip(&medians) {
        println!(
            "| {} | {} | {} |",
            flavour.name(),
            secs(*time),
            secs(time.saturating_sub(medians[0]))
        );
    }
}

/// One clean build's time. Incremental compilation is off, as it is for a dependency from a
/// registry: cargo would otherwise compile this repository's crates, path dependencies here,
/// incrementally, which costs a clean build more.
fn clean_build_once(dir: &Path) -> Duration {
    let target = dir.join("target");
    let _ = std::fs::remove_dir_all(&target);
    let start = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_INCREMENTAL", "0")
        .stdout(Stdio::null())
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build failed in {}", dir.display());
    start.elapsed()
}

/// The median clean build of each of `dirs`, `runs` rounds of one build each, taken in turn:
/// wall-clock on a shared machine drifts by ±20% over minutes, and taking turns puts each
/// compared tree in the same conditions.
fn clean_builds(dirs: &[PathBuf], runs: usize) -> Vec<Duration> {
    let mut times = vec![Vec::new(); dirs.len()];
    for _ in 0..runs {
        for (dir, times) in dirs.iter().zip(&mut times) {
            times.push(clean_build_once(dir));
        }
    }
    times.into_iter().map(median).collect()
}

fn trees() {
    let path = repo().display().to_string();
    let derive_path = repo().join("status-derive").display().to_string();
    let crates = [
        (
            "thiserror 2 (thiserror, thiserror-impl, syn, quote, proc-macro2)",
            "thiserror = \"2\"".to_owned(),
        ),
        (
            "http-status-derive (http-status-derive, http-status-derive-impl, http-status-core, httpdate, strsim, heck, syn, quote, proc-macro2)",
            format!("http-status-derive = {{ path = {derive_path:?} }}"),
        ),
        (
            "http-status, whole runtime (+ http, bytes, serde_json, serde)",
            format!("http-status = {{ path = {path:?} }}"),
        ),
    ];
    println!(
        "\n## Clean build of the dependency tree (median of 9, builds taking turns, empty target directory, no incremental compilation)\n"
    );
    println!("| crate | clean build | against thiserror's |");
    println!("|---|---:|---:|");
    let dirs: Vec<PathBuf> = (0..crates.len())
        .map(|index| work().join(format!("tree{index}")))
        .collect();
    for (dir, (_, dependency)) in dirs.iter().zip(&crates) {
        new_crate(dir, dependency, "");
    }
    let times = clean_builds(&dirs, 9);
    for ((name, _), time) in crates.iter().zip(&times) {
        let ratio = time.as_secs_f64() / times[0].as_secs_f64();
        println!("| {name} | {} | {ratio:.2}× |", secs(*time));
    }
}

/// A copy of this repository whose derive uses syn 2 (it compiles unchanged against both).
fn syn2_copy() -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("create dir");
        for entry in std::fs::read_dir(from).expect("read dir").flatten() {
            let name = entry.file_name();
            if name == "target" || name == ".git" {
                continue;
            }
            let (from, to) = (entry.path(), to.join(&name));
            if from.is_dir() {
                copy(&from, &to);
            } else {
                std::fs::copy(&from, &to).expect("copy");
            }
        }
    }
    let copy_dir = work().join("syn2-copy");
    let _ = std::fs::remove_dir_all(&copy_dir);
    copy(&repo(), &copy_dir);
    let manifest = copy_dir.join("status-derive-impl/Cargo.toml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let patched = text.replace("syn = { version = \"3\"", "syn = { version = \"2\"");
    assert_ne!(text, patched, "the derive's syn dependency moved");
    std::fs::write(&manifest, patched).expect("write manifest");
    copy_dir
}

fn syn() {
    const APP: &str = r#"
use axum::{routing::get, Json, Router};

#[derive(serde::Serialize, serde::Deserialize)]
pub struct User { pub id: u64, pub name: String }

#[derive(Debug, thiserror::Error)]
pub enum AppError { #[error("not found")] NotFound }

pub async fn user() -> Json<User> { Json(User { id: 1, name: "Ada".into() }) }

pub fn app() -> Router { Router::new().route("/user", get(user)) }

#[tokio::main]
pub async fn main() {}
"#;
    const WITH_ERRORS: &str = r#"
#[derive(Debug, thiserror::Error, http_status::HttpStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },
}
"#;
    let common = "axum = \"0.8\"\ntokio = { version = \"1\", features = [\"full\"] }\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\nthiserror = \"2\"\n";
    let syn3 = repo().display().to_string();
    let syn2 = syn2_copy().display().to_string();
    let apps = [
        (
            "axum + tokio + serde + thiserror (baseline)",
            String::new(),
            APP.to_owned(),
        ),
        (
            "+ http-status, derive on syn 3",
            format!("http-status = {{ path = {syn3:?}, features = [\"axum\"] }}"),
            format!("{APP}{WITH_ERRORS}"),
        ),
        (
            "+ http-status, derive on syn 2",
            format!("http-status = {{ path = {syn2:?}, features = [\"axum\"] }}"),
            format!("{APP}{WITH_ERRORS}"),
        ),
    ];
    println!("\n## syn 2 or syn 3: clean build of a typical application (median of 3, builds taking turns, no incremental compilation)\n");
    println!("| application | clean build | added |");
    println!("|---|---:|---:|");
    let dirs: Vec<PathBuf> = (0..apps.len())
        .map(|index| work().join(format!("app{index}")))
        .collect();
    for (dir, (_, extra, source)) in dirs.iter().zip(&apps) {
        new_crate(dir, &format!("{common}{extra}"), source);
    }
    let times = clean_builds(&dirs, 3);
    for ((name, _, _), time) in apps.iter().zip(&times) {
        println!(
            "| {name} | {} | {} |",
            secs(*time),
            secs(time.saturating_sub(times[0]))
        );
    }
}

/// When set, this binary is cargo's `RUSTC_WRAPPER`: it runs rustc under callgrind, writing
/// the profile to the variable's path, for the benchmark's enum crates, and plainly otherwise.
const WRAPPER_OUT: &str = "HTTP_STATUS_CALLGRIND_OUT";

fn wrap_rustc(out: &str) -> ! {
    let mut args = std::env::args().skip(1);
    let rustc = args.next().expect("cargo passes rustc");
    let args: Vec<String> = args.collect();
    let measured = args
        .windows(2)
        .any(|w| w[0] == "--crate-name" && w[1].starts_with("bench_enum1000"));
    let status = if measured {
        Command::new("valgrind")
            .arg("--tool=callgrind")
            .arg(format!("--callgrind-out-file={out}"))
            .arg(&rustc)
            .args(&args)
            .stderr(Stdio::null())
            .status()
    } else {
        Command::new(&rustc).args(&args).status()
    };
    std::process::exit(status.map_or(1, |s| s.code().unwrap_or(1)));
}

/// Instructions rustc executes for an incremental rebuild of the 1,000-variant enum crate of
/// each flavour, derive included (it runs inside rustc). Counts, unlike seconds, do not depend
/// on the machine's load.
fn instructions() {
    let path = repo().display().to_string();
    let dependencies = format!("http-status = {{ path = {path:?} }}\nthiserror = \"2\"");
    let exe = std::env::current_exe().expect("own path");
    let profile = work().join("rustc.callgrind");
    println!("\n## Incremental debug rebuild of the {VARIANTS}-variant enum, in instructions rustc executes (callgrind)\n");
    println!("| derive | instructions | added by the derive |");
    println!("|---|---:|---:|");
    let mut baseline = 0u64;
    for (i, flavour) in [Flavour::Plain, Flavour::Thiserror, Flavour::HttpStatus]
        .into_iter()
        .enumerate()
    {
        let dir = work().join(format!("enum1000-{i}"));
        let target = work().join(format!("enum1000-{i}-target"));
        new_crate(&dir, &dependencies, &enum_source(flavour, 0));
        cargo_build(&dir, &target);
        write(&dir.join("src/lib.rs"), &enum_source(flavour, 1));
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet"])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTC_WRAPPER", &exe)
            .env(WRAPPER_OUT, &profile)
            .stdout(Stdio::null())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build failed in {}", dir.display());
        let text = std::fs::read_to_string(&profile)
            .expect("a callgrind profile (is valgrind installed?)");
        let count: u64 = text
            .lines()
            .find_map(|line| {
                line.strip_prefix("totals:")
                    .or_else(|| line.strip_prefix("summary:"))
            })
            .and_then(|n| n.split_whitespace().next()?.parse().ok())
            .expect("totals in the profile");
        if flavour == Flavour::Plain {
            baseline = count;
        }
        let millions = |n: u64| format!("{:.0} M", n as f64 / 1e6);
        println!(
            "| {} | {} | {} |",
            flavour.name(),
            millions(count),
            millions(count.saturating_sub(baseline))
        );
    }
}

fn main() {
    if let Ok(out) = std::env::var(WRAPPER_OUT) {
        wrap_rustc(&out);
    }
    let selected: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wants = |name: &str| selected.is_empty() || selected.iter().any(|s| s == name);
    println!(
        "compile-time measurements, {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    if wants("incremental") {
        incremental();
    }
    if wants("trees") {
        trees();
    }
    if wants("syn") {
        syn();
    }
    if wants("instructions") {
        instructions();
    }
}
