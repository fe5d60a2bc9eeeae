//! Methods of `list` and `tuple`.

use super::list;
use crate::builtins::convert::index_of;
use crate::builtins::sequences::sort_values;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::value::Value;

pub(super) fn list_append(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    list(&args).borrow_mut().push(args.positional[1].clone());
    Ok(Value::None)
}

pub(super) fn list_extend(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let items = interp.collect(&args.positional[1], args.span)?;
    interp.check_len(list(&args).borrow().len() + items.len(), args.span)?;
    list(&args).borrow_mut().extend(items);
    Ok(Value::None)
}

pub(super) fn list_insert(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let items = list(&args);
    let len = items.borrow().len() as i64;
    let i = index_of(&args.positional[1], args.span)?;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.borrow_mut().insert(at as usize, args.positional[2].clone());
    Ok(Value::None)
}

pub(super) fn list_pop(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let items = list(&args);
    let len = items.borrow().len() as i64;
    let i = match args.positional.get(1) {
        Some(v) => index_of(v, args.span)?,
        None => -1,
    };
    if len == 0 {
        return fail(ErrorKind::IndexError, args.span, "pop from empty list");
    }
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return fail(ErrorKind::IndexError, args.span, "pop index out of range");
    }
    let removed = items.borrow_mut().remove(at as usize);
    Ok(removed)
}

pub(super) fn list_remove(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let items = list(&args);
    let snapshot = items.borrow().clone();
    let at = interp.position(&snapshot, &args.positional[1], args.span)?;
    match at {
        Some(i) => {
            items.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => {
            let shown = interp.repr(&args.positional[1])?;
            fail(ErrorKind::ValueError, args.span, format!("list.remove(x): {shown} not in list"))
        }
    }
}

pub(super) fn items_of(args: &CallArgs) -> Vec<Value> {
    match &args.positional[0] {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    }
}

/// `index(value, start, stop)`: the bounds count from the end when negative and are
/// clipped to the sequence, as a slice's are.
pub(super) fn seq_index(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let items = items_of(&args);
    let len = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> Eval<usize> {
        let i = match v {
            Some(v) => index_of(v, args.span)?,
            None => default,
        };
        Ok((if i < 0 { i.saturating_add(len) } else { i }).clamp(0, len) as usize)
    };
    let (start, stop) = (bound(args.positional.get(2), 0)?, bound(args.positional.get(3), len)?);
    let found = match start < stop {
        true => interp.position(&items[start..stop], &args.positional[1], args.span)?,
        false => None,
    };
    match found {
        Some(i) => Ok(Value::Int((start + i) as i64)),
        None if matches!(args.positional[0], Value::Tuple(_)) => {
            fail(ErrorKind::ValueError, args.span, "tuple.index(x): x not in tuple")
        }
        None => {
            let shown = interp.repr(&args.positional[1])?;
            fail(ErrorKind::ValueError, args.span, format!("{shown} is not in list"))
        }
    }
}

pub(super) fn seq_count(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut n = 0;
    for v in items_of(&args) {
        n += (v.is(&args.positional[1]) || interp.equals(&v, &args.positional[1], args.span)?) as i64;
    }
    Ok(Value::Int(n))
}

pub(super) fn list_sort(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let key = args.keyword("key");
    let reverse = args.keyword("reverse").is_some_and(|v| v.truthy());
    let items = list(&args);
    let snapshot = items.borrow().clone();
    let sorted = sort_values(interp, snapshot, key, reverse, args.span)?;
    *items.borrow_mut() = sorted;
    Ok(Value::None)
}

pub(super) fn list_reverse(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    list(&args).borrow_mut().reverse();
    Ok(Value::None)
}

pub(super) fn list_copy(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::list(list(&args).borrow().clone()))
}

pub(super) fn list_clear(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    list(&args).borrow_mut().clear();
    Ok(Value::None)
}
