//! Tensor attributes and the methods about a tensor's shape, layout and dtype; each
//! builtin here also serves as the function form (`reshape(x, 2, 3)`) where PyTorch
//! has one.

use super::args::{arg, int_list, int_of, ints_of, missing, required, tensor_arg};
use super::convert::{dtype_arg, dtype_of, scalar_value};
use super::device::device_of;
use super::error_at;
use crate::autograd::ops::shape;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

/// The names `property` answers, here and in `autograd::property` (`dir`, completion).
pub const PROPERTIES: &[&str] = &[
    "T",
    "data",
    "device",
    "dtype",
    "grad",
    "grad_fn",
    "is_cuda",
    "is_leaf",
    "mT",
    "ndim",
    "requires_grad",
    "shape",
];

/// `x.shape`, `x.dtype`, `x.ndim`, `x.T`, `x.mT`, `x.data`, `x.device`.
pub fn property(t: &Tensor, name: &str) -> Option<Value> {
    Some(match name {
        "shape" => Value::Size(t.shape().into()),
        "dtype" => Value::DType(t.dtype()),
        "ndim" => Value::Int(t.ndim() as i64),
        "T" => Value::Tensor(shape::reverse_dims(t)),
        "mT" if t.ndim() >= 2 => Value::Tensor(shape::transpose(t, -2, -1).ok()?),
        "data" => Value::Tensor(t.detach()),
        "device" => Value::Device(t.device()),
        "is_cuda" => Value::Bool(t.device().is_cuda()),
        _ => return super::autograd::property(t, name),
    })
}

/// The shape, layout and dtype builtins; most are methods, many also functions.
pub static BUILTINS: &[Builtin] = &[
    Builtin::method(
        size,
        "size(self, dim=None) -> torch.Size or int

The tensor's shape, or the length of one of its dims.

Args:
    self: the tensor
    dim: the dim to measure; `None` gives the whole shape
Returns: a `torch.Size`, or an int when `dim` is given
Example: zeros(2, 3).size(1)  # 3",
    ),
    Builtin::method(
        dim,
        "dim(self) -> int

How many dims the tensor has (0 for a single number).

Args:
    self: the tensor
Returns: an int
Example: zeros(2, 3).dim()  # 2",
    ),
    Builtin::both(
        numel,
        "numel(input) -> int

How many elements the tensor holds: the product of its shape.

Args:
    input: the tensor
Returns: an int
Example: numel(zeros(2, 3))  # 6",
    ),
    Builtin::method(
        item,
        "item(self) -> number

The one element of a one-element tensor, as a Python number.

Args:
    self: a tensor with exactly one element
Returns: an int, float or bool
Example: tensor([2.5]).item()  # 2.5",
    ),
    Builtin::method(
        tolist,
        "tolist(self) -> list or number

The elements as nested lists of Python numbers, one level per dim.

Args:
    self: the tensor
Returns: a list (a number for a 0-d tensor)
Example: tensor([[1, 2], [3, 4]]).tolist()  # [[1, 2], [3, 4]]",
    ),
    Builtin::method(
        stride,
        "stride(self, dim=None) -> tuple or int

How many storage elements one step along each dim moves.

Args:
    self: the tensor
    dim: the dim to ask about; `None` gives every dim's stride
Returns: a tuple of ints, or an int when `dim` is given
Example: zeros(2, 3).stride()  # (3, 1)",
    ),
    Builtin::method(
        storage_offset,
        "storage_offset(self) -> int

Where the tensor's first element sits in its storage, in elements.

Args:
    self: the tensor
Returns: an int
Example: arange(6)[2:].storage_offset()  # 2",
    ),
    Builtin::method(
        data_ptr,
        "data_ptr(self) -> int

The address of the tensor's first element: equal for views that start at the same place.

Args:
    self: the tensor
Returns: an int
Example: zeros(2).data_ptr()",
    ),
    Builtin::method(
        is_contiguous,
        "is_contiguous(self) -> bool

Whether the elements lie in storage in row-major order with no gaps.

Args:
    self: the tensor
Returns: a bool
Example: zeros(2, 3).t().is_contiguous()  # False",
    ),
    Builtin::both(
        is_floating_point,
        "is_floating_point(input) -> bool

Whether the tensor's dtype is a floating-point one.

Args:
    input: the tensor
Returns: a bool
Example: is_floating_point(tensor([1, 2]))  # False",
    ),
    Builtin::method(
        contiguous,
        "contiguous(self) -> Tensor

The tensor itself when it is contiguous, else a row-major copy of it.

Args:
    self: the tensor
Returns: a contiguous tensor
Example: zeros(2, 3).t().contiguous().stride()  # (2, 1)",
    ),
    Builtin::both(
        clone,
        "clone(input) -> Tensor

A copy of the tensor with storage of its own; gradients flow back through it.

Args:
    input: the tensor to copy
Returns: a new tensor
Example: clone(tensor([1, 2]))  # tensor([1, 2])",
    ),
    Builtin::both(
        |interp, args| reshape(false, interp, args),
        "reshape(input, *shape) -> Tensor

The same elements in a new shape: a view when the strides allow one, else a copy.
One size may be -1, worked out from the others.

Args:
    input: the tensor
    shape: the new sizes, given one by one or as one sequence
Returns: a tensor of that shape
Example: reshape(arange(4), (1, 4))  # tensor([[0, 1, 2, 3]])",
    ),
    Builtin::method(
        |interp, args| reshape(true, interp, args),
        "view(self, *size) -> Tensor

The same storage seen in a new shape; an error when the strides cannot be viewed so.

Args:
    self: the tensor
    size: the new sizes, given one by one or as one sequence; one may be -1
Returns: a view of that shape
Example: arange(4).view(2, -1).shape  # torch.Size([2, 2])",
    ),
    Builtin::both(
        flatten,
        "flatten(input, start_dim=0, end_dim=-1) -> Tensor

Merges the dims from `start_dim` to `end_dim` into one.

Args:
    input: the tensor
    start_dim: the first dim merged
    end_dim: the last dim merged
Returns: a tensor (a view when possible)
Example: flatten(zeros(2, 3, 4), start_dim=1).shape  # torch.Size([2, 12])",
    ),
    Builtin::both(
        squeeze,
        "squeeze(input, dim=None) -> Tensor

Drops dims of size 1: all of them, or those among `dim`.

Args:
    input: the tensor
    dim: a dim or tuple of dims to drop when their size is 1; `None` drops every size-1 dim
Returns: a view
Example: squeeze(zeros(1, 3, 1)).shape  # torch.Size([3])",
    ),
    Builtin::both(
        unsqueeze,
        "unsqueeze(input, dim) -> Tensor

Inserts a dim of size 1 at position `dim`.

Args:
    input: the tensor
    dim: where the new dim goes (negative counts from the end of the result)
Returns: a view
Example: unsqueeze(tensor([1, 2]), 0)  # tensor([[1, 2]])",
    ),
    Builtin::both(
        |interp, args| transpose(false, interp, args),
        "transpose(input, dim0, dim1) -> Tensor

Swaps two dims.

Args:
    input: the tensor
    dim0: one dim
    dim1: the other dim
Returns: a view
Example: transpose(zeros(2, 3), 0, 1).shape  # torch.Size([3, 2])",
    ),
    Builtin::both(
        |interp, args| transpose(true, interp, args),
        "swapaxes(input, axis0, axis1) -> Tensor

Swaps two dims, NumPy's name for `transpose`.

Args:
    input: the tensor
    axis0: one dim
    axis1: the other dim
Returns: a view
Example: swapaxes(zeros(2, 3, 4), 0, 2).shape  # torch.Size([4, 3, 2])",
    ),
    Builtin::both(
        permute,
        "permute(input, *dims) -> Tensor

Reorders the dims: dim `i` of the result is dim `dims[i]` of `input`.

Args:
    input: the tensor
    dims: the new order, given one by one or as one sequence
Returns: a view
Example: permute(zeros(2, 3, 4), (2, 0, 1)).shape  # torch.Size([4, 2, 3])",
    ),
    Builtin::both(
        t,
        "t(input) -> Tensor

Swaps the two dims of a matrix; a tensor of fewer than 2 dims comes back as it is.

Args:
    input: a tensor of at most 2 dims
Returns: a view
Example: t(zeros(2, 3)).shape  # torch.Size([3, 2])",
    ),
    Builtin::method(
        expand,
        "expand(self, *size) -> Tensor

Repeats size-1 dims (and adds leading ones) without copying, by giving them stride 0.

Args:
    self: the tensor
    size: the target sizes, one by one or as one sequence; -1 keeps a dim's size
Returns: a view
Example: tensor([1, 2]).expand(3, 2).shape  # torch.Size([3, 2])",
    ),
    Builtin::method(
        expand_as,
        "expand_as(self, other) -> Tensor

Expands the tensor to the shape of `other`.

Args:
    self: the tensor
    other: the tensor whose shape is taken
Returns: a view
Example: tensor([1, 2]).expand_as(zeros(3, 2)).shape  # torch.Size([3, 2])",
    ),
    Builtin::both(
        broadcast_to,
        "broadcast_to(input, size) -> Tensor

Expands the tensor to a shape it broadcasts to, without copying.

Args:
    input: the tensor
    size: the target shape; -1 keeps a dim's size
Returns: a view
Example: broadcast_to(tensor([1, 2]), (3, 2)).shape  # torch.Size([3, 2])",
    ),
    Builtin::both(
        narrow,
        "narrow(input, dim, start, length) -> Tensor

The slice of `length` elements from `start` along `dim`.

Args:
    input: the tensor
    dim: the dim to cut
    start: the first index kept (negative counts from the end)
    length: how many indices are kept
Returns: a view
Example: narrow(arange(6), 0, 1, 3)  # tensor([1, 2, 3])",
    ),
    Builtin::both(
        diagonal,
        "diagonal(input, offset=0, dim1=0, dim2=1) -> Tensor

The diagonal of the matrices spanned by `dim1` and `dim2`, as a new last dim.

Args:
    input: a tensor of at least 2 dims
    offset: which diagonal: 0 the main one, above it when positive, below when negative
    dim1: the first dim of the matrices
    dim2: the second dim of the matrices
Returns: a view
Example: diagonal(tensor([[1, 2], [3, 4]]))  # tensor([1, 4])",
    ),
    Builtin::both(
        as_strided,
        "as_strided(input, size, stride, storage_offset=None) -> Tensor

A view of the tensor's storage with the given sizes, strides and start.

Args:
    input: the tensor whose storage is viewed
    size: the sizes of the view
    stride: the strides of the view, in elements
    storage_offset: where the view starts in the storage; `None` keeps the tensor's own
Returns: a view
Example: as_strided(arange(6), (3,), (2,))  # tensor([0, 2, 4])",
    ),
    Builtin::both(
        flip,
        "flip(input, *dims) -> Tensor

Reverses the order of the elements along each of `dims`.

Args:
    input: the tensor
    dims: the dims to reverse, one by one or as one sequence
Returns: a new tensor
Example: flip(tensor([1, 2, 3]), [0])  # tensor([3, 2, 1])",
    ),
    Builtin::both(
        roll,
        "roll(input, shifts, dims=None) -> Tensor

Shifts the elements along dims, those pushed off the end coming back at the start.

Args:
    input: the tensor
    shifts: how far to shift: an int, or one per dim in `dims`
    dims: the dims to shift along; `None` shifts the flattened tensor and restores its shape
Returns: a new tensor
Example: roll(tensor([1, 2, 3]), 1)  # tensor([3, 1, 2])",
    ),
    Builtin::method(
        to,
        "to(self, *args, device=None, dtype=None, non_blocking=False, copy=False) -> Tensor

The tensor converted to a dtype and/or moved to a device; itself when it already
matches, unless `copy`. Positionally: `to(dtype)`, `to(device, dtype)` or `to(other)`,
then `non_blocking` and `copy`.

Args:
    self: the tensor
    args: a dtype, a device (or device string), both, or a tensor whose dtype and device are taken
    device: the device to move to
    dtype: the dtype to convert to
    non_blocking: allows the copy to be asynchronous; tl's copies finish before `to` returns
    copy: whether to make a new tensor even when nothing changes
Returns: a tensor
Example: tensor([1, 2]).to(float64)  # tensor([1., 2.], dtype=float64)",
    ),
    Builtin::method(
        type_,
        "type(self, dtype=None, non_blocking=False) -> str or Tensor

Without a dtype, the tensor's legacy type name; with one, the tensor converted to it.

Args:
    self: the tensor
    dtype: a dtype, or a legacy type name such as 'torch.LongTensor'
    non_blocking: allows the copy to be asynchronous; tl's copies finish before `type` returns
Returns: a str, or a tensor when `dtype` is given
Example: tensor([1, 2]).type()  # 'torch.LongTensor'",
    ),
    Builtin::method(
        |interp, args| cast(DType::F32, interp, args),
        "float(self) -> Tensor

The tensor converted to float32 (itself when it is float32 already).

Args:
    self: the tensor
Returns: a float32 tensor
Example: tensor([1, 2]).float()  # tensor([1., 2.])",
    ),
    Builtin::method(
        |interp, args| cast(DType::F64, interp, args),
        "double(self) -> Tensor

The tensor converted to float64 (itself when it is float64 already).

Args:
    self: the tensor
Returns: a float64 tensor
Example: tensor([1, 2]).double()  # tensor([1., 2.], dtype=float64)",
    ),
    Builtin::method(
        |interp, args| cast(DType::F16, interp, args),
        "half(self) -> Tensor

The tensor converted to float16 (itself when it is float16 already).

Args:
    self: the tensor
Returns: a float16 tensor
Example: tensor([1, 2]).half()  # tensor([1., 2.], dtype=float16)",
    ),
    Builtin::method(
        |interp, args| cast(DType::I64, interp, args),
        "long(self) -> Tensor

The tensor converted to int64, floats rounded toward zero.

Args:
    self: the tensor
Returns: an int64 tensor
Example: tensor([1.7, -1.7]).long()  # tensor([ 1, -1])",
    ),
    Builtin::method(
        |interp, args| cast(DType::I32, interp, args),
        "int(self) -> Tensor

The tensor converted to int32, floats rounded toward zero.

Args:
    self: the tensor
Returns: an int32 tensor
Example: tensor([1.7, 2.2]).int()  # tensor([1, 2], dtype=int32)",
    ),
    Builtin::method(
        |interp, args| cast(DType::I16, interp, args),
        "short(self) -> Tensor

The tensor converted to int16, floats rounded toward zero.

Args:
    self: the tensor
Returns: an int16 tensor
Example: tensor([1, 2]).short()  # tensor([1, 2], dtype=int16)",
    ),
    Builtin::method(
        |interp, args| cast(DType::Bool, interp, args),
        "bool(self) -> Tensor

The tensor converted to bool: `True` wherever an element is nonzero.

Args:
    self: the tensor
Returns: a bool tensor
Example: tensor([0, 2]).bool()  # tensor([False,  True])",
    ),
    Builtin::method(
        |interp, args| cast(DType::U8, interp, args),
        "byte(self) -> Tensor

The tensor converted to uint8.

Args:
    self: the tensor
Returns: a uint8 tensor
Example: tensor([1, 2]).byte()  # tensor([1, 2], dtype=uint8)",
    ),
    Builtin::function(
        cat,
        "cat(tensors, dim=0, *, out=None) -> Tensor

Joins tensors end to end along an existing dim; the other dims must match.

Args:
    tensors: a sequence of tensors
    dim: the dim they are joined along
    out: a tensor to write the result into
Returns: a tensor
Example: cat([tensor([1, 2]), tensor([3])])  # tensor([1, 2, 3])",
    ),
    Builtin::function(
        |interp, args| stack_along(true, interp, args),
        "vstack(tensors, *, out=None) -> Tensor

Stacks tensors as rows: each made at least 2-d, then joined along dim 0.

Args:
    tensors: a sequence of tensors
    out: a tensor to write the result into
Returns: a tensor
Example: vstack([tensor([1, 2]), tensor([3, 4])]).shape  # torch.Size([2, 2])",
    ),
    Builtin::function(
        |interp, args| stack_along(false, interp, args),
        "hstack(tensors, *, out=None) -> Tensor

Joins tensors side by side: along dim 0 for vectors, along dim 1 otherwise.

Args:
    tensors: a sequence of tensors
    out: a tensor to write the result into
Returns: a tensor
Example: hstack([tensor([1, 2]), tensor([3])])  # tensor([1, 2, 3])",
    ),
    Builtin::function(
        cat,
        "concat(tensors, dim=0, *, out=None) -> Tensor

Joins tensors along an existing dim; another name for `cat`.

Args:
    tensors: a sequence of tensors
    dim: the dim they are joined along
    out: a tensor to write the result into
Returns: a tensor
Example: concat([tensor([1]), tensor([2, 3])])  # tensor([1, 2, 3])",
    ),
    Builtin::function(
        cat,
        "concatenate(tensors, dim=0, *, out=None) -> Tensor

Joins tensors along an existing dim; NumPy's name for `cat` (`axis=` names the dim).

Args:
    tensors: a sequence of tensors
    dim: the dim they are joined along
    out: a tensor to write the result into
Returns: a tensor
Example: concatenate([tensor([1]), tensor([2, 3])], axis=0)  # tensor([1, 2, 3])",
    ),
    Builtin::function(
        stack,
        "stack(tensors, dim=0, *, out=None) -> Tensor

Joins tensors of one shape along a new dim inserted at `dim`.

Args:
    tensors: a sequence of tensors of the same shape
    dim: where the new dim goes
    out: a tensor to write the result into
Returns: a tensor
Example: stack([tensor([1, 2]), tensor([3, 4])], dim=1).shape  # torch.Size([2, 2])",
    ),
];

/// The values after the tensor (`x.reshape(2, 3)`), or the keyword that names them
/// all (`x.reshape(shape=(2, 3))`).
pub(super) fn rest_or_keyword(args: &mut CallArgs, name: &str) -> Vec<Value> {
    match args.keyword(name) {
        Some(value) => vec![value],
        None => args.positional.get(1..).map(<[Value]>::to_vec).unwrap_or_default(),
    }
}

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn size(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = arg(&mut args, 1, "dim");
    let t = tensor_arg(&args, 0)?;
    match d {
        None | Some(Value::None) => Ok(Value::Size(t.shape().into())),
        Some(d) => Ok(Value::Int(t.shape()[existing_dim(&t, &d, args.span)?] as i64)),
    }
}

fn stride(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = arg(&mut args, 1, "dim");
    let t = tensor_arg(&args, 0)?;
    let strides = &t.layout().strides;
    match d {
        None | Some(Value::None) => Ok(Value::tuple(strides.iter().map(|&s| Value::Int(s as i64)).collect())),
        Some(d) => Ok(Value::Int(strides[existing_dim(&t, &d, args.span)?] as i64)),
    }
}

/// A dimension `size(dim)` and `stride(dim)` can read: a 0-d tensor has none (unlike
/// the reductions, which take 0 and -1 for its one implicit dimension).
fn existing_dim(t: &Tensor, dim: &Value, span: crate::syntax::span::Span) -> Eval<usize> {
    let d = int_of(dim, "dim", span)?;
    if t.ndim() == 0 {
        return fail(
            ErrorKind::IndexError,
            span,
            format!("Dimension specified as {d} but tensor has no dimensions"),
        );
    }
    shape::wrap_dim(d, t.ndim()).map_err(|e| error_at(e, span))
}

fn dim(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Int(tensor_arg(&args, 0)?.ndim() as i64))
}

fn numel(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Int(tensor_arg(&args, 0)?.numel() as i64))
}

fn storage_offset(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Int(tensor_arg(&args, 0)?.layout().offset as i64))
}

fn data_ptr(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Int(tensor_arg(&args, 0)?.data_ptr() as i64))
}

fn is_contiguous(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(tensor_arg(&args, 0)?.is_contiguous()))
}

fn is_floating_point(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(tensor_arg(&args, 0)?.dtype().is_float()))
}

fn item(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    t.item().map(scalar_value).map_err(|e| error_at(e, args.span))
}

/// Nested lists of Python numbers (a number for a 0-d tensor).
fn tolist(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    interp.check_len(t.numel(), args.span)?;
    let values: Vec<Value> = t.scalars().into_iter().map(scalar_value).collect();
    fn nest(values: &[Value], shape: &[usize]) -> Value {
        match shape.split_first() {
            None => values[0].clone(),
            Some((&n, rest)) => {
                let chunk = rest.iter().product::<usize>();
                Value::list((0..n).map(|i| nest(&values[i * chunk..(i + 1) * chunk], rest)).collect())
            }
        }
    }
    Ok(nest(&values, t.shape()))
}

fn contiguous(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    done(shape::contiguous(&tensor_arg(&args, 0)?), &args)
}

fn clone(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    done(shape::clone(&tensor_arg(&args, 0)?), &args)
}

/// A parameter that must be a tensor, by position or keyword, with PyTorch's message.
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

/// A required int parameter, by position or keyword.
fn int_named(args: &mut CallArgs, i: usize, name: &str) -> Eval<i64> {
    let v = required(args, i, name)?;
    int_of(&v, name, args.span)
}

/// `reshape(x, *shape)` (views when it can) and `view(x, *size)` (fails when it cannot
/// view).
fn reshape(view: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let name = if view { "size" } else { "shape" };
    let given = rest_or_keyword(&mut args, name);
    if given.is_empty() {
        return missing(&args, name);
    }
    if let [Value::DType(d)] = given.as_slice() {
        return fail(
            ErrorKind::TypeError,
            args.span,
            format!("viewing as another dtype ({d}) is not supported"),
        );
    }
    let dims = int_list(&given, name, args.span)?;
    let result = if view { shape::view(&t, &dims) } else { shape::reshape(&t, &dims) };
    done(result, &args)
}

fn flatten(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let start = arg(&mut args, 1, "start_dim").map(|v| int_of(&v, "start_dim", args.span)).transpose()?;
    let end = arg(&mut args, 2, "end_dim").map(|v| int_of(&v, "end_dim", args.span)).transpose()?;
    let t = tensor_arg(&args, 0)?;
    done(shape::flatten(&t, start.unwrap_or(0), end.unwrap_or(-1)), &args)
}

fn squeeze(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = arg(&mut args, 1, "dim");
    let t = tensor_arg(&args, 0)?;
    let dims = match d {
        None | Some(Value::None) => None,
        Some(v) => Some(ints_of(&v, "dim", args.span)?),
    };
    done(shape::squeeze(&t, dims.as_deref()), &args)
}

fn unsqueeze(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = int_named(&mut args, 1, "dim")?;
    let t = tensor_arg(&args, 0)?;
    done(shape::unsqueeze(&t, d), &args)
}

/// `transpose(x, dim0, dim1)` and `swapaxes(x, axis0, axis1)`.
fn transpose(swapaxes: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let (first, second) = if swapaxes { ("axis0", "axis1") } else { ("dim0", "dim1") };
    let d0 = int_named(&mut args, 1, first)?;
    let d1 = int_named(&mut args, 2, second)?;
    let t = tensor_arg(&args, 0)?;
    done(shape::transpose(&t, d0, d1), &args)
}

fn permute(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let given = rest_or_keyword(&mut args, "dims");
    let dims = int_list(&given, "dims", args.span)?;
    done(shape::permute(&t, &dims), &args)
}

fn t(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    done(shape::t2(&tensor_arg(&args, 0)?), &args)
}

fn expand(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let given = rest_or_keyword(&mut args, "size");
    let sizes = int_list(&given, "size", args.span)?;
    done(shape::expand(&t, &sizes), &args)
}

fn expand_as(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let other = tensor_named(&mut args, 1, "other")?;
    let sizes: Vec<i64> = other.shape().iter().map(|&d| d as i64).collect();
    done(shape::expand(&t, &sizes), &args)
}

fn broadcast_to(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let s = required(&mut args, 1, "size")?;
    let t = tensor_arg(&args, 0)?;
    done(shape::expand(&t, &int_list(&[s], "size", args.span)?), &args)
}

fn narrow(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = int_named(&mut args, 1, "dim")?;
    let start = int_named(&mut args, 2, "start")?;
    let length = int_named(&mut args, 3, "length")?;
    let t = tensor_arg(&args, 0)?;
    done(shape::narrow(&t, d, start, length), &args)
}

fn diagonal(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let offset = arg(&mut args, 1, "offset").map(|v| int_of(&v, "offset", args.span)).transpose()?;
    let d1 = arg(&mut args, 2, "dim1").map(|v| int_of(&v, "dim1", args.span)).transpose()?;
    let d2 = arg(&mut args, 3, "dim2").map(|v| int_of(&v, "dim2", args.span)).transpose()?;
    let t = tensor_arg(&args, 0)?;
    done(shape::diagonal(&t, offset.unwrap_or(0), d1.unwrap_or(0), d2.unwrap_or(1)), &args)
}

fn as_strided(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let size = required(&mut args, 1, "size")?;
    let stride = required(&mut args, 2, "stride")?;
    let offset = arg(&mut args, 3, "storage_offset");
    let t = tensor_arg(&args, 0)?;
    let unsigned = |v: Vec<i64>, what: &str| -> Eval<Vec<usize>> {
        v.into_iter()
            .map(|d| {
                usize::try_from(d).map_err(|_| {
                    crate::eval::RuntimeError::new(
                        ErrorKind::RuntimeError,
                        format!("{what} must be non-negative, got {d}"),
                        args.span,
                    )
                    .into()
                })
            })
            .collect()
    };
    let size = unsigned(int_list(&[size], "size", args.span)?, "size")?;
    let stride = unsigned(int_list(&[stride], "stride", args.span)?, "stride")?;
    let offset = match offset {
        None | Some(Value::None) => None,
        Some(v) => Some(unsigned(vec![int_of(&v, "storage_offset", args.span)?], "storage_offset")?[0]),
    };
    done(shape::as_strided(&t, &size, &stride, offset), &args)
}

fn flip(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let given = rest_or_keyword(&mut args, "dims");
    done(shape::flip(&t, &int_list(&given, "dims", args.span)?), &args)
}

fn roll(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let shifts = required(&mut args, 1, "shifts")?;
    let dims = arg(&mut args, 2, "dims");
    let t = tensor_arg(&args, 0)?;
    let shifts = ints_of(&shifts, "shifts", args.span)?;
    let dims = match dims {
        None | Some(Value::None) => vec![],
        Some(d) => ints_of(&d, "dims", args.span)?,
    };
    done(shape::roll(&t, &shifts, &dims), &args)
}

/// `x.to(dtype)`, `x.to(device)`, `x.to(device, dtype)`, `x.to(other)` (its dtype and
/// device), each optionally followed by `non_blocking` and `copy`; or all by keyword.
fn to(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let invalid = |args: &CallArgs| {
        fail(
            ErrorKind::TypeError,
            args.span,
            "to() expects a dtype, a device, both, or a tensor, then non_blocking and copy",
        )
    };
    let (mut dtype, mut target) = (None, None);
    let mut flags: Vec<bool> = Vec::new();
    let mut leading = 0;
    for value in &args.positional[1..] {
        match value {
            Value::Bool(b) if flags.len() < 2 => flags.push(*b),
            _ if !flags.is_empty() || leading == 2 => return invalid(&args),
            Value::Tensor(other) if leading == 0 => {
                (dtype, target) = (Some(other.dtype()), Some(other.device()));
                leading = 2;
            }
            v => match (dtype_of(v), device_of(v, args.span)?) {
                (Some(d), _) if dtype.is_none() => {
                    dtype = Some(d);
                    leading = 2;
                }
                (None, Some(d)) if leading == 0 => {
                    target = Some(d);
                    leading = 1;
                }
                _ => return invalid(&args),
            },
        }
    }
    if let Some(v) = args.keyword("dtype") {
        if dtype.is_some() {
            return fail(ErrorKind::TypeError, args.span, "to() got multiple values for argument 'dtype'");
        }
        dtype = dtype_arg(Some(v), args.span)?;
    }
    if let Some(v) = args.keyword("device") {
        if target.is_some() {
            return fail(ErrorKind::TypeError, args.span, "to() got multiple values for argument 'device'");
        }
        target = match v {
            Value::None => None,
            v => match device_of(&v, args.span)? {
                Some(d) => Some(d),
                None => {
                    return fail(
                        ErrorKind::TypeError,
                        args.span,
                        format!("to(): device must be a device, not {}", v.type_name()),
                    )
                }
            },
        };
    }
    for (i, name) in ["non_blocking", "copy"].into_iter().enumerate() {
        if let Some(v) = args.keyword(name) {
            if flags.len() > i {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("to() got multiple values for argument '{name}'"),
                );
            }
            flags.resize(i, false);
            flags.push(v.truthy());
        }
    }
    // `non_blocking` (flags[0]) only permits the copy to finish later; tl's copies have
    // finished when `to` returns, which is what it allows.
    let copy = flags.get(1).copied().unwrap_or(false);
    let moved = match target {
        Some(d) => shape::to_device(&t, d).map_err(|e| error_at(e, args.span))?,
        None => t.clone(),
    };
    let converted = match dtype {
        Some(d) => shape::to_dtype(&moved, d).map_err(|e| error_at(e, args.span))?,
        None => moved,
    };
    if copy && converted.same(&t) {
        return done(shape::clone(&t), &args);
    }
    Ok(Value::Tensor(converted))
}

/// `x.type()` (the legacy type name) or `x.type(dtype)` / `x.type('torch.LongTensor')`.
fn type_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    // Like `to`'s, this only permits a copy to finish later, which tl's always have.
    let _non_blocking = arg(&mut args, 2, "non_blocking");
    let dtype = match arg(&mut args, 1, "dtype") {
        None | Some(Value::None) => return Ok(Value::str(&format!("torch.{}", type_name(t.dtype())))),
        Some(Value::Str(name)) => {
            match ALL_DTYPES.iter().find(|d| format!("torch.{}", type_name(**d)) == *name) {
                Some(d) => *d,
                None => return fail(ErrorKind::ValueError, args.span, format!("invalid type: '{name}'")),
            }
        }
        Some(v) => match dtype_of(&v) {
            Some(d) => d,
            None => {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("type(): dtype must be a dtype or a type name, not {}", v.type_name()),
                )
            }
        },
    };
    done(shape::to_dtype(&t, dtype), &args)
}

const ALL_DTYPES: [DType; 10] = [
    DType::Bool,
    DType::U8,
    DType::I8,
    DType::I16,
    DType::I32,
    DType::I64,
    DType::F16,
    DType::BF16,
    DType::F32,
    DType::F64,
];

/// PyTorch's legacy tensor type names (`x.type()`).
fn type_name(dtype: DType) -> &'static str {
    match dtype {
        DType::Bool => "BoolTensor",
        DType::U8 => "ByteTensor",
        DType::I8 => "CharTensor",
        DType::I16 => "ShortTensor",
        DType::I32 => "IntTensor",
        DType::I64 => "LongTensor",
        DType::F16 => "HalfTensor",
        DType::BF16 => "BFloat16Tensor",
        DType::F32 => "FloatTensor",
        DType::F64 => "DoubleTensor",
    }
}

/// `x.float()`, `x.long()`, ...: conversions named by PyTorch's aliases.
fn cast(dtype: DType, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    done(shape::to_dtype(&t, dtype), &args)
}

fn tensors_of(interp: &mut Interpreter, value: &Value, args: &CallArgs) -> Eval<Vec<Tensor>> {
    interp
        .collect(value, args.span)?
        .into_iter()
        .map(|v| match v {
            Value::Tensor(t) => Ok(t),
            other => fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}(): expected a sequence of Tensors, got {}", args.function, other.type_name()),
            ),
        })
        .collect()
}

fn cat(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = arg(&mut args, 1, "dim").map(|v| int_of(&v, "dim", args.span)).transpose()?;
    let seq = required(&mut args, 0, "tensors")?;
    let tensors = tensors_of(interp, &seq, &args)?;
    done(shape::cat(&tensors, d.unwrap_or(0)), &args)
}

/// `vstack` (rows: each tensor at least 2-d, joined along dim 0) and `hstack` (at
/// least 1-d, joined along dim 0 for vectors and dim 1 otherwise), as in PyTorch.
fn stack_along(vertical: bool, interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let seq = required(&mut args, 0, "tensors")?;
    let tensors = tensors_of(interp, &seq, &args)?;
    let least = if vertical { 2 } else { 1 };
    let lifted: TensorResult<Vec<Tensor>> = tensors
        .iter()
        .map(|t| {
            let mut t = t.clone();
            while t.ndim() < least {
                t = shape::unsqueeze(&t, 0)?;
            }
            Ok(t)
        })
        .collect();
    let lifted = lifted.map_err(|e| error_at(e, args.span))?;
    let dim = if vertical || lifted.first().is_some_and(|t| t.ndim() == 1) { 0 } else { 1 };
    done(shape::cat(&lifted, dim), &args)
}

fn stack(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = arg(&mut args, 1, "dim").map(|v| int_of(&v, "dim", args.span)).transpose()?;
    let seq = required(&mut args, 0, "tensors")?;
    let tensors = tensors_of(interp, &seq, &args)?;
    done(shape::stack(&tensors, d.unwrap_or(0)), &args)
}
