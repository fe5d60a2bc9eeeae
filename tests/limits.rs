//! Results too large for memory are errors under a small address space too: the golden
//! script of issue 18's "bombs" (tests/golden/errors/size_limits.tl) run by the `tl`
//! binary with a 4 GiB address-space limit (`prlimit --as=4GiB`) prints what it prints
//! unlimited, where an allocation past the limit would abort the process.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

#[test]
fn every_bomb_is_a_clean_error_in_four_gib_of_address_space() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("tests/golden/errors/size_limits.tl");
    let expected = std::fs::read_to_string(script.with_extension("out")).expect("read the golden output");
    let mut command = Command::new(env!("CARGO_BIN_EXE_tl"));
    command.arg(&script).env("NO_COLOR", "1").env_remove("TL_MAX_TENSOR_BYTES");
    // SAFETY: setrlimit is async-signal-safe and touches only the child's limits.
    unsafe {
        command.pre_exec(|| {
            let four_gib = 4 << 30;
            let limit = libc::rlimit { rlim_cur: four_gib, rlim_max: four_gib };
            match libc::setrlimit(libc::RLIMIT_AS, &limit) {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error()),
            }
        });
    }
    let out = command.output().expect("run tl");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "tl failed under the limit ({:?}): {stderr}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{stderr}");
}
