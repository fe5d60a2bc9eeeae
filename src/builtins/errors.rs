//! Error values (`raise ValueError("...")`, `catch e`) and the type objects that
//! `type(x)` returns for built-in types that have no constructor.

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::value::{Builtin, ErrorValue, Value};
use std::rc::Rc;

/// Each builds an error of its own name: `ValueError("bad")`.
pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        make_error,
        "Exception(*args) -> Exception

The base of the error kinds: an error of kind `Exception`.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: Exception(\"stop\").kind  # 'Exception'",
    ),
    Builtin::function(
        make_error,
        "ValueError(*args) -> ValueError

An error for an argument of the right type but an unusable value.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: ValueError(\"bad value\").message  # 'bad value'",
    ),
    Builtin::function(
        make_error,
        "TypeError(*args) -> TypeError

An error for a value of the wrong type, or a call with the wrong arguments.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: TypeError(\"not a number\").kind  # 'TypeError'",
    ),
    Builtin::function(
        make_error,
        "IndexError(*args) -> IndexError

An error for an index outside a sequence.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: IndexError(\"list index out of range\").message  # 'list index out of range'",
    ),
    Builtin::function(
        make_error,
        "KeyError(*args) -> KeyError

An error for a key a dict does not hold.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: KeyError(\"k\").kind  # 'KeyError'",
    ),
    Builtin::function(
        make_error,
        "RuntimeError(*args) -> RuntimeError

An error detected while running that fits no other kind; tensor ops raise it as PyTorch
does.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: RuntimeError(\"shape mismatch\").message  # 'shape mismatch'",
    ),
    Builtin::function(
        make_error,
        "NotImplementedError(*args) -> NotImplementedError

An error for something not written yet, such as a method a subclass must define.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: NotImplementedError().message  # ''",
    ),
    Builtin::function(
        make_error,
        "ZeroDivisionError(*args) -> ZeroDivisionError

An error for a division or modulo by zero.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: ZeroDivisionError(\"division by zero\").kind  # 'ZeroDivisionError'",
    ),
    Builtin::function(
        make_error,
        "AssertionError(*args) -> AssertionError

The error a failed `assert` raises.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: AssertionError(\"x > 0\").message  # 'x > 0'",
    ),
    Builtin::function(
        make_error,
        "AttributeError(*args) -> AttributeError

An error for an attribute a value does not have.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: AttributeError(\"no such field\").kind  # 'AttributeError'",
    ),
    Builtin::function(
        make_error,
        "NameError(*args) -> NameError

An error for a name no scope defines.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: NameError(\"name 'y' is not defined\").kind  # 'NameError'",
    ),
    Builtin::function(
        make_error,
        "OSError(*args) -> OSError

An error from the operating system, such as a file that cannot be read or written.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: OSError(\"disk full\").kind  # 'OSError'",
    ),
    Builtin::function(
        make_error,
        "FileNotFoundError(*args) -> FileNotFoundError

An error for a file or folder that does not exist.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: FileNotFoundError(\"data.csv\").message  # 'data.csv'",
    ),
    Builtin::function(
        make_error,
        "MemoryError(*args) -> MemoryError

An error for a result too large for the memory tl may use.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: MemoryError().kind  # 'MemoryError'",
    ),
    Builtin::function(
        make_error,
        "ImportError(*args) -> ImportError

An error for a module that cannot be imported.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: ImportError(\"no module\").kind  # 'ImportError'",
    ),
    Builtin::function(
        make_error,
        "OverflowError(*args) -> OverflowError

An error for a number too large for its type (tl's ints are 64-bit).
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: OverflowError(\"integer overflow\").kind  # 'OverflowError'",
    ),
    Builtin::function(
        make_error,
        "RecursionError(*args) -> RecursionError

An error for calls nested deeper than the interpreter allows.
`raise` it, or compare a caught error's `.kind` with its name. Its message is the `str` of
its one argument, empty for none, or the `str` of the tuple of several.

Args:
    args: the message (usually one string), or several values
Returns: an error value, with `.kind` and `.message`
Example: RecursionError().kind  # 'RecursionError'",
    ),
];

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
    Ok(Value::Error(Rc::new(ErrorValue { kind, message })))
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
