//! Scopes. A function call gets one scope whose parent is the scope the function was
//! defined in; blocks make none (as in Python), so `x = e` binds in the innermost
//! function's scope. A call's scope knows the function's `FunctionScope`: which names
//! are its locals (read before assignment: `UnboundLocalError`) and which its `global`
//! and `nonlocal` statements send elsewhere.

use crate::syntax::ast::FunctionScope;
use crate::syntax::symbol::Symbol;
use crate::value::Value;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

pub struct Env {
    vars: RefCell<FxHashMap<Symbol, Value>>,
    parent: Option<Rc<Env>>,
    /// For a function call's scope, how the function's names resolve.
    scope: Option<Rc<FunctionScope>>,
}

/// What looking a name up found.
pub enum Lookup {
    Found(Value),
    /// A local of the running function that has no value yet.
    Unbound,
    Missing,
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<scope of {} names>", self.vars.borrow().len())
    }
}

impl Env {
    pub fn new(parent: Option<Rc<Env>>) -> Rc<Env> {
        Rc::new(Env { vars: RefCell::new(FxHashMap::default()), parent, scope: None })
    }

    /// The scope of one call of a function whose names resolve as `scope` says.
    pub fn for_call(parent: Rc<Env>, scope: Rc<FunctionScope>) -> Rc<Env> {
        Rc::new(Env { vars: RefCell::new(FxHashMap::default()), parent: Some(parent), scope: Some(scope) })
    }

    /// Looks a name up here and in the enclosing scopes.
    pub fn get(&self, name: Symbol) -> Option<Value> {
        match self.resolve(name) {
            Lookup::Found(v) => Some(v),
            Lookup::Unbound | Lookup::Missing => None,
        }
    }

    /// Looks a name up as Python does: a function's local stops the search even while
    /// it has no value, and a `global` name is looked up in the module.
    pub fn resolve(&self, name: Symbol) -> Lookup {
        let mut env = self;
        loop {
            if let Some(v) = env.vars.borrow().get(&name) {
                return Lookup::Found(v.clone());
            }
            if let Some(scope) = &env.scope {
                if scope.locals.contains(&name) {
                    return Lookup::Unbound;
                }
                if !scope.globals.is_empty() && scope.globals.contains(&name) {
                    return env.module().resolve(name);
                }
            }
            match env.parent.as_deref() {
                Some(parent) => env = parent,
                None => return Lookup::Missing,
            }
        }
    }

    /// The module's scope this one is inside: the one just below the prelude.
    fn module(&self) -> &Env {
        let mut env = self;
        while let Some(parent) = env.parent.as_deref() {
            if parent.parent.is_none() {
                return env;
            }
            env = parent;
        }
        env
    }

    /// Where an assignment to `name` from here binds: this scope, unless the function
    /// declared the name `global` (the module's) or `nonlocal` (the nearest enclosing
    /// function's that has it).
    fn binding_scope(&self, name: Symbol) -> &Env {
        let Some(scope) = self.scope.as_ref().filter(|s| s.redirects()) else { return self };
        if scope.globals.contains(&name) {
            return self.module();
        }
        if scope.nonlocals.contains(&name) {
            let mut env = self.parent.as_deref();
            while let Some(e) = env {
                let binds = e.scope.as_ref().is_some_and(|s| s.locals.contains(&name));
                if binds || e.vars.borrow().contains_key(&name) {
                    return e.binding_scope(name);
                }
                env = e.parent.as_deref();
            }
        }
        self
    }

    /// `name = value` run in this scope.
    #[inline]
    pub fn assign(&self, name: Symbol, value: Value) {
        if self.scope.as_ref().is_some_and(|s| s.redirects()) {
            self.binding_scope(name).set(name, value);
        } else {
            self.set(name, value);
        }
    }

    /// `del name` run in this scope; false if the name had no value there.
    pub fn delete(&self, name: Symbol) -> bool {
        self.binding_scope(name).vars.borrow_mut().remove(&name).is_some()
    }

    pub fn get_local(&self, name: Symbol) -> Option<Value> {
        self.vars.borrow().get(&name).cloned()
    }

    #[inline]
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
