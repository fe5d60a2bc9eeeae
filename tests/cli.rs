//! The `tl` command line as a user runs it: `-e`, scripts, exit statuses, `tl test`.

use std::path::Path;
use std::process::{Command, Output};

fn tl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tl")).args(args).env("NO_COLOR", "1").output().expect("run tl")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn eval_prints_python_style_values() {
    let out = tl(&["-e", "print(1 + 2)"]);
    assert_eq!(stdout(&out), "3\n");
    assert!(out.status.success());
    let out = tl(&["-e", "x = [1, 2.5, \"a\"]; print(x, (1,), {\"k\": 0.1})"]);
    assert_eq!(stdout(&out), "[1, 2.5, 'a'] (1,) {'k': 0.1}\n");
}

#[test]
fn errors_go_to_stderr_with_status_one() {
    let out = tl(&["-e", "print(\"before\")\nprint(1 / 0)"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "before\n");
    let err = stderr(&out);
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(err.contains("print(1 / 0)"), "the diagnostic shows the source line: {err}");
    let out = tl(&["-e", "x = (1,"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("SyntaxError"));
}

#[test]
fn scripts_receive_their_arguments() {
    let dir = std::env::temp_dir().join(format!("tl-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("args.tl");
    std::fs::write(&script, "print(argv[1:])\n").unwrap();
    let out = tl(&[script.to_str().unwrap(), "a", "--flag"]);
    assert_eq!(stdout(&out), "['a', '--flag']\n");
    let missing = tl(&[dir.join("missing.tl").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn golden_runner_reports_diffs_and_fails() {
    let dir = std::env::temp_dir().join(format!("tl-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("good.tl"), "print(2 * 21)\n").unwrap();
    std::fs::write(dir.join("good.out"), "42\n").unwrap();
    std::fs::write(dir.join("bad.tl"), "print(1)\n").unwrap();
    std::fs::write(dir.join("bad.out"), "2\n").unwrap();
    let out = tl(&["test", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(text.contains("-2\n+1"), "a unified diff: {text}");
    assert!(text.ends_with("1 passed, 1 failed\n"), "{text}");
    assert_eq!(out.status.code(), Some(1));
    let blessed = tl(&["test", "--bless", dir.to_str().unwrap()]);
    assert!(blessed.status.success());
    assert_eq!(std::fs::read_to_string(dir.join("bad.out")).unwrap(), "1\n");
    let out = tl(&["test", dir.to_str().unwrap()]);
    assert!(stdout(&out).ends_with("2 passed, 0 failed\n"));
    assert!(out.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn version_and_help() {
    assert!(stdout(&tl(&["--version"])).starts_with("tl "));
    let help = stdout(&tl(&["--help"]));
    assert!(help.contains("test") && help.contains("--eval"), "{help}");
    assert!(Path::new(env!("CARGO_BIN_EXE_tl")).exists());
}
