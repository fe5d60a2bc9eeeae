//! The values a tl program computes with. Containers share their contents through `Rc`
//! as Python objects do: `b = a` makes `b` the same list as `a`.

pub mod dict;
pub mod format;
pub mod hash;
pub mod native;
pub mod number;
pub mod object;
pub mod repr;
pub mod set;
pub mod signature;
pub mod special;

use crate::storage::dtype::DType;
use crate::tensor::Tensor;
pub use dict::{Dict, HashKey};
pub use object::{
    BoundMethod, Builtin, Class, Descriptor, EinopsFunction, ErrorValue, Function, Instance, Module, SuperRef,
};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    /// A `set` or `frozenset`.
    Set(Rc<RefCell<set::Set>>),
    /// `d.keys()`, `d.values()`, `d.items()`.
    DictView(Rc<dict::DictView>),
    Range(Range),
    /// A `fn` or a lambda, with the scope it closes over.
    Function(Rc<Function>),
    Builtin(&'static Builtin),
    /// `obj.method`: a function or builtin with its receiver.
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// What `super()` returns: attribute lookups start above the defining class.
    Super(Rc<SuperRef>),
    /// A `staticmethod`, `classmethod` or `property`.
    Descriptor(Rc<Descriptor>),
    /// An iterator: a generator, or what `iter`, `zip`, `map`, ... return. Advancing it
    /// through any alias advances it for all, as in Python.
    Iterator(Rc<RefCell<crate::eval::ValueIter>>),
    /// A caught error (`catch e`) or one made to be raised (`ValueError("...")`).
    Error(Rc<ErrorValue>),
    /// `rearrange[...]` and the other einops forms used as values.
    Einops(Rc<EinopsFunction>),
    Tensor(Tensor),
    /// `x.shape`: a tuple of ints that prints as PyTorch's `torch.Size([2, 3])`.
    Size(Rc<[usize]>),
    /// A tuple with named fields, such as what `x.max(dim)` returns.
    NamedTuple(Rc<NamedTuple>),
    /// `float32`, `int64`, ...: dtypes are values.
    DType(DType),
    /// `cpu`, `cuda`, `device("cuda:0")`: devices are values.
    Device(crate::tensor::device::Device),
    /// A node of the autograd graph (`y.grad_fn`, `next_functions`): an operation's
    /// backward, or a leaf's `AccumulateGrad`.
    GradFn(crate::autograd::Edge),
}

/// PyTorch's `torch.return_types.*`: a tuple whose items are also attributes.
#[derive(Debug)]
pub struct NamedTuple {
    /// The printed type name (`torch.return_types.max`).
    pub type_name: &'static str,
    pub fields: &'static [&'static str],
    pub items: Vec<Value>,
}

/// `range(start, stop, step)`: lazy, as in Python.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> usize {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 { (stop - start + step - 1) / step } else { (start - stop - step - 1) / -step };
        n.max(0) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> i64 {
        self.start.wrapping_add(self.step.wrapping_mul(i as i64))
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    /// Whether calling the value can work (Python's `callable`).
    pub fn is_callable(&self) -> bool {
        match self {
            Value::Function(_)
            | Value::Builtin(_)
            | Value::BoundMethod(_)
            | Value::Class(_)
            | Value::Einops(_) => true,
            Value::Instance(inst) => inst.class.special(special::Special::Call).is_some(),
            _ => false,
        }
    }

    pub fn set(items: set::Set) -> Value {
        Value::Set(Rc::new(RefCell::new(items)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    /// A `torch.Size` or a named tuple as the plain tuple it stands for; other values
    /// as they are.
    pub fn as_plain_tuple(&self) -> Value {
        match self {
            Value::Size(dims) => Value::tuple(dims.iter().map(|&d| Value::Int(d as i64)).collect()),
            Value::NamedTuple(n) => Value::tuple(n.items.clone()),
            other => other.clone(),
        }
    }

    /// Whether this is a tuple in disguise (`Size`, a named tuple).
    pub fn is_tuple_like(&self) -> bool {
        matches!(self, Value::Size(_) | Value::NamedTuple(_))
    }

    /// The name `type(x)` reports, as Python names it where Python has the type.
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(s) => if s.borrow().frozen { "frozenset" } else { "set" }.into(),
            Value::DictView(v) => v.type_name().into(),
            Value::Range(_) => "range".into(),
            Value::Function(_) => "function".into(),
            Value::Builtin(_) => "builtin_function".into(),
            Value::BoundMethod(_) => "method".into(),
            Value::Class(_) => "class".into(),
            Value::Instance(inst) => inst.class.name.to_string(),
            Value::Module(_) => "module".into(),
            Value::Super(_) => "super".into(),
            Value::Iterator(it) => match it.try_borrow() {
                Ok(it) => it.type_name().into(),
                Err(_) => "generator".into(),
            },
            Value::Descriptor(d) => match **d {
                Descriptor::StaticMethod(_) => "staticmethod".into(),
                Descriptor::ClassMethod(_) => "classmethod".into(),
                Descriptor::Property { .. } => "property".into(),
            },
            Value::Error(err) => err.kind.to_string(),
            Value::Einops(_) => "einops".into(),
            Value::Tensor(_) => "Tensor".into(),
            Value::Size(_) => "Size".into(),
            Value::NamedTuple(n) => n.type_name.rsplit('.').next().unwrap_or("tuple").into(),
            Value::DType(_) => "dtype".into(),
            Value::Device(_) => "device".into(),
            Value::GradFn(edge) => edge.name().into(),
        }
    }

    /// Python's truth value; instances are true.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(x) => *x != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(items) => !items.borrow().is_empty(),
            Value::Tuple(items) => !items.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::DictView(v) => !v.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Size(s) => !s.is_empty(),
            Value::NamedTuple(_) => true,
            _ => true,
        }
    }

    /// The value as an integer index, if it is an int or a bool.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    /// The value as a float, if it is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Float(x) => Some(*x),
            _ => None,
        }
    }

    /// The address that identifies a shared object (`id(x)`, identity hashing, cycle
    /// detection when printing); 0 for plain scalars.
    pub fn identity(&self) -> usize {
        fn addr<T: ?Sized>(rc: &Rc<T>) -> usize {
            Rc::as_ptr(rc) as *const u8 as usize
        }
        match self {
            Value::Str(s) => addr(s),
            Value::List(l) => addr(l),
            Value::Tuple(t) => addr(t),
            Value::Dict(d) => addr(d),
            Value::Set(s) => addr(s),
            Value::DictView(v) => addr(v),
            Value::Function(f) => addr(f),
            Value::Builtin(b) => b.identity(),
            Value::BoundMethod(m) => addr(m),
            Value::Class(c) => addr(c),
            Value::Instance(i) => addr(i),
            Value::Module(m) => addr(m),
            Value::Super(s) => addr(s),
            Value::Descriptor(d) => addr(d),
            Value::Iterator(it) => addr(it),
            Value::Error(e) => addr(e),
            Value::Einops(e) => addr(e),
            Value::Tensor(t) => t.identity(),
            Value::Size(s) => addr(s),
            Value::NamedTuple(n) => addr(n),
            Value::GradFn(edge) => edge.address(),
            Value::None
            | Value::DType(_)
            | Value::Device(_)
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Range(_) => 0,
        }
    }

    /// `a is b`: the same object for containers and callables, the same value for
    /// immutable scalars.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a == b,
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => Rc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::DictView(a), Value::DictView(b)) => Rc::ptr_eq(a, b),
            (Value::Iterator(a), Value::Iterator(b)) => Rc::ptr_eq(a, b),
            (Value::Descriptor(a), Value::Descriptor(b)) => Rc::ptr_eq(a, b),
            (Value::Super(a), Value::Super(b)) => Rc::ptr_eq(a, b),
            (Value::Range(a), Value::Range(b)) => a == b,
            (Value::Function(a), Value::Function(b)) => Rc::ptr_eq(a, b),
            (Value::Builtin(a), Value::Builtin(b)) => a.same(b),
            (Value::BoundMethod(a), Value::BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => Rc::ptr_eq(a, b),
            (Value::Instance(a), Value::Instance(b)) => Rc::ptr_eq(a, b),
            (Value::Module(a), Value::Module(b)) => Rc::ptr_eq(a, b),
            (Value::Error(a), Value::Error(b)) => Rc::ptr_eq(a, b),
            (Value::Einops(a), Value::Einops(b)) => Rc::ptr_eq(a, b),
            (Value::Tensor(a), Value::Tensor(b)) => a.same(b),
            (Value::Size(a), Value::Size(b)) => a == b,
            (Value::NamedTuple(a), Value::NamedTuple(b)) => Rc::ptr_eq(a, b),
            (Value::DType(a), Value::DType(b)) => a == b,
            (Value::Device(a), Value::Device(b)) => a == b,
            _ => false,
        }
    }
}

/// Containers nested deeper than this (or into themselves) are too deep to compare: as
/// in CPython, whose recursion limit of 1000 frames, less those a program's top level
/// stands on, lets two lists nested 998 deep compare and not 999.
const MAX_COMPARE_DEPTH: usize = 998;

/// Containers too deeply nested, or cyclic, to compare: Python's `RecursionError`.
#[derive(Debug, PartialEq)]
pub struct TooDeep;

/// `a == b` as Python decides it for these types: numbers compare by value across
/// int/float/bool, containers element by element (an element identical to its
/// counterpart is equal without a look inside), everything else by identity.
pub fn values_equal(a: &Value, b: &Value) -> Result<bool, TooDeep> {
    equal_at_depth(a, b, 0, &mut |_, _| Ok(None))
}

/// How `==` decides a pair where one side is a class instance: `Some` when its `__eq__`
/// answered, `None` to fall back to identity. Only the interpreter can call `__eq__`.
pub type InstanceEq<'a, E> = dyn FnMut(&Value, &Value) -> Result<Option<bool>, E> + 'a;

/// `values_equal` for values `depth` containers down, asking `instance_eq` of each pair
/// with a class instance on either side.
pub fn equal_at_depth<E: From<TooDeep>>(
    a: &Value,
    b: &Value,
    depth: usize,
    instance_eq: &mut InstanceEq<E>,
) -> Result<bool, E> {
    if depth > MAX_COMPARE_DEPTH {
        return Err(TooDeep.into());
    }
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        if let Some(answer) = instance_eq(a, b)? {
            return Ok(answer);
        }
        return Ok(a.is(b));
    }
    if a.is_tuple_like() || b.is_tuple_like() {
        return equal_at_depth(&a.as_plain_tuple(), &b.as_plain_tuple(), depth, instance_eq);
    }
    Ok(match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            Rc::ptr_eq(x, y) || sequences_equal(&x.borrow(), &y.borrow(), depth, instance_eq)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => sequences_equal(x, y, depth, instance_eq)?,
        (Value::Dict(x), Value::Dict(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (key, _, v) in x.entries() {
                match y.get(key) {
                    Some(w) if v.is(w) || equal_at_depth(v, w, depth + 1, instance_eq)? => {}
                    _ => return Ok(false),
                }
            }
            true
        }
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.is_subset(&y)
        }
        // Keys and items views equal sets (and each other) of the same items.
        (Value::DictView(x), Value::Set(y)) | (Value::Set(y), Value::DictView(x)) => {
            let y = y.borrow();
            x.as_set().is_some_and(|x| x.len() == y.len() && x.is_subset(&y))
        }
        (Value::DictView(x), Value::DictView(y)) => match (x.as_set(), y.as_set()) {
            (Some(x), Some(y)) => x.len() == y.len() && x.is_subset(&y),
            _ => Rc::ptr_eq(x, y),
        },
        (Value::BoundMethod(x), Value::BoundMethod(y)) => {
            x.receiver.is(&y.receiver) && x.method.is(&y.method)
        }
        _ => match (number::as_number(a), number::as_number(b)) {
            (Some(x), Some(y)) => x.equals(y),
            _ => a.is(b),
        },
    })
}

/// Equal lengths and equal items, `depth` containers down.
fn sequences_equal<E: From<TooDeep>>(
    x: &[Value],
    y: &[Value],
    depth: usize,
    instance_eq: &mut InstanceEq<E>,
) -> Result<bool, E> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y) {
        if !(p.is(q) || equal_at_depth(p, q, depth + 1, instance_eq)?) {
            return Ok(false);
        }
    }
    Ok(true)
}
