//! Wall-clock time per operation, derived vs hand-written, for readers who want seconds:
//!
//!     cargo bench -p http-status-frameworks --bench wallclock
//!
//! Seconds vary with the machine and its load; `cargo bench -p http-status-frameworks --bench callgrind` gives the
//! repeatable instruction counts the README reports.

#[path = "fixtures/types.rs"]
mod types;

use divan::Bencher;
use types::OPERATIONS;

fn main() {
    divan::main();
}

fn names() -> impl Iterator<Item = &'static str> {
    OPERATIONS.iter().map(|op| op.name)
}

fn operation(name: &str) -> &'static types::Operation {
    OPERATIONS
        .iter()
        .find(|op| op.name == name)
        .expect("a listed operation")
}

#[divan::bench(args = names())]
fn derived(bencher: Bencher, name: &str) {
    let op = operation(name);
    let value = (op.derived_value)();
    bencher.bench_local(|| (op.derived)(divan::black_box(&value)));
}

#[divan::bench(args = names())]
fn hand_written(bencher: Bencher, name: &str) {
    let op = operation(name);
    let value = (op.hand_value)();
    bencher.bench_local(|| (op.hand)(divan::black_box(&value)));
}
