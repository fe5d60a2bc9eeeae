//! tl's native types as the interpreter sees them (`value::native::NativeTypes`): each
//! question answered by the builtin module that defines the type.

use super::tensor::{autograd, device, indexing, methods as tensor_methods, operators};
use crate::eval::{CallArgs, Env, Eval, Interpreter, Subscript};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::native::NativeTypes;
use crate::value::{BoundMethod, Builtin, Value};
use std::io::Write;
use std::rc::Rc;

/// The builtins layer's answers.
struct Natives;

static NATIVES: Natives = Natives;

impl Interpreter {
    /// A fresh interpreter whose `print` writes to `out`, with tl's builtins.
    pub fn new(out: Box<dyn Write>) -> Interpreter {
        Interpreter::with_natives(out, &NATIVES)
    }
}

impl NativeTypes for Natives {
    fn install(&self, prelude: &Env) {
        super::install(prelude)
    }

    fn exception_methods(&self) -> &'static [Builtin] {
        super::errors::EXCEPTION_METHODS
    }

    fn call(&self, interp: &mut Interpreter, builtin: &'static Builtin, args: CallArgs) -> Eval<Value> {
        super::call::call(interp, builtin, args)
    }

    fn attribute(&self, target: &Value, name: Symbol) -> Option<Value> {
        let property = match target {
            Value::Tensor(t) => tensor_methods::property(t, name.as_str()),
            Value::GradFn(edge) => autograd::grad_fn_attribute(edge, name.as_str()),
            Value::Device(d) => device::attribute(*d, name.as_str()),
            _ => None,
        };
        property.or_else(|| {
            let method = super::methods::lookup_symbol(target, name)?;
            let bound = BoundMethod { receiver: target.clone(), method: Value::Builtin(method) };
            Some(Value::BoundMethod(Rc::new(bound)))
        })
    }

    fn set_attribute(&self, target: &Value, name: Symbol, value: &Value, span: Span) -> Option<Eval<()>> {
        match target {
            Value::Tensor(t) => autograd::set_property(t, name.as_str(), value, span),
            _ => None,
        }
    }

    fn attribute_names(&self, target: &Value) -> Vec<&'static str> {
        let properties = match target {
            Value::Tensor(_) => tensor_methods::PROPERTIES,
            _ => &[],
        };
        properties.iter().copied().chain(super::methods::names(target)).collect()
    }

    fn doc(&self, target: &Value) -> Option<Value> {
        super::help::doc_attribute(target)
    }

    fn get_item(&self, target: &Value, subscripts: &[Subscript], span: Span) -> Option<Eval<Value>> {
        let Value::Tensor(t) = target else { return None };
        Some(indexing::get(t, subscripts, span).and_then(|picked| {
            // Advanced indexing gathers on the host; the result belongs with its source.
            match t.device().is_cuda() {
                true => device::follow(picked, t.device(), span),
                false => Ok(picked),
            }
        }))
    }

    fn set_item(
        &self,
        target: &Value,
        subscripts: &[Subscript],
        value: &Value,
        span: Span,
    ) -> Option<Eval<()>> {
        let Value::Tensor(t) = target else { return None };
        Some(indexing::set(t, subscripts, value, span))
    }

    fn unary_operator(&self, op: UnaryOp, value: &Value, span: Span) -> Option<Eval<Value>> {
        operators::unary_operator(op, value, span)
    }

    fn binary_operator(&self, op: BinOp, lhs: &Value, rhs: &Value, span: Span) -> Option<Eval<Value>> {
        operators::binary_operator(op, lhs, rhs, span)
    }

    fn in_place_operator(&self, op: BinOp, lhs: &Value, rhs: &Value, span: Span) -> Option<Eval<Value>> {
        operators::in_place_operator(op, lhs, rhs, span)
    }

    fn compare_operator(&self, op: CmpOp, lhs: &Value, rhs: &Value, span: Span) -> Option<Eval<Value>> {
        operators::compare_operator(op, lhs, rhs, span)
    }
}
