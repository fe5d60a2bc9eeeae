//! `sort`, `argsort`, `msort`, `topk`, `median`, `mode`, `unique` and `bincount`, as
//! functions and methods; the pairs come back as PyTorch's named tuples.

use super::args::{arg, int_of, missing, required, tensor_arg};
use super::error_at;
use crate::autograd::ops::sort;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, NamedTuple, Value};
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(
        |interp, args| sort_(false, interp, args),
        "sort(input, dim=-1, descending=False, *, stable=False) -> (Tensor, LongTensor)

The elements sorted along `dim`, with the indices they came from; NaN sorts as the largest.

Args:
    input: the tensor
    dim: the dim to sort along
    descending: whether the largest come first
    stable: whether equal elements keep their order (tl's sort always keeps it)
Returns: a named tuple (values, indices)
Example: sort(tensor([3, 1, 2])).values  # tensor([1, 2, 3])",
    ),
    Builtin::both(
        |interp, args| sort_(true, interp, args),
        "argsort(input, dim=-1, descending=False, *, stable=False) -> LongTensor

The indices that sort the tensor along `dim`.

Args:
    input: the tensor
    dim: the dim to sort along
    descending: whether the largest come first
    stable: whether equal elements keep their order (tl's sort always keeps it)
Returns: an int64 tensor
Example: argsort(tensor([3, 1, 2]))  # tensor([1, 2, 0])",
    ),
    Builtin::both(
        topk,
        "topk(input, k, dim=-1, largest=True, sorted=True) -> (Tensor, LongTensor)

The `k` largest (or smallest) elements along `dim`, with their indices.

Args:
    input: the tensor
    k: how many elements
    dim: the dim to search along
    largest: whether to take the largest rather than the smallest
    sorted: whether they must come in order (tl's always do)
Returns: a named tuple (values, indices)
Example: topk(tensor([1, 5, 3]), 2).values  # tensor([5, 3])",
    ),
    Builtin::both(
        median,
        "median(input, dim=None, keepdim=False) -> Tensor or (Tensor, LongTensor)

The median (the lower of the two middle values for an even count): of all the
elements, or along `dim` with the indices where the medians are.

Args:
    input: the tensor
    dim: the dim to reduce; `None` takes the median of every element
    keepdim: whether the reduced dim stays, with size 1 (with `dim` only)
Returns: a 0-d tensor, or a named tuple (values, indices) when `dim` is given
Example: median(tensor([4., 1., 3.]))  # tensor(3.)",
    ),
    Builtin::both(
        mode,
        "mode(input, dim=-1, keepdim=False) -> (Tensor, LongTensor)

The most frequent value along `dim` (the smallest among ties), with an index where it is.

Args:
    input: the tensor
    dim: the dim to reduce
    keepdim: whether the reduced dim stays, with size 1
Returns: a named tuple (values, indices)
Example: mode(tensor([1, 2, 2, 3])).values  # tensor(2)",
    ),
    Builtin::both(
        unique,
        "unique(input, sorted=True, return_inverse=False, return_counts=False) -> Tensor or tuple of Tensors

The distinct elements, sorted; on request also where each element went and how many
times each value occurs.

Args:
    input: the tensor (flattened)
    sorted: whether the values must come sorted (tl's always do)
    return_inverse: whether to return, for each element of `input`, the index of its value
    return_counts: whether to return how many times each value occurs
Returns: a 1-d tensor, or a tuple with the inverse and/or counts after it
Example: unique(tensor([3, 1, 3]))  # tensor([1, 3])",
    ),
    Builtin::both(
        bincount,
        "bincount(input, weights=None, minlength=0) -> Tensor

How many times each value 0, 1, 2, ... occurs in a 1-d tensor of non-negative ints, or
the sums of their weights.

Args:
    input: a 1-d tensor of non-negative ints
    weights: a tensor of one weight per element, summed instead of counting
    minlength: the least length of the result
Returns: a 1-d tensor
Example: bincount(tensor([0, 2, 2]))  # tensor([1, 0, 2])",
    ),
];

fn pair(type_name: &'static str, result: TensorResult<(Tensor, Tensor)>, args: &CallArgs) -> Eval<Value> {
    let (values, indices) = result.map_err(|e| error_at(e, args.span))?;
    Ok(Value::NamedTuple(Rc::new(NamedTuple {
        type_name,
        fields: &["values", "indices"],
        items: vec![Value::Tensor(values), Value::Tensor(indices)],
    })))
}

fn flag(args: &mut CallArgs, i: usize, name: &str, default: bool) -> bool {
    arg(args, i, name).map_or(default, |v| v.truthy())
}

fn dim(args: &mut CallArgs, i: usize, default: i64) -> Eval<i64> {
    match arg(args, i, "dim") {
        None | Some(Value::None) => Ok(default),
        Some(v) => int_of(&v, "dim", args.span),
    }
}

/// `sort(t, dim=-1, descending=false)` → (values, indices); `argsort` → indices.
fn sort_(indices_only: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let d = dim(&mut args, 1, -1)?;
    let descending = flag(&mut args, 2, "descending", false);
    // Sorting is always stable: what `stable=True` asks, and one order `stable=False` allows.
    let _stable = args.keyword("stable");
    let result = sort::sort(&t, d, descending);
    if indices_only {
        return result.map(|(_, i)| Value::Tensor(i)).map_err(|e| error_at(e, args.span));
    }
    pair("torch.return_types.sort", result, &args)
}

fn topk(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let k = required(&mut args, 1, "k")?;
    let k = int_of(&k, "k", args.span)?;
    let d = dim(&mut args, 2, -1)?;
    let largest = flag(&mut args, 3, "largest", true);
    // The result is always sorted: what `sorted=True` asks, and one order `sorted=False` allows.
    let _sorted = flag(&mut args, 4, "sorted", true);
    if k < 0 {
        return fail(ErrorKind::RuntimeError, args.span, "selected index k out of range");
    }
    pair("torch.return_types.topk", sort::topk(&t, k as usize, d, largest), &args)
}

/// `median(t)` → the value; `median(t, dim)` → (values, indices).
fn median(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let keepdim = arg(&mut args, 2, "keepdim");
    match arg(&mut args, 1, "dim") {
        // As in PyTorch, `keepdim` belongs to the form with a dim.
        None | Some(Value::None) if keepdim.is_some() => missing(&args, "dim"),
        None | Some(Value::None) => sort::median(&t).map(Value::Tensor).map_err(|e| error_at(e, args.span)),
        Some(d) => {
            let d = int_of(&d, "dim", args.span)?;
            let keepdim = keepdim.is_some_and(|v| v.truthy());
            pair("torch.return_types.median", sort::median_along(&t, d, keepdim), &args)
        }
    }
}

fn mode(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let d = dim(&mut args, 1, -1)?;
    let keepdim = flag(&mut args, 2, "keepdim", false);
    pair("torch.return_types.mode", sort::mode(&t, d, keepdim), &args)
}

/// `unique(t, return_inverse=false, return_counts=false)`: the sorted distinct values,
/// and on request the inverse indices and counts (a tuple then, as in PyTorch).
fn unique(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    // The distinct values always come back sorted: what `sorted=True` asks, and one
    // order `sorted=False` allows.
    let _sorted = flag(&mut args, 1, "sorted", true);
    let inverse = flag(&mut args, 2, "return_inverse", false);
    let counts = flag(&mut args, 3, "return_counts", false);
    let t = tensor_arg(&args, 0)?;
    let (values, inverse_t, counts_t) = sort::unique(&t);
    let mut items = vec![Value::Tensor(values)];
    if inverse {
        items.push(Value::Tensor(inverse_t));
    }
    if counts {
        items.push(Value::Tensor(counts_t));
    }
    Ok(if items.len() == 1 { items.remove(0) } else { Value::tuple(items) })
}

fn bincount(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let weights = match arg(&mut args, 1, "weights") {
        None | Some(Value::None) => None,
        Some(Value::Tensor(w)) => Some(w),
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("bincount(): weights must be a Tensor, not {}", other.type_name()),
            )
        }
    };
    let minlength = match arg(&mut args, 2, "minlength") {
        Some(v) => int_of(&v, "minlength", args.span)?,
        None => 0,
    };
    if minlength < 0 {
        return fail(ErrorKind::RuntimeError, args.span, "minlength should be >= 0");
    }
    sort::bincount(&t, weights.as_ref(), minlength as usize)
        .map(Value::Tensor)
        .map_err(|e| error_at(e, args.span))
}
