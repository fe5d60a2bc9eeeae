//! The built-in types as constructors: `int`, `float`, `str`, `bool`, `list`, `tuple`,
//! `dict`, `range`, and `ord`/`chr`.

use super::tensor::args::arg;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::value::{Builtin, Dict, HashKey, Range, Value};
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        int,
        "int(x=0, /, base=10) -> int

Converts a number (truncating a float toward zero), a one-element tensor or a string to
an int. A string is read in `base`: 2 to 36, or 0 to take the base from a `0x`, `0o` or
`0b` prefix; only a string may be given with a base.

Args:
    x: the number, tensor or string
    base: the base a string's digits are written in
Returns: an int
Example: int('ff', base=16)  # 255",
    ),
    Builtin::function(
        float,
        "float(x=0, /) -> float

Converts a number, a one-element tensor or a string (decimal, exponent, `inf`, `nan`) to a
float.

Args:
    x: the number, tensor or string
Returns: a float
Example: float('1e-3')  # 0.001",
    ),
    Builtin::function(
        str_,
        "str(object='') -> str

The text that shows `object` as `print` writes it: a string as is, other values as their
`repr` or their class's `str`.

Args:
    object: any value
Returns: a str
Example: str(2.50)  # '2.5'",
    ),
    Builtin::function(
        bool_,
        "bool(x=False, /) -> bool

The truth of `x`: false for `none`, zero, empty containers and strings, true for most else.

Args:
    x: any value
Returns: a bool
Example: bool([])  # False",
    ),
    Builtin::function(
        list,
        "list(iterable=(), /) -> list

A new list of the items of `iterable`, in order.

Args:
    iterable: a list, tuple, string, dict (its keys), range or tensor (its rows)
Returns: a list
Example: list('ab')  # ['a', 'b']",
    ),
    Builtin::function(
        tuple,
        "tuple(iterable=(), /) -> tuple

A tuple of the items of `iterable`, in order.

Args:
    iterable: a list, tuple, string, dict (its keys), range or tensor (its rows)
Returns: a tuple
Example: tuple([1, 2])  # (1, 2)",
    ),
    Builtin::function(
        |interp, args| set_of(interp, args, false),
        "set(iterable=(), /) -> set

A new set of the distinct items of `iterable` (which must be hashable), kept in the order
they first appear (CPython's order follows their hashes).

Args:
    iterable: a list, tuple, string, dict (its keys), range or other iterable
Returns: a set
Example: set([1, 2, 1])  # {1, 2}",
    ),
    Builtin::function(
        |interp, args| set_of(interp, args, true),
        "frozenset(iterable=(), /) -> frozenset

A set that cannot change: the distinct items of `iterable`.

Args:
    iterable: a list, tuple, string, dict (its keys), range or other iterable
Returns: a frozenset
Example: frozenset('aba')  # frozenset({'a', 'b'})",
    ),
    Builtin::function(
        dict,
        "dict(iterable=(), /, **kwargs) -> dict

A new dict: the entries of a mapping, or the key-value pairs of an iterable, then one
entry per keyword argument.

Args:
    iterable: a dict, or an iterable of two-item sequences
    kwargs: further entries, keyed by their names
Returns: a dict
Example: dict([('a', 1)], b=2)  # {'a': 1, 'b': 2}",
    ),
    Builtin::function(
        range,
        "range(start_or_stop, stop=None, step=1, /) -> range

The ints from `start` up to (not including) `stop` by `step`: `range(stop)` starts at 0,
`range(start, stop[, step])` at `start`. Lazy: the ints are made as they are used.

Args:
    start_or_stop: `stop` when it is the only argument, else `start`
    stop: where the range ends (excluded)
    step: the difference between consecutive ints; not zero
Returns: a range
Example: list(range(5, 0, -2))  # [5, 3, 1]",
    ),
    Builtin::function(
        ord,
        "ord(c, /) -> int

The Unicode code point of a one-character string.

Args:
    c: a string of one character
Returns: an int
Example: ord('A')  # 65",
    ),
    Builtin::function(
        chr,
        "chr(i, /) -> str

The one-character string of a Unicode code point.

Args:
    i: the code point, from 0 to 0x10ffff
Returns: a str
Example: chr(65)  # 'A'",
    ),
    Builtin::function(
        hex,
        "hex(x, /) -> str

An int in hexadecimal with the prefix `0x` (and a sign when negative).

Args:
    x: an int
Returns: a str
Example: hex(-255)  # '-0xff'",
    ),
    Builtin::function(
        oct,
        "oct(x, /) -> str

An int in octal with the prefix `0o` (and a sign when negative).

Args:
    x: an int
Returns: a str
Example: oct(8)  # '0o10'",
    ),
    Builtin::function(
        bin,
        "bin(x, /) -> str

An int in binary with the prefix `0b` (and a sign when negative).

Args:
    x: an int
Returns: a str
Example: bin(5)  # '0b101'",
    ),
];

/// An int argument that Python reads through `__index__` (a count, a position, a base):
/// an int or a bool, else `'float' object cannot be interpreted as an integer`.
pub(crate) fn index_of(value: &Value, span: Span) -> Eval<i64> {
    value.as_int().map_or_else(
        || {
            fail(
                ErrorKind::TypeError,
                span,
                format!("'{}' object cannot be interpreted as an integer", value.type_name()),
            )
        },
        Ok,
    )
}

fn int(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    if let Some(base) = arg(&mut args, 1, "base") {
        return int_in_base(args.positional.first(), &base, args.span);
    }
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
        Value::Str(s) => parse_int(s, 10, args.span),
        other => fail(
            ErrorKind::TypeError,
            args.span,
            format!("int() argument must be a string or a number, not '{}'", other.type_name()),
        ),
    }
}

/// `int(x, base)`: only a string may be given a base, and the base is 0 or 2..=36.
fn int_in_base(x: Option<&Value>, base: &Value, span: Span) -> Eval<Value> {
    let base = index_of(base, span)?;
    let text = match x {
        None => return fail(ErrorKind::TypeError, span, "int() missing string argument"),
        Some(Value::Str(s)) => s,
        Some(_) => {
            return fail(ErrorKind::TypeError, span, "int() can't convert non-string with explicit base")
        }
    };
    if base != 0 && !(2..=36).contains(&base) {
        return fail(ErrorKind::ValueError, span, "int() base must be >= 2 and <= 36, or 0");
    }
    parse_int(text, base as u32, span)
}

/// Python's int literal syntax in a string: surrounding whitespace, a sign, a `0x`/`0o`/
/// `0b` prefix where the base allows it (base 0 reads the base from it), digits with
/// single underscores between them. A literal past 64 bits is an `OverflowError`.
fn parse_int(text: &str, base: u32, span: Span) -> Eval<Value> {
    let invalid = || {
        let shown = crate::value::repr::str_repr(text);
        fail(ErrorKind::ValueError, span, format!("invalid literal for int() with base {base}: {shown}"))
    };
    let trimmed = text.trim();
    let (negative, rest) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let prefixed = match rest.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let (radix, digits) = match prefixed {
        Some(p) if base == 0 || base == p => (p, rest[2..].strip_prefix('_').unwrap_or(&rest[2..])),
        _ => (if base == 0 { 10 } else { base }, rest),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return invalid();
    }
    // Base 0 refuses leading zeros on a non-zero decimal (`010`), as Python's literals do.
    if base == 0
        && prefixed.is_none()
        && digits.starts_with('0')
        && digits.chars().any(|c| c != '0' && c != '_')
    {
        return invalid();
    }
    let mut magnitude: u128 = 0;
    let mut overflow = false;
    for c in digits.chars().filter(|c| *c != '_') {
        let Some(d) = c.to_digit(radix) else { return invalid() };
        magnitude = magnitude * u128::from(radix) + u128::from(d);
        if magnitude > 1 << 63 {
            overflow = true;
            magnitude = 1 << 63;
        }
    }
    let value =
        if negative { i64::try_from(-(magnitude as i128)).ok() } else { i64::try_from(magnitude).ok() };
    match value {
        Some(v) if !overflow => Ok(Value::Int(v)),
        _ => fail(ErrorKind::OverflowError, span, "int too large for a 64-bit integer"),
    }
}

fn float(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
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
                        ErrorKind::ValueError,
                        args.span,
                        format!("could not convert string to float: {}", crate::value::repr::str_repr(s)),
                    )
                },
                Ok,
            )
        }
        other => fail(
            ErrorKind::TypeError,
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
    match args.positional.first() {
        None => Ok(Value::str("")),
        Some(v) => Ok(Value::str(&interp.str_of(v)?)),
    }
}

fn bool_(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match args.positional.first() {
        Some(v) => Ok(Value::Bool(interp.truth(v, args.span)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn list(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match args.positional.first() {
        None => Ok(Value::list(vec![])),
        Some(v) => Ok(Value::list(interp.collect(v, args.span)?)),
    }
}

fn tuple(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match args.positional.first() {
        None => Ok(Value::tuple(vec![])),
        Some(v) => Ok(Value::tuple(interp.collect(v, args.span)?)),
    }
}

fn set_of(interp: &mut Interpreter, args: CallArgs, frozen: bool) -> Eval<Value> {
    let items = match args.positional.first() {
        None => Vec::new(),
        Some(v) => interp.collect(v, args.span)?,
    };
    interp.set_from(items, frozen, args.span).map(Value::set)
}

/// `dict()`, `dict(mapping)`, `dict(pairs)`, `dict(a=1, b=2)`.
fn dict(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let keywords = std::mem::take(&mut args.keywords);
    let mut out = Dict::new();
    if let Some(entries) = args.positional.first() {
        update_dict(interp, &mut out, entries, args.span)?;
    }
    for (name, value) in keywords {
        out.insert(HashKey::Str(Rc::from(name.as_str())), Value::str(name.as_str()), value);
    }
    Ok(Value::Dict(Rc::new(out.into())))
}

/// Adds to `out` the entries of a dict, or the key-value pairs of an iterable (`dict(pairs)`,
/// `d.update(pairs)`), later ones replacing earlier ones of the same key.
pub(crate) fn update_dict(interp: &mut Interpreter, out: &mut Dict, entries: &Value, span: Span) -> Eval<()> {
    if let Value::Dict(d) = entries {
        for (hash, key, value) in d.borrow().entries() {
            out.insert(hash.clone(), key.clone(), value.clone());
        }
        return Ok(());
    }
    for (i, pair) in interp.collect(entries, span)?.into_iter().enumerate() {
        let items = interp.collect(&pair, span)?;
        let [key, value]: [Value; 2] = items.try_into().map_err(|items: Vec<Value>| {
            crate::eval::RuntimeError::new(
                ErrorKind::ValueError,
                format!("dictionary update sequence element #{i} has length {}; 2 is required", items.len()),
                span,
            )
        })?;
        out.insert(interp.hash_key(&key, span)?, key, value);
    }
    Ok(())
}

fn range(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut ints = Vec::with_capacity(3);
    for v in &args.positional {
        ints.push(index_of(v, args.span)?);
    }
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => (0, 0, 1),
    };
    if step == 0 {
        return fail(ErrorKind::ValueError, args.span, "range() arg 3 must not be zero");
    }
    Ok(Value::Range(Range { start, stop, step }))
}

fn ord(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match &args.positional[0] {
        Value::Str(s) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64))),
        Value::Str(s) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("ord() expected a character, but string of length {} found", s.chars().count()),
        ),
        other => fail(
            ErrorKind::TypeError,
            args.span,
            format!("ord() expected string of length 1, but {} found", other.type_name()),
        ),
    }
}

fn hex(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    in_base(&args, "0x", |n| format!("{n:x}"))
}

fn oct(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    in_base(&args, "0o", |n| format!("{n:o}"))
}

fn bin(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    in_base(&args, "0b", |n| format!("{n:b}"))
}

/// `hex`, `oct`, `bin`: the sign, the base's prefix, then the magnitude's digits.
fn in_base(args: &CallArgs, prefix: &str, digits: fn(u64) -> String) -> Eval<Value> {
    let n = index_of(&args.positional[0], args.span)?;
    let sign = if n < 0 { "-" } else { "" };
    Ok(Value::str(&format!("{sign}{prefix}{}", digits(n.unsigned_abs()))))
}

fn chr(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let code = args.positional[0].as_int();
    match code.and_then(|c| u32::try_from(c).ok()).and_then(char::from_u32) {
        Some(c) => Ok(Value::str(&c.to_string())),
        None if code.is_some() => fail(ErrorKind::ValueError, args.span, "chr() arg not in range(0x110000)"),
        None => fail(ErrorKind::TypeError, args.span, "an integer is required"),
    }
}
