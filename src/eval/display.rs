//! How the interpreter turns values into text: `repr`/`str` with instances' own `repr`
//! methods.

use super::call::CallArgs;
use super::error::{fail, Eval};
use super::interpreter::Interpreter;
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
            other => fail("TypeError", span, format!("repr() returned {}, not a string", other.type_name())),
        }
    }
}

impl Interpreter {
    pub fn repr(&mut self, value: &Value) -> Eval<String> {
        repr::repr(value, self)
    }

    pub fn str_of(&mut self, value: &Value) -> Eval<String> {
        repr::str_of(value, self)
    }
}
