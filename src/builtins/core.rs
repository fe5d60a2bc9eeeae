//! Output, types and object introspection: `print`, `warn`, `len`, `type`, `isinstance`,
//! `getattr`, ...

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::symbol::Symbol;
use crate::value::format::format_value;
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        print,
        "print(*args, sep=' ', end='\\n', flush=False) -> None

Writes the `str` of each argument to standard output, with `sep` between them and `end`
after the last.

Args:
    args: the values to write
    sep: the text between two values; `none` means a space
    end: the text after the last value; `none` means a newline
    flush: whether standard output is flushed at once
Returns: None
Example: print(1, 2, sep='-', end='!\\n')",
    ),
    Builtin::function(
        warn,
        "warn(message) -> None

Reports `message` as a `UserWarning` on standard error, as Python's `warnings.warn` does;
the program goes on.

Args:
    message: what to report (any value, shown by its `str`)
Returns: None
Example: warn('the step size is large')",
    ),
    Builtin::function(
        perf_counter,
        "perf_counter() -> float

Seconds on a monotonic clock, as Python's `time.perf_counter`: only the difference between
two readings means something.

Returns: a float
Example: perf_counter() >= 0  # True",
    ),
    Builtin::function(
        len,
        "len(obj, /) -> int

The number of items in a string (its characters), list, tuple, dict, range or `Size`, or
the size of a tensor's first dim.

Args:
    obj: the container or tensor
Returns: an int
Example: len([1, 2, 3])  # 3",
    ),
    Builtin::function(
        type_of,
        "type(object, /) -> type

The type of `object`: its class for an instance, else the built-in type.

Args:
    object: any value
Returns: a type
Example: type(1.5)  # <class 'float'>",
    ),
    Builtin::function(
        isinstance,
        "isinstance(obj, class_or_tuple, /) -> bool

Whether `obj` is an instance of the class or type (a subclass counts), or of any of a
tuple of them.

Args:
    obj: any value
    class_or_tuple: a class, a built-in type, or a tuple of them
Returns: a bool
Example: isinstance(true, (int, str))  # True",
    ),
    Builtin::function(
        issubclass,
        "issubclass(cls, class_or_tuple, /) -> bool

Whether the class `cls` is `class_or_tuple` or derives from it.

Args:
    cls: a class or built-in type
    class_or_tuple: the class or type it is compared with
Returns: a bool
Example: issubclass(int, int)  # True",
    ),
    Builtin::function(
        repr,
        "repr(obj, /) -> str

The text that shows `obj` as the REPL echoes it: strings in quotes, containers with the
`repr` of their items, a class's own `repr` method when it has one.

Args:
    obj: any value
Returns: a str
Example: repr('a')  # \"'a'\"",
    ),
    Builtin::function(
        format,
        "format(value, format_spec='', /) -> str

Formats `value` by a format spec of Python's mini-language, as an f-string field
`{value:spec}` does; an empty spec gives its `str`.

Args:
    value: the value to format
    format_spec: the spec, such as `'.3f'`, `'>8'` or `'e'`
Returns: a str
Example: format(3.14159, '.2f')  # '3.14'",
    ),
    Builtin::function(
        hasattr,
        "hasattr(obj, name, /) -> bool

Whether reading the attribute `name` of `obj` succeeds.

Args:
    obj: any value
    name: the attribute's name
Returns: a bool
Example: hasattr(1.5, 'is_integer')  # True",
    ),
    Builtin::function(
        getattr,
        "getattr(object, name, default=<unset>, /)

Reads the attribute `name` of `object`, as `object.name` does; when that fails and a
`default` is given, returns the default instead.

Args:
    object: any value
    name: the attribute's name
    default: what to return when there is no such attribute
Returns: the attribute's value, or `default`
Example: getattr(1.5, 'missing', 0)  # 0",
    ),
    Builtin::function(
        setattr,
        "setattr(obj, name, value, /) -> None

Sets the attribute `name` of `obj` to `value`, as `obj.name = value` does.

Args:
    obj: the instance whose attribute is set
    name: the attribute's name
    value: the new value
Returns: None
Example: setattr(no_grad(), 'note', 1)  # None",
    ),
    Builtin::function(
        delattr,
        "delattr(obj, name, /) -> None

Deletes the attribute `name` of `obj`, as `del obj.name` does.

Args:
    obj: the instance whose attribute is deleted
    name: the attribute's name
Returns: None
Example: (|o| [setattr(o, 'note', 1), delattr(o, 'note'), hasattr(o, 'note')][2])(no_grad())  # False",
    ),
    Builtin::function(
        callable,
        "callable(obj, /) -> bool

Whether `obj` can be called: a function, builtin, method, class, or an instance with a
`call` method.

Args:
    obj: any value
Returns: a bool
Example: callable(len)  # True",
    ),
    Builtin::function(
        hash,
        "hash(obj, /) -> int

The hash of a hashable value: what dict keys and set items are found by. Values that
are equal hash equal (`hash(1) == hash(1.0)`); an instance's class decides by
`__hash__`, and a class that defines `__eq__` without it has unhashable instances.
Ints, floats, and tuples and frozensets of them hash as in CPython; strings hash by
tl's own fixed function (CPython's differ from run to run).

Args:
    obj: any hashable value
Returns: an int
Example: hash((1, 2)) == hash((1.0, 2))  # True",
    ),
    Builtin::function(
        id,
        "id(obj, /) -> int

An int that identifies `obj` while it lives: two values have the same id exactly when
they are the same object.

Args:
    obj: any value
Returns: an int
Example: id(len) == id(len)  # True",
    ),
    Builtin::function(
        vars,
        "vars(object, /) -> dict

A new dict of an instance's attributes, by name, in the order they were set.

Args:
    object: an instance of a class
Returns: a dict
Example: vars(no_grad())  # {}",
    ),
];

/// Seconds on a monotonic clock, for timing (Python's `time.perf_counter`).
fn perf_counter(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    Ok(Value::Float(START.with(|start| start.elapsed().as_secs_f64())))
}

fn print(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let sep = text_keyword(&mut args, "sep", " ")?;
    let end = text_keyword(&mut args, "end", "\n")?;
    let flush = args.keyword("flush").is_some_and(|v| v.truthy());
    // `*args` given by name (`print(args=1)`) is the one keyword the binder lets through.
    args.expect(0, usize::MAX)?;
    let mut line = String::new();
    for (i, value) in args.positional.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&interp.str_of(value)?);
    }
    line.push_str(&end);
    interp.write_out(&line, args.span)?;
    if flush {
        interp.flush();
    }
    Ok(Value::None)
}

/// `warn(message)`: Python's `warnings.warn(message)`, a `UserWarning` on stderr; the
/// program goes on.
fn warn(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let message = interp.str_of(&args.positional[0])?;
    crate::diag::warn("UserWarning", &message);
    Ok(Value::None)
}

fn text_keyword(args: &mut CallArgs, name: &str, default: &str) -> Eval<String> {
    match args.keyword(name) {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("{name} must be None or a string, not {}", other.type_name()),
        ),
    }
}

fn len(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if let Some(n) = interp.instance_len(&args.positional[0], args.span)? {
        return Ok(Value::Int(n as i64));
    }
    let n = match &args.positional[0] {
        Value::Str(s) => s.chars().count(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::DictView(v) => v.len(),
        Value::Range(r) => r.len(),
        Value::Size(dims) => dims.len(),
        Value::NamedTuple(n) => n.items.len(),
        Value::Tensor(t) if t.ndim() == 0 => {
            return fail(ErrorKind::TypeError, args.span, "len() of a 0-d tensor")
        }
        Value::Tensor(t) => t.shape()[0],
        other => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("object of type '{}' has no len()", other.type_name()),
            )
        }
    };
    Ok(Value::Int(n as i64))
}

fn type_of(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(match &args.positional[0] {
        Value::Instance(inst) => Value::Class(inst.class.clone()),
        Value::Tensor(t) if t.is_parameter() => {
            Value::Builtin(super::type_object("Parameter").expect("Parameter is a type"))
        }
        other => match super::type_object(&other.type_name()) {
            Some(t) => Value::Builtin(t),
            None => Value::Class(interp.value_type(&other.type_name())),
        },
    })
}

/// Whether `value` is of the type `kind` (a class, a type builtin, or a tuple of them).
fn is_instance(value: &Value, kind: &Value) -> bool {
    match kind {
        Value::Class(class) => match value {
            Value::Instance(i) => i.class.is_subclass_of(class),
            // The class `type(x)` made for a type without a type object.
            other => class.members.borrow().is_empty() && other.type_name() == class.name.as_str(),
        },
        Value::Builtin(b) => match (b.name, value) {
            ("int", Value::Bool(_)) => true,
            (name, Value::Error(e)) => ErrorKind::from_name(name).is_some_and(|class| e.kind.is_a(class)),
            ("Parameter", Value::Tensor(t)) => t.is_parameter(),
            ("tuple", Value::Size(_)) => true,
            (name, Value::Instance(i)) if i.class.error_kind.is_some() => ErrorKind::from_name(name)
                .is_some_and(|class| i.class.error_kind.is_some_and(|k| k.is_a(class))),
            (name, v) => v.type_name() == name,
        },
        Value::Tuple(kinds) => kinds.iter().any(|k| is_instance(value, k)),
        _ => false,
    }
}

fn isinstance(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let kind = &args.positional[1];
    let valid = |k: &Value| matches!(k, Value::Class(_) | Value::Builtin(_));
    let all_valid = match kind {
        Value::Tuple(ks) => ks.iter().all(valid),
        k => valid(k),
    };
    if !all_valid {
        return fail(ErrorKind::TypeError, args.span, "isinstance() arg 2 must be a type or tuple of types");
    }
    Ok(Value::Bool(is_instance(&args.positional[0], kind)))
}

fn issubclass(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let is_class = |v: &Value| matches!(v, Value::Class(_) | Value::Builtin(_));
    let (cls, info) = (&args.positional[0], &args.positional[1]);
    if !is_class(cls) {
        return fail(ErrorKind::TypeError, args.span, "issubclass() arg 1 must be a class");
    }
    let classes: Vec<&Value> = match info {
        Value::Tuple(items) => items.iter().collect(),
        one => vec![one],
    };
    if !classes.iter().all(|c| is_class(c)) {
        return fail(
            ErrorKind::TypeError,
            args.span,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        );
    }
    Ok(Value::Bool(classes.into_iter().any(|class| subclass(cls, class))))
}

/// Whether `a` is `b` or derives from it: user classes by their bases, built-in types by
/// Python's few relations (`bool` is an `int`, error classes' hierarchy), every class an
/// `object`.
fn subclass(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Class(a), Value::Class(b)) => a.is_subclass_of(b),
        (Value::Class(a), Value::Builtin(b)) => {
            matches!((a.error_kind, ErrorKind::from_name(b.name)), (Some(x), Some(y)) if x.is_a(y))
        }
        (_, Value::Class(b)) => b.base.is_none() && b.name.as_str() == "object",
        (Value::Builtin(a), Value::Builtin(b)) => {
            a.name == b.name
                || (a.name == "bool" && b.name == "int")
                || matches!(
                    (ErrorKind::from_name(a.name), ErrorKind::from_name(b.name)),
                    (Some(x), Some(y)) if x.is_a(y)
                )
        }
        _ => false,
    }
}

fn repr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::str(&interp.repr(&args.positional[0])?))
}

fn format(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let spec = match args.positional.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("format spec must be a str, not {}", other.type_name()),
            )
        }
    };
    let value = &args.positional[0];
    if spec.is_empty() {
        return Ok(Value::str(&interp.str_of(value)?));
    }
    format_value(value, &spec)
        .map(|s| Value::str(&s))
        .map_err(|m| crate::eval::RuntimeError::new(ErrorKind::ValueError, m, args.span).into())
}

fn attribute_name(args: &CallArgs) -> Eval<Symbol> {
    match &args.positional[1] {
        Value::Str(s) => Ok(Symbol::intern(s)),
        other => fail(
            ErrorKind::TypeError,
            args.span,
            format!("attribute name must be string, not '{}'", other.type_name()),
        ),
    }
}

fn hasattr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let name = attribute_name(&args)?;
    Ok(Value::Bool(interp.get_attr(&args.positional[0], name, args.span).is_ok()))
}

fn getattr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let name = attribute_name(&args)?;
    match (interp.get_attr(&args.positional[0], name, args.span), args.positional.get(2)) {
        (Err(_), Some(default)) => Ok(default.clone()),
        (result, _) => result,
    }
}

fn setattr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let name = attribute_name(&args)?;
    interp.set_attr(&args.positional[0], name, args.positional[2].clone(), args.span)?;
    Ok(Value::None)
}

fn delattr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let name = attribute_name(&args)?;
    interp.del_attr(&args.positional[0], name, args.span)?;
    Ok(Value::None)
}

fn hash(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Int(interp.hash_key(&args.positional[0], args.span)?.python_hash()))
}

fn callable(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(args.positional[0].is_callable()))
}

/// `vars(obj)`: an instance's attributes as a new dict, in the order they were set.
fn vars(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let Value::Instance(instance) = &args.positional[0] else {
        return fail(ErrorKind::TypeError, args.span, "vars() argument must have __dict__ attribute");
    };
    let mut dict = crate::value::Dict::new();
    for (name, value) in instance.fields.borrow().iter() {
        let key = Value::Str(name.as_str().into());
        let hash = crate::value::HashKey::of(&key).expect("strings hash");
        dict.insert(hash, key, value.clone());
    }
    Ok(Value::Dict(std::rc::Rc::new(std::cell::RefCell::new(dict))))
}

fn id(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Int(args.positional[0].identity() as i64))
}
