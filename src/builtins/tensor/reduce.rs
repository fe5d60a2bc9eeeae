//! Reductions as tl functions and methods: `x.sum(dim=1, keepdim=true)`,
//! `max(x, dim=0)` (values and indices), `softmax(x, dim=-1)`, ...
//! The Python builtins `sum`, `max`, `min`, `any`, `all` hand tensors to these.

use super::args::{arg, int_of, ints_of, number_of, required, tensor_arg};
use super::convert::{dtype_arg, operand};
use super::error_at;
use crate::autograd::ops::reduce::{self, Dims, Reduction};
use crate::autograd::ops::{binary, shape::wrap_dim, BinaryOp};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, NamedTuple, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(reduction, "sum(*args, **kwargs)"),
    Builtin::both(reduction, "prod(*args, **kwargs)"),
    Builtin::both(reduction, "mean(*args, **kwargs)"),
    Builtin::both(reduction, "amax(*args, **kwargs)"),
    Builtin::both(reduction, "amin(*args, **kwargs)"),
    Builtin::both(reduction, "all(*args, **kwargs)"),
    Builtin::both(reduction, "any(*args, **kwargs)"),
    Builtin::both(reduction, "count_nonzero(*args, **kwargs)"),
    Builtin::both(reduction, "logsumexp(*args, **kwargs)"),
    Builtin::both(variance, "std(*args, **kwargs)"),
    Builtin::both(variance, "var(*args, **kwargs)"),
    Builtin::both(norm, "norm(*args, **kwargs)"),
    Builtin::both(extreme, "max(*args, **kwargs)"),
    Builtin::both(extreme, "min(*args, **kwargs)"),
    Builtin::both(arg_extreme, "argmax(*args, **kwargs)"),
    Builtin::both(arg_extreme, "argmin(*args, **kwargs)"),
    Builtin::both(softmax, "softmax(*args, **kwargs)"),
    Builtin::both(softmax, "log_softmax(*args, **kwargs)"),
    Builtin::both(cumulative, "cumsum(*args, **kwargs)"),
    Builtin::both(cumulative, "cumprod(*args, **kwargs)"),
    Builtin::both(pairwise, "maximum(*args, **kwargs)"),
    Builtin::both(pairwise, "minimum(*args, **kwargs)"),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

/// The `dim` (int, tuple or `none`) and `keepdim` arguments, `dim` at position `at`.
fn dims(args: &mut CallArgs, t: &Tensor, at: usize) -> Eval<Dims> {
    let dim = arg(args, at, "dim");
    let keepdim = arg(args, at + 1, "keepdim").is_some_and(|v| v.truthy());
    let list = match dim {
        None | Some(Value::None) => None,
        Some(v) => Some(ints_of(&v, "dim", args.span)?),
    };
    Dims::resolve(t, list.as_deref(), keepdim).map_err(|e| error_at(e, args.span))
}

fn reduction(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let t = tensor_arg(&args, 0)?;
    let d = dims(&mut args, &t, 1)?;
    let op = match args.function {
        "sum" => Reduction::Sum,
        "prod" => Reduction::Prod,
        "mean" => Reduction::Mean,
        "amax" => Reduction::Amax,
        "amin" => Reduction::Amin,
        "all" => Reduction::All,
        "any" => Reduction::Any,
        "count_nonzero" => Reduction::CountNonzero,
        _ => Reduction::LogSumExp,
    };
    done(reduce::reduce(op, &t, &d, dtype), &args)
}

fn variance(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let correction = args.keyword("correction");
    let unbiased = args.keyword("unbiased");
    let t = tensor_arg(&args, 0)?;
    // `x.std(0)` gives a dim; `x.std(false)` the legacy `unbiased` flag.
    if let Some(Value::Bool(b)) = args.positional.get(1).cloned() {
        args.positional.remove(1);
        if unbiased.is_none() {
            args.keywords.push((crate::syntax::symbol::Symbol::intern("unbiased"), Value::Bool(b)));
        }
    }
    let unbiased = unbiased.or_else(|| args.keyword("unbiased"));
    let d = dims(&mut args, &t, 1)?;
    let correction = match (correction, unbiased) {
        (Some(c), _) => number_of(&c, "correction", args.span)?.to_f64(),
        (None, Some(u)) => f64::from(u8::from(u.truthy())),
        (None, None) => 1.0,
    };
    done(reduce::variance(&t, &d, correction, args.function == "std"), &args)
}

fn norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let p = arg(&mut args, 1, "p");
    let t = tensor_arg(&args, 0)?;
    let p = match p {
        None | Some(Value::None) => 2.0,
        Some(Value::Str(s)) if &*s == "fro" => 2.0,
        Some(v) => number_of(&v, "p", args.span)?.to_f64(),
    };
    let d = dims(&mut args, &t, 2)?;
    done(reduce::norm(&t, p, &d), &args)
}

/// `max(x)`, `max(x, dim)` → (values, indices), `max(x, other)` → elementwise.
fn extreme(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let is_max = args.function == "max";
    let t = tensor_arg(&args, 0)?;
    if let Some(other @ Value::Tensor(_)) = args.positional.get(1).cloned() {
        args.positional.truncate(1);
        args.positional.push(other);
        args.function = if is_max { "maximum" } else { "minimum" };
        return pairwise(interp, args);
    }
    let dim = arg(&mut args, 1, "dim");
    let keepdim = arg(&mut args, 2, "keepdim").is_some_and(|v| v.truthy());
    match dim {
        None | Some(Value::None) => {
            let op = if is_max { Reduction::Amax } else { Reduction::Amin };
            let all = Dims::resolve(&t, None, false).map_err(|e| error_at(e, args.span))?;
            let result = reduce::reduce(op, &t, &all, None).map_err(|mut e| {
                e.message = e.message.replacen(op.name(), args.function, 1);
                e
            });
            done(result, &args)
        }
        Some(d) => {
            let d = wrap_dim(int_of(&d, "dim", args.span)?, t.ndim()).map_err(|e| error_at(e, args.span))?;
            let (values, indices) =
                reduce::extreme_along(&t, d, keepdim, is_max).map_err(|e| error_at(e, args.span))?;
            Ok(Value::NamedTuple(std::rc::Rc::new(NamedTuple {
                type_name: if is_max { "torch.return_types.max" } else { "torch.return_types.min" },
                fields: &["values", "indices"],
                items: vec![Value::Tensor(values), Value::Tensor(indices)],
            })))
        }
    }
}

fn arg_extreme(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let is_max = args.function == "argmax";
    let t = tensor_arg(&args, 0)?;
    let dim = arg(&mut args, 1, "dim");
    let keepdim = arg(&mut args, 2, "keepdim").is_some_and(|v| v.truthy());
    let result = match dim {
        None | Some(Value::None) => reduce::arg_extreme_flat(&t, is_max),
        Some(d) => {
            let d = wrap_dim(int_of(&d, "dim", args.span)?, t.ndim()).map_err(|e| error_at(e, args.span))?;
            reduce::no_bool_arg_extreme(&t, is_max)
                .and_then(|()| reduce::extreme_along(&t, d, keepdim, is_max))
                .map(|(_, i)| i)
        }
    };
    done(result, &args)
}

fn softmax(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dim = required(&mut args, 1, "dim")?;
    let dtype = dtype_arg(arg(&mut args, 2, "dtype"), args.span)?;
    let t = tensor_arg(&args, 0)?;
    // `dtype=` casts the input first, which is how integer tensors get a softmax.
    let t = match dtype {
        Some(d) => crate::autograd::ops::shape::to_dtype(&t, d).map_err(|e| error_at(e, args.span))?,
        None => t,
    };
    let d = int_of(&dim, "dim", args.span)?;
    done(reduce::softmax(&t, d, args.function == "log_softmax"), &args)
}

fn cumulative(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dim = required(&mut args, 1, "dim")?;
    let t = tensor_arg(&args, 0)?;
    done(reduce::cumulative(&t, int_of(&dim, "dim", args.span)?, args.function == "cumprod"), &args)
}

/// `maximum(a, b)`, `minimum(a, b)`: elementwise, broadcasting.
fn pairwise(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let op = if args.function == "maximum" { BinaryOp::Maximum } else { BinaryOp::Minimum };
    match (operand(&args.positional[0]), operand(&args.positional[1])) {
        (Some(a), Some(b)) => done(binary(op, &a, &b), &args),
        _ => fail("TypeError", args.span, format!("{}() expects tensors", args.function)),
    }
}
