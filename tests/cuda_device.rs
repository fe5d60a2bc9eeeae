//! On a machine with an NVIDIA GPU and tl built with `--features cuda`: every device op
//! against the CPU path (tests/cuda/compare.tl). Elsewhere it checks only that the
//! script's absence of a GPU is reported, not failed.
#![cfg(feature = "cuda")]

use std::process::Command;

#[test]
fn device_ops_match_the_cpu_path() {
    if let Some(reason) = tl::tensor::device::cuda_unavailable() {
        eprintln!("no GPU here ({reason}): the device comparison did not run");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_tl"))
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cuda/compare.tl"))
        .output()
        .expect("run tl");
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(" 0 failures"), "device results differ from the CPU path");
}
