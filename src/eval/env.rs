//! Scopes. A function call gets one scope whose parent is the scope the function was
//! defined in; blocks make none (as in Python), so `x = e` binds in the innermost
//! function's scope.

use crate::syntax::symbol::Symbol;
use crate::value::Value;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

pub struct Env {
    vars: RefCell<FxHashMap<Symbol, Value>>,
    parent: Option<Rc<Env>>,
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<scope of {} names>", self.vars.borrow().len())
    }
}

impl Env {
    pub fn new(parent: Option<Rc<Env>>) -> Rc<Env> {
        Rc::new(Env { vars: RefCell::new(FxHashMap::default()), parent })
    }

    /// Looks a name up here and in the enclosing scopes.
    pub fn get(&self, name: Symbol) -> Option<Value> {
        let mut env = self;
        loop {
            if let Some(v) = env.vars.borrow().get(&name) {
                return Some(v.clone());
            }
            env = env.parent.as_deref()?;
        }
    }

    pub fn get_local(&self, name: Symbol) -> Option<Value> {
        self.vars.borrow().get(&name).cloned()
    }

    pub fn set(&self, name: Symbol, value: Value) {
        self.vars.borrow_mut().insert(name, value);
    }

    /// Every name visible from here (completion and "did you mean").
    pub fn visible_names(&self) -> Vec<Symbol> {
        let mut names: Vec<Symbol> = self.vars.borrow().keys().copied().collect();
        if let Some(parent) = &self.parent {
            names.extend(parent.visible_names());
        }
        names
    }

    /// The names defined in this scope itself, in no particular order.
    pub fn local_names(&self) -> Vec<Symbol> {
        self.vars.borrow().keys().copied().collect()
    }
}
