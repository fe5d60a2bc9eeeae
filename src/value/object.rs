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
    /// Attributes set on the function (`wrapper.__name__ = f.__name__`, `f.calls = 0`).
    pub attributes: RefCell<IndexMap<Symbol, Value>>,
}

impl fmt::Debug for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<function {}>", self.def.name)
    }
}

pub type BuiltinFn = fn(&mut Interpreter, CallArgs) -> Eval<Value>;

/// Whether a builtin is a function of the prelude, a method of a built-in type, or both
/// (`sum(x, dim=0)` and `x.sum(dim=0)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Function,
    Method,
    Both,
}

/// A function written in Rust: the one declaration of a builtin. Its docstring's first
/// line is its signature (`sum(input, dim=None, keepdim=False, *, dtype=None) -> Tensor`),
/// from which its name, its argument binding, `help()` and the reference all come.
/// Builtins are statics, listed in `builtins.rs`.
pub struct Builtin {
    pub name: &'static str,
    pub call: BuiltinFn,
    pub kind: Kind,
    /// The signature line, a blank line, then what it computes, arguments and an example.
    pub doc: &'static str,
    /// The builtin that takes over when the first argument is a tensor (Python's `sum`
    /// hands `sum(x, dim=0)` to the tensor reduction).
    pub tensor_form: Option<&'static Builtin>,
}

impl Builtin {
    pub const fn function(call: BuiltinFn, doc: &'static str) -> Builtin {
        Builtin::new(Kind::Function, call, doc)
    }

    pub const fn method(call: BuiltinFn, doc: &'static str) -> Builtin {
        Builtin::new(Kind::Method, call, doc)
    }

    pub const fn both(call: BuiltinFn, doc: &'static str) -> Builtin {
        Builtin::new(Kind::Both, call, doc)
    }

    const fn new(kind: Kind, call: BuiltinFn, doc: &'static str) -> Builtin {
        let name = super::signature::declared_name(doc);
        Builtin { name, call, kind, doc, tensor_form: None }
    }

    /// This builtin, handing calls whose first argument is a tensor to `tensor_form`.
    pub const fn for_tensors(self, tensor_form: &'static Builtin) -> Builtin {
        Builtin { tensor_form: Some(tensor_form), ..self }
    }

    /// Whether two references are to the same builtin. Not by address: Rust does not
    /// promise one address for a table reached through two statics (the prelude's copy
    /// of `int` and `type(1)`'s may differ), so a builtin is its name and declaration.
    pub fn same(&self, other: &Builtin) -> bool {
        std::ptr::eq(self, other)
            || (self.name == other.name && self.kind == other.kind && self.doc == other.doc)
    }

    /// `id()` of a builtin, agreeing with `same`.
    pub fn identity(&self) -> usize {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (self.name, self.doc).hash(&mut hasher);
        hasher.finish() as usize
    }

    pub fn signature(&self) -> &'static super::signature::Signature {
        super::signature::Signature::of(self.doc)
    }

    pub fn is_function(&self) -> bool {
        self.kind != Kind::Method
    }

    pub fn is_method(&self) -> bool {
        self.kind != Kind::Function
    }

    /// The docstring after the signature line.
    pub fn description(&self) -> &'static str {
        self.doc.split_once('\n').map_or("", |(_, rest)| rest.trim())
    }
}

/// The entry of `table` named `name`, found at compile time.
pub const fn named(table: &'static [Builtin], name: &str) -> &'static Builtin {
    let mut i = 0;
    while i < table.len() {
        if same(table[i].name, name) {
            return &table[i];
        }
        i += 1;
    }
    panic!("no builtin of that name in the table")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
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
    pub doc: Option<Rc<str>>,
    pub base: Option<Rc<Class>>,
    /// Methods and class attributes.
    pub members: RefCell<IndexMap<Symbol, Value>>,
    /// For a class deriving from one of Python's error classes (`class E(ValueError)`),
    /// that class: what `raise` reports and what `catch ValueError` matches.
    pub error_kind: Option<crate::exception::ErrorKind>,
}

impl Class {
    /// A special method (`__add__`, or `init` for `__init__`) here or in a base class.
    pub fn special(&self, special: super::special::Special) -> Option<Value> {
        let (dunder, short) = special.symbols();
        let members = self.members.borrow();
        let here = members.get(&dunder).or_else(|| short.and_then(|s| members.get(&s)));
        match here {
            Some(found) => Some(found.clone()),
            None => self.base.as_ref().and_then(|b| b.special(special)),
        }
    }

    /// How instances hash, by Python's rule: the nearest class (this one, then its bases)
    /// that defines `__hash__` decides, and one that defines `__eq__` without it makes its
    /// instances unhashable (as does `__hash__ = none`).
    pub fn hash_method(self: &Rc<Class>) -> InstanceHash {
        let (hash, eq) = (Symbol::intern("__hash__"), Symbol::intern("__eq__"));
        let mut class = Some(self.clone());
        while let Some(c) = class {
            let members = c.members.borrow();
            match members.get(&hash) {
                Some(Value::None) => return InstanceHash::Unhashable,
                Some(method) => return InstanceHash::Method(Rc::as_ptr(&c) as usize, method.clone()),
                None if members.contains_key(&eq) => return InstanceHash::Unhashable,
                None => {}
            }
            drop(members);
            class = c.base.clone();
        }
        InstanceHash::Identity
    }

    /// Finds a member here or in a base class.
    /// A member by name, here or in a base; a special method is found by either of its
    /// spellings (`__init__` finds an `init`), the name as written first.
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        if let Some(v) = self.members.borrow().get(&name) {
            return Some(v.clone());
        }
        self.lookup_in_chain(name, super::special::Special::other_spelling(name))
    }

    /// Whether this class or a base defines `name` under that very spelling (the
    /// `with` statement calls `__exit__` with the error, tl's `exit` without).
    pub fn defines(&self, name: Symbol) -> bool {
        self.members.borrow().contains_key(&name) || self.base.as_ref().is_some_and(|b| b.defines(name))
    }

    /// `lookup` once the first class has missed; each class is asked for both
    /// spellings before its base is.
    fn lookup_in_chain(&self, name: Symbol, other: Option<Symbol>) -> Option<Value> {
        {
            let members = self.members.borrow();
            if let Some(v) = members.get(&name).or_else(|| other.and_then(|o| members.get(&o))) {
                return Some(v.clone());
            }
        }
        self.base.as_ref().and_then(|b| b.lookup_in_chain(name, other))
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

/// How a class's instances hash (see `Class::hash_method`).
pub enum InstanceHash {
    Identity,
    Unhashable,
    /// This `__hash__`, defined by the class of this identity.
    Method(usize, Value),
}

/// What `@staticmethod`, `@classmethod` and `@property` make of a function: a class
/// member that binds differently from a plain method.
#[derive(Debug)]
pub enum Descriptor {
    /// Called without a receiver, from the class or an instance.
    StaticMethod(Value),
    /// Called with the class as its first argument.
    ClassMethod(Value),
    /// Read, assigned and deleted as an attribute, through these functions.
    Property { get: Option<Value>, set: Option<Value>, delete: Option<Value>, doc: Option<Rc<str>> },
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
    /// The module's docstring: a string as its first statement.
    pub doc: Option<Rc<str>>,
    /// Whether the prelude's names are attributes too (`torch.zeros is zeros`).
    pub exports_prelude: bool,
    /// Whether the standard library's modules named `{name}.x` are its attributes, loaded
    /// on first use (`torch.utils.data`, `nn.functional`), as a Python package's are.
    pub package: bool,
}

impl Module {
    /// A namespace of builtins (`linalg`, `special`), without a docstring.
    pub fn namespace(name: &str, env: Rc<Env>) -> Rc<Module> {
        Rc::new(Module { name: name.into(), env, doc: None, exports_prelude: false, package: false })
    }
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
    /// Python's class of it: `ValueError`, `TypeError`, ...
    pub kind: crate::exception::ErrorKind,
    pub message: String,
    /// `raise ... from cause`: Python's `__cause__`.
    /// An error value, or an instance of a program's own error class.
    pub cause: Option<Value>,
}
