//! Methods of `dict` (and the one method of `float`).

use super::dict;
use crate::builtins::convert::update_dict;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::value::dict::{DictView, ViewKind};
use crate::value::{Dict, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub(super) fn dict_keys(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(view(&args, ViewKind::Keys))
}

pub(super) fn dict_values(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(view(&args, ViewKind::Values))
}

pub(super) fn dict_items(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(view(&args, ViewKind::Items))
}

fn view(args: &CallArgs, kind: ViewKind) -> Value {
    Value::DictView(Rc::new(DictView { dict: dict(args), kind }))
}

pub(super) fn dict_get(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let key = interp.hash_key(&args.positional[1], args.span)?;
    let found = dict(&args).borrow().get(&key).cloned();
    Ok(found.or_else(|| args.positional.get(2).cloned()).unwrap_or(Value::None))
}

pub(super) fn dict_pop(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let key = interp.hash_key(&args.positional[1], args.span)?;
    let removed = dict(&args).borrow_mut().remove(&key);
    match (removed, args.positional.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => {
            let shown = interp.repr(&args.positional[1])?;
            fail(ErrorKind::KeyError, args.span, shown)
        }
    }
}

/// Python 3.7's `popitem`: the entry inserted last, removed.
pub(super) fn dict_popitem(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match dict(&args).borrow_mut().pop_last() {
        Some((key, value)) => Ok(Value::tuple(vec![key, value])),
        None => fail(ErrorKind::KeyError, args.span, "'popitem(): dictionary is empty'"),
    }
}

pub(super) fn dict_setdefault(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let key = interp.hash_key(&args.positional[1], args.span)?;
    let d = dict(&args);
    let existing = d.borrow().get(&key).cloned();
    Ok(existing.unwrap_or_else(|| {
        let value = args.positional.get(2).cloned().unwrap_or(Value::None);
        d.borrow_mut().insert(key, args.positional[1].clone(), value.clone());
        value
    }))
}

/// `d.update(other, **kwargs)`: `other`'s entries, then the keywords', into `d`. They
/// are gathered first, so that `d.update(d)` reads `d` while nothing borrows it.
pub(super) fn dict_update(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut entries = Dict::new();
    if let Some(other) = args.positional.get(1) {
        update_dict(interp, &mut entries, other, args.span)?;
    }
    for (name, value) in &args.keywords {
        let key = Value::str(name.as_str());
        entries.insert(interp.hash_key(&key, args.span)?, key, value.clone());
    }
    let d = dict(&args);
    for (hash, k, v) in entries.entries() {
        d.borrow_mut().insert(hash.clone(), k.clone(), v.clone());
    }
    Ok(Value::None)
}

pub(super) fn dict_copy(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Dict(Rc::new(RefCell::new(dict(&args).borrow().clone()))))
}

pub(super) fn dict_clear(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    dict(&args).borrow_mut().clear();
    Ok(Value::None)
}

pub(super) fn float_is_integer(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let x = args.positional[0].as_f64().unwrap_or(f64::NAN);
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}
