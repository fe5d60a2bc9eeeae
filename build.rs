//! Generates the parser from `grammar/tl.lalrpop` and the table of standard-library
//! sources embedded in the binary.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .emit_rerun_directives(true)
        .process()
        .expect("the grammar in grammar/ must build");
    embed_stdlib();
}

/// Writes `stdlib_table.rs`: `(module name, source)` for every `.tl` file under
/// `stdlib/`, a nested one named by its dotted path (`stdlib/nn/functional.tl` is
/// `nn.functional`).
fn embed_stdlib() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("stdlib");
    let mut entries = Vec::new();
    collect_sources(&dir, &mut entries);
    entries.sort();
    let mut table = String::from("&[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&dir).expect("under stdlib/").with_extension("");
        let parts: Vec<&str> =
            relative.components().map(|c| c.as_os_str().to_str().expect("utf-8 file name")).collect();
        let name = parts.join(".");
        writeln!(table, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    table.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("stdlib_table.rs");
    std::fs::write(out, table).expect("write stdlib table");
}

/// The `.tl` files under `dir`, in every folder below it.
fn collect_sources(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for path in std::fs::read_dir(dir).expect("stdlib/ must exist").filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            collect_sources(&path, into);
        } else if path.extension().is_some_and(|x| x == "tl") {
            into.push(path);
        }
    }
}
