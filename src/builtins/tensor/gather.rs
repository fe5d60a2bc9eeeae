//! `gather`, `scatter`, `scatter_add`, `index_select`, `index_add`, `masked_fill`,
//! `masked_select`, `take`, `put` and `nonzero`, as functions and methods (the in-place
//! `_` forms are in `elementwise::IN_PLACE`).

use super::args::{arg, int_of, required, tensor_arg};
use super::convert::operand;
use super::error_at;
use crate::autograd::ops::{binary, gather, BinaryOp, Operand};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(gather_, "gather(*args, **kwargs)"),
    Builtin::both(scatter, "scatter(*args, **kwargs)"),
    Builtin::both(scatter, "scatter_add(*args, **kwargs)"),
    Builtin::both(index_select, "index_select(*args, **kwargs)"),
    Builtin::both(index_add, "index_add(*args, **kwargs)"),
    Builtin::both(masked_fill, "masked_fill(*args, **kwargs)"),
    Builtin::both(masked_select, "masked_select(*args, **kwargs)"),
    Builtin::both(take, "take(*args, **kwargs)"),
    Builtin::both(put, "put(*args, **kwargs)"),
    Builtin::both(nonzero, "nonzero(*args, **kwargs)"),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn tensor_named(args: &mut CallArgs, i: usize, name: &str) -> Eval<Tensor> {
    match required(args, i, name)? {
        Value::Tensor(t) => Ok(t),
        other => fail(
            "TypeError",
            args.span,
            format!("{}(): argument '{name}' must be Tensor, not {}", args.function, other.type_name()),
        ),
    }
}

fn dim_arg(args: &mut CallArgs, i: usize) -> Eval<i64> {
    let v = required(args, i, "dim")?;
    int_of(&v, "dim", args.span)
}

fn operand_named(args: &mut CallArgs, i: usize, name: &str) -> Eval<Operand> {
    let v = required(args, i, name)?;
    operand(&v).map_or_else(
        || {
            fail(
                "TypeError",
                args.span,
                format!("{}(): argument '{name}' must be Tensor or a number", args.function),
            )
        },
        Ok,
    )
}

fn gather_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dim = dim_arg(&mut args, 1)?;
    let index = tensor_named(&mut args, 2, "index")?;
    done(gather::gather(&t, dim, &index), &args)
}

/// `scatter(t, dim, index, src)` or `scatter(t, dim, index, value=v)`; `scatter_add`.
fn scatter(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dim = dim_arg(&mut args, 1)?;
    let index = tensor_named(&mut args, 2, "index")?;
    let src = match args.keyword("value") {
        Some(v) => operand(&v).unwrap_or(Operand::Scalar(Scalar::Int(0))),
        None => operand_named(&mut args, 3, "src")?,
    };
    done(gather::scatter(&t, dim, &index, &src, args.function == "scatter_add"), &args)
}

fn index_select(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dim = dim_arg(&mut args, 1)?;
    let index = tensor_named(&mut args, 2, "index")?;
    done(gather::index_select(&t, dim, &index), &args)
}

fn index_add(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dim = dim_arg(&mut args, 1)?;
    let index = tensor_named(&mut args, 2, "index")?;
    let mut source = tensor_named(&mut args, 3, "source")?;
    if let Some(alpha) = arg(&mut args, 4, "alpha").and_then(|v| operand(&v)) {
        source = binary::binary(BinaryOp::Mul, &Operand::Tensor(source), &alpha)
            .map_err(|e| error_at(e, args.span))?;
    }
    done(gather::index_add(&t, dim, &index, &source), &args)
}

fn masked_fill(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let mask = tensor_named(&mut args, 1, "mask")?;
    let value = operand_named(&mut args, 2, "value")?;
    done(gather::masked_fill(&t, &mask, &value), &args)
}

fn masked_select(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let mask = tensor_named(&mut args, 1, "mask")?;
    done(gather::masked_select(&t, &mask), &args)
}

fn take(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let index = tensor_named(&mut args, 1, "index")?;
    done(gather::take(&t, &index), &args)
}

fn put(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let accumulate = arg(&mut args, 3, "accumulate").is_some_and(|v| v.truthy());
    let index = tensor_named(&mut args, 1, "index")?;
    let source = tensor_named(&mut args, 2, "source")?;
    done(gather::put(&t, &index, &source, accumulate), &args)
}

/// `nonzero(t)` (`[n, ndim]` coordinates) or `nonzero(t, as_tuple=true)` (one index
/// tensor per dimension, ready to index with).
fn nonzero(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let as_tuple = args.keyword("as_tuple").is_some_and(|v| v.truthy());
    args.expect(1, 1)?;
    let t = tensor_arg(&args, 0)?;
    let coordinates = gather::nonzero(&t);
    if !as_tuple {
        return Ok(Value::Tensor(coordinates));
    }
    let columns = (0..t.ndim().max(1))
        .map(|d| {
            let column = if t.ndim() == 0 {
                Tensor::from_vec(vec![0i64; coordinates.shape()[0]], &[coordinates.shape()[0]])
            } else {
                coordinates.with_layout(coordinates.layout().select(1, d)).contiguous()
            };
            Value::Tensor(column)
        })
        .collect();
    Ok(Value::tuple(columns))
}
