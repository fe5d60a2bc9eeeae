//! The generated PTX: snapshots of representative kernels (so a change to the generator
//! is seen in review), and, where `ptxas` is at hand (`.ci/ptxas` fetches NVIDIA's from
//! PyPI), every generated kernel assembled for the H100 (sm_90), which checks its
//! syntax, types and register use without a GPU.

use std::path::{Path, PathBuf};
use std::process::Command;
use tl::kernels::cuda::catalogue;

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ptx")
}

#[test]
fn kernels_match_their_snapshots() {
    let bless = std::env::var_os("TL_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, text) in catalogue::snapshots() {
        let path = snapshot_dir().join(format!("{name}.ptx"));
        if bless {
            std::fs::write(&path, &text).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(old) if old == text => {}
            _ => stale.push(name),
        }
    }
    assert!(stale.is_empty(), "generated PTX differs from tests/ptx for {stale:?} (TL_BLESS=1 to update)");
}

#[test]
fn every_kernel_assembles_for_sm_90() {
    let Some(ptxas) = std::env::var_os("PTXAS") else {
        eprintln!("PTXAS not set: skipping the ptxas check (.ci/ptxas fetches it)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("tl-ptx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut failed = Vec::new();
    for (name, text) in catalogue::all() {
        let path = dir.join(format!("{name}.ptx"));
        std::fs::write(&path, &text).expect("write ptx");
        let out = Command::new(&ptxas)
            .args(["--gpu-name", "sm_90", "-o"])
            .arg(dir.join(format!("{name}.cubin")))
            .arg(&path)
            .output()
            .expect("run ptxas");
        if !out.status.success() {
            failed.push(format!("{name}: {}", String::from_utf8_lossy(&out.stderr)));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failed.is_empty(), "ptxas refused:\n{}", failed.join("\n"));
}
