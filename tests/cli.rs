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

/// A folder of its own for one test, removed when it ends.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("tl-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_byte_order_mark_is_skipped_in_scripts_imports_and_tests() {
    let dir = TempDir::new("bom");
    dir.write("lib.tl", b"\xef\xbb\xbfanswer = 42\n");
    let script = dir.write("main.tl", b"\xef\xbb\xbfimport \"lib.tl\" as lib\nprint(lib.answer)\n");
    let out = tl(&[&script]);
    assert_eq!((stdout(&out).as_str(), out.status.code()), ("42\n", Some(0)), "{}", stderr(&out));
    dir.write("main.out", b"42\n");
    let out = tl(&["test", &script]);
    assert!(stdout(&out).ends_with("1 passed, 0 failed\n"), "{}", stdout(&out));
}

#[test]
fn a_source_file_that_is_not_utf8_is_an_error_with_its_offset_and_line() {
    let dir = TempDir::new("latin1");
    let script = dir.write("caf\u{e9}.tl", b"x = 1\nprint(\"caf\xe9\")\n");
    let out = tl(&[&script]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("not valid UTF-8: byte 0xe9 at offset 16 (line 2)"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let importer = dir.write("main.tl", "import \"caf\u{e9}.tl\" as c\n".as_bytes());
    let err = stderr(&tl(&[&importer]));
    assert!(err.contains("ImportError") && err.contains("offset 16 (line 2)"), "{err}");
    dir.write("caf\u{e9}.out", b"");
    let out = tl(&["test", &script]);
    assert!(stdout(&out).contains("not valid UTF-8"), "{}", stdout(&out));
}

#[test]
fn reading_a_file_without_end_stops_at_the_size_limit() {
    let limited = |code: &str| {
        Command::new(env!("CARGO_BIN_EXE_tl"))
            .args(["-e", code])
            .env("NO_COLOR", "1")
            .env("TL_MAX_TENSOR_BYTES", "1M")
            .output()
            .expect("run tl")
    };
    for code in ["load(\"/dev/zero\")", "load_csv(\"/dev/zero\")", "import \"/dev/zero\" as z"] {
        let out = limited(code);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{code}: {err}");
        assert!(err.contains("larger than tl's limit") && err.contains("1048576 bytes"), "{code}: {err}");
    }
    let out = limited("try { load(\"/dev/zero\") } catch e { print(type(e).__name__) }");
    assert_eq!(stdout(&out), "MemoryError\n");
}

#[test]
fn legend_without_labels_warns_as_matplotlib_does() {
    let dir = TempDir::new("legend");
    let png = dir.0.join("f.png");
    let code =
        format!("plt.plot([1, 2]); plt.legend(); plt.savefig({:?}); print(\"saved\")", png.to_str().unwrap());
    let out = tl(&["-e", &code]);
    assert_eq!(stdout(&out), "saved\n", "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "UserWarning: No artists with labels found to put in legend.  Note that artists whose label \
         start with an underscore are ignored when legend() is called with no argument.\n"
    );
    assert!(png.exists());
}
