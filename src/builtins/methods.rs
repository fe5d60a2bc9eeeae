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
    Builtin { name: "upper", call: str_upper },
    Builtin { name: "lower", call: str_lower },
    Builtin { name: "strip", call: str_strip },
    Builtin { name: "lstrip", call: str_strip },
    Builtin { name: "rstrip", call: str_strip },
    Builtin { name: "split", call: str_split },
    Builtin { name: "join", call: str_join },
    Builtin { name: "replace", call: str_replace },
    Builtin { name: "startswith", call: str_startswith },
    Builtin { name: "endswith", call: str_endswith },
    Builtin { name: "find", call: str_find },
    Builtin { name: "count", call: str_count },
    Builtin { name: "format", call: str_format },
    Builtin { name: "ljust", call: str_justify },
    Builtin { name: "rjust", call: str_justify },
    Builtin { name: "center", call: str_justify },
];

static LIST_METHODS: &[Builtin] = &[
    Builtin { name: "append", call: list_append },
    Builtin { name: "extend", call: list_extend },
    Builtin { name: "insert", call: list_insert },
    Builtin { name: "pop", call: list_pop },
    Builtin { name: "remove", call: list_remove },
    Builtin { name: "index", call: seq_index },
    Builtin { name: "count", call: seq_count },
    Builtin { name: "sort", call: list_sort },
    Builtin { name: "reverse", call: list_reverse },
    Builtin { name: "copy", call: list_copy },
    Builtin { name: "clear", call: list_clear },
];

static TUPLE_METHODS: &[Builtin] =
    &[Builtin { name: "index", call: seq_index }, Builtin { name: "count", call: seq_count }];

static DICT_METHODS: &[Builtin] = &[
    Builtin { name: "keys", call: dict_keys },
    Builtin { name: "values", call: dict_values },
    Builtin { name: "items", call: dict_items },
    Builtin { name: "get", call: dict_get },
    Builtin { name: "pop", call: dict_pop },
    Builtin { name: "setdefault", call: dict_setdefault },
    Builtin { name: "update", call: dict_update },
    Builtin { name: "copy", call: dict_copy },
    Builtin { name: "clear", call: dict_clear },
];

static FLOAT_METHODS: &[Builtin] = &[Builtin { name: "is_integer", call: float_is_integer }];

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
        Value::Tensor(_) => super::tensor::METHOD_TABLES,
        Value::Device(_) => DEVICE,
        _ => &[],
    }
}

pub fn lookup(value: &Value, name: &str) -> Option<&'static Builtin> {
    tables(value).iter().flat_map(|t| t.iter()).find(|b| b.name == name)
}

pub fn names(value: &Value) -> impl Iterator<Item = &'static str> {
    tables(value).iter().flat_map(|t| t.iter()).map(|b| b.name)
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
