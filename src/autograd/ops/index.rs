//! Indexing and in-place writes with autograd. Reading `t[items]` picks elements.
//! Writing (`t[items] = v`, `t op= v`, `t.op_()`) changes `t`'s storage, so a leaf that
//! requires grad refuses it (outside `no_grad`), and a computed tensor takes a new
//! history: the node of the write, whose inputs are its old history and the value.

use super::binary::mul;
use super::record1;
use super::select::{element_numbers, gather_at, pick_with};
use super::shape::reduce_to;
use crate::autograd::{is_grad_enabled, needs_grad};
use crate::storage::dtype::DType;
use crate::tensor::ops::index::{self as plain, TensorIndex};
use crate::tensor::ops::shape as plain_shape;
use crate::tensor::ops::shape::Written;
use crate::tensor::ops::Operand;
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorError, TensorResult};
use std::rc::Rc;

/// PyTorch's node for `t[items]`: that of the last step it applies (a full `:` is no step).
fn index_name(items: &[TensorIndex]) -> &'static str {
    if items.iter().any(|i| matches!(i, TensorIndex::Tensor(_))) {
        return "IndexBackward0";
    }
    let full =
        |i: &TensorIndex| matches!(i, TensorIndex::Slice { start: None, stop: None, step: None | Some(1) });
    match items.iter().rev().find(|i| !full(i) && !matches!(i, TensorIndex::Ellipsis)) {
        Some(TensorIndex::Int(_)) => "SelectBackward0",
        Some(TensorIndex::NewAxis) => "UnsqueezeBackward0",
        Some(_) => "SliceBackward0",
        None => "AliasBackward0",
    }
}

/// `t[items]`.
pub fn index(t: &Tensor, items: &[TensorIndex]) -> TensorResult<Tensor> {
    let owned: Rc<[TensorIndex]> = items.into();
    pick_with(index_name(items), t, move |x| plain::index(x, &owned))
}

/// PyTorch's refusal to write into a leaf that requires grad while recording.
fn check_writable(t: &Tensor) -> TensorResult<()> {
    if is_grad_enabled() && t.is_leaf() && t.requires_grad() {
        return Err(TensorError::runtime(
            "a leaf Variable that requires grad is being used in an in-place operation.",
        ));
    }
    Ok(())
}

/// `t[items] = value`.
pub fn index_put(t: &Tensor, items: &[TensorIndex], value: &Operand) -> TensorResult<()> {
    check_writable(t)?;
    let value_tensor = match value {
        Operand::Tensor(v) => Some(v.clone()),
        Operand::Scalar(_) => None,
    };
    let inputs: Vec<&Tensor> = std::iter::once(t).chain(value_tensor.as_ref()).collect();
    let record = needs_grad(&inputs) && t.dtype().is_float();
    // The node's first input is `t` as it was: a detached alias keeps its old history.
    let before = record.then(|| {
        let alias = t.detach();
        if let Some(node) = t.grad_fn() {
            alias.set_history(&node, t.output_nr());
        }
        alias
    });
    plain::index_put(t, items, value)?;
    let Some(before) = before else { return Ok(()) };
    let owned: Rc<[TensorIndex]> = items.into();
    let shape = t.shape().to_vec();
    // PyTorch writes one number through one bool mask with masked_fill_.
    let masked_fill = matches!(items, [TensorIndex::Tensor(mask)] if mask.dtype() == crate::storage::dtype::DType::Bool)
        && value_tensor.as_ref().is_none_or(|v| v.ndim() == 0);
    let name = if masked_fill {
        "MaskedFillBackward0"
    } else if items.iter().any(|i| matches!(i, TensorIndex::Tensor(_))) {
        "IndexPutBackward0"
    } else {
        "CopySlices"
    };
    let inputs: Vec<&Tensor> = std::iter::once(&before).chain(value_tensor.as_ref()).collect();
    let v = value_tensor.clone();
    record1(name, &inputs, &[], t, move |g| {
        // Written elements take no gradient; the value takes theirs.
        let written = plain::index(&element_numbers(&shape), &owned)?.contiguous();
        let kept = Tensor::full(&shape, Scalar::Int(1), DType::I64);
        plain::index_put(&kept, &owned, &Operand::Scalar(Scalar::Int(0)))?;
        let mut grads = vec![Some(mul(g, &kept.to_dtype(g.dtype()))?)];
        if let Some(v) = &v {
            grads.push(Some(reduce_to(&gather_at(g, &written)?, v)?));
        }
        Ok(grads)
    });
    Ok(())
}

/// Writes `value` into all of `dest` (the last step of `dest op= v` and `dest.op_()`):
/// `dest` takes `value`'s history, converted to `dest`'s shape and dtype.
pub fn assign(dest: &Tensor, value: &Tensor, written: Written) -> TensorResult<()> {
    check_writable(dest)?;
    let was_tracked = dest.requires_grad();
    plain_shape::assign(dest, value, written)?;
    if !is_grad_enabled() || !dest.dtype().is_float() {
        return Ok(());
    }
    if value.requires_grad() {
        match value.grad_fn() {
            Some(node) if value.shape() == dest.shape() && value.dtype() == dest.dtype() => {
                dest.set_history(&node, value.output_nr());
            }
            _ => {
                let v = value.clone();
                record1("CopyBackwards", &[value], &[], dest, move |g| Ok(vec![Some(reduce_to(g, &v)?)]));
            }
        }
    } else if was_tracked {
        // Overwritten by a constant (`zero_`, `fill_`): no gradient flows back.
        dest.detach_in_place();
    }
    Ok(())
}
