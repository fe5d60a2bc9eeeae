//! The registry of builtins as a whole: `tl doc --check` walks every declaration and
//! docstring (signature, description, `Returns:`, an example that runs and gives what
//! it says, an unknown keyword refused as a TypeError naming it, PyTorch's aliases
//! binding), and `docs/reference.md` is what `tl doc` writes now.

use std::process::Command;

fn tl(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tl"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("tl runs")
}

#[test]
fn every_declaration_and_docstring_keeps_the_rules() {
    let out = tl(&["doc", "--check"]);
    let problems = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && problems.trim().is_empty(), "tl doc --check found:\n{problems}");
}

#[test]
fn the_reference_is_up_to_date() {
    let out = tl(&["doc"]);
    assert!(out.status.success());
    let generated = String::from_utf8_lossy(&out.stdout);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/reference.md");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        generated == checked_in,
        "docs/reference.md is stale: run `target/debug/tl doc > docs/reference.md` and commit it"
    );
}
