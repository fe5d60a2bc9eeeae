//! Sampling builtins: `seed`, `rand`, `randn`, `randint`, `randperm`, `normal`,
//! `bernoulli`, `multinomial`, the `_like` forms and the in-place `uniform_`/`normal_`.

use super::args::{arg, int_of, missing, number_of, required, tensor_arg};
use super::convert::dtype_arg;
use super::create::{dims_to_shape, shape_args, size_arg};
use super::error_at;
use crate::autograd::ops::shape;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::tensor::ops::shape::Written;
use crate::tensor::{random, Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        seed,
        "seed(seed) -> None

tl's short name for `manual_seed`: seeds the random number generator, so that the
draws after it are the same on every run.

Args:
    seed: an int
Returns: None
Example: seed(0)  # None",
    ),
    Builtin::function(
        seed,
        "manual_seed(seed) -> None

Seeds the random number generator, so that the draws after it are the same on every
run (tl's generator is not PyTorch's: the numbers differ from torch's).

Args:
    seed: an int
Returns: None
Example: manual_seed(0)  # None",
    ),
    Builtin::function(
        rand,
        "rand(*size, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped by `size` of numbers drawn uniformly from [0, 1).

Args:
    size: the shape: ints, one list or tuple of them, or `size=`
    out: a tensor to write the result into
    dtype: a float dtype for the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: rand(2, 3).shape  # torch.Size([2, 3])",
    ),
    Builtin::function(
        rand,
        "randn(*size, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped by `size` of numbers drawn from the standard normal distribution
(mean 0, variance 1).

Args:
    size: the shape: ints, one list or tuple of them, or `size=`
    out: a tensor to write the result into
    dtype: a float dtype for the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: randn((4,), dtype=float64).dtype  # float64",
    ),
    Builtin::function(
        rand_like,
        "rand_like(input, *, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped like `input` (of its dtype and device unless given) of numbers drawn
uniformly from [0, 1).

Args:
    input: the tensor whose shape (and dtype, device) the result takes
    dtype: a float dtype for the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: rand_like(zeros(2, 2)).shape  # torch.Size([2, 2])",
    ),
    Builtin::function(
        rand_like,
        "randn_like(input, *, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped like `input` (of its dtype and device unless given) of numbers drawn
from the standard normal distribution.

Args:
    input: the tensor whose shape (and dtype, device) the result takes
    dtype: a float dtype for the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: randn_like(zeros(3), dtype=float64).dtype  # float64",
    ),
    Builtin::function(
        randint,
        "randint(low=0, high=None, size=None, *, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped `size` of integers drawn uniformly from [low, high). As in PyTorch it
is called `randint(high, size)` or `randint(low, high, size)`.

Args:
    low: the smallest value that can be drawn
    high: one more than the largest value that can be drawn (required)
    size: the shape, a list or tuple of ints (required)
    out: a tensor to write the result into
    dtype: the dtype of the result (int64 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result (float dtypes only)
Returns: a tensor
Example: randint(3, 5, (10,)).min() >= 3  # tensor(True)",
    ),
    Builtin::function(
        randint_like,
        "randint_like(input, low=0, high=None, *, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped like `input` (of its dtype and device unless given) of integers drawn
uniformly from [low, high); called `randint_like(x, high)` or `randint_like(x, low, high)`.

Args:
    input: the tensor whose shape (and dtype, device) the result takes
    low: the smallest value that can be drawn
    high: one more than the largest value that can be drawn (required)
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: randint_like(zeros(4), 10).dtype  # float32",
    ),
    Builtin::function(
        randperm,
        "randperm(n, *, out=None, dtype=int64, device=None, requires_grad=False) -> Tensor

The integers 0 to n - 1 in a random order.

Args:
    n: how many integers
    out: a tensor to write the result into
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result (float dtypes only)
Returns: a 1-d tensor
Example: randperm(5).sort().values  # tensor([0, 1, 2, 3, 4])",
    ),
    Builtin::function(
        normal,
        "normal(mean, std=1.0, size=None, *, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

Numbers drawn from normal distributions: with a tensor `mean` or `std`, one per
element of the two broadcast together; with numbers for both, a tensor shaped `size`.

Args:
    mean: the mean, a number or a tensor of means
    std: the standard deviation, a number or a tensor of them (not negative)
    size: the shape, when `mean` and `std` are numbers (then required)
    out: a tensor to write the result into
    dtype: a float dtype for the result, when `mean` and `std` are numbers
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: normal(tensor([0., 10.]), 0.)  # tensor([ 0., 10.])",
    ),
    Builtin::both(
        bernoulli,
        "bernoulli(input, p=None, *, out=None) -> Tensor

Draws 0 or 1 for each element: 1 with the probability the element holds, or with
probability `p` for every element when `p` is given; the result has `input`'s dtype.

Args:
    input: a tensor of probabilities (or just a shape and dtype when `p` is given)
    p: one probability for every element
    out: a tensor to write the result into
Returns: a tensor shaped like `input`
Example: bernoulli(tensor([0., 1., 1.]))  # tensor([0., 1., 1.])",
    ),
    Builtin::both(
        multinomial,
        "multinomial(input, num_samples, replacement=False, *, out=None) -> Tensor

Draws `num_samples` indices of the categories whose (unnormalised) weights are `input`
(each row of it, for a 2-d input), with or without putting each back.

Args:
    input: non-negative weights, 1-d or 2-d (one distribution per row)
    num_samples: how many indices to draw
    replacement: whether an index can be drawn more than once
    out: a tensor to write the result into
Returns: an int64 tensor
Example: multinomial(tensor([0., 0., 1.]), 2, replacement=true)  # tensor([2, 2])",
    ),
    Builtin::method(
        uniform_,
        "uniform_(self, from=0, to=1) -> Tensor

Fills `self` in place with numbers drawn uniformly from [from, to) and returns it.

Args:
    self: the tensor to fill
    from: the lower bound
    to: the upper bound
Returns: `self`
Example: zeros(3).uniform_(2, 2)  # tensor([2., 2., 2.])",
    ),
    Builtin::method(
        normal_,
        "normal_(self, mean=0, std=1) -> Tensor

Fills `self` in place with numbers drawn from the normal distribution of `mean` and
`std`, and returns it.

Args:
    self: the tensor to fill
    mean: the mean
    std: the standard deviation
Returns: `self`
Example: zeros(2).normal_(5, 0)  # tensor([5., 5.])",
    ),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn seed(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let n = int_of(&args.positional[0], "seed", args.span)?;
    random::seed(n as u64);
    Ok(Value::None)
}

fn float_dtype(args: &mut CallArgs) -> Eval<DType> {
    Ok(dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::DEFAULT_FLOAT))
}

/// Uniform on [0, 1) for `rand`, standard normal for `randn`.
fn sample(function: &str, shape: &[usize], dtype: DType) -> TensorResult<Tensor> {
    if function.starts_with("randn") {
        random::normal(shape, 0.0, 1.0, dtype)
    } else {
        random::uniform(shape, 0.0, 1.0, dtype)
    }
}

/// `rand(*size, dtype=)` and `randn`.
fn rand(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = float_dtype(&mut args)?;
    let shape = shape_args(interp, &mut args)?;
    done(sample(args.function, &shape, dtype), &args)
}

/// `rand_like(input, dtype=)` and `randn_like`.
fn rand_like(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let source = tensor_arg(&args, 0)?;
    done(sample(args.function, source.shape(), dtype.unwrap_or(source.dtype())), &args)
}

/// `randint(high, size)` or `randint(low, high, size)`, bound as `(low, high, size)`:
/// with `size` left out, what came as `(low, high)` is `(high, size)`.
fn randint(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::I64);
    let low = arg(&mut args, 0, "low");
    let high = arg(&mut args, 1, "high");
    let size = arg(&mut args, 2, "size");
    let (low, high, size) = match (low, high, size) {
        (low, Some(high), Some(size)) => (low, high, size),
        (Some(high), Some(size @ (Value::Tuple(_) | Value::List(_) | Value::Size(_))), None) => {
            (None, high, size)
        }
        (Some(high), None, Some(size)) => (None, high, size),
        (_, None, _) => return missing(&args, "high"),
        (_, Some(_), None) => return missing(&args, "size"),
    };
    let low = low.map_or(Ok(0), |v| int_of(&v, "low", args.span))?;
    let high = int_of(&high, "high", args.span)?;
    let shape = size_arg(interp, &size, args.span)?;
    done(random::randint(low, high, &shape, dtype), &args)
}

/// `randint_like(input, high)` or `randint_like(input, low, high)`.
fn randint_like(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let source = tensor_arg(&args, 0)?;
    let bound =
        |v: Option<Value>, what: &str, args: &CallArgs| v.map(|v| int_of(&v, what, args.span)).transpose();
    let (low, high) = match (
        bound(arg(&mut args, 1, "low"), "low", &args)?,
        bound(arg(&mut args, 2, "high"), "high", &args)?,
    ) {
        (low, Some(high)) => (low.unwrap_or(0), high),
        (Some(high), None) => (0, high),
        (None, None) => return missing(&args, "high"),
    };
    done(random::randint(low, high, source.shape(), dtype.unwrap_or(source.dtype())), &args)
}

/// `randperm(n, dtype=int64)`.
fn randperm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::I64);
    let n = int_of(&args.positional[0], "n", args.span)?;
    let shape = dims_to_shape(&[Value::Int(n)], args.span)?;
    random::randperm(shape[0], dtype).map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

/// `normal(mean, std)` with tensors (broadcast together) or numbers and a `size`.
fn normal(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let size = arg(&mut args, 2, "size");
    let Some(mean) = arg(&mut args, 0, "mean") else { return missing(&args, "mean") };
    let std = arg(&mut args, 1, "std").unwrap_or(Value::Float(1.0));
    if let (Value::Tensor(_), _) | (_, Value::Tensor(_)) = (&mean, &std) {
        // PyTorch's tensor forms take neither: the shape and dtype are the tensors'.
        if size.is_some() || dtype.is_some() {
            let what = if size.is_some() { "size" } else { "dtype" };
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("normal(): {what}= is only for a number mean and std; here the tensors give it"),
            );
        }
        let m = tensor_of(&mean, &args)?;
        let s = tensor_of(&std, &args)?;
        let broadcast = crate::tensor::ops::binary::broadcast(m.shape(), s.shape())
            .map_err(|e| error_at(e, args.span))?;
        let dtype = if m.dtype().is_float() { m.dtype() } else { s.dtype() };
        let z = random::normal(&broadcast, 0.0, 1.0, DType::F64).map_err(|e| error_at(e, args.span))?;
        let (m, s) =
            (m.with_layout(m.layout().expand(&broadcast)), s.with_layout(s.layout().expand(&broadcast)));
        if let Some(bad) = s.to_f64_vec().iter().find(|x| **x < 0.0) {
            return fail(
                ErrorKind::RuntimeError,
                args.span,
                format!("normal expects all elements of std >= 0.0, got {bad}"),
            );
        }
        let values: Vec<f64> = z
            .to_f64_vec()
            .iter()
            .zip(m.to_f64_vec().iter().zip(s.to_f64_vec()))
            .map(|(z, (m, s))| m + s * z)
            .collect();
        return Ok(Value::Tensor(Tensor::from_vec(values, &broadcast).to_dtype(dtype)));
    }
    let Some(size) = size else {
        return fail(ErrorKind::TypeError, args.span, "normal() with number mean and std needs a size");
    };
    let shape = size_arg(interp, &size, args.span)?;
    let mean = number_of(&mean, "mean", args.span)?.to_f64();
    let std = number_of(&std, "std", args.span)?.to_f64();
    done(random::normal(&shape, mean, std, dtype.unwrap_or(DType::DEFAULT_FLOAT)), &args)
}

fn tensor_of(value: &Value, args: &CallArgs) -> Eval<Tensor> {
    match value {
        Value::Tensor(t) => Ok(t.clone()),
        other => {
            let x = number_of(other, "normal() argument", args.span)?;
            Ok(Tensor::scalar(x, DType::DEFAULT_FLOAT))
        }
    }
}

/// `bernoulli(input)` (each element a probability) or `bernoulli(input, p)` (one
/// probability for all).
fn bernoulli(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let p = arg(&mut args, 1, "p").filter(|p| !matches!(p, Value::None));
    let input = tensor_arg(&args, 0)?;
    let probs = match p {
        Some(p) => {
            let q = number_of(&p, "p", args.span)?;
            Tensor::full(input.shape(), q, if input.dtype().is_float() { input.dtype() } else { DType::F64 })
        }
        None => input.clone(),
    };
    let drawn = random::bernoulli(&probs).map_err(|e| error_at(e, args.span))?;
    Ok(Value::Tensor(drawn.to_dtype(input.dtype())))
}

/// `multinomial(input, num_samples, replacement=False)`.
fn multinomial(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let replacement = arg(&mut args, 2, "replacement").is_some_and(|v| v.truthy());
    let n = required(&mut args, 1, "num_samples")?;
    let weights = tensor_arg(&args, 0)?;
    let n = int_of(&n, "num_samples", args.span)?;
    if n <= 0 {
        return fail(ErrorKind::RuntimeError, args.span, "cannot sample n_sample <= 0 samples");
    }
    done(random::multinomial(&weights, n as usize, replacement), &args)
}

/// Fills `dest` in place with `values` (same shape) and returns it.
fn fill_with(dest: Tensor, values: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    let values = values.map_err(|e| error_at(e, args.span))?;
    shape::assign(&dest, &values.to_dtype(dest.dtype()), Written::Computed(&[]))
        .map_err(|e| error_at(e, args.span))?;
    Ok(Value::Tensor(dest))
}

fn bounds(args: &mut CallArgs, names: [&str; 2], defaults: [f64; 2]) -> Eval<[f64; 2]> {
    let mut out = defaults;
    for (i, name) in names.iter().enumerate() {
        if let Some(v) = arg(args, i + 1, name) {
            out[i] = number_of(&v, name, args.span)?.to_f64();
        }
    }
    Ok(out)
}

/// `x.uniform_(from=0, to=1)`.
fn uniform_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dest = tensor_arg(&args, 0)?;
    let [low, high] = bounds(&mut args, ["from", "to"], [0.0, 1.0])?;
    let values = random::uniform(dest.shape(), low, high, dest.dtype());
    fill_with(dest, values, &args)
}

/// `x.normal_(mean=0, std=1)`.
fn normal_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dest = tensor_arg(&args, 0)?;
    let [mean, std] = bounds(&mut args, ["mean", "std"], [0.0, 1.0])?;
    let values = random::normal(dest.shape(), mean, std, dest.dtype());
    fill_with(dest, values, &args)
}
