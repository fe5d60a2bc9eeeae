//! `x.name`: fields and methods of instances, members of classes and modules, and the
//! built-in methods of strings, lists and dicts.

use super::call::CallArgs;
use super::error::{fail, Eval, RuntimeError};
use super::interpreter::Interpreter;
use super::module::module_name;
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::special::Special;
use crate::value::{Descriptor, Value};

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
                if let Some(field) = inst.fields.borrow().get(&name).cloned() {
                    if self.property_of(target, name).is_none() {
                        return Ok(field);
                    }
                }
                if let Some(member) = inst.class.lookup(name) {
                    let class = Value::Class(inst.class.clone());
                    return self.member_of(member, Some(target), &class, span);
                }
                if let Some(getattr) = inst.class.special(Special::GetAttr) {
                    let class = Value::Class(inst.class.clone());
                    let method = self.member_of(getattr, Some(target), &class, span)?;
                    return self.call(method, CallArgs::new(vec![Value::str(name.as_str())], span));
                }
                None
            }
            Value::Class(class) => match class.lookup(name) {
                Some(member) => return self.member_of(member, None, target, span),
                None => match name.as_str() {
                    "__name__" => Some(Value::str(&class.name.to_string())),
                    "__base__" => Some(class.base.clone().map_or(Value::None, Value::Class)),
                    _ => None,
                },
            },
            Value::Module(module) => match module.env.get_local(name) {
                Some(found) => Some(found),
                None => {
                    let exported = if module.exports_prelude {
                        self.lookup(module_name(name), &module.env, span)?
                    } else {
                        None
                    };
                    match exported {
                        None if module.package => self.stdlib_child(module, name).transpose()?,
                        found => found,
                    }
                }
            },
            Value::Builtin(b) if name.as_str() == "__name__" => Some(Value::str(b.name)),
            Value::Function(f) => match f.attributes.borrow().get(&name) {
                Some(value) => Some(value.clone()),
                None => (name.as_str() == "__name__").then(|| Value::str(&f.def.name.to_string())),
            },
            Value::Super(sup) => match sup.start.as_ref().and_then(|c| c.lookup(name)) {
                Some(member) => {
                    let class = match &sup.receiver {
                        Value::Instance(inst) => Value::Class(inst.class.clone()),
                        other => other.clone(),
                    };
                    let instance = matches!(sup.receiver, Value::Instance(_)).then_some(&sup.receiver);
                    return self.member_of(member, instance, &class, span);
                }
                None => None,
            },
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
                "__cause__" => Some(error.cause.clone().unwrap_or(Value::None)),
                "args" if error.message.is_empty() => Some(Value::tuple(vec![])),
                "args" => Some(Value::tuple(vec![Value::str(&error.message)])),
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
            Value::Instance(inst) => match self.property_of(target, name) {
                Some(property) => {
                    let Descriptor::Property { set: Some(setter), .. } = &*property else {
                        return fail(
                            ErrorKind::AttributeError,
                            span,
                            format!("property '{name}' of '{}' object has no setter", inst.class.name),
                        );
                    };
                    self.call(setter.clone(), CallArgs::new(vec![target.clone(), value], span))?;
                }
                None => {
                    inst.fields.borrow_mut().insert(name, value);
                }
            },
            Value::Class(class) => {
                class.members.borrow_mut().insert(name, value);
            }
            Value::Module(module) => module.env.set(name, value),
            Value::Function(f) => {
                f.attributes.borrow_mut().insert(name, value);
            }
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

    /// `del target.name`.
    pub fn del_attr(&mut self, target: &Value, name: Symbol, span: Span) -> Eval<()> {
        if let Some(property) = self.property_of(target, name) {
            let Descriptor::Property { delete: Some(deleter), .. } = &*property else {
                return fail(ErrorKind::AttributeError, span, format!("property '{name}' has no deleter"));
            };
            self.call(deleter.clone(), CallArgs::new(vec![target.clone()], span))?;
            return Ok(());
        }
        let removed = match target {
            Value::Instance(inst) => inst.fields.borrow_mut().shift_remove(&name).is_some(),
            Value::Class(class) => class.members.borrow_mut().shift_remove(&name).is_some(),
            Value::Module(module) => module.env.delete(name),
            _ => false,
        };
        if removed {
            return Ok(());
        }
        Err(self.attribute_error(target, name, span).into())
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
            Value::Module(module) => {
                let mut names: Vec<String> = module.env.local_names().iter().map(|s| s.to_string()).collect();
                if module.package {
                    names.extend(crate::stdlib::children(&module.name).map(String::from));
                }
                names
            }
            Value::Error(_) => ["message", "kind", "args", "__cause__"].map(String::from).to_vec(),
            _ => Vec::new(),
        };
        names.extend(self.natives.attribute_names(target).into_iter().map(String::from));
        names.sort();
        names.dedup();
        names
    }
}
