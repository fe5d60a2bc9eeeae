//! Calling a builtin: binding the call to its declaration, choosing its tensor form,
//! and PyTorch's keywords every tensor op or factory shares (`out=`, `device=`,
//! `requires_grad=`), around the builtin's own function.

use super::tensor::device;
use crate::eval::{bind_builtin, error_at, fail, guarded, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::symbol::Symbol;
use crate::tensor::device::{default_device, Device};
use crate::value::signature::Signature;
use crate::value::{Builtin, Value};

/// `builtin(args)`.
pub fn call(interp: &mut Interpreter, b: &'static Builtin, mut args: CallArgs) -> Eval<Value> {
    let b = match b.tensor_form {
        Some(tensor_form) if given_a_tensor(tensor_form.signature(), &args) => tensor_form,
        _ => b,
    };
    args.function = b.name;
    let signature = b.signature();
    let mut args = bind_builtin(signature, args)?;
    let out = match signature.has_out {
        true => args.keyword("out").filter(|v| !matches!(v, Value::None)),
        false => None,
    };
    let factory = super::tensor::create::FACTORIES.contains(&b.name);
    // Every tensor factory takes PyTorch's `requires_grad=` and `device=`.
    let requires_grad = factory.then(|| args.keyword("requires_grad")).flatten();
    let span = args.span;
    let placement = placement(b.name, factory, &mut args)?;
    let mut made = guarded(span, || (b.call)(interp, args))?;
    if let Some(device) = placement {
        made = device::follow(made, device, span)?;
    }
    if let Some(out) = out {
        made = super::tensor::out::write(b.name, out, made, span)?;
    }
    if let (Some(flag), Value::Tensor(t)) = (requires_grad, &made) {
        // The factories word this refusal their own way.
        if flag.truthy() && !t.dtype().is_float() {
            return fail(
                ErrorKind::RuntimeError,
                span,
                "Only Tensors of floating point and complex dtype can require gradients",
            );
        }
        t.set_requires_grad(flag.truthy()).map_err(|e| error_at(e, span))?;
    }
    Ok(made)
}

/// Where a builtin's tensors go: a factory's `device=` (else the default device);
/// for other builtins, the device of their tensor arguments, which must agree.
/// `None` leaves the result where the builtin put it.
fn placement(name: &str, factory: bool, args: &mut CallArgs) -> Eval<Option<Device>> {
    let asked = match args.keyword("device") {
        Some(value) if factory => device::device_of(&value, args.span)?,
        Some(value) => {
            // Not a factory's keyword: leave it for the builtin to take or refuse.
            args.keywords.push((Symbol::intern("device"), value));
            None
        }
        None => None,
    };
    if matches!(name, "to" | "cpu" | "cuda" | "copy_") {
        return Ok(None);
    }
    let inputs = device::common_device(&args.positional, args.span)?;
    Ok(match (factory, asked, inputs) {
        (true, Some(d), _) => Some(d),
        (_, _, Some(d)) => Some(d).filter(|d| d.is_cuda()),
        (true, None, None) => Some(default_device()).filter(|d| d.is_cuda()),
        _ => None,
    })
}

/// Whether a call passes a tensor where `signature` takes its receiver — first by
/// position, or by the receiver's keyword or an alias of it — so that a builtin's tensor
/// form takes over (`max(x)` as `Tensor.max`, `max(1, 2)` as Python's).
fn given_a_tensor(signature: &Signature, args: &CallArgs) -> bool {
    match args.positional.first() {
        Some(first) => matches!(first, Value::Tensor(_)),
        None => args
            .keywords
            .iter()
            .any(|(k, v)| matches!(v, Value::Tensor(_)) && signature.keyword(*k) == Some(signature.receiver)),
    }
}
