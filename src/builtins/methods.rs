//! Methods of the built-in types: `s.split()`, `xs.append(x)`, `d.items()`, ...
//! Each receives its receiver as the first positional argument.

use super::sequences::sort_values;
use crate::eval::{fail, CallArgs, Eval, Interpreter, RuntimeError};
use crate::value::format::format_value;
use crate::value::{Builtin, Dict, HashKey, Value};
use std::cell::RefCell;
use std::rc::Rc;

static STR_METHODS: &[Builtin] = &[
    Builtin {
        name: "upper",
        call: str_upper,
    },
    Builtin {
        name: "lower",
        call: str_lower,
    },
    Builtin {
        name: "strip",
        call: str_strip,
    },
    Builtin {
        name: "lstrip",
        call: str_strip,
    },
    Builtin {
        name: "rstrip",
        call: str_strip,
    },
    Builtin {
        name: "split",
        call: str_split,
    },
    Builtin {
        name: "join",
        call: str_join,
    },
    Builtin {
        name: "replace",
        call: str_replace,
    },
    Builtin {
        name: "startswith",
        call: str_startswith,
    },
    Builtin {
        name: "endswith",
        call: str_endswith,
    },
    Builtin {
        name: "find",
        call: str_find,
    },
    Builtin {
        name: "count",
        call: str_count,
    },
    Builtin {
        name: "format",
        call: str_format,
    },
    Builtin {
        name: "ljust",
        call: str_justify,
    },
    Builtin {
        name: "rjust",
        call: str_justify,
    },
    Builtin {
        name: "center",
        call: str_justify,
    },
];

static LIST_METHODS: &[Builtin] = &[
    Builtin {
        name: "append",
        call: list_append,
    },
    Builtin {
        name: "extend",
        call: list_extend,
    },
    Builtin {
        name: "insert",
        call: list_insert,
    },
    Builtin {
        name: "pop",
        call: list_pop,
    },
    Builtin {
        name: "remove",
        call: list_remove,
    },
    Builtin {
        name: "index",
        call: seq_index,
    },
    Builtin {
        name: "count",
        call: seq_count,
    },
    Builtin {
        name: "sort",
        call: list_sort,
    },
    Builtin {
        name: "reverse",
        call: list_reverse,
    },
    Builtin {
        name: "copy",
        call: list_copy,
    },
    Builtin {
        name: "clear",
        call: list_clear,
    },
];

static TUPLE_METHODS: &[Builtin] = &[
    Builtin {
        name: "index",
        call: seq_index,
    },
    Builtin {
        name: "count",
        call: seq_count,
    },
];

static DICT_METHODS: &[Builtin] = &[
    Builtin {
        name: "keys",
        call: dict_keys,
    },
    Builtin {
        name: "values",
        call: dict_values,
    },
    Builtin {
        name: "items",
        call: dict_items,
    },
    Builtin {
        name: "get",
        call: dict_get,
    },
    Builtin {
        name: "pop",
        call: dict_pop,
    },
    Builtin {
        name: "setdefault",
        call: dict_setdefault,
    },
    Builtin {
        name: "update",
        call: dict_update,
    },
    Builtin {
        name: "copy",
        call: dict_copy,
    },
    Builtin {
        name: "clear",
        call: dict_clear,
    },
];

static FLOAT_METHODS: &[Builtin] = &[Builtin {
    name: "is_integer",
    call: float_is_integer,
}];

fn table(value: &Value) -> &'static [Builtin] {
    match value {
        Value::Str(_) => STR_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Float(_) => FLOAT_METHODS,
        _ => &[],
    }
}

pub fn lookup(value: &Value, name: &str) -> Option<&'static Builtin> {
    table(value).iter().find(|b| b.name == name)
}

pub fn names(value: &Value) -> impl Iterator<Item = &'static str> {
    table(value).iter().map(|b| b.name)
}

// ---- receivers and arguments ---------------------------------------------------------

fn text(args: &CallArgs) -> Rc<str> {
    match &args.positional[0] {
        Value::Str(s) => s.clone(),
        _ => Rc::from(""),
    }
}

fn list(args: &CallArgs) -> Rc<RefCell<Vec<Value>>> {
    match &args.positional[0] {
        Value::List(l) => l.clone(),
        _ => Rc::new(RefCell::new(Vec::new())),
    }
}

fn dict(args: &CallArgs) -> Rc<RefCell<Dict>> {
    match &args.positional[0] {
        Value::Dict(d) => d.clone(),
        _ => Rc::new(RefCell::new(Dict::new())),
    }
}

/// Positional argument `i` (after the receiver) as a string.
fn str_arg(args: &CallArgs, i: usize) -> Eval<Rc<str>> {
    match args.positional.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => fail(
            "TypeError",
            args.span,
            format!(
                "{}() argument must be str, not {}",
                args.function,
                other.type_name()
            ),
        ),
        None => fail(
            "TypeError",
            args.span,
            format!("{}() is missing an argument", args.function),
        ),
    }
}

fn key_of(value: &Value, args: &CallArgs) -> Eval<HashKey> {
    HashKey::of(value).map_or_else(
        || {
            fail(
                "TypeError",
                args.span,
                format!("unhashable type: '{}'", value.type_name()),
            )
        },
        Ok,
    )
}

// ---- str -----------------------------------------------------------------------------

fn str_upper(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::str(&text(&args).to_uppercase()))
}

fn str_lower(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::str(&text(&args).to_lowercase()))
}

fn str_strip(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 2)?;
    let s = text(&args);
    let chars: Option<Vec<char>> = match args.positional.get(1) {
        None | Some(Value::None) => None,
        Some(_) => Some(str_arg(&args, 1)?.chars().collect()),
    };
    let strip = |c: char| {
        chars
            .as_ref()
            .map_or(c.is_whitespace(), |set| set.contains(&c))
    };
    let out = match args.function {
        "lstrip" => s.trim_start_matches(strip),
        "rstrip" => s.trim_end_matches(strip),
        _ => s.trim_matches(strip),
    };
    Ok(Value::str(out))
}

fn str_split(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let sep = args.keyword("sep");
    let maxsplit = args.keyword("maxsplit");
    args.expect(1, 3)?;
    let s = text(&args);
    let sep = sep
        .or_else(|| args.positional.get(1).cloned())
        .unwrap_or(Value::None);
    let limit = match maxsplit.or_else(|| args.positional.get(2).cloned()) {
        Some(v) => v.as_int().unwrap_or(-1),
        None => -1,
    };
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize + 1
    };
    let parts: Vec<Value> = match sep {
        Value::None => {
            let mut parts: Vec<&str> = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if parts.len() + 1 == limit {
                    parts.push(rest.trim_end());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            parts.into_iter().map(Value::str).collect()
        }
        Value::Str(sep) if sep.is_empty() => {
            return fail("ValueError", args.span, "empty separator")
        }
        Value::Str(sep) => s.splitn(limit, &*sep).map(Value::str).collect(),
        other => {
            return fail(
                "TypeError",
                args.span,
                format!("must be str or None, not {}", other.type_name()),
            )
        }
    };
    Ok(Value::list(parts))
}

fn str_join(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let items = interp.collect(&args.positional[1], args.span)?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => parts.push(s.to_string()),
            other => {
                return fail(
                    "TypeError",
                    args.span,
                    format!(
                        "sequence item {i}: expected str instance, {} found",
                        other.type_name()
                    ),
                )
            }
        }
    }
    Ok(Value::str(&parts.join(&text(&args))))
}

fn str_replace(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(3, 3)?;
    Ok(Value::str(
        &text(&args).replace(&*str_arg(&args, 1)?, &str_arg(&args, 2)?),
    ))
}

fn str_startswith(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    Ok(Value::Bool(text(&args).starts_with(&*str_arg(&args, 1)?)))
}

fn str_endswith(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    Ok(Value::Bool(text(&args).ends_with(&*str_arg(&args, 1)?)))
}

/// `find` (-1 when absent) and `index` (an error when absent).
fn str_find(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let s = text(&args);
    let found = s
        .find(&*str_arg(&args, 1)?)
        .map(|byte| s[..byte].chars().count() as i64);
    Ok(Value::Int(found.unwrap_or(-1)))
}

fn str_count(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let needle = str_arg(&args, 1)?;
    let s = text(&args);
    let n = if needle.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(&*needle).count()
    };
    Ok(Value::Int(n as i64))
}

fn str_justify(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 3)?;
    let s = text(&args);
    let Some(width) = args.positional[1].as_int() else {
        return fail("TypeError", args.span, "width must be an integer");
    };
    let fill = match args.positional.get(2) {
        Some(_) => str_arg(&args, 2)?,
        None => Rc::from(" "),
    };
    let mut chars = fill.chars();
    let (Some(fill), None) = (chars.next(), chars.next()) else {
        return fail(
            "TypeError",
            args.span,
            "the fill character must be exactly one character long",
        );
    };
    let align = match args.function {
        "ljust" => '<',
        "rjust" => '>',
        _ => '^',
    };
    let spec = format!("{fill}{align}{}", width.max(0));
    format_value(&Value::Str(s), &spec)
        .map(|t| Value::str(&t))
        .map_err(|m| RuntimeError::new("ValueError", m, args.span).into())
}

/// `"{} is {:.2f}".format(a, b)`, with positional indices and keyword names.
fn str_format(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let template = text(&args);
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    let mut next_auto = 1;
    let error =
        |message: &str| -> Eval<Value> { fail("ValueError", args.span, message.to_string()) };
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return error("Single '}' encountered in format string"),
            '{' => {
                let mut field = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(ch) => field.push(ch),
                        None => return error("expected '}' before end of string"),
                    }
                }
                let (name, spec) = field.split_once(':').unwrap_or((&field, ""));
                let value = if name.is_empty() {
                    next_auto += 1;
                    args.positional.get(next_auto - 1).cloned()
                } else if let Ok(i) = name.parse::<usize>() {
                    args.positional.get(i + 1).cloned()
                } else {
                    args.keywords
                        .iter()
                        .find(|(k, _)| k.as_str() == name)
                        .map(|(_, v)| v.clone())
                };
                let Some(value) = value else {
                    let message = format!(
                        "Replacement index {name:?} out of range for positional args tuple"
                    );
                    return fail("IndexError", args.span, message);
                };
                let formatted = if spec.is_empty() {
                    interp.str_of(&value)?
                } else {
                    format_value(&value, spec)
                        .map_err(|m| RuntimeError::new("ValueError", m, args.span))?
                };
                out.push_str(&formatted);
            }
            c => out.push(c),
        }
    }
    Ok(Value::str(&out))
}

// ---- list and tuple ------------------------------------------------------------------

fn list_append(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    list(&args).borrow_mut().push(args.positional[1].clone());
    Ok(Value::None)
}

fn list_extend(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let items = interp.collect(&args.positional[1], args.span)?;
    list(&args).borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(3, 3)?;
    let items = list(&args);
    let len = items.borrow().len() as i64;
    let Some(i) = args.positional[1].as_int() else {
        return fail("TypeError", args.span, "insert() index must be an integer");
    };
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items
        .borrow_mut()
        .insert(at as usize, args.positional[2].clone());
    Ok(Value::None)
}

fn list_pop(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 2)?;
    let items = list(&args);
    let len = items.borrow().len() as i64;
    if len == 0 {
        return fail("IndexError", args.span, "pop from empty list");
    }
    let i = match args.positional.get(1) {
        Some(v) => v.as_int().map_or_else(
            || fail("TypeError", args.span, "pop() index must be an integer"),
            Ok,
        )?,
        None => -1,
    };
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return fail("IndexError", args.span, "pop index out of range");
    }
    let removed = items.borrow_mut().remove(at as usize);
    Ok(removed)
}

fn list_remove(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let items = list(&args);
    let at = items
        .borrow()
        .iter()
        .position(|v| crate::value::values_equal(v, &args.positional[1]));
    match at {
        Some(i) => {
            items.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => {
            let shown = interp.repr(&args.positional[1])?;
            fail(
                "ValueError",
                args.span,
                format!("list.remove(x): {shown} not in list"),
            )
        }
    }
}

fn items_of(args: &CallArgs) -> Vec<Value> {
    match &args.positional[0] {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn seq_index(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    match items_of(&args)
        .iter()
        .position(|v| crate::value::values_equal(v, &args.positional[1]))
    {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let shown = interp.repr(&args.positional[1])?;
            fail(
                "ValueError",
                args.span,
                format!("{shown} is not in {}", args.positional[0].type_name()),
            )
        }
    }
}

fn seq_count(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let n = items_of(&args)
        .iter()
        .filter(|v| crate::value::values_equal(v, &args.positional[1]))
        .count();
    Ok(Value::Int(n as i64))
}

fn list_sort(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let key = args.keyword("key");
    let reverse = args.keyword("reverse").is_some_and(|v| v.truthy());
    args.expect(1, 1)?;
    let items = list(&args);
    let snapshot = items.borrow().clone();
    let sorted = sort_values(interp, snapshot, key, reverse, args.span)?;
    *items.borrow_mut() = sorted;
    Ok(Value::None)
}

fn list_reverse(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    list(&args).borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::list(list(&args).borrow().clone()))
}

fn list_clear(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    list(&args).borrow_mut().clear();
    Ok(Value::None)
}

// ---- dict ----------------------------------------------------------------------------

fn dict_keys(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::list(dict(&args).borrow().keys()))
}

fn dict_values(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::list(dict(&args).borrow().values()))
}

fn dict_items(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let d = dict(&args);
    let items = d
        .borrow()
        .iter()
        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
        .collect();
    Ok(Value::list(items))
}

fn dict_get(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 3)?;
    let key = key_of(&args.positional[1], &args)?;
    let found = dict(&args).borrow().get(&key).cloned();
    Ok(found
        .or_else(|| args.positional.get(2).cloned())
        .unwrap_or(Value::None))
}

fn dict_pop(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 3)?;
    let key = key_of(&args.positional[1], &args)?;
    let removed = dict(&args).borrow_mut().remove(&key);
    match (removed, args.positional.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => {
            let shown = interp.repr(&args.positional[1])?;
            fail("KeyError", args.span, shown)
        }
    }
}

fn dict_setdefault(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 3)?;
    let key = key_of(&args.positional[1], &args)?;
    let d = dict(&args);
    let existing = d.borrow().get(&key).cloned();
    Ok(existing.unwrap_or_else(|| {
        let value = args.positional.get(2).cloned().unwrap_or(Value::None);
        d.borrow_mut()
            .insert(key, args.positional[1].clone(), value.clone());
        value
    }))
}

fn dict_update(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let Value::Dict(other) = &args.positional[1] else {
        return fail("TypeError", args.span, "update() needs a dict");
    };
    let entries: Vec<(Value, Value)> = other
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let d = dict(&args);
    for (k, v) in entries {
        let key = key_of(&k, &args)?;
        d.borrow_mut().insert(key, k, v);
    }
    Ok(Value::None)
}

fn dict_copy(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Dict(Rc::new(RefCell::new(
        dict(&args).borrow().clone(),
    ))))
}

fn dict_clear(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    dict(&args).borrow_mut().clear();
    Ok(Value::None)
}

fn float_is_integer(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let x = args.positional[0].as_f64().unwrap_or(f64::NAN);
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}
