//! Output, types and object introspection: `print`, `warn`, `len`, `type`, `isinstance`,
//! `getattr`, `super`, ...

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::syntax::symbol::Symbol;
use crate::value::format::format_value;
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(print, "print(*args, **kwargs)"),
    Builtin::function(warn, "warn(*args, **kwargs)"),
    Builtin::function(perf_counter, "perf_counter(*args, **kwargs)"),
    Builtin::function(len, "len(*args, **kwargs)"),
    Builtin::function(type_of, "type(*args, **kwargs)"),
    Builtin::function(isinstance, "isinstance(*args, **kwargs)"),
    Builtin::function(issubclass, "issubclass(*args, **kwargs)"),
    Builtin::function(repr, "repr(*args, **kwargs)"),
    Builtin::function(format, "format(*args, **kwargs)"),
    Builtin::function(hasattr, "hasattr(*args, **kwargs)"),
    Builtin::function(getattr, "getattr(*args, **kwargs)"),
    Builtin::function(setattr, "setattr(*args, **kwargs)"),
    Builtin::function(callable, "callable(*args, **kwargs)"),
    Builtin::function(id, "id(*args, **kwargs)"),
    Builtin::function(vars, "vars(*args, **kwargs)"),
    Builtin::function(super_, "super(*args, **kwargs)"),
];

/// Seconds on a monotonic clock, for timing (Python's `time.perf_counter`).
fn perf_counter(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 0)?;
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    Ok(Value::Float(START.with(|start| start.elapsed().as_secs_f64())))
}

fn print(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let sep = text_keyword(interp, &mut args, "sep", " ")?;
    let end = text_keyword(interp, &mut args, "end", "\n")?;
    args.keyword("flush");
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
    Ok(Value::None)
}

/// `warn(message)`: Python's `warnings.warn(message)`, a `UserWarning` on stderr; the
/// program goes on.
fn warn(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let message = interp.str_of(&args.positional[0])?;
    crate::diag::warn("UserWarning", &message);
    Ok(Value::None)
}

fn text_keyword(interp: &mut Interpreter, args: &mut CallArgs, name: &str, default: &str) -> Eval<String> {
    match args.keyword(name) {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => {
            let shown = interp.repr(&other)?;
            fail("TypeError", args.span, format!("{name} must be None or a string, not {shown}"))
        }
    }
}

fn len(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let n = match &args.positional[0] {
        Value::Str(s) => s.chars().count(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Range(r) => r.len(),
        Value::Size(dims) => dims.len(),
        Value::NamedTuple(n) => n.items.len(),
        Value::Tensor(t) if t.ndim() == 0 => return fail("TypeError", args.span, "len() of a 0-d tensor"),
        Value::Tensor(t) => t.shape()[0],
        other => {
            return fail(
                "TypeError",
                args.span,
                format!("object of type '{}' has no len()", other.type_name()),
            )
        }
    };
    Ok(Value::Int(n as i64))
}

fn type_of(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(match &args.positional[0] {
        Value::Instance(inst) => Value::Class(inst.class.clone()),
        other => match super::type_object(&other.type_name()) {
            Some(t) => Value::Builtin(t),
            None => Value::str(&other.type_name()),
        },
    })
}

/// Whether `value` is of the type `kind` (a class, a type builtin, or a tuple of them).
fn is_instance(value: &Value, kind: &Value) -> bool {
    match kind {
        Value::Class(class) => matches!(value, Value::Instance(i) if i.class.is_subclass_of(class)),
        Value::Builtin(b) => match (b.name, value) {
            ("int", Value::Bool(_)) => true,
            ("Exception", Value::Error(_)) => true,
            (name, v) => v.type_name() == name,
        },
        Value::Tuple(kinds) => kinds.iter().any(|k| is_instance(value, k)),
        _ => false,
    }
}

fn isinstance(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let kind = &args.positional[1];
    let valid = |k: &Value| matches!(k, Value::Class(_) | Value::Builtin(_));
    let all_valid = match kind {
        Value::Tuple(ks) => ks.iter().all(valid),
        k => valid(k),
    };
    if !all_valid {
        return fail("TypeError", args.span, "isinstance() arg 2 must be a type or tuple of types");
    }
    Ok(Value::Bool(is_instance(&args.positional[0], kind)))
}

fn issubclass(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    match (&args.positional[0], &args.positional[1]) {
        (Value::Class(a), Value::Class(b)) => Ok(Value::Bool(a.is_subclass_of(b))),
        (Value::Builtin(a), Value::Builtin(b)) => Ok(Value::Bool(a.name == b.name)),
        (Value::Class(_) | Value::Builtin(_), _) => {
            fail("TypeError", args.span, "issubclass() arg 2 must be a class")
        }
        _ => fail("TypeError", args.span, "issubclass() arg 1 must be a class"),
    }
}

fn repr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::str(&interp.repr(&args.positional[0])?))
}

fn format(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 2)?;
    let spec = match args.positional.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return fail(
                "TypeError",
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
        .map_err(|m| crate::eval::RuntimeError::new("ValueError", m, args.span).into())
}

fn attribute_name(args: &CallArgs) -> Eval<Symbol> {
    match &args.positional[1] {
        Value::Str(s) => Ok(Symbol::intern(s)),
        other => fail(
            "TypeError",
            args.span,
            format!("attribute name must be string, not '{}'", other.type_name()),
        ),
    }
}

fn hasattr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let name = attribute_name(&args)?;
    Ok(Value::Bool(interp.get_attr(&args.positional[0], name, args.span).is_ok()))
}

fn getattr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 3)?;
    let name = attribute_name(&args)?;
    match (interp.get_attr(&args.positional[0], name, args.span), args.positional.get(2)) {
        (Err(_), Some(default)) => Ok(default.clone()),
        (result, _) => result,
    }
}

fn setattr(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(3, 3)?;
    let name = attribute_name(&args)?;
    interp.set_attr(&args.positional[0], name, args.positional[2].clone(), args.span)?;
    Ok(Value::None)
}

fn callable(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Bool(args.positional[0].is_callable()))
}

/// `vars(obj)`: an instance's attributes as a new dict, in the order they were set.
fn vars(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let Value::Instance(instance) = &args.positional[0] else {
        return fail("TypeError", args.span, "vars() argument must have __dict__ attribute");
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
    args.expect(1, 1)?;
    Ok(Value::Int(args.positional[0].identity() as i64))
}

fn super_(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, 0)?;
    interp.super_of_current(args.span)
}
