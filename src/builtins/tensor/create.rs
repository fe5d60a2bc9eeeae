//! Making tensors: `tensor`, `arange`, `linspace`, `zeros`, `ones`, `full`, `eye`, ...

use super::args::missing;
use super::convert::{dtype_arg, scalar_of, tensor_from_data};
use super::error_at;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::storage::Buffer;
use crate::tensor::scalar::Scalar;
use crate::tensor::{check_allocation, Tensor};
use crate::value::{Builtin, Value};
use crate::with_dtype;

/// The functions that make a new tensor and so take `requires_grad=` and `device=`
/// (`src/eval/call.rs` reads both).
pub static FACTORIES: &[&str] = &[
    "tensor",
    "as_tensor",
    "arange",
    "linspace",
    "logspace",
    "zeros",
    "ones",
    "empty",
    "full",
    "eye",
    "zeros_like",
    "ones_like",
    "empty_like",
    "full_like",
    "rand",
    "randn",
    "rand_like",
    "randn_like",
    "randint",
    "randint_like",
    "randperm",
    "normal",
];

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        tensor,
        "tensor(data, *, dtype=None, device=None, requires_grad=False) -> Tensor

A new tensor holding a copy of `data`: a number, a nested list or tuple of numbers,
or a tensor; the dtype is inferred from the data when not given (int64, float32, bool).

Args:
    data: the values, nested as the tensor's dims
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: tensor([[1, 2], [3, 4]], dtype=float64)  # tensor([[1., 2.], [3., 4.]], dtype=float64)",
    ),
    Builtin::function(
        as_tensor,
        "as_tensor(data, *, dtype=None, device=None) -> Tensor

`data` as a tensor: a tensor already of the asked dtype (and device) is returned
itself, not copied; other data are converted as `tensor` converts them.

Args:
    data: a tensor, or values as `tensor` takes them
    dtype: the dtype of the result
    device: where the result is placed
Returns: a tensor
Example: as_tensor([1, 2], dtype=float32)  # tensor([1., 2.])",
    ),
    // PyTorch writes `arange(start=0, end, step=1, ...)`: one number is the end. As a
    // Python signature, `end` needs a default; `arange` itself refuses a call without one.
    Builtin::function(
        arange,
        "arange(start=0, end=None, step=1, *, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

The numbers from `start` up to (not including) `end`, `step` apart; `arange(n)` counts
from 0 to n - 1. Integers give int64, any float gives the default float dtype.

Args:
    start: the first value (the end, when it is the only number given)
    end: the bound, not included
    step: the difference between neighbours, not zero
    dtype: the result's dtype
    device: where the result goes
    requires_grad: whether autograd records operations on the result
Returns: a 1-D tensor
Example: arange(1, 2.5, 0.5)  # tensor([1.0000, 1.5000, 2.0000])",
    ),
    Builtin::function(
        |interp, args| linspace(false, interp, args),
        "linspace(start, end, steps, *, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

`steps` evenly spaced values from `start` to `end`, both included.

Args:
    start: the first value
    end: the last value
    steps: how many values (0 or more)
    out: a tensor to write the result into
    dtype: the dtype of the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a 1-d tensor
Example: linspace(0, 1, 5)  # tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])",
    ),
    Builtin::function(
        |interp, args| linspace(true, interp, args),
        "logspace(start, end, steps, base=10.0, *, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

`steps` values from `base` ** `start` to `base` ** `end`, evenly spaced in their
exponents.

Args:
    start: the first exponent
    end: the last exponent
    steps: how many values (0 or more)
    base: the base the exponents are of
    out: a tensor to write the result into
    dtype: the dtype of the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a 1-d tensor
Example: logspace(0, 3, 4, 2)  # tensor([1., 2., 4., 8.])",
    ),
    Builtin::function(
        |interp, args| filled(Scalar::Int(0), interp, args),
        "zeros(*size, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor of zeros, shaped by `size`: ints (`zeros(2, 3)`), one list or tuple of them
(`zeros((2, 3))`, `zeros(x.shape)`) or `size=`.

Args:
    size: the shape
    out: a tensor to write the result into
    dtype: the dtype of the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: zeros(2, 3, dtype=int64)  # tensor([[0, 0, 0], [0, 0, 0]])",
    ),
    Builtin::function(
        |interp, args| filled(Scalar::Int(1), interp, args),
        "ones(*size, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor of ones, shaped by `size`: ints (`ones(2, 3)`), one list or tuple of them
(`ones((2, 3))`, `ones(x.shape)`) or `size=`.

Args:
    size: the shape
    out: a tensor to write the result into
    dtype: the dtype of the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: ones((3,), dtype=bool)  # tensor([True, True, True])",
    ),
    Builtin::function(
        |interp, args| filled(Scalar::Int(0), interp, args),
        "empty(*size, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped by `size` whose values are not meant to be read before they are
written (tl fills it with zeros).

Args:
    size: the shape, as `zeros` takes it
    out: a tensor to write the result into
    dtype: the dtype of the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: empty(2, 5).shape  # torch.Size([2, 5])",
    ),
    Builtin::function(
        full,
        "full(size, fill_value, *, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor shaped `size` with every element `fill_value`; its dtype is the fill's
(int64, float32 or bool) unless `dtype` gives one, which the fill must fit.

Args:
    size: the shape, a list or tuple of ints
    fill_value: the number every element holds
    out: a tensor to write the result into
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: full((2,), 7)  # tensor([7, 7])",
    ),
    Builtin::function(
        eye,
        "eye(n, m=None, *, out=None, dtype=None, device=None, requires_grad=False) -> Tensor

The n-by-m matrix with ones on its diagonal and zeros elsewhere (square when `m` is
not given).

Args:
    n: the number of rows
    m: the number of columns (`n` by default)
    out: a tensor to write the result into
    dtype: the dtype of the result (float32 by default)
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a 2-d tensor
Example: eye(2, 3)  # tensor([[1., 0., 0.], [0., 1., 0.]])",
    ),
    Builtin::function(
        |interp, args| filled_like(Scalar::Int(0), interp, args),
        "zeros_like(input, *, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor of zeros with the shape of `input`, and its dtype and device unless given.

Args:
    input: the tensor whose shape (and dtype, device) the result takes
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: zeros_like(tensor([1.5, 2.5]))  # tensor([0., 0.])",
    ),
    Builtin::function(
        |interp, args| filled_like(Scalar::Int(1), interp, args),
        "ones_like(input, *, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor of ones with the shape of `input`, and its dtype and device unless given.

Args:
    input: the tensor whose shape (and dtype, device) the result takes
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: ones_like(tensor([1.5, 2.5]), dtype=int64)  # tensor([1, 1])",
    ),
    Builtin::function(
        |interp, args| filled_like(Scalar::Int(0), interp, args),
        "empty_like(input, *, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor with the shape of `input` (and its dtype and device unless given) whose
values are not meant to be read before they are written (tl fills it with zeros).

Args:
    input: the tensor whose shape (and dtype, device) the result takes
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: empty_like(tensor([[1, 2, 3]])).shape  # torch.Size([1, 3])",
    ),
    Builtin::function(
        full_like,
        "full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False) -> Tensor

A tensor with the shape of `input` (and its dtype and device unless given) with every
element `fill_value`.

Args:
    input: the tensor whose shape (and dtype, device) the result takes
    fill_value: the number every element holds
    dtype: the dtype of the result
    device: where the result is placed
    requires_grad: whether autograd records operations on the result
Returns: a tensor
Example: full_like(tensor([1.5, 2.5]), 7)  # tensor([7., 7.])",
    ),
];

/// `Tensor`, the type of tensors (`isinstance(x, Tensor)`, `type(x)`); called, it is
/// `torch.Tensor`: the data as a float32 tensor.
pub static TYPES: &[Builtin] = &[
    Builtin::function(
        tensor_type,
        "Tensor(data, /) -> Tensor

The type of tensors (`isinstance(x, Tensor)`); called, a float32 tensor of `data`, as
`torch.Tensor(data)` makes.

Args:
    data: the values, as `tensor` takes them
Returns: a float32 tensor
Example: Tensor([1, 2])  # tensor([1., 2.])",
    ),
    Builtin::function(
        size_type,
        "Size(sizes=(), /) -> Size

The type of tensor shapes (`torch.Size`): a tuple of non-negative ints that prints as
`torch.Size([2, 3])`. `isinstance(x.shape, Size)` and `isinstance(x.shape, tuple)` are true.

Args:
    sizes: the dimensions, any iterable of non-negative ints
Returns: a Size
Example: Size([2, 3])  # torch.Size([2, 3])",
    ),
    Builtin::function(
        parameter,
        "Parameter(data=None, requires_grad=True) -> Tensor

A module parameter (`torch.nn.Parameter`): a leaf tensor sharing `data`'s elements, marked
so that a `Module` holding it as an attribute lists it in `parameters()`, and printed as
`Parameter containing:`. `isinstance(p, Parameter)` is true of it, and of nothing computed
from it.

Args:
    data: a tensor (`None`: an empty float32 one)
    requires_grad: whether gradients are recorded for it
Returns: a tensor
Example: Parameter(tensor([1., 2.])).requires_grad  # True",
    ),
];

fn tensor_type(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Tensor(tensor_from_data(&args.positional[0], Some(DType::F32), args.span)?))
}

fn size_type(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let items = match args.positional.first() {
        Some(sizes) => interp.collect(sizes, args.span)?,
        None => Vec::new(),
    };
    let mut dims = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Int(n) if *n >= 0 => dims.push(*n as usize),
            Value::Bool(b) => dims.push(*b as usize),
            // PyTorch keeps a negative entry; tl's shapes are sizes, so it refuses one.
            Value::Int(n) => {
                return fail(
                    ErrorKind::ValueError,
                    args.span,
                    format!("tl's Size holds sizes, which are not negative (item {i} is {n})"),
                )
            }
            other => {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("torch.Size() takes an iterable of 'int' (item {i} is '{}')", other.type_name()),
                )
            }
        }
    }
    Ok(Value::Size(dims.into()))
}

fn parameter(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let requires_grad = super::args::arg(&mut args, 1, "requires_grad").is_none_or(|v| v.truthy());
    let data = match super::args::arg(&mut args, 0, "data") {
        None | Some(Value::None) => Tensor::new(crate::storage::Storage::zeros(DType::F32, 0), &[0]),
        Some(Value::Tensor(t)) => t.detach(),
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("Parameter(): argument 'data' must be Tensor, not {}", other.type_name()),
            )
        }
    };
    if requires_grad && !data.dtype().is_float() {
        return fail(
            ErrorKind::RuntimeError,
            args.span,
            "Only Tensors of floating point and complex dtype can require gradients",
        );
    }
    data.set_requires_grad(requires_grad).map_err(|e| error_at(e, args.span))?;
    data.mark_parameter();
    Ok(Value::Tensor(data))
}

/// `tensor(data, dtype=)`; `device=` and `requires_grad=` are the interpreter's.
fn tensor(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    Ok(Value::Tensor(tensor_from_data(&args.positional[0], dtype, args.span)?))
}

/// Like `tensor`, but a tensor of the right dtype is returned as it is, not copied.
fn as_tensor(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    if let Value::Tensor(t) = &args.positional[0] {
        return Ok(Value::Tensor(t.to_dtype(dtype.unwrap_or(t.dtype()))));
    }
    Ok(Value::Tensor(tensor_from_data(&args.positional[0], dtype, args.span)?))
}

/// A shape given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(size=(2, 3))`.
pub fn shape_args(interp: &mut Interpreter, args: &mut CallArgs) -> Eval<Vec<usize>> {
    let items = match (args.keyword("size"), args.positional.as_slice()) {
        (Some(size), _) => interp.collect(&size, args.span)?,
        (None, [one @ (Value::List(_) | Value::Tuple(_) | Value::Size(_))]) => {
            interp.collect(one, args.span)?
        }
        (None, positional) => positional.to_vec(),
    };
    args.positional.clear();
    dims_to_shape(&items, args.span)
}

pub fn dims_to_shape(items: &[Value], span: crate::syntax::span::Span) -> Eval<Vec<usize>> {
    let mut shape = Vec::with_capacity(items.len());
    for item in items {
        let dim = match item {
            Value::Int(i) => *i,
            Value::Tensor(t) if t.numel() == 1 && !t.dtype().is_float() => t.to_i64_vec()[0],
            other => {
                return fail(
                    ErrorKind::TypeError,
                    span,
                    format!("a shape is made of ints, not '{}'", other.type_name()),
                )
            }
        };
        if dim < 0 {
            let shown: Vec<String> = items
                .iter()
                .map(|v| match v {
                    Value::Int(i) => i.to_string(),
                    _ => "?".into(),
                })
                .collect();
            return fail(
                ErrorKind::RuntimeError,
                span,
                format!("Trying to create tensor with negative dimension {dim}: [{}]", shown.join(", ")),
            );
        }
        shape.push(dim as usize);
    }
    crate::storage::layout::checked_numel(&shape).map_err(|e| error_at(e, span))?;
    Ok(shape)
}

/// `zeros(*size, dtype=)`, `ones`, `empty`.
fn filled(fill: Scalar, interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::DEFAULT_FLOAT);
    let shape = shape_args(interp, &mut args)?;
    Ok(Value::Tensor(Tensor::full(&shape, fill, dtype)))
}

fn number_arg(value: &Value, what: &str, span: crate::syntax::span::Span) -> Eval<Scalar> {
    match value {
        Value::Tensor(t) if t.numel() == 1 => t.item().map_err(|e| error_at(e, span)),
        other => scalar_of(other).map_or_else(
            || {
                fail(
                    ErrorKind::TypeError,
                    span,
                    format!("{what} must be a number, not '{}'", other.type_name()),
                )
            },
            Ok,
        ),
    }
}

/// One value that is a shape: a list, tuple or `Size` of ints, or an int.
pub fn size_arg(interp: &mut Interpreter, size: &Value, span: crate::syntax::span::Span) -> Eval<Vec<usize>> {
    let items = match size {
        Value::List(_) | Value::Tuple(_) | Value::Size(_) => interp.collect(size, span)?,
        one => vec![one.clone()],
    };
    dims_to_shape(&items, span)
}

/// `full(size, fill_value, dtype=)`.
fn full(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let (Some(size), Some(fill)) = (args.positional.first().cloned(), args.positional.get(1).cloned()) else {
        return missing(&args, "fill_value");
    };
    let fill = number_arg(&fill, "fill_value", args.span)?;
    let shape = size_arg(interp, &size, args.span)?;
    filled_with(&shape, fill, dtype.unwrap_or(fill.default_dtype()), args.span)
}

/// `full`'s tensor, refusing a fill that overflows `dtype` as PyTorch does.
pub fn filled_with(
    shape: &[usize],
    fill: Scalar,
    dtype: DType,
    span: crate::syntax::span::Span,
) -> Eval<Value> {
    let fill = fill.checked_fill(dtype, shape.iter().product()).map_err(|e| error_at(e, span))?;
    Ok(Value::Tensor(Tensor::full(shape, fill, dtype)))
}

fn like_source(args: &CallArgs) -> Eval<Tensor> {
    match args.positional.first() {
        Some(Value::Tensor(t)) => Ok(t.clone()),
        Some(other) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("{}() argument 'input' must be Tensor, not {}", args.function, other.type_name()),
        ),
        None => missing(args, "input"),
    }
}

/// `zeros_like(input, dtype=)`, `ones_like`, `empty_like`.
fn filled_like(fill: Scalar, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let source = like_source(&args)?;
    Ok(Value::Tensor(Tensor::full(source.shape(), fill, dtype.unwrap_or(source.dtype()))))
}

/// `full_like(input, fill_value, dtype=)`.
fn full_like(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let source = like_source(&args)?;
    let Some(fill) = args.positional.get(1) else { return missing(&args, "fill_value") };
    let fill = number_arg(fill, "fill_value", args.span)?;
    filled_with(source.shape(), fill, dtype.unwrap_or(source.dtype()), args.span)
}

/// `arange(end)`, `arange(start, end, step=1)`: computed in f64 as PyTorch does, or
/// exactly in integers when every bound is one.
fn arange(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let step_kw = args.keyword("step");
    let end_kw = args.keyword("end");
    let start_kw = args.keyword("start");
    let mut numbers: Vec<Scalar> = Vec::new();
    for v in &args.positional {
        numbers.push(number_arg(v, "arange() argument", args.span)?);
    }
    let kw = |v: Option<Value>| v.map(|v| number_arg(&v, "arange() argument", args.span)).transpose();
    let (start, end, step) = match (numbers.as_slice(), kw(start_kw)?, kw(end_kw)?, kw(step_kw)?) {
        ([end], None, None, step) => (Scalar::Int(0), *end, step.unwrap_or(Scalar::Int(1))),
        ([start, end], None, None, step) => (*start, *end, step.unwrap_or(Scalar::Int(1))),
        ([start, end, step], None, None, None) => (*start, *end, *step),
        ([], start, Some(end), step) => {
            (start.unwrap_or(Scalar::Int(0)), end, step.unwrap_or(Scalar::Int(1)))
        }
        _ => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                "arange() takes (end), (start, end) or (start, end, step)",
            )
        }
    };
    let floating = [start, end, step].iter().any(|s| matches!(s, Scalar::Float(_)));
    let dtype = dtype.unwrap_or(if floating { DType::DEFAULT_FLOAT } else { DType::I64 });
    let (a, b, s) = (start.to_f64(), end.to_f64(), step.to_f64());
    if s == 0.0 {
        return fail(ErrorKind::RuntimeError, args.span, "step must be nonzero");
    }
    let integral = !floating;
    // Integer bounds are compared, counted and stepped exactly: in f64, 2^53 + 3 rounds.
    let exact = |x: Scalar| match x {
        Scalar::Int(i) => i as i128,
        other => other.to_f64() as i128,
    };
    let (a_int, b_int, s_int) = (exact(start), exact(end), exact(step));
    let backwards = if integral {
        (s_int > 0 && b_int < a_int) || (s_int < 0 && b_int > a_int)
    } else {
        (s > 0.0 && b < a) || (s < 0.0 && b > a)
    };
    if backwards {
        return fail(
            ErrorKind::RuntimeError,
            args.span,
            "upper bound and larger bound inconsistent with step sign",
        );
    }
    let n = if integral {
        let q = (b_int - a_int) / s_int;
        (q + ((b_int - a_int) % s_int != 0) as i128) as f64
    } else {
        ((b - a) / s).ceil()
    };
    if !n.is_finite() || n >= i64::MAX as f64 {
        return fail(ErrorKind::RuntimeError, args.span, "invalid size, possible overflow?");
    }
    let n = n.max(0.0) as usize;
    check_allocation(&[n], dtype).map_err(|e| error_at(e, args.span))?;
    let storage = with_dtype!(dtype, T => T::wrap((0..n).map(|i| {
        if integral {
            Scalar::Int((a_int + i as i128 * s_int) as i64).to_element::<T>()
        } else {
            Scalar::Float(a + i as f64 * s).to_element::<T>()
        }
    }).collect()));
    Ok(Value::Tensor(Tensor::new(storage, &[n])))
}

/// `steps` evenly spaced values from `start` to `end`, as PyTorch computes them: in
/// their own dtype when it is a float one (so float32 steps round the way torch's do;
/// integer results come from f64 values, truncated), the second half counted back
/// from `end`.
pub fn linspace_values(start: f64, end: f64, steps: usize, dtype: DType) -> Vec<f64> {
    let in_dtype = |x: f64| if dtype.is_float() { Scalar::Float(x).to_dtype_f64(dtype) } else { x };
    let step = in_dtype(if steps > 1 { (end - start) / (steps - 1) as f64 } else { 0.0 });
    let half = steps / 2;
    (0..steps)
        .map(|i| {
            // Fused multiply-adds, as PyTorch's kernel compiles to.
            if i < half {
                in_dtype(step.mul_add(i as f64, start))
            } else {
                in_dtype((-step).mul_add((steps - i - 1) as f64, end))
            }
        })
        .collect()
}

/// `linspace(start, end, steps, dtype=)` and `logspace(start, end, steps, base=10.0,
/// dtype=)`, with PyTorch's symmetric formula (the second half counts back from `end`).
fn linspace(log: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::DEFAULT_FLOAT);
    let base = super::args::arg(&mut args, 3, "base");
    let start = number_arg(&args.positional[0], "start", args.span)?.to_f64();
    let end = number_arg(&args.positional[1], "end", args.span)?.to_f64();
    let steps = match args.positional.get(2).cloned() {
        Some(Value::Int(n)) if n >= 0 => n as usize,
        Some(Value::Int(_)) => {
            return fail(ErrorKind::RuntimeError, args.span, "number of steps must be non-negative")
        }
        _ => return missing(&args, "steps"),
    };
    check_allocation(&[steps], dtype).map_err(|e| error_at(e, args.span))?;
    let mut values = linspace_values(start, end, steps, dtype);
    if log {
        let base = base.map(|b| number_arg(&b, "base", args.span)).transpose()?.map_or(10.0, |b| b.to_f64());
        values.iter_mut().for_each(|v| *v = base.powf(*v));
    }
    let storage = with_dtype!(dtype, T => T::wrap(values.iter().map(|&v| Scalar::Float(v).to_element::<T>()).collect()));
    Ok(Value::Tensor(Tensor::new(storage, &[steps])))
}

/// `eye(n, m=None, dtype=)`.
fn eye(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::DEFAULT_FLOAT);
    let m = super::args::arg(&mut args, 1, "m").filter(|m| !matches!(m, Value::None));
    let given: Vec<Value> = args.positional.iter().take(1).cloned().chain(m).collect();
    let dims = dims_to_shape(&given, args.span)?;
    let (n, m) = (dims[0], *dims.get(1).unwrap_or(&dims[0]));
    check_allocation(&[n, m], dtype).map_err(|e| error_at(e, args.span))?;
    let storage = with_dtype!(dtype, T => T::wrap((0..n * m).map(|i| Scalar::Bool(i / m == i % m).to_element::<T>()).collect()));
    Ok(Value::Tensor(Tensor::new(storage, &[n, m])))
}
