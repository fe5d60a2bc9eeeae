//! `out=`: PyTorch's out variants, for every builtin whose declaration has an `out`
//! parameter. The result is computed as usual, then written into the given tensor, which
//! is what the call returns.

use super::error_at;
use crate::autograd::is_grad_enabled;
use crate::eval::{fail, Eval};
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::tensor::ops::shape::{assign, Written};
use crate::value::Value;

pub fn write(function: &str, out: Value, result: Value, span: Span) -> Eval<Value> {
    let Value::Tensor(out) = out else {
        let message = format!("{function}(): argument 'out' must be Tensor, not {}", out.type_name());
        return fail(ErrorKind::TypeError, span, message);
    };
    let Value::Tensor(result) = result else {
        return fail(
            ErrorKind::TypeError,
            span,
            format!("{function}() does not return a tensor to write into 'out'"),
        );
    };
    if is_grad_enabled() && (result.requires_grad() || out.requires_grad()) {
        let message = format!(
            "{function}(): functions with out=... arguments don't support automatic differentiation, \
             but one of the arguments requires grad."
        );
        return fail(ErrorKind::RuntimeError, span, message);
    }
    if out.shape() != result.shape() {
        // PyTorch resizes `out` (with a warning when it held elements); tl's tensors do
        // not change shape in place, so a mismatch is an error rather than a resize.
        let message = format!(
            "{function}(): out has shape {:?} but the result has shape {:?}; tl does not resize out= tensors",
            out.shape(),
            result.shape()
        );
        return fail(ErrorKind::RuntimeError, span, message);
    }
    assign(&out, &result, Written::Element).map_err(|e| error_at(e, span))?;
    Ok(Value::Tensor(out))
}
