//! The compile errors and warnings users see: `tests/ui/*.rs` must fail with exactly the
//! `.stderr` beside them (warnings are denied there to be seen); `tests/ui-pass/*.rs` must
//! compile, warnings denied. Regenerate with `TRYBUILD=overwrite`, then read every `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui-pass/*.rs");
}
