//! Builtins that repeat, cut and rearrange tensors, or take their triangles:
//! `repeat`, `tile`, `repeat_interleave`, `chunk`, `split`, `unbind`, `movedim`,
//! `unflatten`, `meshgrid`, `broadcast_shapes`, `broadcast_tensors`, `tril`, `triu`, `diag`, `trace`, and the `new_*` makers.

use super::args::{arg, int_list, int_of, ints_of, missing, required, tensor_arg};
use super::convert::{dtype_arg, tensor_from_data};
use super::create::shape_args;
use super::error_at;
use super::methods::rest_or_keyword;
use crate::autograd::ops::{axes, replicate, split, triangular};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(repeat, "repeat(*args, **kwargs)"),
    Builtin::both(repeat, "tile(*args, **kwargs)"),
    Builtin::both(repeat_interleave, "repeat_interleave(*args, **kwargs)"),
    Builtin::both(chunk, "chunk(*args, **kwargs)"),
    Builtin::both(split_, "split(*args, **kwargs)"),
    Builtin::both(unbind, "unbind(*args, **kwargs)"),
    Builtin::both(movedim, "movedim(*args, **kwargs)"),
    Builtin::both(movedim, "moveaxis(*args, **kwargs)"),
    Builtin::both(unflatten, "unflatten(*args, **kwargs)"),
    Builtin::both(meshgrid, "meshgrid(*args, **kwargs)"),
    Builtin::both(broadcast_shapes, "broadcast_shapes(*args, **kwargs)"),
    Builtin::both(broadcast_tensors, "broadcast_tensors(*args, **kwargs)"),
    Builtin::both(broadcast_tensors, "broadcast_all(*args, **kwargs)"),
    Builtin::both(triangle, "tril(*args, **kwargs)"),
    Builtin::both(triangle, "triu(*args, **kwargs)"),
    Builtin::both(diag, "diag(*args, **kwargs)"),
    Builtin::both(trace, "trace(*args, **kwargs)"),
];

/// Methods only: `x.new_tensor(data)`, `x.new_zeros(2, 3)`, ... take `x`'s dtype.
pub static METHODS: &[Builtin] = &[
    Builtin::method(new_tensor, "new_tensor(*args, **kwargs)"),
    Builtin::method(new_filled, "new_zeros(*args, **kwargs)"),
    Builtin::method(new_filled, "new_ones(*args, **kwargs)"),
    Builtin::method(new_filled, "new_empty(*args, **kwargs)"),
    Builtin::method(new_filled, "new_full(*args, **kwargs)"),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn tuple_of(result: TensorResult<Vec<Tensor>>, args: &CallArgs) -> Eval<Value> {
    let parts = result.map_err(|e| error_at(e, args.span))?;
    Ok(Value::tuple(parts.into_iter().map(Value::Tensor).collect()))
}

fn optional_dim(args: &mut CallArgs, i: usize, default: i64) -> Eval<i64> {
    match arg(args, i, "dim") {
        None | Some(Value::None) => Ok(default),
        Some(v) => int_of(&v, "dim", args.span),
    }
}

/// `x.repeat(2, 3)` / `x.tile((2, 3))` / `tile(x, (2, 3))`.
fn repeat(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let name = if args.function == "tile" { "dims" } else { "repeats" };
    let given = rest_or_keyword(&mut args, name);
    let reps = int_list(&given, name, args.span)?;
    let result =
        if args.function == "tile" { replicate::tile(&t, &reps) } else { replicate::repeat(&t, &reps) };
    done(result, &args)
}

/// `repeat_interleave(x, repeats, dim=none)`; `repeat_interleave(counts)` repeats
/// each index `counts[i]` times.
fn repeat_interleave(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dim = match arg(&mut args, 2, "dim") {
        None | Some(Value::None) => None,
        Some(v) => Some(int_of(&v, "dim", args.span)?),
    };
    let _output_size = args.keyword("output_size");
    let Some(repeats) = arg(&mut args, 1, "repeats") else {
        let counts = t.to_i64_vec();
        let n = counts.len();
        let indices = Tensor::from_vec((0..n as i64).collect::<Vec<_>>(), &[n]);
        return done(replicate::repeat_interleave(&indices, &counts, None), &args);
    };
    let counts = match &repeats {
        Value::Tensor(r) if r.ndim() <= 1 => r.to_i64_vec(),
        other => ints_of(other, "repeats", args.span)?,
    };
    done(replicate::repeat_interleave(&t, &counts, dim), &args)
}

fn chunk(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let chunks = required(&mut args, 1, "chunks")?;
    let chunks = int_of(&chunks, "chunks", args.span)?;
    let d = optional_dim(&mut args, 2, 0)?;
    tuple_of(split::chunk(&t, chunks, d), &args)
}

/// `split(x, 2)` (pieces of 2) or `split(x, [1, 3])` (pieces of those sizes).
fn split_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let Some(sizes) = arg(&mut args, 1, "split_size_or_sections").or_else(|| args.keyword("split_size"))
    else {
        return missing(&args, "split_size_or_sections");
    };
    let d = optional_dim(&mut args, 2, 0)?;
    let result = match &sizes {
        Value::List(_) | Value::Tuple(_) => {
            split::split_sizes(&t, &ints_of(&sizes, "split_sizes", args.span)?, d)
        }
        one => split::split(&t, int_of(one, "split_size", args.span)?, d),
    };
    tuple_of(result, &args)
}

fn unbind(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let d = optional_dim(&mut args, 1, 0)?;
    tuple_of(split::unbind(&t, d), &args)
}

fn movedim(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let (Some(source), Some(destination)) = (arg(&mut args, 1, "source"), arg(&mut args, 2, "destination"))
    else {
        return fail("TypeError", args.span, format!("{}() needs source and destination", args.function));
    };
    let source = ints_of(&source, "source", args.span)?;
    let destination = ints_of(&destination, "destination", args.span)?;
    done(axes::movedim(&t, &source, &destination), &args)
}

fn unflatten(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let (Some(d), Some(sizes)) = (arg(&mut args, 1, "dim"), arg(&mut args, 2, "sizes")) else {
        return fail("TypeError", args.span, "unflatten() needs dim and sizes");
    };
    let d = int_of(&d, "dim", args.span)?;
    let sizes = ints_of(&sizes, "sizes", args.span)?;
    done(axes::unflatten(&t, d, &sizes), &args)
}

/// `meshgrid(a, b, indexing="ij")` or `meshgrid([a, b])`.
/// The shape all the given shapes broadcast to, as a `Size`.
fn broadcast_shapes(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut shape: Vec<usize> = Vec::new();
    for given in &args.positional {
        let dims = match given {
            Value::Int(_) => vec![given.clone()],
            other => interp.collect(other, args.span)?,
        };
        let dims = super::create::dims_to_shape(&dims, args.span)?;
        shape = crate::tensor::ops::binary::broadcast(&shape, &dims).map_err(|e| error_at(e, args.span))?;
    }
    Ok(Value::Size(shape.into()))
}

/// The tensors expanded (as views) to their common broadcast shape. `broadcast_all`
/// (torch.distributions' helper) also takes numbers, made tensors of the first
/// tensor's dtype (the default float without one), and returns a list.
fn broadcast_tensors(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let all = args.function == "broadcast_all";
    let items = match args.positional.as_slice() {
        [one @ (Value::List(_) | Value::Tuple(_))] if !all => interp.collect(one, args.span)?,
        many => many.to_vec(),
    };
    let number_dtype = items
        .iter()
        .find_map(|v| match v {
            Value::Tensor(t) => Some(t.dtype()),
            _ => None,
        })
        .unwrap_or(crate::tensor::dtype::DType::DEFAULT_FLOAT);
    let tensors: Vec<Tensor> = items
        .iter()
        .enumerate()
        .map(|(i, item)| match (item, super::convert::scalar_of(item)) {
            (Value::Tensor(t), _) => Ok(t.clone()),
            (_, Some(number)) if all => Ok(Tensor::full(&[], number, number_dtype)),
            (other, _) => fail(
                "TypeError",
                args.span,
                format!(
                    "{}(): expected Tensor{} as element {i}, but got {}",
                    args.function,
                    if all { " or a number" } else { "" },
                    other.type_name()
                ),
            ),
        })
        .collect::<Eval<_>>()?;
    let expanded = || -> TensorResult<Vec<Value>> {
        let mut shape: Vec<usize> = Vec::new();
        for t in &tensors {
            shape = crate::tensor::ops::binary::broadcast(&shape, t.shape())?;
        }
        let sizes: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
        tensors.iter().map(|t| crate::autograd::ops::shape::expand(t, &sizes).map(Value::Tensor)).collect()
    };
    let expanded = expanded().map_err(|e| error_at(e, args.span))?;
    Ok(if all { Value::list(expanded) } else { Value::tuple(expanded) })
}

fn meshgrid(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let xy = match args.keyword("indexing") {
        None => false,
        Some(Value::Str(s)) if &*s == "ij" => false,
        Some(Value::Str(s)) if &*s == "xy" => true,
        Some(other) => {
            return fail(
                "RuntimeError",
                args.span,
                format!(
                    "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {}",
                    other.type_name()
                ),
            )
        }
    };
    let items = match args.positional.as_slice() {
        [one @ (Value::List(_) | Value::Tuple(_))] => interp.collect(one, args.span)?,
        many => many.to_vec(),
    };
    let mut tensors = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::Tensor(t) => tensors.push(t),
            other => {
                return fail(
                    "TypeError",
                    args.span,
                    format!("meshgrid() expects tensors, not {}", other.type_name()),
                )
            }
        }
    }
    tuple_of(axes::meshgrid(&tensors, xy), &args)
}

fn triangle(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let k = arg(&mut args, 1, "diagonal").map_or(Ok(0), |v| int_of(&v, "diagonal", args.span))?;
    done(triangular::triangle(&t, k, args.function == "tril"), &args)
}

fn diag(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let k = arg(&mut args, 1, "diagonal").map_or(Ok(0), |v| int_of(&v, "diagonal", args.span))?;
    done(triangular::diag(&t, k), &args)
}

fn trace(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(triangular::trace(&tensor_arg(&args, 0)?), &args)
}

fn new_tensor(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    args.expect(2, 2)?;
    let t = tensor_arg(&args, 0)?;
    Ok(Value::Tensor(tensor_from_data(&args.positional[1], Some(dtype.unwrap_or(t.dtype())), args.span)?))
}

/// `x.new_zeros(shape)`, `new_ones`, `new_empty`, `x.new_full(shape, value)`.
fn new_filled(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let t = tensor_arg(&args, 0)?;
    args.positional.remove(0);
    let fill = match args.function {
        "new_full" => {
            let value = match args.keyword("fill_value") {
                Some(v) => v,
                None if args.positional.len() == 2 => args.positional.pop().unwrap_or(Value::None),
                None => return missing(&args, "fill_value"),
            };
            super::args::number_of(&value, "fill_value", args.span)?
        }
        "new_ones" => Scalar::Int(1),
        _ => Scalar::Int(0),
    };
    let shape = shape_args(interp, &mut args)?;
    super::create::filled_with(&shape, fill, dtype.unwrap_or(t.dtype()), args.span)
}
