//! Devices as values: `cpu`, `cuda`, `device("cuda:0")`, `x.to(cuda)`, `x.cuda()`,
//! `x.cpu()`, `cuda.is_available()`, `set_default_device`, and where the tensors a
//! builtin makes are put.

use super::args::{arg, required, tensor_arg};
use super::error_at;
use crate::autograd::ops::shape;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::tensor::backend::{Backend, Cuda, DeviceKernels};
use crate::tensor::device::{self, Device};
use crate::tensor::Tensor;
use crate::value::{Builtin, NamedTuple, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        make_device,
        "device(type, index=None) -> device

A device value: 'cpu', 'cuda' or 'cuda:N' (a bare int N means 'cuda:N'), or a kind and
an index given apart.

Args:
    type: a device string such as 'cuda:0', a device, or a CUDA device index
    index: the device index, when `type` is a kind without one
Returns: a device
Example: device('cuda', 1)  # device(type='cuda', index=1)",
    ),
    Builtin::function(
        set_default_device,
        "set_default_device(device) -> None

Sets the device that the tensor factories (`zeros`, `tensor`, ...) put their tensors on.

Args:
    device: a device or device string
Returns: None
Example: set_default_device('cpu')",
    ),
    Builtin::function(
        get_default_device,
        "get_default_device() -> device

The device that the tensor factories put their tensors on.

Returns: a device
Example: get_default_device()",
    ),
];

pub static METHODS: &[Builtin] = &[
    Builtin::method(
        to_cuda,
        "cuda(self, device=None, non_blocking=False) -> Tensor

The tensor on a CUDA device (itself when already there).

Args:
    self: the tensor
    device: the CUDA device: an index, a device or a device string; `None` is device 0
    non_blocking: allows the copy to be asynchronous; tl's copies finish before `cuda` returns
Returns: a tensor
Example: zeros(2).cuda()",
    ),
    Builtin::method(
        to_cpu,
        "cpu(self) -> Tensor

The tensor in host memory (itself when already there).

Args:
    self: the tensor
Returns: a tensor
Example: zeros(2).cpu()  # tensor([0., 0.])",
    ),
];

/// The methods of a device value (`cuda.is_available()`, as `torch.cuda`'s functions).
pub static DEVICE_METHODS: &[Builtin] = &[
    Builtin::method(
        is_available,
        "is_available(self) -> bool

Whether a CUDA device can be used (`cuda.is_available()`).

Args:
    self: the device
Returns: a bool
Example: cuda.is_available()",
    ),
    Builtin::method(
        device_count,
        "device_count(self) -> int

How many CUDA devices there are (`cuda.device_count()`).

Args:
    self: the device
Returns: an int
Example: cuda.device_count()",
    ),
    Builtin::method(
        synchronize,
        "synchronize(self, *tensors) -> None

Waits for the device's queued work; the given tensors are computed first (elementwise
results are otherwise computed when first needed, so that chains fuse).

Args:
    self: the device
    tensors: tensors to compute before waiting
Returns: None
Example: cuda.synchronize()",
    ),
];

/// `d.type` and `d.index`.
pub fn attribute(device: Device, name: &str) -> Option<Value> {
    match name {
        "type" => Some(Value::str(device.kind())),
        "index" => Some(device.index().map_or(Value::None, |i| Value::Int(i as i64))),
        _ => None,
    }
}

/// A device argument: a device value or a device string.
pub fn device_of(value: &Value, span: Span) -> Eval<Option<Device>> {
    match value {
        Value::Device(d) => Ok(Some(*d)),
        Value::Str(text) => Device::parse(text).map(Some).map_err(|e| error_at(e, span)),
        _ => Ok(None),
    }
}

fn make_device(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let kind = required(&mut args, 0, "type")?;
    let index = match arg(&mut args, 1, "index") {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) if i >= 0 => Some(i),
        Some(Value::Int(i)) => {
            return fail(
                ErrorKind::RuntimeError,
                args.span,
                format!("Device index must not be negative, got {i}"),
            )
        }
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("device(): argument 'index' must be int, not {}", other.type_name()),
            )
        }
    };
    let device = match (&kind, index) {
        (Value::Str(text), Some(_)) if text.contains(':') => {
            let message = format!(
                "type (string) must not include an index because index was passed explicitly: {text}"
            );
            return fail(ErrorKind::RuntimeError, args.span, message);
        }
        (Value::Str(kind), Some(i)) => format!("{kind}:{i}"),
        (Value::Str(text), None) => text.to_string(),
        (Value::Device(d), None) => return Ok(Value::Device(*d)),
        (Value::Int(i), None) if *i >= 0 => format!("cuda:{i}"),
        _ => {
            return fail(ErrorKind::TypeError, args.span, "device() expects a device string such as 'cuda:0'")
        }
    };
    Device::parse(&device).map(Value::Device).map_err(|e| error_at(e, args.span))
}

fn set_default_device(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let given = required(&mut args, 0, "device")?;
    let Some(d) = device_of(&given, args.span)? else {
        return fail(ErrorKind::TypeError, args.span, "set_default_device() expects a device");
    };
    device::set_default_device(d).map_err(|e| error_at(e, args.span))?;
    Ok(Value::None)
}

fn get_default_device(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    Ok(Value::Device(device::default_device()))
}

fn is_available(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(device::cuda_unavailable().is_none()))
}

fn device_count(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    Ok(Value::Int(device::cuda_device_count() as i64))
}

/// Waits for the device's queued work (what a benchmark needs before reading a clock).
/// Elementwise results are computed when first needed (so that chains fuse);
/// `cuda.synchronize(x, y)` computes the given tensors first.
fn synchronize(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let tensors = match args.keyword("tensors") {
        Some(Value::Tensor(t)) => vec![Value::Tensor(t)],
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        Some(other) => vec![other],
        None => args.positional[1..].to_vec(),
    };
    for value in &tensors {
        let Value::Tensor(t) = value else {
            return fail(ErrorKind::TypeError, args.span, "synchronize() takes tensors to compute");
        };
        if let Backend::Cuda(device) = Backend::of(&[t]) {
            device.evaluate(t).map_err(|e| error_at(e, args.span))?;
        }
    }
    Cuda.synchronize().map_err(|e| error_at(e, args.span))?;
    Ok(Value::None)
}

/// `x.cuda()` / `x.cuda(1)` / `x.cuda('cuda:1')`.
fn to_cuda(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    // `non_blocking` only permits the copy to finish later; tl's have finished on return.
    let _non_blocking = arg(&mut args, 2, "non_blocking");
    let index = match arg(&mut args, 1, "device") {
        None | Some(Value::None) => 0,
        Some(Value::Int(i)) if i >= 0 => i as u32,
        Some(v @ (Value::Device(_) | Value::Str(_))) => match device_of(&v, args.span)? {
            Some(Device::Cuda(i)) => i,
            _ => return fail(ErrorKind::RuntimeError, args.span, "Invalid device, must be cuda device"),
        },
        Some(_) => return fail(ErrorKind::TypeError, args.span, "cuda() expects a device index"),
    };
    moved(&t, Device::Cuda(index), args.span)
}

fn to_cpu(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    moved(&tensor_arg(&args, 0)?, Device::Cpu, args.span)
}

/// `t` on `device`, differentiably.
pub fn moved(t: &Tensor, device: Device, span: Span) -> Eval<Value> {
    shape::to_device(t, device).map(Value::Tensor).map_err(|e| error_at(e, span))
}

/// The device of the tensors among a builtin's arguments, or PyTorch's error when they
/// are on different devices (a 0-d CPU tensor goes with any device, as in PyTorch).
pub fn common_device(args: &[Value], span: Span) -> Eval<Option<Device>> {
    let mut found: Option<Device> = None;
    for t in args.iter().filter_map(|v| if let Value::Tensor(t) = v { Some(t) } else { None }) {
        let d = t.device();
        if d == Device::Cpu && t.ndim() == 0 {
            continue;
        }
        match found {
            Some(f) if f != d => {
                let (a, b) = if f.is_cuda() { (f, d) } else { (d, f) };
                return fail(
                    ErrorKind::RuntimeError,
                    span,
                    format!("Expected all tensors to be on the same device, but found at least two devices, {a} and {b}!"),
                );
            }
            _ => found = Some(d),
        }
    }
    Ok(found)
}

/// The tensors in a builtin's result moved to `device`: ops that have no device kernel
/// run on the host copy of their inputs, and their results go back where the inputs
/// were (differentiably, so gradients flow through the move).
pub fn follow(result: Value, device: Device, span: Span) -> Eval<Value> {
    let put = |v: &Value| match v {
        Value::Tensor(t) if t.device() != device => moved(t, device, span),
        other => Ok(other.clone()),
    };
    Ok(match &result {
        Value::Tensor(_) => put(&result)?,
        Value::Tuple(items) => Value::Tuple(items.iter().map(put).collect::<Eval<_>>()?),
        Value::NamedTuple(n) => Value::NamedTuple(std::rc::Rc::new(NamedTuple {
            type_name: n.type_name,
            fields: n.fields,
            items: n.items.iter().map(put).collect::<Eval<_>>()?,
        })),
        Value::List(items) => {
            let moved = items.borrow().iter().map(put).collect::<Eval<Vec<_>>>()?;
            *items.borrow_mut() = moved;
            result
        }
        _ => result,
    })
}
