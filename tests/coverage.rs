//! Keeps `docs/torch_coverage.md` true: `tests/coverage/coverage.tl --check` fails when
//! the page lists a name tl now has, or misses one it lacks (the list of PyTorch's names,
//! `tests/coverage/torch_api.txt`, is made by the oracle and committed).

use std::process::Command;

#[test]
fn the_coverage_page_lists_exactly_the_missing_names() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_tl"))
        .arg(format!("{root}/tests/coverage/coverage.tl"))
        .arg("--check")
        .arg(format!("{root}/docs/torch_coverage.md"))
        .output()
        .expect("tl runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "docs/torch_coverage.md is stale:\n{stdout}\n{stderr}");
}
