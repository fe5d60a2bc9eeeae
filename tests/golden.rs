//! Runs every golden test (`examples/*.tl`, `tests/golden/**/*.tl`, each beside its
//! `.out`) as its own test case, with the same code as `tl test`.
//! To regenerate after an intended change: `cargo run -- test --bless examples tests/golden`,
//! then check the diff against the reference (PyTorch, Python) before committing.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;
use tl::golden::{discover, mismatch, run_case};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = discover(&[root.join("examples"), root.join("tests/golden")], false);
    assert!(!cases.is_empty(), "no golden tests found under examples/ and tests/golden/");
    let trials = cases
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            Trial::test(name, move || {
                let expected = std::fs::read_to_string(path.with_extension("out"))?;
                match mismatch(&expected, &run_case(&path)) {
                    None => Ok(()),
                    Some(diff) => Err(Failed::from(diff)),
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
