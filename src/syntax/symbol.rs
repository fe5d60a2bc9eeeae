//! Interned identifiers: names compare and hash as one `u32`.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(u32);

#[derive(Default)]
struct Interner {
    ids: HashMap<&'static str, Symbol>,
    names: Vec<&'static str>,
}

fn interner() -> &'static Mutex<Interner> {
    static INTERNER: OnceLock<Mutex<Interner>> = OnceLock::new();
    INTERNER.get_or_init(Default::default)
}

impl Symbol {
    pub fn intern(name: &str) -> Symbol {
        let mut table = interner().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&sym) = table.ids.get(name) {
            return sym;
        }
        // Names live as long as the process: the set of identifiers a program uses is small.
        let name: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let sym = Symbol(table.names.len() as u32);
        table.names.push(name);
        table.ids.insert(name, sym);
        sym
    }

    pub fn as_str(self) -> &'static str {
        let table = interner().lock().unwrap_or_else(|e| e.into_inner());
        table.names[self.0 as usize]
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
