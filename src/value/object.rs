//! Callables and objects: functions with their closures, builtins, classes, instances,
//! modules.

use super::Value;
use crate::eval::{CallArgs, Env, Eval, Interpreter};
use crate::syntax::ast::FunctionDef;
use crate::syntax::symbol::Symbol;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// An einops form as a value: its pattern, and for `reduce[..., f]` with a function
/// `f` (not a reduction's name), the function value `f` evaluated where the form was.
#[derive(Debug)]
pub struct EinopsFunction {
    pub form: Rc<crate::syntax::ast::EinopsForm>,
    pub reduction: Option<Value>,
}

pub struct Function {
    pub def: Rc<FunctionDef>,
    /// The scope the function was defined in: what it closes over.
    pub env: Rc<Env>,
    /// Default values, evaluated once when the `fn` statement ran (one per parameter).
    pub defaults: Vec<Option<Value>>,
}

impl fmt::Debug for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<function {}>", self.def.name)
    }
}

pub type BuiltinFn = fn(&mut Interpreter, CallArgs) -> Eval<Value>;

/// A function written in Rust. Builtins are statics, listed in `builtins.rs`.
pub struct Builtin {
    pub name: &'static str,
    pub call: BuiltinFn,
}

impl fmt::Debug for Builtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

#[derive(Debug)]
pub struct BoundMethod {
    pub receiver: Value,
    pub method: Value,
}

#[derive(Debug)]
pub struct Class {
    pub name: Symbol,
    pub base: Option<Rc<Class>>,
    /// Methods and class attributes.
    pub members: RefCell<IndexMap<Symbol, Value>>,
}

impl Class {
    /// Finds a member here or in a base class.
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        if let Some(v) = self.members.borrow().get(&name) {
            return Some(v.clone());
        }
        self.base.as_ref().and_then(|b| b.lookup(name))
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass_of(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        let mut class = Some(self.clone());
        while let Some(c) = class {
            if Rc::ptr_eq(&c, other) {
                return true;
            }
            class = c.base.clone();
        }
        false
    }
}

#[derive(Debug)]
pub struct Instance {
    pub class: Rc<Class>,
    pub fields: RefCell<IndexMap<Symbol, Value>>,
}

#[derive(Debug)]
pub struct Module {
    pub name: String,
    pub env: Rc<Env>,
}

/// `super()`: lookups on it search from `start` upwards and bind to `receiver`.
#[derive(Debug)]
pub struct SuperRef {
    pub receiver: Value,
    pub start: Option<Rc<Class>>,
}

/// An error as a value: what `catch e` binds and what `raise` accepts.
#[derive(Debug)]
pub struct ErrorValue {
    /// Python's class name for it: `ValueError`, `TypeError`, ...
    pub kind: String,
    pub message: String,
}
