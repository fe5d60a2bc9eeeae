//! Reductions as tl functions and methods: `x.sum(dim=1, keepdim=true)`,
//! `max(x, dim=0)` (values and indices), `softmax(x, dim=-1)`, ...
//! The Python builtins `sum`, `max`, `min`, `any`, `all` hand tensors to these.

use super::args::{arg, int_of, ints_of, number_of, required, tensor_arg};
use super::convert::{dtype_arg, operand};
use super::error_at;
use crate::autograd::ops::reduce::{self, Dims, Reduction};
use crate::autograd::ops::{binary, shape::to_dtype, shape::wrap_dim, BinaryOp};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, NamedTuple, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(
        |interp, args| reduction(Reduction::Sum, interp, args),
        "sum(input, dim=None, keepdim=False, *, dtype=None, out=None) -> Tensor

Adds up the elements of `input`: all of them, or those along `dim`.

Args:
    input: the tensor to sum
    dim: a dim or tuple of dims to reduce; `None` (or `()`) reduces them all
    keepdim: whether the reduced dims stay, with size 1
    dtype: the dtype the input is cast to before summing, and so of the result
    out: a tensor to write the result into
Returns: a tensor
Example: sum(tensor([[1, 2], [3, 4]]), dim=0)  # tensor([4, 6])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::Prod, interp, args),
        "prod(input, dim=None, keepdim=False, *, dtype=None, out=None) -> Tensor

Multiplies the elements of `input` together: all of them, or those along one dim.

Args:
    input: the tensor to multiply out
    dim: the one dim to reduce (an int); `None` reduces them all
    keepdim: whether the reduced dim stays, with size 1
    dtype: the dtype the input is cast to first, and so of the result
    out: a tensor to write the result into
Returns: a tensor
Example: tensor([[1, 2], [3, 4]]).prod(1)  # tensor([ 2, 12])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::Mean, interp, args),
        "mean(input, dim=None, keepdim=False, *, dtype=None, out=None) -> Tensor

The average of the elements of `input`, over all of them or along `dim`; the input
must have a float dtype unless `dtype` gives one.

Args:
    input: the tensor to average
    dim: a dim or tuple of dims to reduce; `None` (or `()`) reduces them all
    keepdim: whether the reduced dims stay, with size 1
    dtype: the dtype the input is cast to first, and so of the result
    out: a tensor to write the result into
Returns: a tensor
Example: tensor([[1., 2.], [3., 5.]]).mean(dim=1)  # tensor([1.5000, 4.0000])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::Amax, interp, args),
        "amax(input, dim=None, keepdim=False, *, out=None) -> Tensor

The largest element of `input`, over all of it or along each of the dims in `dim`,
without indices (NaN wins, as in PyTorch).

Args:
    input: the tensor to search
    dim: a dim or tuple of dims to reduce; `None` (or `()`) reduces them all
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a tensor
Example: amax(tensor([[1, 7], [5, 3]]), dim=0)  # tensor([5, 7])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::Amin, interp, args),
        "amin(input, dim=None, keepdim=False, *, out=None) -> Tensor

The smallest element of `input`, over all of it or along each of the dims in `dim`,
without indices (NaN wins, as in PyTorch).

Args:
    input: the tensor to search
    dim: a dim or tuple of dims to reduce; `None` (or `()`) reduces them all
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a tensor
Example: amin(tensor([[1, 7], [5, 3]]), dim=1)  # tensor([1, 3])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::All, interp, args),
        "all(input, dim=None, keepdim=False, *, out=None) -> Tensor

Whether every element of `input` is nonzero, over all of it or along `dim`; an empty
tuple of dims tests each element on its own.

Args:
    input: the tensor to test
    dim: a dim or tuple of dims to reduce; `None` reduces them all
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a bool tensor
Example: tensor([[1, 0], [2, 3]]).all(dim=1)  # tensor([False,  True])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::Any, interp, args),
        "any(input, dim=None, keepdim=False, *, out=None) -> Tensor

Whether some element of `input` is nonzero, over all of it or along `dim`; an empty
tuple of dims tests each element on its own.

Args:
    input: the tensor to test
    dim: a dim or tuple of dims to reduce; `None` reduces them all
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a bool tensor
Example: tensor([[0, 0], [2, 0]]).any(dim=1)  # tensor([False,  True])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::CountNonzero, interp, args),
        "count_nonzero(input, dim=None) -> Tensor

How many elements of `input` are not zero, in all of it or along `dim`.

Args:
    input: the tensor to count in
    dim: a dim or tuple of dims to count along; `None` (or `()`) counts over all of them
Returns: an int64 tensor
Example: count_nonzero(tensor([[0, 1, 2], [3, 0, 0]]), dim=1)  # tensor([2, 1])",
    ),
    Builtin::both(
        |interp, args| reduction(Reduction::LogSumExp, interp, args),
        "logsumexp(input, dim, keepdim=False, *, out=None) -> Tensor

The log of the sum of the exponentials of the elements along `dim`, computed without
overflowing for large elements.

Args:
    input: the tensor to reduce
    dim: a dim or tuple of dims to reduce (required)
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a tensor
Example: tensor([[0., 0.], [1., 1.]]).logsumexp(1)  # tensor([0.6931, 1.6931])",
    ),
    Builtin::both(
        |interp, args| variance(true, interp, args),
        "std(input, dim=None, unbiased=True, keepdim=False, *, correction=1, out=None) -> Tensor

The standard deviation of the elements of `input`, over all of them or along `dim`: the
square root of the sum of squared deviations from the mean over N - `correction`.
`unbiased` is PyTorch's older flag for the same thing (`False` is `correction=0`), and
`x.std(False)` is that flag alone.

Args:
    input: the tensor to reduce
    dim: a dim or tuple of dims to reduce; `None` (or `()`) reduces them all
    unbiased: whether to divide by N - 1 (`True`) or N (`False`); not with `correction`
    keepdim: whether the reduced dims stay, with size 1
    correction: what is taken from N before dividing: 1 (Bessel's), 0 (the population's) or any number
    out: a tensor to write the result into
Returns: a tensor
Example: tensor([[1., 3.], [2., 6.]]).std(dim=1, correction=0)  # tensor([1., 2.])",
    ),
    Builtin::both(
        |interp, args| variance(false, interp, args),
        "var(input, dim=None, unbiased=True, keepdim=False, *, correction=1, out=None) -> Tensor

The variance of the elements of `input`, over all of them or along `dim`: the sum of
squared deviations from the mean over N - `correction`. `unbiased` is PyTorch's older
flag for the same thing (`False` is `correction=0`), and `x.var(False)` is that flag alone.

Args:
    input: the tensor to reduce
    dim: a dim or tuple of dims to reduce; `None` (or `()`) reduces them all
    unbiased: whether to divide by N - 1 (`True`) or N (`False`); not with `correction`
    keepdim: whether the reduced dims stay, with size 1
    correction: what is taken from N before dividing: 1 (Bessel's), 0 (the population's) or any number
    out: a tensor to write the result into
Returns: a tensor
Example: var(tensor([1., 2., 3., 4.]))  # tensor(1.6667)",
    ),
    Builtin::both(
        norm,
        "norm(input, p='fro', dim=None, keepdim=False, *, out=None) -> Tensor

The p-norm of `input` taken as one vector, or of each slice along `dim`: the p-th root
of the sum of |x|^p (`'fro'` is the 2-norm; `inf` and `-inf` the largest and smallest |x|).

Args:
    input: the tensor, of a float dtype
    p: the order, a number, `inf`, `-inf` or `'fro'`
    dim: a dim or tuple of dims to take the norm over; `None` takes it over all of them
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a tensor
Example: tensor([[3., 4.], [6., 8.]]).norm(dim=1)  # tensor([ 5., 10.])",
    ),
    Builtin::both(
        |interp, args| extreme(true, interp, args),
        "max(input, dim=None, keepdim=False, *, other=None, out=None) -> Tensor or (Tensor, Tensor)

The largest element of `input`; with `dim`, the largest along it with where it is
(a named tuple `(values, indices)`); with a tensor `other` (second by position or by
name), the larger of each pair of elements, broadcast, as `maximum`.

Args:
    input: the tensor to search
    dim: the one dim to reduce (an int); `None` reduces all of them, without indices
    keepdim: whether the reduced dim stays, with size 1 (only with `dim`)
    other: a tensor to compare with elementwise, instead of reducing
    out: a tensor to write the result into
Returns: a tensor, or `torch.return_types.max(values, indices)` with `dim`
Example: max(tensor([[1, 7], [5, 3]]), 1).indices  # tensor([1, 0])",
    ),
    Builtin::both(
        |interp, args| extreme(false, interp, args),
        "min(input, dim=None, keepdim=False, *, other=None, out=None) -> Tensor or (Tensor, Tensor)

The smallest element of `input`; with `dim`, the smallest along it with where it is
(a named tuple `(values, indices)`); with a tensor `other` (second by position or by
name), the smaller of each pair of elements, broadcast, as `minimum`.

Args:
    input: the tensor to search
    dim: the one dim to reduce (an int); `None` reduces all of them, without indices
    keepdim: whether the reduced dim stays, with size 1 (only with `dim`)
    other: a tensor to compare with elementwise, instead of reducing
    out: a tensor to write the result into
Returns: a tensor, or `torch.return_types.min(values, indices)` with `dim`
Example: tensor([[1, 7], [5, 3]]).min(dim=0).values  # tensor([1, 3])",
    ),
    Builtin::both(
        |interp, args| arg_extreme(true, interp, args),
        "argmax(input, dim=None, keepdim=False, *, out=None) -> Tensor

Where the largest element of `input` is: its index in the flattened tensor, or along
`dim`; the first one when several are equal.

Args:
    input: the tensor to search (not bool)
    dim: the one dim to search along; `None` searches the flattened tensor
    keepdim: whether the reduced dim (every dim, without `dim`) stays, with size 1
    out: a tensor to write the result into
Returns: an int64 tensor
Example: tensor([[1, 7], [5, 3]]).argmax(dim=1)  # tensor([1, 0])",
    ),
    Builtin::both(
        |interp, args| arg_extreme(false, interp, args),
        "argmin(input, dim=None, keepdim=False, *, out=None) -> Tensor

Where the smallest element of `input` is: its index in the flattened tensor, or along
`dim`; the first one when several are equal.

Args:
    input: the tensor to search (not bool)
    dim: the one dim to search along; `None` searches the flattened tensor
    keepdim: whether the reduced dim (every dim, without `dim`) stays, with size 1
    out: a tensor to write the result into
Returns: an int64 tensor
Example: argmin(tensor([[1, 7], [5, 3]]))  # tensor(0)",
    ),
    Builtin::both(
        |interp, args| softmax(false, interp, args),
        "softmax(input, dim, dtype=None, *, out=None) -> Tensor

The exponentials of the elements along `dim`, each slice divided by its sum, so that
every slice along `dim` adds up to 1.

Args:
    input: the tensor, of a float dtype unless `dtype` gives one
    dim: the dim whose slices are normalised
    dtype: the dtype the input is cast to first, and so of the result
    out: a tensor to write the result into
Returns: a tensor shaped like `input`
Example: softmax(tensor([0., 0., 0., 0.]), 0)  # tensor([0.2500, 0.2500, 0.2500, 0.2500])",
    ),
    Builtin::both(
        |interp, args| softmax(true, interp, args),
        "log_softmax(input, dim, dtype=None, *, out=None) -> Tensor

The logarithm of `softmax` along `dim`, computed directly (x minus the logsumexp of
its slice), which stays finite where softmax would underflow.

Args:
    input: the tensor, of a float dtype unless `dtype` gives one
    dim: the dim whose slices are normalised
    dtype: the dtype the input is cast to first, and so of the result
    out: a tensor to write the result into
Returns: a tensor shaped like `input`
Example: tensor([0., 0.]).log_softmax(0)  # tensor([-0.6931, -0.6931])",
    ),
    Builtin::both(
        |interp, args| cumulative(false, interp, args),
        "cumsum(input, dim, *, dtype=None, out=None) -> Tensor

Running sums along `dim`: each element replaced by the sum of it and those before it
in its slice (an integer or bool input sums in int64 unless `dtype` is given).

Args:
    input: the tensor
    dim: the dim to accumulate along
    dtype: the dtype the input is cast to first, and so of the result
    out: a tensor to write the result into
Returns: a tensor shaped like `input`
Example: cumsum(tensor([1, 2, 3, 4]), 0)  # tensor([ 1,  3,  6, 10])",
    ),
    Builtin::both(
        |interp, args| cumulative(true, interp, args),
        "cumprod(input, dim, *, dtype=None, out=None) -> Tensor

Running products along `dim`: each element replaced by the product of it and those
before it in its slice (an integer or bool input multiplies in int64 unless `dtype` is
given).

Args:
    input: the tensor
    dim: the dim to accumulate along
    dtype: the dtype the input is cast to first, and so of the result
    out: a tensor to write the result into
Returns: a tensor shaped like `input`
Example: tensor([1, 2, 3, 4]).cumprod(dim=0)  # tensor([ 1,  2,  6, 24])",
    ),
    Builtin::both(
        |interp, args| pairwise(BinaryOp::Maximum, interp, args),
        "maximum(input, other, *, out=None) -> Tensor

The larger of each pair of elements of `input` and `other`, broadcast together (NaN
wins).

Args:
    input: a tensor
    other: a tensor (or a number)
    out: a tensor to write the result into
Returns: a tensor
Example: maximum(tensor([1, 5, 3]), tensor([4, 2, 6]))  # tensor([4, 5, 6])",
    ),
    Builtin::both(
        |interp, args| pairwise(BinaryOp::Minimum, interp, args),
        "minimum(input, other, *, out=None) -> Tensor

The smaller of each pair of elements of `input` and `other`, broadcast together (NaN
wins).

Args:
    input: a tensor
    other: a tensor (or a number)
    out: a tensor to write the result into
Returns: a tensor
Example: tensor([1, 5, 3]).minimum(tensor([4, 2, 6]))  # tensor([1, 2, 3])",
    ),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

/// A `dim` argument: `None`, an int, or a tuple or list of ints. An empty tuple is
/// every dim when `empty_is_all` (as `sum`, `mean`, `std`, ... take it) and no dim
/// otherwise (`all`/`any`).
fn dim_list(dim: Option<Value>, args: &CallArgs, empty_is_all: bool) -> Eval<Option<Vec<i64>>> {
    match dim {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let list = ints_of(&v, "dim", args.span)?;
            Ok(if list.is_empty() && empty_is_all { None } else { Some(list) })
        }
    }
}

fn resolve(t: &Tensor, dims: Option<Vec<i64>>, keepdim: bool, args: &CallArgs) -> Eval<Dims> {
    Dims::resolve(t, dims.as_deref(), keepdim).map_err(|e| error_at(e, args.span))
}

/// `sum prod mean amax amin all any count_nonzero logsumexp`: `(input, dim, keepdim)`
/// by position, `dtype=` for the first three (the others do not declare it).
fn reduction(op: Reduction, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let dim = arg(&mut args, 1, "dim");
    // count_nonzero declares no keepdim.
    let keepdim = op != Reduction::CountNonzero && arg(&mut args, 2, "keepdim").is_some_and(|v| v.truthy());
    match (op, &dim) {
        // PyTorch's prod reduces one dim or all of them, and logsumexp needs its dims.
        (Reduction::Prod, Some(v)) if !matches!(v, Value::None) && int_of(v, "dim", args.span).is_err() => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("prod(): argument 'dim' must be int, not {}", v.type_name()),
            );
        }
        (Reduction::LogSumExp, Some(Value::None)) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                "logsumexp(): argument 'dim' must be tuple of ints, not NoneType",
            );
        }
        _ => {}
    }
    let dims = dim_list(dim, &args, !matches!(op, Reduction::All | Reduction::Any))?;
    let d = resolve(&t, dims, keepdim, &args)?;
    done(reduce::reduce(op, &t, &d, dtype), &args)
}

/// `std`/`var`: `(input, dim, unbiased, keepdim)` by position and `correction=`, or the
/// legacy `x.std(False)`, a bool alone where the dim goes.
fn variance(std: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let mut dim = arg(&mut args, 1, "dim");
    let mut unbiased = arg(&mut args, 2, "unbiased");
    let keepdim = arg(&mut args, 3, "keepdim");
    let correction = args.keyword("correction");
    if let Some(Value::Bool(flag)) = dim {
        if unbiased.is_some() || keepdim.is_some() || correction.is_some() {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}(): argument 'dim' must be tuple of ints, not bool", args.function),
            );
        }
        (dim, unbiased) = (None, Some(Value::Bool(flag)));
    }
    let correction = match (correction, unbiased) {
        (Some(_), Some(_)) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}(): takes `unbiased` or `correction`, not both", args.function),
            )
        }
        (Some(Value::None), None) | (None, None) => 1.0,
        (Some(c), None) => number_of(&c, "correction", args.span)?.to_f64(),
        (None, Some(u)) => f64::from(u8::from(u.truthy())),
    };
    let keepdim = keepdim.is_some_and(|v| v.truthy());
    let d = resolve(&t, dim_list(dim, &args, true)?, keepdim, &args)?;
    done(reduce::variance(&t, &d, correction, std), &args)
}

/// `norm(input, p, dim, keepdim)`.
fn norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let p = match arg(&mut args, 1, "p") {
        None | Some(Value::None) => 2.0,
        Some(Value::Str(s)) if &*s == "fro" => 2.0,
        Some(Value::Str(s)) => {
            let message = format!("norm(): p='{s}' needs singular values, which tl does not compute");
            return fail(ErrorKind::RuntimeError, args.span, message);
        }
        Some(v) => number_of(&v, "p", args.span)?.to_f64(),
    };
    let dims = dim_list(arg(&mut args, 2, "dim"), &args, true)?;
    let keepdim = arg(&mut args, 3, "keepdim").is_some_and(|v| v.truthy());
    let d = resolve(&t, dims, keepdim, &args)?;
    done(reduce::norm(&t, p, &d), &args)
}

/// `max(x)`, `max(x, dim, keepdim)` → (values, indices), `max(x, other)` (a tensor
/// second by position, or `other=`) → elementwise.
fn extreme(is_max: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let other = match (args.keyword("other"), args.positional.get(1)) {
        (Some(other), _) => Some(other),
        (None, Some(other @ Value::Tensor(_))) => {
            let other = other.clone();
            args.positional.remove(1);
            Some(other)
        }
        (None, _) => None,
    };
    let dim = arg(&mut args, 1, "dim");
    let keepdim = arg(&mut args, 2, "keepdim");
    if let Some(other) = other {
        if dim.is_some() || keepdim.is_some() {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}(): takes a tensor `other` or a `dim` (with `keepdim`), not both", args.function),
            );
        }
        let op = if is_max { BinaryOp::Maximum } else { BinaryOp::Minimum };
        return elementwise(op, &Value::Tensor(t), &other, &args);
    }
    match dim {
        None | Some(Value::None) => {
            if keepdim.is_some() {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("{}(): keepdim needs a dim", args.function),
                );
            }
            let op = if is_max { Reduction::Amax } else { Reduction::Amin };
            let all = resolve(&t, None, false, &args)?;
            let name = if is_max { "MaxBackward1" } else { "MinBackward1" };
            let result = reduce::reduce_as(op, &t, &all, None, Some(name)).map_err(|mut e| {
                e.message = e.message.replacen(op.name(), args.function, 1);
                e
            });
            done(result, &args)
        }
        Some(d) => {
            let keepdim = keepdim.is_some_and(|v| v.truthy());
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

/// `argmax(input, dim, keepdim)`: without a dim, the index in the flattened tensor
/// (shaped with every dim kept as 1 under `keepdim`).
fn arg_extreme(is_max: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let dim = arg(&mut args, 1, "dim");
    let keepdim = arg(&mut args, 2, "keepdim").is_some_and(|v| v.truthy());
    let result = match dim {
        None | Some(Value::None) => reduce::arg_extreme_flat(&t, is_max).and_then(|i| {
            if keepdim {
                crate::autograd::ops::shape::reshape(&i, &vec![1; t.ndim()])
            } else {
                Ok(i)
            }
        }),
        Some(d) => {
            let d = wrap_dim(int_of(&d, "dim", args.span)?, t.ndim()).map_err(|e| error_at(e, args.span))?;
            reduce::no_bool_arg_extreme(&t, is_max)
                .and_then(|()| reduce::extreme_along(&t, d, keepdim, is_max))
                .map(|(_, i)| i)
        }
    };
    done(result, &args)
}

/// `softmax(input, dim, dtype)` and `log_softmax`.
fn softmax(log: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dim = required(&mut args, 1, "dim")?;
    let dtype = dtype_arg(arg(&mut args, 2, "dtype"), args.span)?;
    let t = tensor_arg(&args, 0)?;
    // `dtype=` casts the input first, which is how integer tensors get a softmax.
    let t = match dtype {
        Some(d) => to_dtype(&t, d).map_err(|e| error_at(e, args.span))?,
        None => t,
    };
    let d = int_of(&dim, "dim", args.span)?;
    done(reduce::softmax(&t, d, log), &args)
}

/// `cumsum(input, dim, dtype=)` and `cumprod`: `dtype` casts the input first and is
/// the result's dtype (an integer input gives int64 otherwise).
fn cumulative(product: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dim = required(&mut args, 1, "dim")?;
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let t = tensor_arg(&args, 0)?;
    let dim = int_of(&dim, "dim", args.span)?;
    let result = match dtype {
        None => reduce::cumulative(&t, dim, product),
        Some(d) => {
            to_dtype(&t, d).and_then(|t| reduce::cumulative(&t, dim, product)).and_then(|r| to_dtype(&r, d))
        }
    };
    done(result, &args)
}

/// `maximum(input, other)`, `minimum(input, other)`: elementwise, broadcasting.
fn pairwise(op: BinaryOp, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let (input, other) = (args.positional[0].clone(), required_other(&args)?);
    elementwise(op, &input, &other, &args)
}

fn required_other(args: &CallArgs) -> Eval<Value> {
    match args.positional.get(1) {
        Some(v) => Ok(v.clone()),
        None => super::args::missing(args, "other"),
    }
}

fn elementwise(op: BinaryOp, a: &Value, b: &Value, args: &CallArgs) -> Eval<Value> {
    match (operand(a), operand(b)) {
        (Some(a), Some(b)) => done(binary(op, &a, &b), args),
        _ => fail(ErrorKind::TypeError, args.span, format!("{}() expects tensors", args.function)),
    }
}
