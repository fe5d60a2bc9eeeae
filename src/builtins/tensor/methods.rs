//! Tensor attributes and the methods about a tensor's shape, layout and dtype; each
//! builtin here also serves as the function form (`reshape(x, 2, 3)`) where PyTorch
//! has one.

use super::args::{arg, int_list, int_of, ints_of, missing, required, tensor_arg};
use super::convert::{dtype_of, scalar_value};
use super::device::device_of;
use super::error_at;
use crate::autograd::ops::shape;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::dtype::DType;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

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
    Builtin::method(size, "size(*args, **kwargs)"),
    Builtin::method(dim, "dim(*args, **kwargs)"),
    Builtin::both(numel, "numel(*args, **kwargs)"),
    Builtin::method(item, "item(*args, **kwargs)"),
    Builtin::method(tolist, "tolist(*args, **kwargs)"),
    Builtin::method(stride, "stride(*args, **kwargs)"),
    Builtin::method(storage_offset, "storage_offset(*args, **kwargs)"),
    Builtin::method(data_ptr, "data_ptr(*args, **kwargs)"),
    Builtin::method(is_contiguous, "is_contiguous(*args, **kwargs)"),
    Builtin::method(is_floating_point, "is_floating_point(*args, **kwargs)"),
    Builtin::method(contiguous, "contiguous(*args, **kwargs)"),
    Builtin::both(clone, "clone(*args, **kwargs)"),
    Builtin::both(reshape, "reshape(*args, **kwargs)"),
    Builtin::method(reshape, "view(*args, **kwargs)"),
    Builtin::both(flatten, "flatten(*args, **kwargs)"),
    Builtin::both(squeeze, "squeeze(*args, **kwargs)"),
    Builtin::both(unsqueeze, "unsqueeze(*args, **kwargs)"),
    Builtin::both(transpose, "transpose(*args, **kwargs)"),
    Builtin::both(transpose, "swapaxes(*args, **kwargs)"),
    Builtin::both(permute, "permute(*args, **kwargs)"),
    Builtin::both(t, "t(*args, **kwargs)"),
    Builtin::method(expand, "expand(*args, **kwargs)"),
    Builtin::method(expand_as, "expand_as(*args, **kwargs)"),
    Builtin::both(broadcast_to, "broadcast_to(*args, **kwargs)"),
    Builtin::both(narrow, "narrow(*args, **kwargs)"),
    Builtin::both(diagonal, "diagonal(*args, **kwargs)"),
    Builtin::both(as_strided, "as_strided(*args, **kwargs)"),
    Builtin::both(flip, "flip(*args, **kwargs)"),
    Builtin::both(roll, "roll(*args, **kwargs)"),
    Builtin::method(to, "to(*args, **kwargs)"),
    Builtin::method(to, "type(*args, **kwargs)"),
    Builtin::method(cast, "float(*args, **kwargs)"),
    Builtin::method(cast, "double(*args, **kwargs)"),
    Builtin::method(cast, "half(*args, **kwargs)"),
    Builtin::method(cast, "long(*args, **kwargs)"),
    Builtin::method(cast, "int(*args, **kwargs)"),
    Builtin::method(cast, "short(*args, **kwargs)"),
    Builtin::method(cast, "bool(*args, **kwargs)"),
    Builtin::method(cast, "byte(*args, **kwargs)"),
    Builtin::function(cat, "cat(*args, **kwargs)"),
    Builtin::function(stack_along, "vstack(*args, **kwargs)"),
    Builtin::function(stack_along, "hstack(*args, **kwargs)"),
    Builtin::function(cat, "concat(*args, **kwargs)"),
    Builtin::function(cat, "concatenate(*args, **kwargs)"),
    Builtin::function(stack, "stack(*args, **kwargs)"),
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
        Some(d) => {
            let d = shape::wrap_dim(int_of(&d, "dim", args.span)?, t.ndim())
                .map_err(|e| error_at(e, args.span))?;
            Ok(Value::Int(t.shape()[d] as i64))
        }
    }
}

fn stride(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d = arg(&mut args, 1, "dim");
    let t = tensor_arg(&args, 0)?;
    let strides = &t.layout().strides;
    match d {
        None | Some(Value::None) => Ok(Value::tuple(strides.iter().map(|&s| Value::Int(s as i64)).collect())),
        Some(d) => {
            let d = shape::wrap_dim(int_of(&d, "dim", args.span)?, t.ndim())
                .map_err(|e| error_at(e, args.span))?;
            Ok(Value::Int(strides[d] as i64))
        }
    }
}

fn dim(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Int(tensor_arg(&args, 0)?.ndim() as i64))
}

fn numel(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Int(tensor_arg(&args, 0)?.numel() as i64))
}

fn storage_offset(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Int(tensor_arg(&args, 0)?.layout().offset as i64))
}

fn data_ptr(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Int(tensor_arg(&args, 0)?.data_ptr() as i64))
}

fn is_contiguous(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Bool(tensor_arg(&args, 0)?.is_contiguous()))
}

fn is_floating_point(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Bool(tensor_arg(&args, 0)?.dtype().is_float()))
}

fn item(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let t = tensor_arg(&args, 0)?;
    t.item().map(scalar_value).map_err(|e| error_at(e, args.span))
}

/// Nested lists of Python numbers (a number for a 0-d tensor).
fn tolist(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
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
    args.expect(1, 1)?;
    done(shape::contiguous(&tensor_arg(&args, 0)?), &args)
}

fn clone(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(shape::clone(&tensor_arg(&args, 0)?), &args)
}

/// `reshape` (views when it can) and `view` (fails when it cannot view).
fn reshape(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let given = rest_or_keyword(&mut args, "shape");
    if let [Value::DType(d)] = given.as_slice() {
        return fail("TypeError", args.span, format!("viewing as another dtype ({d}) is not supported"));
    }
    let dims = int_list(&given, "shape", args.span)?;
    let result = if args.function == "view" { shape::view(&t, &dims) } else { shape::reshape(&t, &dims) };
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
    let d = required(&mut args, 1, "dim")?;
    let t = tensor_arg(&args, 0)?;
    done(shape::unsqueeze(&t, int_of(&d, "dim", args.span)?), &args)
}

fn transpose(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let d0 = arg(&mut args, 1, "dim0");
    let d1 = arg(&mut args, 2, "dim1");
    let t = tensor_arg(&args, 0)?;
    let (Some(d0), Some(d1)) = (d0, d1) else {
        return fail("TypeError", args.span, format!("{}() needs two dims", args.function));
    };
    done(shape::transpose(&t, int_of(&d0, "dim0", args.span)?, int_of(&d1, "dim1", args.span)?), &args)
}

fn permute(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let given = rest_or_keyword(&mut args, "dims");
    let dims = int_list(&given, "dims", args.span)?;
    done(shape::permute(&t, &dims), &args)
}

fn t(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(shape::t2(&tensor_arg(&args, 0)?), &args)
}

fn expand(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let given = rest_or_keyword(&mut args, "size");
    let sizes = int_list(&given, "size", args.span)?;
    done(shape::expand(&t, &sizes), &args)
}

fn expand_as(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let (t, other) = (tensor_arg(&args, 0)?, tensor_arg(&args, 1)?);
    let sizes: Vec<i64> = other.shape().iter().map(|&d| d as i64).collect();
    done(shape::expand(&t, &sizes), &args)
}

fn broadcast_to(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let s = required(&mut args, 1, "size")?;
    let t = tensor_arg(&args, 0)?;
    done(shape::expand(&t, &int_list(&[s], "size", args.span)?), &args)
}

fn narrow(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(4, 4)?;
    let t = tensor_arg(&args, 0)?;
    let n = |i: usize, what: &str| int_of(&args.positional[i], what, args.span);
    done(shape::narrow(&t, n(1, "dim")?, n(2, "start")?, n(3, "length")?), &args)
}

fn diagonal(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let offset = arg(&mut args, 1, "offset").map(|v| int_of(&v, "offset", args.span)).transpose()?;
    let d1 = arg(&mut args, 2, "dim1").map(|v| int_of(&v, "dim1", args.span)).transpose()?;
    let d2 = arg(&mut args, 3, "dim2").map(|v| int_of(&v, "dim2", args.span)).transpose()?;
    let t = tensor_arg(&args, 0)?;
    done(shape::diagonal(&t, offset.unwrap_or(0), d1.unwrap_or(0), d2.unwrap_or(1)), &args)
}

fn as_strided(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let size = arg(&mut args, 1, "size");
    let stride = arg(&mut args, 2, "stride");
    let offset = arg(&mut args, 3, "storage_offset");
    let t = tensor_arg(&args, 0)?;
    let (Some(size), Some(stride)) = (size, stride) else {
        return fail("TypeError", args.span, "as_strided() needs size and stride");
    };
    let unsigned = |v: Vec<i64>, what: &str| -> Eval<Vec<usize>> {
        v.into_iter()
            .map(|d| {
                usize::try_from(d).map_err(|_| {
                    crate::eval::RuntimeError::new(
                        "RuntimeError",
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
    let shifts = arg(&mut args, 1, "shifts");
    let dims = arg(&mut args, 2, "dims");
    let t = tensor_arg(&args, 0)?;
    let Some(shifts) = shifts else {
        return missing(&args, "shifts");
    };
    let shifts = ints_of(&shifts, "shifts", args.span)?;
    let dims = match dims {
        None | Some(Value::None) => vec![],
        Some(d) => ints_of(&d, "dims", args.span)?,
    };
    done(shape::roll(&t, &shifts, &dims), &args)
}

/// `x.to(dtype)`, `x.to(device)`, `x.to(device, dtype)`, `x.to(other)` (its dtype and
/// device), `x.type(dtype)`.
fn to(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype_kw = args.keyword("dtype");
    let device_kw = args.keyword("device");
    let t = tensor_arg(&args, 0)?;
    if args.function == "type" && args.positional.len() == 1 && dtype_kw.is_none() {
        return Ok(Value::str(&format!("torch.{}", type_name(t.dtype()))));
    }
    args.expect(1, 3)?;
    let (mut dtype, mut target) = (None, None);
    for value in args.positional[1..].iter().chain(&dtype_kw).chain(&device_kw) {
        match value {
            Value::Tensor(other) => (dtype, target) = (Some(other.dtype()), Some(other.device())),
            v => match (dtype_of(v), device_of(v, args.span)?) {
                (Some(d), _) => dtype = Some(d),
                (_, Some(d)) if args.function == "to" => target = Some(d),
                _ => {
                    return fail(
                        "TypeError",
                        args.span,
                        format!("{}() expects a dtype or a device", args.function),
                    )
                }
            },
        }
    }
    let moved = match target {
        Some(d) => shape::to_device(&t, d).map_err(|e| error_at(e, args.span))?,
        None => t,
    };
    match dtype {
        Some(d) => done(shape::to_dtype(&moved, d), &args),
        None => Ok(Value::Tensor(moved)),
    }
}

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
fn cast(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let t = tensor_arg(&args, 0)?;
    let dtype = match args.function {
        "float" => DType::F32,
        "double" => DType::F64,
        "half" => DType::F16,
        "long" => DType::I64,
        "int" => DType::I32,
        "short" => DType::I16,
        "byte" => DType::U8,
        _ => DType::Bool,
    };
    done(shape::to_dtype(&t, dtype), &args)
}

fn tensors_of(interp: &mut Interpreter, value: &Value, args: &CallArgs) -> Eval<Vec<Tensor>> {
    interp
        .collect(value, args.span)?
        .into_iter()
        .map(|v| match v {
            Value::Tensor(t) => Ok(t),
            other => fail(
                "TypeError",
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
fn stack_along(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let tensors = tensors_of(interp, &args.positional[0], &args)?;
    let vertical = args.function == "vstack";
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
