//! The standard library's `.tl` sources, embedded in the binary by `build.rs` so that
//! `tl` works from any folder. A module is parsed only when a program first uses it.

static MODULES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/stdlib_table.rs"));

/// The source of the standard-library module `name`.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, src)| *src)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|(n, _)| *n)
}
