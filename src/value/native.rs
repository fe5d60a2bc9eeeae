//! The protocol of the native types: what the interpreter asks of the values whose
//! behaviour the builtins layer defines (tensors, devices, `grad_fn` nodes, builtins
//! and the built-in methods of every type). `eval` evaluates the language and asks
//! through this trait; `builtins` implements it, once, so `eval` knows values, not
//! tensor builtins. Each question answers `None` for a value the native side leaves
//! to the interpreter (a list's item, an instance's field).

use crate::eval::{CallArgs, Env, Eval, Interpreter, Subscript};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::{Builtin, Value};

pub trait NativeTypes {
    /// Fills a fresh interpreter's prelude: every builtin function, `cpu`/`cuda`, the
    /// built-in namespaces.
    fn install(&self, prelude: &Env);

    /// Calls a builtin: binds `args` to its declaration and runs it, with PyTorch's
    /// `out=`, and `device=`/`requires_grad=` for the factories.
    fn call(&self, interp: &mut Interpreter, builtin: &'static Builtin, args: CallArgs) -> Eval<Value>;

    /// `target.name` for an attribute of a native type (`x.shape`, `x.grad_fn`,
    /// `device.type`) or a built-in method bound to `target` (`x.sum`, `[].append`).
    fn attribute(&self, target: &Value, name: Symbol) -> Option<Value>;

    /// `target.name = value` for a native type's settable attribute (`x.requires_grad`).
    fn set_attribute(&self, target: &Value, name: Symbol, value: &Value, span: Span) -> Option<Eval<()>>;

    /// The attribute and method names the native side gives `target` (for `dir`).
    fn attribute_names(&self, target: &Value) -> Vec<&'static str>;

    /// `target.__doc__`: a builtin's declaration, a definition's docstring.
    fn doc(&self, target: &Value) -> Option<Value>;

    /// `target[subscripts]` for a native type (tensor indexing).
    fn get_item(&self, target: &Value, subscripts: &[Subscript], span: Span) -> Option<Eval<Value>>;

    /// `target[subscripts] = value` for a native type.
    fn set_item(
        &self,
        target: &Value,
        subscripts: &[Subscript],
        value: &Value,
        span: Span,
    ) -> Option<Eval<()>>;

    /// `op value` when the operand is a native type.
    fn unary_operator(&self, op: UnaryOp, value: &Value, span: Span) -> Option<Eval<Value>>;

    /// `lhs op rhs` when either operand is a native type.
    fn binary_operator(&self, op: BinOp, lhs: &Value, rhs: &Value, span: Span) -> Option<Eval<Value>>;

    /// `lhs op= rhs` in place when `lhs` is a native type that updates itself.
    fn in_place_operator(&self, op: BinOp, lhs: &Value, rhs: &Value, span: Span) -> Option<Eval<Value>>;

    /// `lhs op rhs` for a comparison when either operand is a native type.
    fn compare_operator(&self, op: CmpOp, lhs: &Value, rhs: &Value, span: Span) -> Option<Eval<Value>>;

    /// The methods of Python's error classes seen as bases (`class E(ValueError)`):
    /// `__init__` keeping its arguments as `args`, `__str__` and `__repr__` from them.
    fn exception_methods(&self) -> &'static [Builtin];
}
