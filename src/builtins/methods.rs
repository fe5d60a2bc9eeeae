//! Methods of the built-in types: `s.split()`, `xs.append(x)`, `d.items()`, ...
//! Each receives its receiver as the first positional argument.

mod dict;
mod list;
mod text;

use crate::eval::{fail, CallArgs, Eval};
use crate::value::{Builtin, Dict, HashKey, Value};
use dict::*;
use list::*;
use std::cell::RefCell;
use std::rc::Rc;
use text::*;

static STR_METHODS: &[Builtin] = &[
    Builtin::method(str_upper, "upper(*args, **kwargs)"),
    Builtin::method(str_lower, "lower(*args, **kwargs)"),
    Builtin::method(str_strip, "strip(*args, **kwargs)"),
    Builtin::method(str_strip, "lstrip(*args, **kwargs)"),
    Builtin::method(str_strip, "rstrip(*args, **kwargs)"),
    Builtin::method(str_split, "split(*args, **kwargs)"),
    Builtin::method(str_join, "join(*args, **kwargs)"),
    Builtin::method(str_replace, "replace(*args, **kwargs)"),
    Builtin::method(str_startswith, "startswith(*args, **kwargs)"),
    Builtin::method(str_endswith, "endswith(*args, **kwargs)"),
    Builtin::method(str_find, "find(*args, **kwargs)"),
    Builtin::method(str_count, "count(*args, **kwargs)"),
    Builtin::method(str_format, "format(*args, **kwargs)"),
    Builtin::method(str_justify, "ljust(*args, **kwargs)"),
    Builtin::method(str_justify, "rjust(*args, **kwargs)"),
    Builtin::method(str_justify, "center(*args, **kwargs)"),
];

static LIST_METHODS: &[Builtin] = &[
    Builtin::method(list_append, "append(*args, **kwargs)"),
    Builtin::method(list_extend, "extend(*args, **kwargs)"),
    Builtin::method(list_insert, "insert(*args, **kwargs)"),
    Builtin::method(list_pop, "pop(*args, **kwargs)"),
    Builtin::method(list_remove, "remove(*args, **kwargs)"),
    Builtin::method(seq_index, "index(*args, **kwargs)"),
    Builtin::method(seq_count, "count(*args, **kwargs)"),
    Builtin::method(list_sort, "sort(*args, **kwargs)"),
    Builtin::method(list_reverse, "reverse(*args, **kwargs)"),
    Builtin::method(list_copy, "copy(*args, **kwargs)"),
    Builtin::method(list_clear, "clear(*args, **kwargs)"),
];

static TUPLE_METHODS: &[Builtin] =
    &[Builtin::method(seq_index, "index(*args, **kwargs)"), Builtin::method(seq_count, "count(*args, **kwargs)")];

static DICT_METHODS: &[Builtin] = &[
    Builtin::method(dict_keys, "keys(*args, **kwargs)"),
    Builtin::method(dict_values, "values(*args, **kwargs)"),
    Builtin::method(dict_items, "items(*args, **kwargs)"),
    Builtin::method(dict_get, "get(*args, **kwargs)"),
    Builtin::method(dict_pop, "pop(*args, **kwargs)"),
    Builtin::method(dict_setdefault, "setdefault(*args, **kwargs)"),
    Builtin::method(dict_update, "update(*args, **kwargs)"),
    Builtin::method(dict_copy, "copy(*args, **kwargs)"),
    Builtin::method(dict_clear, "clear(*args, **kwargs)"),
];

static FLOAT_METHODS: &[Builtin] = &[Builtin::method(float_is_integer, "is_integer(*args, **kwargs)")];

/// The method tables of a value's type, searched in order.
fn tables(value: &Value) -> &'static [&'static [Builtin]] {
    static STR: &[&[Builtin]] = &[STR_METHODS];
    static LIST: &[&[Builtin]] = &[LIST_METHODS];
    static TUPLE: &[&[Builtin]] = &[TUPLE_METHODS];
    static DICT: &[&[Builtin]] = &[DICT_METHODS];
    static FLOAT: &[&[Builtin]] = &[FLOAT_METHODS];
    static DEVICE: &[&[Builtin]] = &[super::tensor::device::DEVICE_METHODS];
    match value {
        Value::Str(_) => STR,
        Value::List(_) => LIST,
        Value::Tuple(_) => TUPLE,
        Value::Dict(_) => DICT,
        Value::Float(_) => FLOAT,
        Value::Tensor(_) => super::TABLES,
        Value::Device(_) => DEVICE,
        _ => &[],
    }
}

pub fn lookup(value: &Value, name: &str) -> Option<&'static Builtin> {
    tables(value).iter().flat_map(|t| t.iter()).find(|b| b.is_method() && b.name == name)
}

pub fn names(value: &Value) -> impl Iterator<Item = &'static str> {
    tables(value).iter().flat_map(|t| t.iter()).filter(|b| b.is_method()).map(|b| b.name)
}

// The receiver and the arguments, for the methods of each type.

pub(super) fn text(args: &CallArgs) -> Rc<str> {
    match &args.positional[0] {
        Value::Str(s) => s.clone(),
        _ => Rc::from(""),
    }
}

pub(super) fn list(args: &CallArgs) -> Rc<RefCell<Vec<Value>>> {
    match &args.positional[0] {
        Value::List(l) => l.clone(),
        _ => Rc::new(RefCell::new(Vec::new())),
    }
}

pub(super) fn dict(args: &CallArgs) -> Rc<RefCell<Dict>> {
    match &args.positional[0] {
        Value::Dict(d) => d.clone(),
        _ => Rc::new(RefCell::new(Dict::new())),
    }
}

/// Positional argument `i` (after the receiver) as a string.
pub(super) fn str_arg(args: &CallArgs, i: usize) -> Eval<Rc<str>> {
    match args.positional.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => fail(
            "TypeError",
            args.span,
            format!("{}() argument must be str, not {}", args.function, other.type_name()),
        ),
        None => fail("TypeError", args.span, format!("{}() is missing an argument", args.function)),
    }
}

pub(super) fn key_of(value: &Value, args: &CallArgs) -> Eval<HashKey> {
    HashKey::of(value)
        .map_or_else(|| fail("TypeError", args.span, format!("unhashable type: '{}'", value.type_name())), Ok)
}
