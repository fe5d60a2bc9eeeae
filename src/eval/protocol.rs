//! Python's special-method protocol for instances of tl classes: operators (with the
//! reflected and in-place forms, and `NotImplemented` handing over to the other
//! operand), comparisons, `len`, truth, `str`, and attribute access through
//! descriptors (`@staticmethod`, `@classmethod`, `@property`).

use super::call::CallArgs;
use super::error::{fail, Eval};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::dict::HashKey;
use crate::value::object::InstanceHash;
use crate::value::special::{binary_methods, Special};
use crate::value::{BoundMethod, Descriptor, Value};
use std::rc::Rc;

/// Whether a method's result is `NotImplemented`: the operation is the other side's.
pub fn is_not_implemented(value: &Value) -> bool {
    matches!(value, Value::Builtin(b) if b.name == "NotImplemented")
}

pub fn bound(receiver: &Value, method: Value) -> Value {
    Value::BoundMethod(Rc::new(BoundMethod { receiver: receiver.clone(), method }))
}

impl Interpreter {
    /// A class member as seen through `receiver` (an instance, or the class itself when
    /// `receiver` is `None`): functions bind, descriptors do what they are for.
    pub(super) fn member_of(
        &mut self,
        member: Value,
        instance: Option<&Value>,
        class: &Value,
        span: Span,
    ) -> Eval<Value> {
        match (&member, instance) {
            (Value::Function(_), Some(receiver)) => Ok(bound(receiver, member)),
            (Value::Builtin(b), Some(receiver)) if b.is_method() => Ok(bound(receiver, member)),
            (Value::Descriptor(d), _) => match &**d {
                Descriptor::StaticMethod(f) => Ok(f.clone()),
                Descriptor::ClassMethod(f) => Ok(bound(class, f.clone())),
                Descriptor::Property { get, .. } => match (instance, get) {
                    (None, _) => Ok(member.clone()),
                    (Some(receiver), Some(get)) => {
                        self.call(get.clone(), CallArgs::new(vec![receiver.clone()], span))
                    }
                    (Some(_), None) => fail(ErrorKind::AttributeError, span, "property has no getter"),
                },
            },
            _ => Ok(member),
        }
    }

    /// The property named `name` of the instance's class, if there is one.
    pub(super) fn property_of(&self, value: &Value, name: Symbol) -> Option<Rc<Descriptor>> {
        let Value::Instance(inst) = value else { return None };
        match inst.class.lookup(name)? {
            Value::Descriptor(d) if matches!(*d, Descriptor::Property { .. }) => Some(d),
            _ => None,
        }
    }

    /// `value`'s special method bound to it, if its class defines one.
    pub fn special_method(&mut self, value: &Value, special: Special, span: Span) -> Eval<Option<Value>> {
        let Value::Instance(inst) = value else { return Ok(None) };
        let Some(member) = inst.class.special(special) else { return Ok(None) };
        let class = Value::Class(inst.class.clone());
        self.member_of(member, Some(value), &class, span).map(Some)
    }

    /// `value`'s dict and set key: by `__hash__` for an instance whose class defines it,
    /// and `TypeError: unhashable type` for lists, dicts, sets, and instances of a class
    /// that defines `__eq__` without `__hash__` (as Python makes them).
    pub fn hash_key(&mut self, value: &Value, span: Span) -> Eval<HashKey> {
        let key = HashKey::of_with(value, &mut |v| self.instance_key(v, span))?;
        key.ok_or_else(|| {
            super::RuntimeError::new(
                ErrorKind::TypeError,
                format!("unhashable type: '{}'", value.type_name()),
                span,
            )
            .into()
        })
    }

    fn instance_key(&mut self, value: &Value, span: Span) -> Eval<Option<HashKey>> {
        let Value::Instance(inst) = value else { return Ok(HashKey::of(value)) };
        match inst.class.hash_method() {
            InstanceHash::Identity => Ok(Some(HashKey::Object(value.identity()))),
            InstanceHash::Unhashable => Ok(None),
            InstanceHash::Method(class, method) => {
                let method = self.member_of(method, Some(value), &Value::Class(inst.class.clone()), span)?;
                match self.call(method, CallArgs::new(vec![], span))? {
                    Value::Int(h) => Ok(Some(HashKey::Custom(class, h))),
                    Value::Bool(b) => Ok(Some(HashKey::Custom(class, b as i64))),
                    _ => fail(ErrorKind::TypeError, span, "__hash__ method should return an integer"),
                }
            }
        }
    }

    /// Calls `value`'s special method with `args`; `None` if it has none.
    pub fn call_special(
        &mut self,
        value: &Value,
        special: Special,
        args: Vec<Value>,
        span: Span,
    ) -> Eval<Option<Value>> {
        match self.special_method(value, special, span)? {
            Some(method) => self.call(method, CallArgs::new(args, span)).map(Some),
            None => Ok(None),
        }
    }

    fn call_named(&mut self, value: &Value, name: Symbol, arg: Value, span: Span) -> Eval<Option<Value>> {
        let Value::Instance(inst) = value else { return Ok(None) };
        let Some(member) = inst.class.lookup(name) else { return Ok(None) };
        let class = Value::Class(inst.class.clone());
        let method = self.member_of(member, Some(value), &class, span)?;
        let result = self.call(method, CallArgs::new(vec![arg], span))?;
        Ok((!is_not_implemented(&result)).then_some(result))
    }

    /// `lhs op rhs` (or `lhs op= rhs`) by the operands' methods, when one is an
    /// instance: the in-place method, then the left's, then the right's reflected one.
    pub(super) fn binary_special(
        &mut self,
        op: BinOp,
        lhs: &Value,
        rhs: &Value,
        in_place: bool,
        span: Span,
    ) -> Eval<Option<Value>> {
        let [method, reflected, in_place_method] = binary_methods(op);
        if in_place {
            if let Some(result) = self.call_named(lhs, in_place_method, rhs.clone(), span)? {
                return Ok(Some(result));
            }
        }
        if let Some(result) = self.call_named(lhs, method, rhs.clone(), span)? {
            return Ok(Some(result));
        }
        self.call_named(rhs, reflected, lhs.clone(), span)
    }

    /// A comparison by the operands' methods, when one is an instance; `==` and `!=`
    /// fall back to identity, as in Python.
    pub(super) fn compare_special(
        &mut self,
        op: CmpOp,
        lhs: &Value,
        rhs: &Value,
        span: Span,
    ) -> Eval<Option<Value>> {
        let Some((method, reflected)) = Special::of_comparison(op) else { return Ok(None) };
        if let Some(result) = self.call_named(lhs, method.symbols().0, rhs.clone(), span)? {
            return Ok(Some(result));
        }
        if let Some(result) = self.call_named(rhs, reflected.symbols().0, lhs.clone(), span)? {
            return Ok(Some(result));
        }
        match op {
            CmpOp::Ne if matches!(lhs, Value::Instance(_)) => {
                let equal = self.call_named(lhs, Special::Eq.symbols().0, rhs.clone(), span)?;
                match equal {
                    Some(v) => Ok(Some(Value::Bool(!self.truth(&v, span)?))),
                    None => Ok(Some(Value::Bool(!lhs.is(rhs)))),
                }
            }
            CmpOp::Eq => Ok(Some(Value::Bool(lhs.is(rhs)))),
            CmpOp::Ne => Ok(Some(Value::Bool(!lhs.is(rhs)))),
            _ => fail(
                ErrorKind::TypeError,
                span,
                format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    lhs.type_name(),
                    rhs.type_name()
                ),
            ),
        }
    }

    /// `-x`, `+x`, `~x` by the instance's method.
    pub(super) fn unary_special(&mut self, op: UnaryOp, value: &Value, span: Span) -> Eval<Option<Value>> {
        self.call_special(value, Special::of_unary(op), vec![], span)
    }

    /// `len(x)` of an instance with `__len__`.
    pub fn instance_len(&mut self, value: &Value, span: Span) -> Eval<Option<usize>> {
        match self.call_special(value, Special::Len, vec![], span)? {
            None => Ok(None),
            Some(Value::Int(n)) if n >= 0 => Ok(Some(n as usize)),
            Some(Value::Int(_)) => fail(ErrorKind::ValueError, span, "__len__() should return >= 0"),
            Some(other) => fail(
                ErrorKind::TypeError,
                span,
                format!("'{}' object cannot be interpreted as an integer", other.type_name()),
            ),
        }
    }
}
