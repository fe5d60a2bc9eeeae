//! Iteration over values: `for`, comprehensions, unpacking and the builtins that walk
//! an iterable. Ranges and a tensor's rows stay lazy (a row is a view, made when
//! reached); lists are walked live, as Python walks them.

use super::call::CallArgs;
use super::error::{fail, Eval, Flow};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::value::special::Special;
use crate::value::{Range, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub enum ValueIter {
    Range {
        range: Range,
        index: usize,
        /// The range's length, worked out once.
        len: usize,
    },
    List {
        list: Rc<RefCell<Vec<Value>>>,
        index: usize,
    },
    Rows {
        tensor: crate::tensor::Tensor,
        index: usize,
    },
    Items(std::vec::IntoIter<Value>),
    /// An object with `__next__` (what an instance's `__iter__` returned).
    Object(Value),
    /// An instance with `__getitem__` but no `__iter__`: items 0, 1, ... until
    /// `IndexError`, Python's old sequence protocol.
    Indexed {
        object: Value,
        index: i64,
    },
    /// A generator function's paused run.
    Generator(Box<super::generator::Generator>),
    /// An iterator value (`iter(xs)`, a generator): shared by everything that holds it.
    Shared(Rc<RefCell<ValueIter>>),
    /// `zip(*iterables, strict=False)`.
    Zip {
        iters: Vec<ValueIter>,
        strict: bool,
    },
    /// `map(function, *iterables)`.
    Map {
        function: Value,
        iters: Vec<ValueIter>,
    },
    /// `filter(function, iterable)`; `function` `None` keeps the true items.
    Filter {
        function: Value,
        iter: Box<ValueIter>,
    },
    /// `enumerate(iterable, start)`.
    Enumerate {
        iter: Box<ValueIter>,
        count: i64,
    },
}

impl std::fmt::Debug for ValueIter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object>", self.type_name())
    }
}

impl ValueIter {
    /// Python's name for the iterator's type.
    pub fn type_name(&self) -> &'static str {
        match self {
            ValueIter::Range { .. } => "range_iterator",
            ValueIter::List { .. } => "list_iterator",
            ValueIter::Rows { .. } | ValueIter::Items(_) | ValueIter::Indexed { .. } => "iterator",
            ValueIter::Object(_) => "iterator",
            ValueIter::Generator(_) => "generator",
            ValueIter::Shared(inner) => inner.try_borrow().map_or("generator", |i| i.type_name()),
            ValueIter::Zip { .. } => "zip",
            ValueIter::Map { .. } => "map",
            ValueIter::Filter { .. } => "filter",
            ValueIter::Enumerate { .. } => "enumerate",
        }
    }

    /// The function a generator runs, for its repr.
    pub fn generator_name(&self) -> Option<String> {
        match self {
            ValueIter::Generator(g) => Some(g.name()),
            _ => None,
        }
    }

    /// The next item of an iterator that needs no tl code.
    #[inline]
    fn next_native(&mut self) -> Option<Value> {
        match self {
            ValueIter::Range { range, index, len } => {
                if *index >= *len {
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
            _ => None,
        }
    }
}

/// `zip(..., strict=True)` when iterable `ended` ran out: CPython's error if the others
/// do not end there too.
fn zip_end(
    interp: &mut Interpreter,
    iters: &mut [ValueIter],
    ended: usize,
    span: Span,
) -> Eval<Option<Value>> {
    let before = |i: usize| if i == 1 { "argument 1".to_string() } else { format!("arguments 1-{i}") };
    if ended > 0 {
        let message = format!("zip() argument {} is shorter than {}", ended + 1, before(ended));
        return fail(ErrorKind::ValueError, span, message);
    }
    for (i, iter) in iters.iter_mut().enumerate().skip(1) {
        if interp.next_item(iter, span)?.is_some() {
            let message = format!("zip() argument {} is longer than {}", i + 1, before(i));
            return fail(ErrorKind::ValueError, span, message);
        }
    }
    Ok(None)
}

impl Interpreter {
    /// An iterator value over `value`'s items (`iter(x)`); an iterator is its own.
    pub fn iterator(&mut self, value: &Value, span: Span) -> Eval<Value> {
        match value {
            Value::Iterator(_) => Ok(value.clone()),
            other => Ok(Value::Iterator(Rc::new(RefCell::new(self.iterate(other, span)?)))),
        }
    }

    /// The next item, `None` at the end (an object's `StopIteration`).
    pub fn next_item(&mut self, iter: &mut ValueIter, span: Span) -> Eval<Option<Value>> {
        match iter {
            native @ (ValueIter::Range { .. }
            | ValueIter::List { .. }
            | ValueIter::Rows { .. }
            | ValueIter::Items(_)) => Ok(native.next_native()),
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
                    Err(Flow::Error(e))
                        if e.kind == ErrorKind::IndexError || e.kind == ErrorKind::StopIteration =>
                    {
                        Ok(None)
                    }
                    other => other,
                }
            }
            ValueIter::Generator(generator) => self.resume(generator, span),
            ValueIter::Shared(shared) => {
                let shared = shared.clone();
                let Ok(mut inner) = shared.try_borrow_mut() else {
                    return fail(ErrorKind::ValueError, span, "generator already executing");
                };
                self.next_item(&mut inner, span)
            }
            ValueIter::Zip { iters, strict } => {
                let strict = *strict;
                let mut items = Vec::with_capacity(iters.len());
                for i in 0..iters.len() {
                    match self.next_item(&mut iters[i], span)? {
                        Some(item) => items.push(item),
                        None if strict => return zip_end(self, iters, i, span),
                        None => return Ok(None),
                    }
                }
                Ok((!iters.is_empty()).then(|| Value::tuple(items)))
            }
            ValueIter::Map { function, iters } => {
                let mut items = Vec::with_capacity(iters.len());
                for iter in iters.iter_mut() {
                    match self.next_item(iter, span)? {
                        Some(item) => items.push(item),
                        None => return Ok(None),
                    }
                }
                let function = function.clone();
                self.call(function, CallArgs::new(items, span)).map(Some)
            }
            ValueIter::Filter { function, iter } => {
                let function = function.clone();
                while let Some(item) = self.next_item(iter, span)? {
                    let keep = match &function {
                        Value::None => item.clone(),
                        f => self.call(f.clone(), CallArgs::new(vec![item.clone()], span))?,
                    };
                    if self.truth(&keep, span)? {
                        return Ok(Some(item));
                    }
                }
                Ok(None)
            }
            ValueIter::Enumerate { iter, count } => {
                let Some(item) = self.next_item(iter, span)? else { return Ok(None) };
                *count = count.wrapping_add(1);
                Ok(Some(Value::tuple(vec![Value::Int(count.wrapping_sub(1)), item])))
            }
        }
    }

    pub fn iterate(&mut self, value: &Value, span: Span) -> Eval<ValueIter> {
        if let Value::Instance(inst) = value {
            if let Some(iterator) = self.call_special(value, Special::Iter, vec![], span)? {
                return match &iterator {
                    Value::Instance(i) if i.class.special(Special::Next).is_some() => {
                        Ok(ValueIter::Object(iterator))
                    }
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
            Value::Iterator(shared) => ValueIter::Shared(shared.clone()),
            Value::Range(range) => ValueIter::Range { range: *range, index: 0, len: range.len() },
            Value::List(list) => ValueIter::List { list: list.clone(), index: 0 },
            Value::Tuple(items) => ValueIter::Items(items.iter().cloned().collect::<Vec<_>>().into_iter()),
            Value::Str(s) => ValueIter::Items(
                s.chars().map(|c| Value::str(c.encode_utf8(&mut [0; 4]))).collect::<Vec<_>>().into_iter(),
            ),
            Value::Dict(d) => ValueIter::Items(d.borrow().keys().into_iter()),
            Value::Set(s) => ValueIter::Items(s.borrow().values().into_iter()),
            Value::DictView(v) => ValueIter::Items(v.items().into_iter()),
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
