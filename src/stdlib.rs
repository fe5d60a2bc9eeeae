//! The standard library's `.tl` sources, embedded in the binary by `build.rs` so that
//! `tl` works from any folder. A module is parsed only when a program first uses it.

static MODULES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/stdlib_table.rs"));

/// The source of the standard-library module `name`.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, src)| *src)
}

/// The top-level modules, which a program may use by name alone (`dist.Normal`).
pub fn names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|(n, _)| *n).filter(|n| !n.contains('.'))
}

/// Every module, nested ones by their dotted names (`nn.functional`), for `tl doc`.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|(n, _)| *n)
}

/// Whether `name` is a folder of modules (`torch.utils`): a package with no source of
/// its own, whose modules are its attributes.
pub fn is_package(name: &str) -> bool {
    MODULES.iter().any(|(n, _)| n.strip_prefix(name).is_some_and(|rest| rest.starts_with('.')))
}

/// The names `x` of the modules `{package}.x` directly inside a package.
pub fn children(package: &str) -> impl Iterator<Item = &'static str> + '_ {
    MODULES.iter().filter_map(move |(n, _)| {
        let rest = n.strip_prefix(package)?.strip_prefix('.')?;
        Some(rest.split('.').next().unwrap_or(rest))
    })
}
