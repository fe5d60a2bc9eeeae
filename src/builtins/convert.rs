//! The built-in types as constructors: `int`, `float`, `str`, `bool`, `list`, `tuple`,
//! `dict`, `range`, and `ord`/`chr`.

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::value::{Dict, HashKey, Range, Value};
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(int, "int(*args, **kwargs)"),
    Builtin::function(float, "float(*args, **kwargs)"),
    Builtin::function(str_, "str(*args, **kwargs)"),
    Builtin::function(bool_, "bool(*args, **kwargs)"),
    Builtin::function(list, "list(*args, **kwargs)"),
    Builtin::function(tuple, "tuple(*args, **kwargs)"),
    Builtin::function(dict, "dict(*args, **kwargs)"),
    Builtin::function(range, "range(*args, **kwargs)"),
    Builtin::function(ord, "ord(*args, **kwargs)"),
    Builtin::function(chr, "chr(*args, **kwargs)"),
];

use crate::value::Builtin;

fn int(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 1)?;
    let element = one_element(&args)?;
    let Some(value) = element.as_ref().or(args.positional.first()) else {
        return Ok(Value::Int(0));
    };
    match value {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => crate::value::number::float_to_int(*x)
            .map(Value::Int)
            .or_else(|(kind, message)| fail(kind, args.span, message)),
        Value::Str(s) => s.trim().replace('_', "").parse::<i64>().map(Value::Int).or_else(|_| {
            fail(
                "ValueError",
                args.span,
                format!("invalid literal for int() with base 10: {}", crate::value::repr::str_repr(s)),
            )
        }),
        other => fail(
            "TypeError",
            args.span,
            format!("int() argument must be a string or a number, not '{}'", other.type_name()),
        ),
    }
}

fn float(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 1)?;
    let element = one_element(&args)?;
    let Some(value) = element.as_ref().or(args.positional.first()) else {
        return Ok(Value::Float(0.0));
    };
    if let Some(x) = value.as_f64() {
        return Ok(Value::Float(x));
    }
    match value {
        Value::Str(s) => {
            let text = s.trim().to_ascii_lowercase();
            let parsed = match text.trim_start_matches(['+', '-']) {
                "inf" | "infinity" | "nan" => text.replace("infinity", "inf").parse::<f64>().ok(),
                _ => text.replace('_', "").parse::<f64>().ok(),
            };
            parsed.map(Value::Float).map_or_else(
                || {
                    fail(
                        "ValueError",
                        args.span,
                        format!("could not convert string to float: {}", crate::value::repr::str_repr(s)),
                    )
                },
                Ok,
            )
        }
        other => fail(
            "TypeError",
            args.span,
            format!("float() argument must be a string or a number, not '{}'", other.type_name()),
        ),
    }
}

/// The element of a one-element tensor argument (`int(t)`, `float(t)`), as PyTorch's
/// `__int__`/`__float__` give it.
fn one_element(args: &CallArgs) -> Eval<Option<Value>> {
    match args.positional.first() {
        Some(Value::Tensor(t)) => t
            .item()
            .map(|s| Some(super::tensor::convert::scalar_value(s)))
            .map_err(|e| super::tensor::error_at(e, args.span)),
        _ => Ok(None),
    }
}

fn str_(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 1)?;
    match args.positional.first() {
        None => Ok(Value::str("")),
        Some(v) => Ok(Value::str(&interp.str_of(v)?)),
    }
}

fn bool_(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 1)?;
    match args.positional.first() {
        Some(v) => Ok(Value::Bool(interp.truth(v, args.span)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn list(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 1)?;
    match args.positional.first() {
        None => Ok(Value::list(vec![])),
        Some(v) => Ok(Value::list(interp.collect(v, args.span)?)),
    }
}

fn tuple(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 1)?;
    match args.positional.first() {
        None => Ok(Value::tuple(vec![])),
        Some(v) => Ok(Value::tuple(interp.collect(v, args.span)?)),
    }
}

/// `dict()`, `dict(mapping)`, `dict(pairs)`, `dict(a=1, b=2)`.
fn dict(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let keywords = std::mem::take(&mut args.keywords);
    args.expect(0, 1)?;
    let mut out = Dict::new();
    match args.positional.first() {
        None => {}
        Some(Value::Dict(d)) => out = d.borrow().clone(),
        Some(pairs) => {
            for (i, pair) in interp.collect(pairs, args.span)?.into_iter().enumerate() {
                let items = interp.collect(&pair, args.span)?;
                let [key, value]: [Value; 2] = items.try_into().map_err(|items: Vec<Value>| {
                    crate::eval::RuntimeError::new(
                        "ValueError",
                        format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            items.len()
                        ),
                        args.span,
                    )
                })?;
                let hash = HashKey::of(&key).ok_or_else(|| {
                    crate::eval::RuntimeError::new(
                        "TypeError",
                        format!("unhashable type: '{}'", key.type_name()),
                        args.span,
                    )
                })?;
                out.insert(hash, key, value);
            }
        }
    }
    for (name, value) in keywords {
        out.insert(HashKey::Str(Rc::from(name.as_str())), Value::str(name.as_str()), value);
    }
    Ok(Value::Dict(Rc::new(out.into())))
}

fn range(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 3)?;
    let mut ints = Vec::with_capacity(3);
    for v in &args.positional {
        match v.as_int() {
            Some(i) => ints.push(i),
            None => {
                return fail(
                    "TypeError",
                    args.span,
                    format!("'{}' object cannot be interpreted as an integer", v.type_name()),
                )
            }
        }
    }
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => (0, 0, 1),
    };
    if step == 0 {
        return fail("ValueError", args.span, "range() arg 3 must not be zero");
    }
    Ok(Value::Range(Range { start, stop, step }))
}

fn ord(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    match &args.positional[0] {
        Value::Str(s) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64))),
        Value::Str(s) => fail(
            "TypeError",
            args.span,
            format!("ord() expected a character, but string of length {} found", s.chars().count()),
        ),
        other => fail(
            "TypeError",
            args.span,
            format!("ord() expected string of length 1, but {} found", other.type_name()),
        ),
    }
}

fn chr(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let code = args.positional[0].as_int();
    match code.and_then(|c| u32::try_from(c).ok()).and_then(char::from_u32) {
        Some(c) => Ok(Value::str(&c.to_string())),
        None if code.is_some() => fail("ValueError", args.span, "chr() arg not in range(0x110000)"),
        None => fail("TypeError", args.span, "an integer is required"),
    }
}
