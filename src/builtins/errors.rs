//! Error values (`raise ValueError("...")`, `catch e`) and the type objects that
//! `type(x)` returns for built-in types that have no constructor.

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::symbol::Symbol;
use crate::value::{Builtin, ErrorValue, Value};
use std::rc::Rc;

/// One entry per error class: its description and example; the rest of each docstring
/// is shared. `make_error` takes the kind from the entry's name.
macro_rules! error_classes {
    ($($kind:ident: $what:literal, $example:literal;)*) => {
        /// Each builds an error of its own name: `ValueError("bad")`.
        pub static BUILTINS: &[Builtin] = &[$(
            Builtin::function(
                make_error,
                concat!(
                    stringify!($kind), "(*args) -> ", stringify!($kind), "\n\n", $what, "\n",
                    "`raise` it, catch it by name (`catch ", stringify!($kind), " as e`), or test a caught error \
                     with `isinstance`. Its message is the `str` of its one argument, empty for none, or the `str` \
                     of the tuple of several.\n\n",
                    "Args:\n    args: the message (usually one string), or several values\n",
                    "Returns: an error value, with `.kind` and `.message`\n",
                    "Example: ", $example,
                ),
            ),
        )*];
    };
}

error_classes! {
    Exception: "The base of the error kinds: an error of kind `Exception`.",
        "Exception(\"stop\").kind  # 'Exception'";
    ValueError: "An error for an argument of the right type but an unusable value.",
        "ValueError(\"bad value\").message  # 'bad value'";
    TypeError: "An error for a value of the wrong type, or a call with the wrong arguments.",
        "TypeError(\"not a number\").kind  # 'TypeError'";
    IndexError: "An error for an index outside a sequence.",
        "IndexError(\"list index out of range\").message  # 'list index out of range'";
    KeyError: "An error for a key a dict does not hold.",
        "KeyError(\"k\").kind  # 'KeyError'";
    RuntimeError: "An error detected while running that fits no other kind; tensor ops raise it as PyTorch does.",
        "RuntimeError(\"shape mismatch\").message  # 'shape mismatch'";
    NotImplementedError: "An error for something not written yet, such as a method a subclass must define.",
        "NotImplementedError().message  # ''";
    ZeroDivisionError: "An error for a division or modulo by zero.",
        "ZeroDivisionError(\"division by zero\").kind  # 'ZeroDivisionError'";
    AssertionError: "The error a failed `assert` raises.",
        "AssertionError(\"x > 0\").message  # 'x > 0'";
    AttributeError: "An error for an attribute a value does not have.",
        "AttributeError(\"no such field\").kind  # 'AttributeError'";
    NameError: "An error for a name no scope defines.",
        "NameError(\"name 'y' is not defined\").kind  # 'NameError'";
    OSError: "An error from the operating system, such as a file that cannot be read or written.",
        "OSError(\"disk full\").kind  # 'OSError'";
    FileNotFoundError: "An error for a file or folder that does not exist.",
        "FileNotFoundError(\"data.csv\").message  # 'data.csv'";
    MemoryError: "An error for a result too large for the memory tl may use.",
        "MemoryError().kind  # 'MemoryError'";
    ImportError: "An error for a module that cannot be imported.",
        "ImportError(\"no module\").kind  # 'ImportError'";
    OverflowError: "An error for a number too large for its type (tl's ints are 64-bit).",
        "OverflowError(\"integer overflow\").kind  # 'OverflowError'";
    RecursionError: "An error for calls nested deeper than the interpreter allows.",
        "RecursionError().kind  # 'RecursionError'";
    KeyboardInterrupt: "Raised by Ctrl-C: it stops the running code, and is not an `Exception`, so `catch e` lets it through.",
        "isinstance(KeyboardInterrupt(), Exception)  # False";
    BaseException: "The root of every error class: `catch BaseException` catches Ctrl-C too.",
        "BaseException(\"x\").kind  # 'BaseException'";
    ArithmeticError: "The base of `ZeroDivisionError` and `OverflowError`.",
        "isinstance(ZeroDivisionError(), ArithmeticError)  # True";
    LookupError: "The base of `KeyError` and `IndexError`.",
        "isinstance(KeyError(\"k\"), LookupError)  # True";
    UnboundLocalError: "An error for reading a function's local variable before it is assigned (a `NameError`).",
        "UnboundLocalError(\"n\").kind  # 'UnboundLocalError'";
    ModuleNotFoundError: "An error for an `import` of a module that does not exist (an `ImportError`).",
        "ModuleNotFoundError(\"nope\").kind  # 'ModuleNotFoundError'";
    StopIteration: "Raised by `next` when an iterator has no more items; `for` stops on it.",
        "StopIteration().kind  # 'StopIteration'";
    SystemExit: "Raised by `exit()`: ends the program with its code, and is not an `Exception`.",
        "SystemExit(1).message  # '1'";
    FileExistsError: "An error for creating a file or folder that already exists (an `OSError`).",
        "FileExistsError(\"f\").kind  # 'FileExistsError'";
    IsADirectoryError: "An error for opening a folder as a file (an `OSError`).",
        "IsADirectoryError(\"d\").kind  # 'IsADirectoryError'";
    EOFError: "Raised by `input()` when its input has ended.",
        "EOFError().kind  # 'EOFError'";
}

/// Python's message of an exception: the `str` of its one argument, of the tuple of
/// several, or empty. Exceptions take no keywords (`args=` passes binding as the name
/// of `*args`, so it is refused here in Python's words).
fn make_error(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if !args.keywords.is_empty() {
        return fail(
            ErrorKind::TypeError,
            args.span,
            format!("{}() takes no keyword arguments", args.function),
        );
    }
    let message = match args.positional.as_slice() {
        [] => String::new(),
        [one] => interp.str_of(one)?,
        several => interp.str_of(&Value::tuple(several.to_vec()))?,
    };
    // Declared only for the names of `ErrorKind`, so each has its kind.
    let kind = ErrorKind::from_name(args.function).expect("an error builtin names its kind");
    Ok(Value::Error(Rc::new(ErrorValue { kind, message, cause: None })))
}

/// The methods a class deriving from an error class (`class E(ValueError) { }`)
/// inherits: Python's `BaseException` keeps the constructor's arguments as `args` (the
/// interpreter sets them before `__init__` runs, so an `__init__` that never calls
/// `super().__init__` still has them), and its `str` and `repr` come from them.
pub static EXCEPTION_METHODS: &[Builtin] = &[
    Builtin::method(
        exception_init,
        "__init__(self, /, *args) -> None

Keeps `args` as the error's `args`: what `super().__init__(message)` in an error class's
`__init__` runs.

Args:
    self: the error
    args: the message (usually one string), or several values
Returns: None
Example: class E(ValueError) { fn __init__(self, n) { super().__init__(f\"bad {n}\") } }; E(3).args  # ('bad 3',)",
    ),
    Builtin::method(
        exception_str,
        "__str__(self, /) -> str

The error's message: the `str` of its one argument, of the tuple of several, or empty (for
a `KeyError`, the `repr` of its one argument).

Args:
    self: the error
Returns: a str
Example: class E(ValueError) { }; str(E('no'))  # 'no'",
    ),
    Builtin::method(
        exception_repr,
        "__repr__(self, /) -> str

The error as a call of its class: `E('no')`.

Args:
    self: the error
Returns: a str
Example: class E(ValueError) { }; repr(E('no', 2))  # \"E('no', 2)\"",
    ),
];

/// The `args` of an instance of an error class: a tuple, unless a program replaced it.
fn exception_args(args: &CallArgs) -> Value {
    match &args.positional[0] {
        Value::Instance(inst) => {
            inst.fields.borrow().get(&Symbol::intern("args")).cloned().unwrap_or_else(|| Value::tuple(vec![]))
        }
        _ => Value::tuple(vec![]),
    }
}

fn exception_init(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if !args.keywords.is_empty() {
        return fail(
            ErrorKind::TypeError,
            args.span,
            format!("{}() takes no keyword arguments", args.function),
        );
    }
    if let Value::Instance(inst) = &args.positional[0] {
        let rest = Value::tuple(args.positional[1..].to_vec());
        inst.fields.borrow_mut().insert(Symbol::intern("args"), rest);
    }
    Ok(Value::None)
}

fn exception_str(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let is_key_error = matches!(&args.positional[0], Value::Instance(inst)
        if inst.class.error_kind.is_some_and(|k| k.is_a(ErrorKind::KeyError)));
    let text = match exception_args(&args) {
        Value::Tuple(items) if items.is_empty() => String::new(),
        Value::Tuple(items) if items.len() == 1 && is_key_error => interp.repr(&items[0])?,
        Value::Tuple(items) if items.len() == 1 => interp.str_of(&items[0])?,
        other => interp.str_of(&other)?,
    };
    Ok(Value::str(&text))
}

fn exception_repr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let name = match &args.positional[0] {
        Value::Instance(inst) => inst.class.name.to_string(),
        other => other.type_name(),
    };
    let inside = match exception_args(&args) {
        Value::Tuple(items) => {
            let shown: Result<Vec<String>, _> = items.iter().map(|v| interp.repr(v)).collect();
            shown?.join(", ")
        }
        other => interp.repr(&other)?,
    };
    Ok(Value::str(&format!("{name}({inside})")))
}

/// Types that exist to be compared (`type(f) == function`) but not called.
pub static TYPES: &[Builtin] = &[
    Builtin::function(
        not_constructible,
        "NoneType(*args, **kwargs)

The type of `none`.
It exists for `isinstance` and to compare with what `type` returns: calling it, with any
arguments, is a `TypeError` (`cannot create 'NoneType' instances`).

Args:
    args: refused
    kwargs: refused
Returns: never returns
Example: isinstance(none, NoneType)  # True",
    ),
    Builtin::function(
        not_constructible,
        "function(*args, **kwargs)

The type of functions written in tl (`fn` and lambdas).
It exists for `isinstance` and to compare with what `type` returns: calling it, with any
arguments, is a `TypeError` (`cannot create 'function' instances`).

Args:
    args: refused
    kwargs: refused
Returns: never returns
Example: isinstance(|x| x, function)  # True",
    ),
    Builtin::function(
        not_constructible,
        "builtin_function(*args, **kwargs)

The type of the functions written in Rust (`print`, `exp`).
It exists for `isinstance` and to compare with what `type` returns: calling it, with any
arguments, is a `TypeError` (`cannot create 'builtin_function' instances`).

Args:
    args: refused
    kwargs: refused
Returns: never returns
Example: isinstance(print, builtin_function)  # True",
    ),
    Builtin::function(
        not_constructible,
        "method(*args, **kwargs)

The type of a method bound to its value (`[].append`, `x.sum`).
It exists for `isinstance` and to compare with what `type` returns: calling it, with any
arguments, is a `TypeError` (`cannot create 'method' instances`).

Args:
    args: refused
    kwargs: refused
Returns: never returns
Example: isinstance([].append, method)  # True",
    ),
    Builtin::function(
        not_constructible,
        "module(*args, **kwargs)

The type of modules (`math`, `linalg`, an `import`).
It exists for `isinstance` and to compare with what `type` returns: calling it, with any
arguments, is a `TypeError` (`cannot create 'module' instances`).

Args:
    args: refused
    kwargs: refused
Returns: never returns
Example: isinstance(linalg, module)  # True",
    ),
];

fn not_constructible(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    fail(ErrorKind::TypeError, args.span, format!("cannot create '{}' instances", args.function))
}
