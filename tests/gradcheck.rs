//! Runs `tests/gradcheck/ops.tl`: every differentiable op's gradient against central
//! finite differences in float64 (and second derivatives for the elementwise ops and
//! matmul). The script asserts each check; a failing one exits non-zero with the op's
//! name in the diagnostic.

use std::process::Command;

#[test]
fn every_differentiable_op_matches_finite_differences() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gradcheck/ops.tl");
    let output = Command::new(env!("CARGO_BIN_EXE_tl")).arg(script).output().expect("tl runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "gradient check failed:\n{stdout}\n{stderr}");
    let checked = stdout.lines().filter(|l| l.ends_with(": ok")).count();
    assert!(checked >= 100, "only {checked} ops checked:\n{stdout}");
}
