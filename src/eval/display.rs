//! How the interpreter turns values into text: `repr`/`str` with instances' own `repr`
//! methods.

use super::call::CallArgs;
use super::error::{fail, Eval};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::symbol::Symbol;
use crate::value::repr::{self, ReprHook};
use crate::value::{Instance, Value};
use std::rc::Rc;

impl ReprHook for Interpreter {
    fn instance_repr(&mut self, instance: &Rc<Instance>, value: &Value) -> Eval<Option<String>> {
        if instance.class.lookup(Symbol::intern("repr")).is_none() {
            return Ok(None);
        }
        let span = Default::default();
        let method = self.get_attr(value, Symbol::intern("repr"), span)?;
        match self.call(method, CallArgs::new(vec![], span))? {
            Value::Str(s) => Ok(Some(s.to_string())),
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("repr() returned {}, not a string", other.type_name()),
            ),
        }
    }
}

impl Interpreter {
    /// Python's truth value, with PyTorch's error for a tensor of other than one element.
    pub fn truth(&self, value: &Value, span: crate::syntax::span::Span) -> Eval<bool> {
        match value {
            Value::Tensor(t) if t.numel() == 1 => Ok(t.item().is_ok_and(|s| s.to_f64() != 0.0)),
            Value::Tensor(t) => {
                let how = if t.numel() == 0 { "no values" } else { "more than one value" };
                fail(
                    ErrorKind::RuntimeError,
                    span,
                    format!("Boolean value of Tensor with {how} is ambiguous"),
                )
            }
            other => Ok(other.truthy()),
        }
    }

    pub fn repr(&mut self, value: &Value) -> Eval<String> {
        repr::repr(value, self)
    }

    pub fn str_of(&mut self, value: &Value) -> Eval<String> {
        repr::str_of(value, self)
    }
}
