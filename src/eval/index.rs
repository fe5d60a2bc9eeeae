//! `x[i]`, `x[a:b:c]` and assignment to them, for the built-in sequences and dicts.

use super::error::{fail, Eval, RuntimeError};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::value::special::Special;
use crate::value::{Range, Value};

/// One evaluated item between the brackets of an index.
#[derive(Clone, Debug)]
pub enum Subscript {
    Item(Value),
    Slice { lower: Option<Value>, upper: Option<Value>, step: Option<Value> },
    Ellipsis,
}

impl Interpreter {
    pub fn get_item(&mut self, target: &Value, subscripts: &[Subscript], span: Span) -> Eval<Value> {
        if let Some(item) = self.natives.get_item(target, subscripts, span) {
            return item;
        }
        if let Value::Instance(_) = target {
            let key = instance_key(subscripts, span)?;
            return match self.call_special(target, Special::GetItem, vec![key], span)? {
                Some(item) => Ok(item),
                None => not_subscriptable(target, "is not subscriptable", span),
            };
        }
        if target.is_tuple_like() {
            let item = self.get_item(&target.as_plain_tuple(), subscripts, span)?;
            if matches!(target, Value::NamedTuple(_)) {
                return Ok(item);
            }
            return Ok(match item {
                Value::Tuple(items) => {
                    Value::Size(items.iter().filter_map(|v| v.as_int()).map(|d| d as usize).collect())
                }
                item => item,
            });
        }
        if let Value::Dict(dict) = target {
            let key = single_key(subscripts, target, span)?;
            let hash = self.hash_key(&key, span)?;
            let found = dict.borrow().get(&hash).cloned();
            return match found {
                Some(v) => Ok(v),
                None => {
                    let shown = self.repr(&key)?;
                    fail(ErrorKind::KeyError, span, shown)
                }
            };
        }
        let kind = target.type_name();
        let len = match target {
            Value::List(items) => items.borrow().len(),
            Value::Tuple(items) => items.len(),
            Value::Str(s) => s.chars().count(),
            Value::Range(r) => r.len(),
            _ => return fail(ErrorKind::TypeError, span, format!("'{kind}' object is not subscriptable")),
        };
        match one_subscript(subscripts, &kind, span)? {
            Subscript::Item(index) => {
                let i = resolve_index(&index, len, &kind, span)?;
                Ok(match target {
                    Value::List(items) => items.borrow()[i].clone(),
                    Value::Tuple(items) => items[i].clone(),
                    Value::Str(s) => Value::str(&s.chars().nth(i).map(String::from).unwrap_or_default()),
                    Value::Range(r) => Value::Int(r.get(i)),
                    _ => Value::None,
                })
            }
            Subscript::Slice { lower, upper, step } => {
                let (start, stop, step) = slice_indices(len, lower, upper, step, span)?;
                let picks = slice_positions(start, stop, step);
                Ok(match target {
                    Value::List(items) => {
                        let items = items.borrow();
                        Value::list(picks.map(|i| items[i].clone()).collect())
                    }
                    Value::Tuple(items) => Value::tuple(picks.map(|i| items[i].clone()).collect()),
                    Value::Str(s) => {
                        let chars: Vec<char> = s.chars().collect();
                        Value::str(&picks.map(|i| chars[i]).collect::<String>())
                    }
                    Value::Range(r) => Value::Range(Range {
                        start: r.start.wrapping_add(r.step.wrapping_mul(start)),
                        stop: r.start.wrapping_add(r.step.wrapping_mul(stop)),
                        step: r.step.wrapping_mul(step),
                    }),
                    _ => Value::None,
                })
            }
            Subscript::Ellipsis => Ok(target.clone()),
        }
    }

    pub fn set_item(
        &mut self,
        target: &Value,
        subscripts: &[Subscript],
        value: Value,
        span: Span,
    ) -> Eval<()> {
        if let Some(written) = self.natives.set_item(target, subscripts, &value, span) {
            return written;
        }
        match target {
            Value::Instance(_) => {
                let key = instance_key(subscripts, span)?;
                match self.call_special(target, Special::SetItem, vec![key, value], span)? {
                    Some(_) => Ok(()),
                    None => not_subscriptable(target, "does not support item assignment", span),
                }
            }
            Value::Dict(dict) => {
                let key = single_key(subscripts, target, span)?;
                let hash = self.hash_key(&key, span)?;
                dict.borrow_mut().insert(hash, key, value);
                Ok(())
            }
            Value::List(items) => {
                let len = items.borrow().len();
                match one_subscript(subscripts, "list", span)? {
                    Subscript::Item(index) => {
                        let i = resolve_index(&index, len, "list", span)?;
                        items.borrow_mut()[i] = value;
                        Ok(())
                    }
                    Subscript::Slice { lower, upper, step } => {
                        let replacement = self.collect(&value, span)?;
                        let step_is_one = step.as_ref().is_none_or(|s| s.as_int() == Some(1));
                        let (start, stop, step) = slice_indices(len, lower, upper, step, span)?;
                        let mut items = items.borrow_mut();
                        if step_is_one {
                            let stop = stop.max(start);
                            items.splice(start as usize..stop as usize, replacement);
                            return Ok(());
                        }
                        let picks: Vec<usize> = slice_positions(start, stop, step).collect();
                        if picks.len() != replacement.len() {
                            return fail(
                                ErrorKind::ValueError,
                                span,
                                format!(
                                    "attempt to assign sequence of size {} to extended slice of size {}",
                                    replacement.len(),
                                    picks.len()
                                ),
                            );
                        }
                        for (i, v) in picks.into_iter().zip(replacement) {
                            items[i] = v;
                        }
                        Ok(())
                    }
                    Subscript::Ellipsis => fail(
                        ErrorKind::TypeError,
                        span,
                        "list indices must be integers or slices, not ellipsis",
                    ),
                }
            }
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("'{}' object does not support item assignment", other.type_name()),
            ),
        }
    }
}

/// The key an instance's `__getitem__` gets: `obj[k]` passes `k`, `obj[a, b]` the tuple.
fn instance_key(subscripts: &[Subscript], span: Span) -> Eval<Value> {
    let mut keys = Vec::with_capacity(subscripts.len());
    for s in subscripts {
        match s {
            Subscript::Item(v) => keys.push(v.clone()),
            _ => {
                return fail(
                    ErrorKind::TypeError,
                    span,
                    "tl passes no slice objects: a class's __getitem__ takes keys",
                )
            }
        }
    }
    Ok(if keys.len() == 1 { keys.remove(0) } else { Value::tuple(keys) })
}

fn not_subscriptable<T>(target: &Value, what: &str, span: Span) -> Eval<T> {
    fail(ErrorKind::TypeError, span, format!("'{}' object {what}", target.type_name()))
}

impl Interpreter {
    /// `del target[subscripts]`: a list item or slice, a dict key, an instance's
    /// `__delitem__`.
    pub fn del_item(&mut self, target: &Value, subscripts: &[Subscript], span: Span) -> Eval<()> {
        match target {
            Value::Instance(_) => {
                let key = instance_key(subscripts, span)?;
                match self.call_special(target, Special::DelItem, vec![key], span)? {
                    Some(_) => Ok(()),
                    None => not_subscriptable(target, "doesn't support item deletion", span),
                }
            }
            Value::Dict(dict) => {
                let key = single_key(subscripts, target, span)?;
                let hash = self.hash_key(&key, span)?;
                let removed = dict.borrow_mut().remove(&hash);
                match removed {
                    Some(_) => Ok(()),
                    None => {
                        let shown = self.repr(&key)?;
                        fail(ErrorKind::KeyError, span, shown)
                    }
                }
            }
            Value::List(items) => {
                let len = items.borrow().len();
                match one_subscript(subscripts, "list", span)? {
                    Subscript::Item(index) => {
                        let i = resolve_index(&index, len, "list", span)?;
                        items.borrow_mut().remove(i);
                    }
                    Subscript::Slice { lower, upper, step } => {
                        let (start, stop, step) = slice_indices(len, lower, upper, step, span)?;
                        let doomed: rustc_hash::FxHashSet<usize> =
                            slice_positions(start, stop, step).collect();
                        let mut position = 0;
                        items.borrow_mut().retain(|_| {
                            position += 1;
                            !doomed.contains(&(position - 1))
                        });
                    }
                    Subscript::Ellipsis => {
                        return fail(
                            ErrorKind::TypeError,
                            span,
                            "list indices must be integers or slices, not ellipsis",
                        )
                    }
                }
                Ok(())
            }
            other => not_subscriptable(other, "doesn't support item deletion", span),
        }
    }
}

fn one_subscript(subscripts: &[Subscript], kind: &str, span: Span) -> Eval<Subscript> {
    match subscripts {
        [one] => Ok(one.clone()),
        _ => {
            fail(ErrorKind::TypeError, span, format!("{kind} indices must be integers or slices, not tuple"))
        }
    }
}

/// The key of `d[k]`; `d[a, b]` is the tuple key `(a, b)` as in Python.
fn single_key(subscripts: &[Subscript], target: &Value, span: Span) -> Eval<Value> {
    let mut keys = Vec::with_capacity(subscripts.len());
    for s in subscripts {
        match s {
            Subscript::Item(v) => keys.push(v.clone()),
            _ => {
                return fail(
                    ErrorKind::TypeError,
                    span,
                    format!("unhashable type: 'slice' (in a {} key)", target.type_name()),
                )
            }
        }
    }
    Ok(if keys.len() == 1 { keys.remove(0) } else { Value::tuple(keys) })
}

/// A sequence position from an int index that may count from the end.
fn resolve_index(index: &Value, len: usize, kind: &str, span: Span) -> Eval<usize> {
    let Some(i) = index.as_int() else {
        return fail(
            ErrorKind::TypeError,
            span,
            format!("{kind} indices must be integers or slices, not {}", index.type_name()),
        );
    };
    let resolved = if i < 0 { i + len as i64 } else { i };
    if resolved < 0 || resolved >= len as i64 {
        let what = if kind == "str" { "string" } else { kind };
        return Err(RuntimeError::new(ErrorKind::IndexError, format!("{what} index out of range"), span)
            .with_help(format!(
                "the {kind} has {len} item{}; index {i} is outside it",
                if len == 1 { "" } else { "s" }
            ))
            .into());
    }
    Ok(resolved as usize)
}

/// Python's `slice.indices(len)`: start, stop and step, clamped to the sequence.
pub fn slice_indices(
    len: usize,
    lower: Option<Value>,
    upper: Option<Value>,
    step: Option<Value>,
    span: Span,
) -> Eval<(i64, i64, i64)> {
    let int = |v: Option<Value>| -> Eval<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => match v.as_int() {
                Some(i) => Ok(Some(i)),
                None => fail(ErrorKind::TypeError, span, "slice indices must be integers or None"),
            },
        }
    };
    let len = len as i64;
    let step = int(step)?.unwrap_or(1);
    if step == 0 {
        return fail(ErrorKind::ValueError, span, "slice step cannot be zero");
    }
    let (low, high) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let clamp = |i: i64| {
        let i = if i < 0 { i + len } else { i };
        i.clamp(low, high)
    };
    let start = int(lower)?.map_or(if step > 0 { 0 } else { len - 1 }, clamp);
    let stop = int(upper)?.map_or(if step > 0 { len } else { -1 }, clamp);
    Ok((start, stop, step))
}

/// The positions a resolved slice visits.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        let inside = if step > 0 { i < stop } else { i > stop };
        if !inside {
            return None;
        }
        let current = i as usize;
        i += step;
        Some(current)
    })
}
