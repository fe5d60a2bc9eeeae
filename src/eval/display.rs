//! How the interpreter turns values into text: `repr`/`str` with instances' own `repr`
//! methods.

use super::error::{fail, Eval};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::value::repr::{self, ReprHook};
use crate::value::special::Special;
use crate::value::{Instance, Value};
use std::rc::Rc;

impl ReprHook for Interpreter {
    fn instance_repr(&mut self, _: &Rc<Instance>, value: &Value) -> Eval<Option<String>> {
        self.text_by(value, Special::Repr)
    }

    fn instance_str(&mut self, _: &Rc<Instance>, value: &Value) -> Eval<Option<String>> {
        match self.text_by(value, Special::Str)? {
            Some(text) => Ok(Some(text)),
            None => self.text_by(value, Special::Repr),
        }
    }
}

impl Interpreter {
    /// What an instance's `__repr__` or `__str__` returns, if its class has it.
    fn text_by(&mut self, value: &Value, special: Special) -> Eval<Option<String>> {
        let span = Default::default();
        match self.call_special(value, special, vec![], span)? {
            None => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.to_string())),
            Some(other) => fail(
                ErrorKind::TypeError,
                span,
                format!("{}() returned non-string (type {})", special.dunder(), other.type_name()),
            ),
        }
    }
}

impl Interpreter {
    /// Python's truth value, with PyTorch's error for a tensor of other than one element.
    pub fn truth(&mut self, value: &Value, span: crate::syntax::span::Span) -> Eval<bool> {
        if let Value::Instance(_) = value {
            if let Some(result) = self.call_special(value, Special::Bool, vec![], span)? {
                return match result {
                    Value::Bool(b) => Ok(b),
                    other => fail(
                        ErrorKind::TypeError,
                        span,
                        format!("__bool__ should return bool, returned {}", other.type_name()),
                    ),
                };
            }
            if let Some(len) = self.instance_len(value, span)? {
                return Ok(len > 0);
            }
        }
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
