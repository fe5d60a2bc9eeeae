//! `gather`, `scatter`, `scatter_add`, `index_select`, `index_add`, `masked_fill`,
//! `masked_select`, `take`, `put` and `nonzero`, as functions and methods (the in-place
//! `_` forms are in `elementwise::IN_PLACE`).

use super::args::{arg, int_of, required, tensor_arg};
use super::convert::operand;
use super::error_at;
use crate::autograd::ops::{binary, gather, BinaryOp, Operand};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(
        gather_,
        "gather(input, dim, index, *, out=None) -> Tensor

Picks elements along `dim` by index: `out[i][j] = input[index[i][j]][j]` for `dim=0`,
and so on for the other dims.

Args:
    input: the tensor to pick from
    dim: the dim the indices run along
    index: an integer tensor of as many dims as `input`; the result has its shape
    out: a tensor to write the result into
Returns: a new tensor
Example: gather(tensor([[1, 2], [3, 4]]), 1, tensor([[1], [0]])).tolist()  # [[2], [3]]",
    ),
    Builtin::both(
        |interp, args| scatter(false, interp, args),
        "scatter(input, dim, index, src=None, *, value=None) -> Tensor

A copy of `input` with the elements of `src` (or the number `value`) written where
`index` says along `dim`: the inverse of `gather`.

Args:
    input: the tensor written into (a copy of it)
    dim: the dim the indices run along
    index: an integer tensor of as many dims as `input`
    src: the tensor (or a number) whose elements are written
    value: a number written everywhere `index` points, instead of `src`
Returns: a new tensor
Example: scatter(zeros(3), 0, tensor([2]), tensor([5.]))  # tensor([0., 0., 5.])",
    ),
    Builtin::both(
        |interp, args| scatter(true, interp, args),
        "scatter_add(input, dim, index, src) -> Tensor

Like `scatter`, but the elements of `src` are added where `index` says, repeated
indices adding up.

Args:
    input: the tensor added into (a copy of it)
    dim: the dim the indices run along
    index: an integer tensor of as many dims as `input`
    src: the tensor whose elements are added
Returns: a new tensor
Example: scatter_add(zeros(3), 0, tensor([2, 2]), tensor([1., 2.]))  # tensor([0., 0., 3.])",
    ),
    Builtin::both(
        index_select,
        "index_select(input, dim, index, *, out=None) -> Tensor

The slices of `input` along `dim` at the given indices, in their order.

Args:
    input: the tensor
    dim: the dim to select along
    index: a 1-d integer tensor of indices
    out: a tensor to write the result into
Returns: a new tensor
Example: index_select(tensor([10, 20, 30]), 0, tensor([2, 0]))  # tensor([30, 10])",
    ),
    Builtin::both(
        index_add,
        "index_add(input, dim, index, source, *, alpha=1, out=None) -> Tensor

A copy of `input` with slice `i` of `source` (times `alpha`) added to slice `index[i]`
along `dim`.

Args:
    input: the tensor added into (a copy of it)
    dim: the dim the indices run along
    index: a 1-d integer tensor, one index per slice of `source`
    source: the tensor whose slices are added
    alpha: a number `source` is multiplied by first
    out: a tensor to write the result into
Returns: a new tensor
Example: index_add(zeros(3), 0, tensor([1]), tensor([5.]))  # tensor([0., 5., 0.])",
    ),
    Builtin::both(
        masked_fill,
        "masked_fill(input, mask, value) -> Tensor

A copy of `input` with `value` wherever `mask` (broadcast to its shape) is true.

Args:
    input: the tensor
    mask: a bool tensor
    value: a number, or a 0-d tensor
Returns: a new tensor
Example: masked_fill(tensor([1, 2, 3]), tensor([true, false, true]), 0)  # tensor([0, 2, 0])",
    ),
    Builtin::both(
        masked_select,
        "masked_select(input, mask, *, out=None) -> Tensor

The elements of `input` where `mask` (broadcast with it) is true, as a 1-d tensor.

Args:
    input: the tensor
    mask: a bool tensor
    out: a tensor to write the result into
Returns: a 1-d tensor
Example: masked_select(tensor([1, 2, 3]), tensor([true, false, true]))  # tensor([1, 3])",
    ),
    Builtin::both(
        take,
        "take(input, index) -> Tensor

The elements of the flattened `input` at the given indices, in the shape of `index`.

Args:
    input: the tensor
    index: an integer tensor of indices into the flattened tensor
Returns: a new tensor
Example: take(tensor([[1, 2], [3, 4]]), tensor([3, 0]))  # tensor([4, 1])",
    ),
    Builtin::both(
        put,
        "put(input, index, source, accumulate=False) -> Tensor

A copy of `input` with the elements of `source` written (or added) at the given indices
into its flattened form.

Args:
    input: the tensor written into (a copy of it)
    index: an integer tensor of indices into the flattened tensor
    source: the values, as many as `index` has
    accumulate: whether to add the values rather than write them
Returns: a new tensor
Example: put(zeros(3), tensor([1]), tensor([9.]))  # tensor([0., 9., 0.])",
    ),
    Builtin::both(
        nonzero,
        "nonzero(input, *, out=None, as_tuple=False) -> LongTensor or tuple of LongTensors

The indices of the nonzero elements: one row of coordinates per element, or one index
tensor per dim with `as_tuple` (ready to index with).

Args:
    input: the tensor
    out: a tensor to write the result into (not with `as_tuple`)
    as_tuple: whether to return a tuple of 1-d index tensors
Returns: a `[n, ndim]` int64 tensor, or a tuple of them
Example: nonzero(tensor([0, 3, 0, 4]), as_tuple=true)  # (tensor([1, 3]),)",
    ),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn tensor_named(args: &mut CallArgs, i: usize, name: &str) -> Eval<Tensor> {
    match required(args, i, name)? {
        Value::Tensor(t) => Ok(t),
        other => fail(
            ErrorKind::TypeError,
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
                ErrorKind::TypeError,
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
fn scatter(add: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dim = dim_arg(&mut args, 1)?;
    let index = tensor_named(&mut args, 2, "index")?;
    let (name, src) = match (arg(&mut args, 3, "src"), args.keyword("value")) {
        (Some(src), None) => ("src", src),
        (None, Some(value)) => ("value", value),
        (None, None) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}() needs src (a tensor) or value (a number)", args.function),
            )
        }
        (Some(_), Some(_)) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}() takes src or value, not both", args.function),
            )
        }
    };
    let Some(src) = operand(&src) else {
        return fail(
            ErrorKind::TypeError,
            args.span,
            format!(
                "{}(): argument '{name}' must be Tensor or a number, not {}",
                args.function,
                src.type_name()
            ),
        );
    };
    done(gather::scatter(&t, dim, &index, &src, add), &args)
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
    if let Some(alpha) = args.keyword("alpha") {
        let Some(alpha) = operand(&alpha) else {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("index_add(): argument 'alpha' must be a number, not {}", alpha.type_name()),
            );
        };
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
