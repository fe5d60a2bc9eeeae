//! Reading the arguments of tensor functions: the tensor itself, dims, shapes.

use super::convert::scalar_of;
use crate::eval::{fail, CallArgs, Eval};
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::tensor::scalar::Scalar;
use crate::tensor::Tensor;
use crate::value::Value;

/// Positional argument `i` as a tensor, with PyTorch's message otherwise.
pub fn tensor_arg(args: &CallArgs, i: usize) -> Eval<Tensor> {
    match args.positional.get(i) {
        Some(Value::Tensor(t)) => Ok(t.clone()),
        Some(other) => fail(
            ErrorKind::TypeError,
            args.span,
            format!(
                "{}(): argument 'input' (position {}) must be Tensor, not {}",
                args.function,
                i + 1,
                other.type_name()
            ),
        ),
        None => missing(args, "input"),
    }
}

/// A value that must be an int (a one-element integer tensor counts).
pub fn int_of(value: &Value, what: &str, span: Span) -> Eval<i64> {
    match value {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Tensor(t) if t.numel() == 1 && !t.dtype().is_float() => Ok(t.to_i64_vec()[0]),
        other => {
            fail(ErrorKind::TypeError, span, format!("{what} must be an int, not {}", other.type_name()))
        }
    }
}

/// A value that must be a number (a one-element tensor counts).
pub fn number_of(value: &Value, what: &str, span: Span) -> Eval<Scalar> {
    match value {
        Value::Tensor(t) if t.numel() == 1 => t.item().map_err(|e| super::error_at(e, span)),
        other => scalar_of(other).map_or_else(
            || {
                fail(
                    ErrorKind::TypeError,
                    span,
                    format!("{what} must be a number, not {}", other.type_name()),
                )
            },
            Ok,
        ),
    }
}

/// Ints given as `f(2, 3)` or `f((2, 3))` / `f([2, 3])` / `f(x.shape)`.
pub fn int_list(values: &[Value], what: &str, span: Span) -> Eval<Vec<i64>> {
    let items: Vec<Value> = match values {
        [Value::List(l)] => l.borrow().clone(),
        [Value::Tuple(t)] => t.to_vec(),
        [Value::Size(dims)] => dims.iter().map(|&d| Value::Int(d as i64)).collect(),
        many => many.to_vec(),
    };
    items.iter().map(|v| int_of(v, what, span)).collect()
}

/// The ints of a single value that is an int or a sequence of ints.
pub fn ints_of(value: &Value, what: &str, span: Span) -> Eval<Vec<i64>> {
    match value {
        Value::Int(_) | Value::Bool(_) | Value::Tensor(_) => Ok(vec![int_of(value, what, span)?]),
        other => int_list(std::slice::from_ref(other), what, span),
    }
}

/// A keyword or the positional argument at `i`, whichever is given.
pub fn arg(args: &mut CallArgs, i: usize, name: &str) -> Option<Value> {
    args.keyword(name).or_else(|| args.positional.get(i).cloned())
}

/// A required argument, by position or keyword.
pub fn required(args: &mut CallArgs, i: usize, name: &str) -> Eval<Value> {
    match arg(args, i, name) {
        Some(v) => Ok(v),
        None => missing(args, name),
    }
}

/// The error for a required argument not given, worded as the binder words it.
pub fn missing<T>(args: &CallArgs, name: &str) -> Eval<T> {
    fail(ErrorKind::TypeError, args.span, crate::eval::missing_arguments(args.function, &[name], false))
}
