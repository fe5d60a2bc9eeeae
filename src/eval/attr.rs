//! `x.name`: fields and methods of instances, members of classes and modules, and the
//! built-in methods of strings, lists and dicts.

use super::error::{fail, Eval, RuntimeError};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::{BoundMethod, Value};
use std::rc::Rc;

fn bind(receiver: &Value, member: Value) -> Value {
    match member {
        Value::Function(_) => {
            Value::BoundMethod(Rc::new(BoundMethod { receiver: receiver.clone(), method: member }))
        }
        other => other,
    }
}

impl Interpreter {
    pub fn get_attr(&mut self, target: &Value, name: Symbol, span: Span) -> Eval<Value> {
        static DOC: std::sync::OnceLock<Symbol> = std::sync::OnceLock::new();
        if name == *DOC.get_or_init(|| Symbol::intern("__doc__")) {
            if let Some(doc) = self.natives.doc(target) {
                return Ok(doc);
            }
        }
        let found = match target {
            Value::Instance(inst) => {
                let field = inst.fields.borrow().get(&name).cloned();
                field.or_else(|| inst.class.lookup(name).map(|m| bind(target, m)))
            }
            Value::Class(class) => class
                .lookup(name)
                .or_else(|| (name.as_str() == "__name__").then(|| Value::str(&class.name.to_string()))),
            Value::Module(module) => module.env.get_local(name),
            Value::Builtin(b) if name.as_str() == "__name__" => Some(Value::str(b.name)),
            Value::Function(f) if name.as_str() == "__name__" => Some(Value::str(&f.def.name.to_string())),
            Value::Super(sup) => {
                sup.start.as_ref().and_then(|c| c.lookup(name)).map(|m| bind(&sup.receiver, m))
            }
            Value::NamedTuple(n) => {
                n.fields.iter().position(|f| *f == name.as_str()).map(|i| n.items[i].clone())
            }
            Value::DType(dtype) => match name.as_str() {
                "is_floating_point" => Some(Value::Bool(dtype.is_float())),
                "is_complex" => Some(Value::Bool(false)),
                _ => None,
            },
            Value::Error(error) => match name.as_str() {
                "message" => Some(Value::str(&error.message)),
                "kind" => Some(Value::str(error.kind.name())),
                _ => None,
            },
            _ => None,
        };
        if let Some(value) = found.or_else(|| self.natives.attribute(target, name)) {
            return Ok(value);
        }
        Err(self.attribute_error(target, name, span).into())
    }

    pub fn set_attr(&mut self, target: &Value, name: Symbol, value: Value, span: Span) -> Eval<()> {
        if let Some(set) = self.natives.set_attribute(target, name, &value, span) {
            return set;
        }
        match target {
            Value::Instance(inst) => {
                inst.fields.borrow_mut().insert(name, value);
            }
            Value::Class(class) => {
                class.members.borrow_mut().insert(name, value);
            }
            Value::Module(module) => module.env.set(name, value),
            other => {
                return fail(
                    ErrorKind::AttributeError,
                    span,
                    format!("'{}' object has no attribute '{name}' that can be set", other.type_name()),
                )
            }
        }
        Ok(())
    }

    fn attribute_error(&self, target: &Value, name: Symbol, span: Span) -> RuntimeError {
        let message = match target {
            Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            other => format!("'{}' object has no attribute '{name}'", other.type_name()),
        };
        let error =
            RuntimeError::new(ErrorKind::AttributeError, message, span).with_label("no such attribute");
        let candidates = self.attribute_names(target);
        match super::expr::closest_name(name.as_str(), &candidates) {
            Some(best) => error.with_help(format!("did you mean '{best}'?")),
            None => error,
        }
    }
}

impl Interpreter {
    /// The attribute names a value answers to (`dir`, REPL completion, suggestions).
    pub fn attribute_names(&self, target: &Value) -> Vec<String> {
        let mut names: Vec<String> = match target {
            Value::Instance(inst) => {
                let mut names: Vec<String> = inst.fields.borrow().keys().map(|s| s.to_string()).collect();
                let mut class = Some(inst.class.clone());
                while let Some(c) = class {
                    names.extend(c.members.borrow().keys().map(|s| s.to_string()));
                    class = c.base.clone();
                }
                names
            }
            Value::Class(class) => {
                let mut names = Vec::new();
                let mut class = Some(class.clone());
                while let Some(c) = class {
                    names.extend(c.members.borrow().keys().map(|s| s.to_string()));
                    class = c.base.clone();
                }
                names
            }
            Value::Module(module) => module.env.local_names().iter().map(|s| s.to_string()).collect(),
            Value::Error(_) => vec!["message".into(), "kind".into()],
            _ => Vec::new(),
        };
        names.extend(self.natives.attribute_names(target).into_iter().map(String::from));
        names.sort();
        names.dedup();
        names
    }
}
