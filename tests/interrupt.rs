//! Ctrl-C: a script stopped by SIGINT reports `KeyboardInterrupt` where it was, with the
//! call stack, and exits 130; long kernels notice it too. (The REPL's side is in
//! tests/repl.rs.)

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `code`, sends SIGINT after `after`, and returns the exit status, stderr and how
/// long the process took to end after the signal.
fn interrupted(code: &str, after: Duration) -> (Option<i32>, String, Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tl"))
        .args(["-e", code])
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tl");
    std::thread::sleep(after);
    // SAFETY: kill only sends a signal to the child we started.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let sent = Instant::now();
    let status = child.wait().expect("wait for tl");
    let took = sent.elapsed();
    let mut err = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("read stderr");
    (status.code(), err, took)
}

#[test]
fn a_script_stopped_by_ctrl_c_exits_130_with_the_diagnostic_and_stack() {
    let code = "fn spin(n) {\n    while true { n += 1 }\n}\nfn outer() {\n    return spin(0)\n}\nouter()";
    let (status, err, _) = interrupted(code, Duration::from_millis(700));
    assert_eq!(status, Some(130), "{err}");
    assert!(err.contains("KeyboardInterrupt"), "{err}");
    assert!(err.contains("while true { n += 1 }"), "points at the running statement: {err}");
    assert!(err.contains("in outer: return spin(0)"), "shows the call stack: {err}");
}

#[test]
fn a_big_matmul_stops_within_a_fraction_of_a_second() {
    let code = "a = ones(4000, 4000, dtype=float64)\nwhile true { b = a @ a }";
    let (status, err, took) = interrupted(code, Duration::from_millis(1500));
    assert_eq!(status, Some(130), "{err}");
    assert!(err.contains("a @ a"), "{err}");
    // A bound on responsiveness, loose enough for a loaded machine (here it stopped in under 0.9 s).
    assert!(took < Duration::from_secs(2), "took {took:?} to stop");
}

#[test]
fn catch_does_not_swallow_ctrl_c() {
    let code = "while true { try { x = 1 } catch e { print(e) } }";
    let (status, err, _) = interrupted(code, Duration::from_millis(500));
    assert_eq!(status, Some(130), "{err}");
}
