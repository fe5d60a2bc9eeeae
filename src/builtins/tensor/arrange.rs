//! Builtins that repeat, cut and rearrange tensors, or take their triangles:
//! `repeat`, `tile`, `repeat_interleave`, `chunk`, `split`, `unbind`, `movedim`,
//! `unflatten`, `meshgrid`, `broadcast_shapes`, `broadcast_tensors`, `tril`, `triu`, `diag`, `trace`, and the `new_*` makers.

use super::args::{arg, int_list, int_of, ints_of, required, tensor_arg};
use super::convert::{dtype_arg, tensor_from_data};
use super::create::shape_args;
use super::error_at;
use super::methods::rest_or_keyword;
use crate::autograd::ops::{axes, replicate, split, triangular};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::method(
        |interp, args| repeat(false, interp, args),
        "repeat(self, *repeats) -> Tensor

Tiles the tensor: a copy repeated `repeats[i]` times along dim `i`; more repeats than
dims add leading dims.

Args:
    self: the tensor
    repeats: how many times along each dim, one by one or as one sequence
Returns: a new tensor
Example: tensor([1, 2]).repeat(2)  # tensor([1, 2, 1, 2])",
    ),
    Builtin::both(
        |interp, args| repeat(true, interp, args),
        "tile(input, *dims) -> Tensor

Tiles the tensor like `repeat`, except that fewer repeats than dims leave the leading
dims as they are.

Args:
    input: the tensor
    dims: how many times along each dim, one by one or as one sequence
Returns: a new tensor
Example: tile(tensor([1, 2]), (2,))  # tensor([1, 2, 1, 2])",
    ),
    Builtin::both(
        repeat_interleave,
        "repeat_interleave(input, repeats=None, dim=None, *, output_size=None) -> Tensor

Repeats each element (or each slice along `dim`) `repeats` times in place, next to
itself. With `input` alone, it is the counts: index `i` is repeated `input[i]` times.

Args:
    input: the tensor, or the counts when `repeats` is not given
    repeats: an int, or a tensor of one count per element (or slice)
    dim: the dim to repeat along; `None` repeats the flattened tensor
    output_size: the length of the result along `dim`, checked when given
Returns: a new tensor
Example: repeat_interleave(tensor([1, 2]), 2)  # tensor([1, 1, 2, 2])",
    ),
    Builtin::both(
        chunk,
        "chunk(input, chunks, dim=0) -> tuple of Tensors

Cuts the tensor into at most `chunks` pieces of equal size along `dim` (the last may be
smaller).

Args:
    input: the tensor
    chunks: how many pieces at most
    dim: the dim to cut
Returns: a tuple of views
Example: chunk(arange(5), 2)  # (tensor([0, 1, 2]), tensor([3, 4]))",
    ),
    Builtin::function(
        split_,
        "split(tensor, split_size_or_sections, dim=0) -> tuple of Tensors

Cuts the tensor along `dim` into pieces of one size (the last may be smaller), or of
the sizes listed.

Args:
    tensor: the tensor
    split_size_or_sections: the size of every piece, or a list of the sizes
    dim: the dim to cut
Returns: a tuple of views
Example: split(arange(5), [1, 4])  # (tensor([0]), tensor([1, 2, 3, 4]))",
    ),
    Builtin::both(
        unbind,
        "unbind(input, dim=0) -> tuple of Tensors

The slices along `dim`, each without that dim.

Args:
    input: the tensor
    dim: the dim to take apart
Returns: a tuple of views
Example: unbind(tensor([[1, 2], [3, 4]]))  # (tensor([1, 2]), tensor([3, 4]))",
    ),
    Builtin::both(
        movedim,
        "movedim(input, source, destination) -> Tensor

Moves dims to new positions, the others keeping their order.

Args:
    input: the tensor
    source: a dim or sequence of dims to move
    destination: where each of them goes
Returns: a view
Example: movedim(zeros(2, 3, 4), 0, -1).shape  # torch.Size([3, 4, 2])",
    ),
    Builtin::both(
        movedim,
        "moveaxis(input, source, destination) -> Tensor

Moves dims to new positions; NumPy's name for `movedim`.

Args:
    input: the tensor
    source: a dim or sequence of dims to move
    destination: where each of them goes
Returns: a view
Example: moveaxis(zeros(2, 3, 4), 0, -1).shape  # torch.Size([3, 4, 2])",
    ),
    Builtin::both(
        unflatten,
        "unflatten(input, dim, sizes) -> Tensor

Splits one dim into several whose sizes multiply to its size.

Args:
    input: the tensor
    dim: the dim to split
    sizes: the new sizes; one may be -1
Returns: a view
Example: unflatten(zeros(2, 6), 1, (2, 3)).shape  # torch.Size([2, 2, 3])",
    ),
    Builtin::function(
        meshgrid,
        "meshgrid(*tensors, indexing=None) -> tuple of Tensors

Coordinate grids from 1-d tensors: result `i` holds `tensors[i]` spread over the grid.

Args:
    tensors: 1-d tensors, one by one or as one sequence
    indexing: 'ij' (the default: dim `i` follows `tensors[i]`) or 'xy' (the first two swapped)
Returns: a tuple of tensors, one per input
Example: meshgrid(tensor([1, 2]), tensor([3, 4, 5]), indexing='ij')[0].shape  # torch.Size([2, 3])",
    ),
    Builtin::function(
        broadcast_shapes,
        "broadcast_shapes(*shapes) -> Size

The shape that tensors of the given shapes broadcast to, without making any tensor.

Args:
    shapes: shapes (tuples, lists, sizes or ints)
Returns: a `torch.Size`
Example: broadcast_shapes((2, 1), (3,))  # torch.Size([2, 3])",
    ),
    Builtin::function(
        |interp, args| broadcast_tensors(false, interp, args),
        "broadcast_tensors(*tensors) -> tuple of Tensors

The tensors expanded, without copying, to the shape they broadcast to together.

Args:
    tensors: tensors, one by one or as one sequence
Returns: a tuple of views
Example: broadcast_tensors(tensor([1, 2]), tensor([[0], [1]]))[0].shape  # torch.Size([2, 2])",
    ),
    Builtin::function(
        |interp, args| broadcast_tensors(true, interp, args),
        "broadcast_all(*values) -> list of Tensors

Like `broadcast_tensors`, but numbers are accepted too, made tensors of the first
tensor's dtype (the default float without one); torch.distributions' helper.

Args:
    values: tensors and numbers
Returns: a list of tensors
Example: broadcast_all(tensor([1., 2.]), 3)[1]  # tensor([3., 3.])",
    ),
    Builtin::both(
        |interp, args| triangle(true, interp, args),
        "tril(input, diagonal=0, *, out=None) -> Tensor

The lower triangle of the matrices in the last two dims; the rest set to 0.

Args:
    input: a tensor of at least 2 dims
    diagonal: which diagonal bounds the triangle: 0 the main one, above it when positive
    out: a tensor to write the result into
Returns: a new tensor
Example: tril(tensor([[1, 2], [3, 4]])).tolist()  # [[1, 0], [3, 4]]",
    ),
    Builtin::both(
        |interp, args| triangle(false, interp, args),
        "triu(input, diagonal=0, *, out=None) -> Tensor

The upper triangle of the matrices in the last two dims; the rest set to 0.

Args:
    input: a tensor of at least 2 dims
    diagonal: which diagonal bounds the triangle: 0 the main one, above it when positive
    out: a tensor to write the result into
Returns: a new tensor
Example: triu(tensor([[1, 2], [3, 4]])).tolist()  # [[1, 2], [0, 4]]",
    ),
    Builtin::both(
        diag,
        "diag(input, diagonal=0, *, out=None) -> Tensor

From a vector, the square matrix with it on a diagonal; from a matrix, that diagonal.

Args:
    input: a 1-d or 2-d tensor
    diagonal: which diagonal: 0 the main one, above it when positive, below when negative
    out: a tensor to write the result into
Returns: a new tensor
Example: diag(tensor([[1, 2], [3, 4]]))  # tensor([1, 4])",
    ),
    Builtin::both(
        trace,
        "trace(input) -> Tensor

The sum of the main diagonal of a matrix.

Args:
    input: a 2-d tensor
Returns: a 0-d tensor
Example: trace(tensor([[1, 2], [3, 4]]))  # tensor(5)",
    ),
];

/// Methods only: `x.new_tensor(data)`, `x.new_zeros(2, 3)`, ... take `x`'s dtype.
pub static METHODS: &[Builtin] = &[
    Builtin::method(
        split_,
        "split(self, split_size, dim=0) -> tuple of Tensors

`split(self, split_size, dim)` under the parameter name PyTorch's method uses: pieces
of one size along `dim` (the last may be smaller), or of the sizes listed.

Args:
    self: the tensor
    split_size: the size of every piece, or a list of the sizes
    dim: the dim to cut
Returns: a tuple of views
Example: arange(5).split(2)  # (tensor([0, 1]), tensor([2, 3]), tensor([4]))",
    ),
    Builtin::method(
        new_tensor,
        "new_tensor(self, data, *, dtype=None) -> Tensor

A new tensor of `data`, of this tensor's dtype unless `dtype` says otherwise.

Args:
    self: the tensor whose dtype is taken
    data: a number, or nested lists of numbers, or a tensor (copied)
    dtype: the dtype of the result
Returns: a new tensor
Example: tensor([1., 2.]).new_tensor([3, 4])  # tensor([3., 4.])",
    ),
    Builtin::method(
        |interp, args| new_filled(Some(Scalar::Int(0)), interp, args),
        "new_zeros(self, *size, dtype=None) -> Tensor

A tensor of zeros of the given shape, of this tensor's dtype unless `dtype` says otherwise.

Args:
    self: the tensor whose dtype is taken
    size: the shape, one by one or as one sequence
    dtype: the dtype of the result
Returns: a new tensor
Example: tensor([1, 2]).new_zeros(3)  # tensor([0, 0, 0])",
    ),
    Builtin::method(
        |interp, args| new_filled(Some(Scalar::Int(1)), interp, args),
        "new_ones(self, *size, dtype=None) -> Tensor

A tensor of ones of the given shape, of this tensor's dtype unless `dtype` says otherwise.

Args:
    self: the tensor whose dtype is taken
    size: the shape, one by one or as one sequence
    dtype: the dtype of the result
Returns: a new tensor
Example: tensor([1, 2]).new_ones(2, dtype=float32)  # tensor([1., 1.])",
    ),
    Builtin::method(
        |interp, args| new_filled(Some(Scalar::Int(0)), interp, args),
        "new_empty(self, *size, dtype=None) -> Tensor

A tensor of the given shape whose values are not to be relied on, of this tensor's
dtype unless `dtype` says otherwise.

Args:
    self: the tensor whose dtype is taken
    size: the shape, one by one or as one sequence
    dtype: the dtype of the result
Returns: a new tensor
Example: tensor([1., 2.]).new_empty(2).shape  # torch.Size([2])",
    ),
    Builtin::method(
        |interp, args| new_filled(None, interp, args),
        "new_full(self, size, fill_value, *, dtype=None) -> Tensor

A tensor of the given shape filled with `fill_value`, of this tensor's dtype unless
`dtype` says otherwise.

Args:
    self: the tensor whose dtype is taken
    size: the shape, a sequence
    fill_value: the number every element holds
    dtype: the dtype of the result
Returns: a new tensor
Example: tensor([1, 2]).new_full((2,), 7)  # tensor([7, 7])",
    ),
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
fn repeat(tile: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let name = if tile { "dims" } else { "repeats" };
    let given = rest_or_keyword(&mut args, name);
    let reps = int_list(&given, name, args.span)?;
    let result = if tile { replicate::tile(&t, &reps) } else { replicate::repeat(&t, &reps) };
    done(result, &args)
}

/// `repeat_interleave(x, repeats, dim=none)`; `repeat_interleave(counts)` repeats
/// each index `counts[i]` times. `output_size=` is checked against the result.
fn repeat_interleave(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let repeats = arg(&mut args, 1, "repeats");
    let dim = match arg(&mut args, 2, "dim") {
        None | Some(Value::None) => None,
        Some(v) => Some(int_of(&v, "dim", args.span)?),
    };
    let output_size = match args.keyword("output_size") {
        None | Some(Value::None) => None,
        Some(v) => Some(int_of(&v, "output_size", args.span)?),
    };
    let int_repeats = matches!(repeats, Some(Value::Int(_) | Value::Bool(_)));
    let result = match repeats {
        None | Some(Value::None) => {
            let counts = t.to_i64_vec();
            let n = counts.len();
            let indices = Tensor::from_vec((0..n as i64).collect::<Vec<_>>(), &[n]);
            replicate::repeat_interleave(&indices, &counts, None)
        }
        Some(repeats) => {
            let counts = match &repeats {
                Value::Tensor(r) if r.ndim() <= 1 => r.to_i64_vec(),
                other => ints_of(other, "repeats", args.span)?,
            };
            replicate::repeat_interleave(&t, &counts, dim)
        }
    }
    .map_err(|e| error_at(e, args.span))?;
    if let Some(wanted) = output_size {
        let got = match dim {
            Some(d) if result.ndim() > 0 => {
                let d = crate::autograd::ops::shape::wrap_dim(d, result.ndim())
                    .map_err(|e| error_at(e, args.span))?;
                result.shape()[d]
            }
            _ => result.numel(),
        } as i64;
        if got != wanted {
            let message = if int_repeats {
                format!("repeat_interleave: Invalid output_size, expected {got} but got {wanted}")
            } else {
                "allocated size does not match required size".to_string()
            };
            return fail(ErrorKind::RuntimeError, args.span, message);
        }
    }
    Ok(Value::Tensor(result))
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
    let sizes = required(&mut args, 1, "split_size_or_sections")?;
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
    let source = required(&mut args, 1, "source")?;
    let destination = required(&mut args, 2, "destination")?;
    let source = ints_of(&source, "source", args.span)?;
    let destination = ints_of(&destination, "destination", args.span)?;
    done(axes::movedim(&t, &source, &destination), &args)
}

fn unflatten(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let d = required(&mut args, 1, "dim")?;
    let d = int_of(&d, "dim", args.span)?;
    let sizes = required(&mut args, 2, "sizes")?;
    let sizes = ints_of(&sizes, "sizes", args.span)?;
    done(axes::unflatten(&t, d, &sizes), &args)
}

/// The values of a `*name` parameter: the positional arguments, or everything under
/// the keyword `name=` (which the binder allows for a `*name`).
fn var_args(interp: &mut Interpreter, args: &mut CallArgs, name: &str) -> Eval<Vec<Value>> {
    match args.keyword(name) {
        Some(all) => interp.collect(&all, args.span),
        None => Ok(std::mem::take(&mut args.positional)),
    }
}

/// The shape all the given shapes broadcast to, as a `Size`.
fn broadcast_shapes(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let mut shape: Vec<usize> = Vec::new();
    for given in &var_args(interp, &mut args, "shapes")? {
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
fn broadcast_tensors(all: bool, interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let given = var_args(interp, &mut args, if all { "values" } else { "tensors" })?;
    let items = match given.as_slice() {
        [one @ (Value::List(_) | Value::Tuple(_))] if !all => interp.collect(one, args.span)?,
        many => many.to_vec(),
    };
    let number_dtype = items
        .iter()
        .find_map(|v| match v {
            Value::Tensor(t) => Some(t.dtype()),
            _ => None,
        })
        .unwrap_or(crate::storage::dtype::DType::DEFAULT_FLOAT);
    let tensors: Vec<Tensor> = items
        .iter()
        .enumerate()
        .map(|(i, item)| match (item, super::convert::scalar_of(item)) {
            (Value::Tensor(t), _) => Ok(t.clone()),
            (_, Some(number)) if all => Ok(Tensor::full(&[], number, number_dtype)),
            (other, _) => fail(
                ErrorKind::TypeError,
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

/// `meshgrid(a, b, indexing="ij")` or `meshgrid([a, b])`.
fn meshgrid(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let xy = match args.keyword("indexing") {
        None | Some(Value::None) => false,
        Some(Value::Str(s)) if &*s == "ij" => false,
        Some(Value::Str(s)) if &*s == "xy" => true,
        Some(Value::Str(s)) => {
            return fail(
                ErrorKind::RuntimeError,
                args.span,
                format!("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {s}"),
            )
        }
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("meshgrid(): argument 'indexing' must be str, not {}", other.type_name()),
            )
        }
    };
    let given = var_args(interp, &mut args, "tensors")?;
    let items = match given.as_slice() {
        [one @ (Value::List(_) | Value::Tuple(_))] => interp.collect(one, args.span)?,
        many => many.to_vec(),
    };
    let mut tensors = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::Tensor(t) => tensors.push(t),
            other => {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("meshgrid() expects tensors, not {}", other.type_name()),
                )
            }
        }
    }
    tuple_of(axes::meshgrid(&tensors, xy), &args)
}

fn triangle(lower: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let k = arg(&mut args, 1, "diagonal").map_or(Ok(0), |v| int_of(&v, "diagonal", args.span))?;
    done(triangular::triangle(&t, k, lower), &args)
}

fn diag(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let k = arg(&mut args, 1, "diagonal").map_or(Ok(0), |v| int_of(&v, "diagonal", args.span))?;
    done(triangular::diag(&t, k), &args)
}

fn trace(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    done(triangular::trace(&tensor_arg(&args, 0)?), &args)
}

fn new_tensor(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let t = tensor_arg(&args, 0)?;
    let data = required(&mut args, 1, "data")?;
    Ok(Value::Tensor(tensor_from_data(&data, Some(dtype.unwrap_or(t.dtype())), args.span)?))
}

/// `x.new_zeros(*size)`, `new_ones`, `new_empty`, `x.new_full(size, fill_value)`.
/// `fill` is the value of `new_zeros`/`new_ones`/`new_empty`; `None` for `new_full`,
/// which takes it as its `fill_value`.
fn new_filled(fill: Option<Scalar>, interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let t = tensor_arg(&args, 0)?;
    let (fill, shape) = match fill {
        None => {
            let size = required(&mut args, 1, "size")?;
            let value = required(&mut args, 2, "fill_value")?;
            let dims = interp.collect(&size, args.span)?;
            let fill = super::args::number_of(&value, "fill_value", args.span)?;
            (fill, super::create::dims_to_shape(&dims, args.span)?)
        }
        Some(fill) => {
            args.positional.remove(0);
            (fill, shape_args(interp, &mut args)?)
        }
    };
    super::create::filled_with(&shape, fill, dtype.unwrap_or(t.dtype()), args.span)
}
