//! Instructions per operation, derived vs hand-written, counted by callgrind in one run:
//!
//!     cargo bench --bench callgrind
//!
//! The binary re-runs itself under `valgrind --tool=callgrind` once per operation and side,
//! counting only inside `measured` (the loop, the call, the operation and dropping its
//! result), and prints the table. Instruction counts do not depend on the machine's load.

#[path = "fixtures/types.rs"]
mod types;

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

/// Runs one side of one operation: `HTTP_STATUS_CALLGRIND_CHILD=<index>:<derived|hand>`.
fn child(spec: &str) {
    let (index, side) = spec.split_once(':').expect("index:side");
    let op = &OPERATIONS[index.parse::<usize>().expect("index")];
    let sum = if side == "derived" {
        measured(op.derived, &(op.derived_value)())
    } else {
        measured(op.hand, &(op.hand_value)())
    };
    black_box(sum);
}

/// Instructions counted inside `measured` for one side of one operation.
fn count(exe: &str, index: usize, side: &str) -> Result<u64, String> {
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
    if let Err(difference) = types::same_bytes() {
        eprintln!("the two sides must write the same bytes: {difference}");
        std::process::exit(1);
    }
    // `cargo bench` passes `--bench`; nothing else is expected.
    let exe = std::env::current_exe().expect("own path");
    let exe = exe.to_str().expect("UTF-8 path");
    println!("instructions per call (callgrind, {ITERATIONS} calls each; loop, call and drop included)\n");
    println!("| operation | derived | hand-written | ratio |");
    println!("|---|---:|---:|---:|");
    for (index, op) in OPERATIONS.iter().enumerate() {
        match (count(exe, index, "derived"), count(exe, index, "hand")) {
            (Ok(derived), Ok(hand)) => {
                let per = |total: u64| total as f64 / ITERATIONS as f64;
                println!(
                    "| {} | {:.0} | {:.0} | {:.2}× |",
                    op.name,
                    per(derived),
                    per(hand),
                    derived as f64 / hand as f64
                );
            }
            (Err(error), _) | (_, Err(error)) => {
                eprintln!("{}: {error}", op.name);
                std::process::exit(1);
            }
        }
    }
}
