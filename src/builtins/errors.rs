//! Error values (`raise ValueError("...")`, `catch e`) and the type objects that
//! `type(x)` returns for built-in types that have no constructor.

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::value::{Builtin, ErrorValue, Value};
use std::rc::Rc;

/// Each builds an error of its own name: `ValueError("bad")`.
pub static BUILTINS: &[Builtin] = &[
    Builtin { name: "Exception", call: make_error },
    Builtin { name: "ValueError", call: make_error },
    Builtin { name: "TypeError", call: make_error },
    Builtin { name: "IndexError", call: make_error },
    Builtin { name: "KeyError", call: make_error },
    Builtin { name: "RuntimeError", call: make_error },
    Builtin { name: "NotImplementedError", call: make_error },
    Builtin { name: "ZeroDivisionError", call: make_error },
    Builtin { name: "AssertionError", call: make_error },
    Builtin { name: "AttributeError", call: make_error },
    Builtin { name: "NameError", call: make_error },
    Builtin { name: "OSError", call: make_error },
    Builtin { name: "FileNotFoundError", call: make_error },
    Builtin { name: "MemoryError", call: make_error },
    Builtin { name: "ImportError", call: make_error },
    Builtin { name: "OverflowError", call: make_error },
    Builtin { name: "RecursionError", call: make_error },
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
    Builtin { name: "NoneType", call: not_constructible },
    Builtin { name: "function", call: not_constructible },
    Builtin { name: "builtin_function", call: not_constructible },
    Builtin { name: "method", call: not_constructible },
    Builtin { name: "module", call: not_constructible },
];

fn not_constructible(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    fail("TypeError", args.span, format!("cannot create '{}' instances", args.function))
}
