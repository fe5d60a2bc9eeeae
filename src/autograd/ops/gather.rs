//! The gather/scatter family with gradients. Reads (`gather`, `index_select`, `take`,
//! `masked_select`) pick elements; writes into a copy (`scatter`, `scatter_add`,
//! `index_add`, `put`, `masked_fill`) pass the gradient to the kept elements of the
//! input and to the sources at the positions they went to.

use super::binary::{mul, select};
use super::record1;
use super::select::{element_numbers, gather_at, pick_with};
use super::shape::reduce_to;
use crate::autograd::needs_grad;
use crate::storage::dtype::DType;
use crate::storage::layout::{contiguous_strides, Layout};
use crate::tensor::ops::shape::copy_into;
use crate::tensor::ops::{gather as plain, Operand};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};

pub use plain::nonzero;

pub fn gather(t: &Tensor, dim: i64, index: &Tensor) -> TensorResult<Tensor> {
    let index = index.clone();
    pick_with("GatherBackward0", t, move |x| plain::gather(x, dim, &index))
}

pub fn index_select(t: &Tensor, dim: i64, index: &Tensor) -> TensorResult<Tensor> {
    let index = index.clone();
    pick_with("IndexSelectBackward0", t, move |x| plain::index_select(x, dim, &index))
}

pub fn take(t: &Tensor, index: &Tensor) -> TensorResult<Tensor> {
    let index = index.clone();
    pick_with("TakeBackward0", t, move |x| plain::take(x, &index))
}

pub fn masked_select(t: &Tensor, mask: &Tensor) -> TensorResult<Tensor> {
    let mask = mask.clone();
    pick_with("MaskedSelectBackward0", t, move |x| plain::masked_select(x, &mask))
}

/// A write into a copy of `t`: which elements of `t` survive (1 where kept) and, for
/// each source element, where it landed (1-based; 0 where it went nowhere).
struct Written {
    kept: Tensor,
    landed: Option<Tensor>,
}

/// Records the gradient of a write: `g` masked to the kept elements for `t`, and `g`
/// at the landing positions for the source.
fn record_write(
    name: &'static str,
    t: &Tensor,
    source: Option<&Tensor>,
    out: &Tensor,
    written: impl Fn() -> TensorResult<Written> + 'static,
) {
    let inputs: Vec<&Tensor> = std::iter::once(t).chain(source).collect();
    if !needs_grad(&inputs) || !out.dtype().is_float() {
        return;
    }
    let (x, src) = (t.clone(), source.cloned());
    record1(name, &inputs, &[], out, move |g| {
        let w = written()?;
        let mut grads = vec![Some(reduce_to(&mul(g, &w.kept.to_dtype(g.dtype()))?, &x)?)];
        if let (Some(src), Some(landed)) = (&src, &w.landed) {
            grads.push(Some(reduce_to(&gather_at(g, landed)?, src)?));
        }
        Ok(grads)
    });
}

/// `scatter(t, dim, index, src)` / `scatter_add`: source element `i` (within
/// `index`'s extent) lands where `gather` with the same index reads from; as in
/// PyTorch, an overwritten source still gets that gradient.
pub fn scatter(
    t: &Tensor,
    dim: i64,
    index: &Tensor,
    src: &Operand,
    accumulate: bool,
) -> TensorResult<Tensor> {
    let out = plain::scatter(t, dim, index, src, accumulate)?;
    let source = match src {
        Operand::Tensor(s) => Some(s),
        Operand::Scalar(_) => None,
    };
    let (x, index, src_shape) = (t.clone(), index.clone(), source.map(|s| s.shape().to_vec()));
    let name = if accumulate { "ScatterAddBackward0" } else { "ScatterBackward0" };
    record_write(name, t, source, &out, move || {
        let ones = Tensor::full(x.shape(), Scalar::Int(1), DType::I64);
        let kept = if accumulate {
            ones
        } else {
            plain::scatter(&ones, dim, &index, &Operand::Scalar(Scalar::Int(0)), false)?
        };
        let landed = match &src_shape {
            Some(shape) => {
                let within = plain::gather(&element_numbers(x.shape()), dim, &index)?;
                // A source larger than the index: its other elements land nowhere.
                let landed = Tensor::zeros(shape, DType::I64);
                let block =
                    Layout { shape: within.shape().to_vec(), strides: contiguous_strides(shape), offset: 0 };
                copy_into(&landed, &block, &within);
                Some(landed)
            }
            None => None,
        };
        Ok(Written { kept, landed })
    });
    Ok(out)
}

/// `index_add(t, dim, index, source)`: every source element lands (sums).
pub fn index_add(t: &Tensor, dim: i64, index: &Tensor, source: &Tensor) -> TensorResult<Tensor> {
    let out = plain::index_add(t, dim, index, source)?;
    let (x, index) = (t.clone(), index.clone());
    record_write("IndexAddBackward0", t, Some(source), &out, move || {
        let kept = Tensor::full(x.shape(), Scalar::Int(1), DType::I64);
        Ok(Written { kept, landed: Some(plain::index_select(&element_numbers(x.shape()), dim, &index)?) })
    });
    Ok(out)
}

/// `masked_fill(t, mask, value)`: filled elements take no gradient; a tensor value
/// takes the sum over them.
pub fn masked_fill(t: &Tensor, mask: &Tensor, value: &Operand) -> TensorResult<Tensor> {
    let out = plain::masked_fill(t, mask, value)?;
    let value_tensor = match value {
        Operand::Tensor(v) => Some(v),
        Operand::Scalar(_) => None,
    };
    let inputs: Vec<&Tensor> = std::iter::once(t).chain(value_tensor).collect();
    if needs_grad(&inputs) && out.dtype().is_float() {
        let (x, mask, v) = (t.clone(), mask.clone(), value_tensor.cloned());
        record1("MaskedFillBackward0", &inputs, &[], &out, move |g| {
            let zero = Operand::Scalar(Scalar::Float(0.0));
            let gop = Operand::Tensor(g.clone());
            let mut grads = vec![Some(reduce_to(&select(&mask, &zero, &gop)?, &x)?)];
            if let Some(v) = &v {
                grads.push(Some(reduce_to(&select(&mask, &gop, &zero)?, v)?));
            }
            Ok(grads)
        });
    }
    Ok(out)
}

/// `put(t, index, source, accumulate)`.
pub fn put(t: &Tensor, index: &Tensor, source: &Tensor, accumulate: bool) -> TensorResult<Tensor> {
    let out = plain::put(t, index, source, accumulate)?;
    let (x, index, src) = (t.clone(), index.clone(), source.clone());
    record_write("PutBackward0", t, Some(source), &out, move || {
        let ones = Tensor::full(x.shape(), Scalar::Int(1), DType::I64);
        let zero = Tensor::zeros(src.shape(), DType::I64);
        let kept = if accumulate { ones } else { plain::put(&ones, &index, &zero, false)? };
        let landed = plain::take(&element_numbers(x.shape()), &index)?;
        Ok(Written { kept, landed: Some(landed) })
    });
    Ok(out)
}
