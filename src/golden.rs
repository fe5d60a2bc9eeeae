//! Golden tests: every `.tl` file beside a `.out` file is run in a fresh interpreter and
//! what it prints (stdout, then the rendered error if it fails) must equal the `.out`.
//! `tl test --bless` rewrites the `.out` files; `cargo test` runs the same cases.

use crate::diag::render;
use crate::eval::Interpreter;
use crate::run::with_big_stack;
use similar::TextDiff;
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Output captured in memory.
#[derive(Clone, Default)]
pub struct Capture(Rc<RefCell<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

/// The `.tl` files under `paths` that have a `.out` beside them (with `bless`, files
/// named directly need none), sorted.
pub fn discover(paths: &[PathBuf], bless: bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else if path.extension().is_some_and(|e| e == "tl")
            && (bless || path.with_extension("out").exists())
        {
            found.push(path.clone());
        }
    }
    found.sort();
    found.dedup();
    found
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found);
        } else if path.extension().is_some_and(|e| e == "tl") && path.with_extension("out").exists() {
            found.push(path);
        }
    }
}

/// Runs one case: its stdout followed by its rendered error, without colour. The file
/// is named by its file name, so the text does not depend on the working directory.
pub fn run_case(path: &Path) -> String {
    let path = path.to_path_buf();
    with_big_stack(move || {
        let capture = Capture::default();
        let mut interp = Interpreter::new(Box::new(capture.clone()));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        interp.set_argv(vec![name.clone()]);
        let result = interp.run_file(&path, &name);
        let mut text = capture.text();
        if let Err(failure) = result {
            text.push_str(&render(&failure, &interp.sources, false));
        }
        text
    })
}

/// The unified diff between the expected and the actual output, if they differ.
pub fn mismatch(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let diff = TextDiff::from_lines(expected, actual);
    Some(diff.unified_diff().context_radius(3).header("expected", "actual").to_string())
}

/// `tl test [--bless] PATH...`: the exit status.
pub fn run_cli(paths: &[PathBuf], bless: bool) -> i32 {
    let cases = discover(paths, bless);
    let (mut passed, mut failed) = (0, 0);
    for case in &cases {
        let actual = run_case(case);
        let out = case.with_extension("out");
        if bless {
            if let Err(e) = std::fs::write(&out, &actual) {
                eprintln!("cannot write {}: {e}", out.display());
                failed += 1;
                continue;
            }
            passed += 1;
            continue;
        }
        let expected = std::fs::read_to_string(&out).unwrap_or_default();
        match mismatch(&expected, &actual) {
            None => passed += 1,
            Some(diff) => {
                failed += 1;
                println!("FAIL {}\n{diff}", case.display());
            }
        }
    }
    let _ = std::io::stdout().flush();
    if bless {
        println!("{passed} blessed, {failed} failed");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    i32::from(failed > 0 || cases.is_empty())
}
