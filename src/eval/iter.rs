//! Iteration over values: `for`, comprehensions, unpacking and the builtins that walk
//! an iterable. Ranges and a tensor's rows stay lazy (a row is a view, made when
//! reached); lists are walked live, as Python walks them.

use super::error::{fail, Eval, Flow};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::value::special::Special;
use crate::value::{Range, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub enum ValueIter {
    Range { range: Range, index: usize },
    List { list: Rc<RefCell<Vec<Value>>>, index: usize },
    Rows { tensor: crate::tensor::Tensor, index: usize },
    Items(std::vec::IntoIter<Value>),
    /// An object with `__next__` (what an instance's `__iter__` returned).
    Object(Value),
    /// An instance with `__getitem__` but no `__iter__`: items 0, 1, ... until
    /// `IndexError`, Python's old sequence protocol.
    Indexed { object: Value, index: i64 },
}

impl ValueIter {
    /// The next item of an iterator that needs no tl code.
    fn next_native(&mut self) -> Option<Value> {
        match self {
            ValueIter::Range { range, index } => {
                if *index >= range.len() {
                    return None;
                }
                *index += 1;
                Some(Value::Int(range.get(*index - 1)))
            }
            ValueIter::List { list, index } => {
                let item = list.borrow().get(*index).cloned();
                *index += 1;
                item
            }
            ValueIter::Rows { tensor, index } => {
                let row = (*index < tensor.shape()[0])
                    .then(|| tensor.with_layout(tensor.layout().select(0, *index)));
                *index += 1;
                row.map(Value::Tensor)
            }
            ValueIter::Items(items) => items.next(),
            ValueIter::Object(_) | ValueIter::Indexed { .. } => None,
        }
    }
}

impl Interpreter {
    /// The next item, `None` at the end (an object's `StopIteration`).
    pub fn next_item(&mut self, iter: &mut ValueIter, span: Span) -> Eval<Option<Value>> {
        match iter {
            ValueIter::Object(object) => {
                let object = object.clone();
                match self.call_special(&object, Special::Next, vec![], span) {
                    Ok(Some(item)) => Ok(Some(item)),
                    Ok(None) => fail(
                        ErrorKind::TypeError,
                        span,
                        format!("iter() returned non-iterator of type '{}'", object.type_name()),
                    ),
                    Err(Flow::Error(e)) if e.kind == ErrorKind::StopIteration => Ok(None),
                    Err(other) => Err(other),
                }
            }
            ValueIter::Indexed { object, index } => {
                let object = object.clone();
                *index += 1;
                match self.call_special(&object, Special::GetItem, vec![Value::Int(*index - 1)], span) {
                    Err(Flow::Error(e)) if e.kind == ErrorKind::IndexError || e.kind == ErrorKind::StopIteration => {
                        Ok(None)
                    }
                    other => other,
                }
            }
            native => Ok(native.next_native()),
        }
    }

    pub fn iterate(&mut self, value: &Value, span: Span) -> Eval<ValueIter> {
        if let Value::Instance(inst) = value {
            if let Some(iterator) = self.call_special(value, Special::Iter, vec![], span)? {
                return match &iterator {
                    Value::Instance(i) if i.class.special(Special::Next).is_some() => Ok(ValueIter::Object(iterator)),
                    _ => self.iterate(&iterator, span),
                };
            }
            if inst.class.special(Special::Next).is_some() {
                return Ok(ValueIter::Object(value.clone()));
            }
            if inst.class.special(Special::GetItem).is_some() {
                return Ok(ValueIter::Indexed { object: value.clone(), index: 0 });
            }
        }
        Ok(match value {
            Value::Range(range) => ValueIter::Range { range: *range, index: 0 },
            Value::List(list) => ValueIter::List { list: list.clone(), index: 0 },
            Value::Tuple(items) => ValueIter::Items(items.iter().cloned().collect::<Vec<_>>().into_iter()),
            Value::Str(s) => ValueIter::Items(
                s.chars().map(|c| Value::str(c.encode_utf8(&mut [0; 4]))).collect::<Vec<_>>().into_iter(),
            ),
            Value::Dict(d) => ValueIter::Items(d.borrow().keys().into_iter()),
            Value::Tensor(t) if t.ndim() == 0 => {
                return fail(ErrorKind::TypeError, span, "iteration over a 0-d tensor")
            }
            Value::Tensor(t) => ValueIter::Rows { tensor: t.clone(), index: 0 },
            Value::NamedTuple(n) => ValueIter::Items(n.items.clone().into_iter()),
            Value::Size(dims) => {
                ValueIter::Items(dims.iter().map(|&d| Value::Int(d as i64)).collect::<Vec<_>>().into_iter())
            }
            other => {
                return fail(
                    ErrorKind::TypeError,
                    span,
                    format!("'{}' object is not iterable", other.type_name()),
                )
            }
        })
    }

    /// All the items of an iterable, refusing sizes that would exhaust memory.
    pub fn collect(&mut self, value: &Value, span: Span) -> Eval<Vec<Value>> {
        if let Value::Range(r) = value {
            self.check_len(r.len(), span)?;
        }
        if let Value::List(list) = value {
            return Ok(list.borrow().clone());
        }
        if let Value::Tensor(t) = value {
            // Each row is a view, a tensor of its own: a few hundred bytes, some eight
            // list items' worth.
            self.check_len(t.shape().first().map_or(0, |&rows| rows.saturating_mul(8)), span)?;
        }
        let mut items = Vec::new();
        let mut iter = self.iterate(value, span)?;
        while let Some(item) = self.next_item(&mut iter, span)? {
            items.push(item);
            if items.len() % 4096 == 0 {
                self.check_len(items.len(), span)?;
            }
        }
        Ok(items)
    }
}
