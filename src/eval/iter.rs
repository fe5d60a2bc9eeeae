//! Iteration over values: `for`, comprehensions, unpacking and the builtins that walk
//! an iterable. Ranges and a tensor's rows stay lazy (a row is a view, made when
//! reached); lists are walked live, as Python walks them.

use super::error::{fail, Eval};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::value::{Range, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub enum ValueIter {
    Range { range: Range, index: usize },
    List { list: Rc<RefCell<Vec<Value>>>, index: usize },
    Rows { tensor: crate::tensor::Tensor, index: usize },
    Items(std::vec::IntoIter<Value>),
}

impl Iterator for ValueIter {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
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
        }
    }
}

impl Interpreter {
    pub fn iterate(&mut self, value: &Value, span: Span) -> Eval<ValueIter> {
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
        for item in self.iterate(value, span)? {
            items.push(item);
            if items.len() % 4096 == 0 {
                self.check_len(items.len(), span)?;
            }
        }
        Ok(items)
    }
}
