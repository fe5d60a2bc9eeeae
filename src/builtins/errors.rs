//! Error values (`raise ValueError("...")`, `catch e`) and the type objects that
//! `type(x)` returns for built-in types that have no constructor.

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::value::{Builtin, ErrorValue, Value};
use std::rc::Rc;

/// Each builds an error of its own name: `ValueError("bad")`.
pub static BUILTINS: &[Builtin] = &[
    Builtin::function(make_error, "Exception(*args, **kwargs)"),
    Builtin::function(make_error, "ValueError(*args, **kwargs)"),
    Builtin::function(make_error, "TypeError(*args, **kwargs)"),
    Builtin::function(make_error, "IndexError(*args, **kwargs)"),
    Builtin::function(make_error, "KeyError(*args, **kwargs)"),
    Builtin::function(make_error, "RuntimeError(*args, **kwargs)"),
    Builtin::function(make_error, "NotImplementedError(*args, **kwargs)"),
    Builtin::function(make_error, "ZeroDivisionError(*args, **kwargs)"),
    Builtin::function(make_error, "AssertionError(*args, **kwargs)"),
    Builtin::function(make_error, "AttributeError(*args, **kwargs)"),
    Builtin::function(make_error, "NameError(*args, **kwargs)"),
    Builtin::function(make_error, "OSError(*args, **kwargs)"),
    Builtin::function(make_error, "FileNotFoundError(*args, **kwargs)"),
    Builtin::function(make_error, "MemoryError(*args, **kwargs)"),
    Builtin::function(make_error, "ImportError(*args, **kwargs)"),
    Builtin::function(make_error, "OverflowError(*args, **kwargs)"),
    Builtin::function(make_error, "RecursionError(*args, **kwargs)"),
];

fn make_error(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 1)?;
    let message = match args.positional.first() {
        Some(v) => interp.str_of(v)?,
        None => String::new(),
    };
    Ok(Value::Error(Rc::new(ErrorValue { kind: args.function.to_string(), message })))
}

/// Types that exist to be compared (`type(f) == function`) but not called.
pub static TYPES: &[Builtin] = &[
    Builtin::function(not_constructible, "NoneType(*args, **kwargs)"),
    Builtin::function(not_constructible, "function(*args, **kwargs)"),
    Builtin::function(not_constructible, "builtin_function(*args, **kwargs)"),
    Builtin::function(not_constructible, "method(*args, **kwargs)"),
    Builtin::function(not_constructible, "module(*args, **kwargs)"),
];

fn not_constructible(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    fail("TypeError", args.span, format!("cannot create '{}' instances", args.function))
}
