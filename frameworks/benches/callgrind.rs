//! Instructions per operation, derived vs hand-written, counted by callgrind in one run:
//!
//!     cargo bench -p http-status-frameworks --bench callgrind
//!
//! The binary re-runs itself under `valgrind --tool=callgrind` once per operation and side,
//! counting only inside `measured` (the loop, the call, the operation and dropping its
//! result), and prints the table. Instruction counts do not depend on the machine's load.

#[path = "fixtures/types.rs"]
mod types;

#[path = "fixtures/layer.rs"]
mod layer;

#[path = "fixtures/violations.rs"]
mod violations;

use std::hint::black_box;
use std::process::Command;
use types::OPERATIONS;

const ITERATIONS: usize = 10_000;
const CHILD: &str = "HTTP_STATUS_CALLGRIND_CHILD";

/// The measured loop. Both sides run the same code (the linker may even fold the two
/// instances into one), each in its own process.
#[inline(never)]
fn measured<T>(op: fn(&T) -> usize, value: &T) -> usize {
    let mut sum = 0usize;
    for _ in 0..ITERATIONS {
        sum = sum.wrapping_add(op(black_box(value)));
    }
    sum
}

/// The measured loop of a request through a service (`ProblemLayer`'s table).
#[inline(never)]
fn measured_request(op: fn() -> usize) -> usize {
    let mut sum = 0usize;
    for _ in 0..ITERATIONS {
        sum = sum.wrapping_add(op());
    }
    sum
}

/// Runs one side of one operation: `HTTP_STATUS_CALLGRIND_CHILD=<index>:<derived|hand>`,
/// `errors:<derived|hand>`, or `layer<index>:<through|without>`.
fn child(spec: &str) {
    let (index, side) = spec.split_once(':').expect("index:side");
    if index == "errors" {
        let sum = if side == "derived" {
            measured(violations::derived, &violations::violations())
        } else {
            measured(violations::hand, &violations::hand_list())
        };
        black_box(sum);
        return;
    }
    if let Some(index) = index.strip_prefix("layer") {
        let op = &layer::LAYER_OPERATIONS[index.parse::<usize>().expect("index")];
        let run = if side == "through" {
            op.through
        } else {
            op.without
        };
        black_box(measured_request(run));
        return;
    }
    let op = &OPERATIONS[index.parse::<usize>().expect("index")];
    let sum = if side == "derived" {
        measured(op.derived, &(op.derived_value)())
    } else {
        measured(op.hand, &(op.hand_value)())
    };
    black_box(sum);
}

/// Instructions counted inside `measured` for one side of one operation.
fn count(exe: &str, index: impl std::fmt::Display, side: &str) -> Result<u64, String> {
    let out = std::env::temp_dir().join(format!("http-status-callgrind-{index}-{side}.out"));
    let status = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg("--collect-atstart=no")
        .arg("--toggle-collect=*measured*")
        .arg(exe)
        .env(CHILD, format!("{index}:{side}"))
        .output()
        .map_err(|e| format!("valgrind could not run ({e}); install valgrind"))?;
    if !status.status.success() {
        return Err(String::from_utf8_lossy(&status.stderr).into_owned());
    }
    let text = std::fs::read_to_string(&out).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&out);
    text.lines()
        .find_map(|line| {
            line.strip_prefix("totals:")
                .or_else(|| line.strip_prefix("summary:"))
        })
        .and_then(|n| n.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| "no totals in the callgrind output".to_owned())
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        child(&spec);
        return;
    }
    if let Err(difference) = types::same_bytes().and_then(|()| violations::same_bytes()) {
        eprintln!("the two sides must write the same bytes: {difference}");
        std::process::exit(1);
    }
    // `cargo bench` passes `--bench`; any other argument keeps only the rows whose name
    // contains it (`-- layer`, `-- thiserror`).
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let wanted =
        |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let exe = std::env::current_exe().expect("own path");
    let exe = exe.to_str().expect("UTF-8 path");
    println!("instructions per call (callgrind, {ITERATIONS} calls each; loop, call and drop included)\n");
    println!("| operation | derived | hand-written | ratio |");
    println!("|---|---:|---:|---:|");
    for (index, op) in OPERATIONS.iter().enumerate() {
        if wanted(op.name) {
            row(
                op.name,
                count(exe, index, "derived"),
                count(exe, index, "hand"),
            );
        }
    }
    let errors = "`errors` member, 50 violations";
    if wanted(errors) {
        row(
            errors,
            count(exe, "errors", "derived"),
            count(exe, "errors", "hand"),
        );
    }
    layer_table(exe, &wanted);
}

/// `ProblemLayer`'s overhead: `cargo bench -p http-status-frameworks --bench callgrind`.
fn layer_table(exe: &str, wanted: &dyn Fn(&str) -> bool) {
    println!("\nProblemLayer: one request through a tower service (request built, called, polled, dropped)\n");
    println!("| request | with the layer | without | ratio |");
    println!("|---|---:|---:|---:|");
    for (index, op) in layer::LAYER_OPERATIONS.iter().enumerate() {
        if !wanted(op.name) {
            continue;
        }
        let spec = format!("layer{index}");
        row(
            op.name,
            count(exe, &spec, "through"),
            count(exe, &spec, "without"),
        );
    }
}

/// One table row: instructions per call on each side and their ratio.
fn row(name: &str, first: Result<u64, String>, second: Result<u64, String>) {
    match (first, second) {
        (Ok(first), Ok(second)) => {
            let per = |total: u64| total as f64 / ITERATIONS as f64;
            println!(
                "| {name} | {:.0} | {:.0} | {:.2}× |",
                per(first),
                per(second),
                first as f64 / second as f64
            );
        }
        (Err(error), _) | (_, Err(error)) => {
            eprintln!("{name}: {error}");
            std::process::exit(1);
        }
    }
}
