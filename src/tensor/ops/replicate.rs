//! Making a bigger tensor by repeating one: `repeat`, `tile`, `repeat_interleave`.

use super::gather::index_select;
use super::shape::wrap_dim;
use crate::storage::layout::Layout;
use crate::tensor::{check_allocation, Tensor, TensorError, TensorResult};

/// `t.repeat(reps)`: `t` tiled `reps[i]` times along dimension `i` (leading `reps`
/// beyond `t`'s dimensions add new ones). Built as one copy of a layout with a stride-0
/// dimension before each of `t`'s.
pub fn repeat(t: &Tensor, reps: &[i64]) -> TensorResult<Tensor> {
    if reps.len() < t.ndim() {
        return Err(TensorError::runtime(
            "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
        ));
    }
    if let Some(bad) = reps.iter().find(|&&r| r < 0) {
        return Err(TensorError::runtime(format!("Trying to create tensor with negative dimension {bad}")));
    }
    let pad = reps.len() - t.ndim();
    let layout = t.layout();
    let mut shape = Vec::new();
    let mut strides = Vec::new();
    let mut result_shape = Vec::new();
    for (i, &r) in reps.iter().enumerate() {
        let (size, stride) = if i < pad { (1, 0) } else { (layout.shape[i - pad], layout.strides[i - pad]) };
        shape.extend([r as usize, size]);
        strides.extend([0, stride]);
        result_shape.push((r as usize).saturating_mul(size));
    }
    check_allocation(&result_shape, t.dtype())?;
    let interleaved = t.with_layout(Layout { shape, strides, offset: layout.offset });
    Ok(interleaved.copy().with_layout(Layout::contiguous(&result_shape)))
}

/// `t.tile(reps)`: `repeat`, with `reps` padded by leading 1s to `t`'s dimensions.
pub fn tile(t: &Tensor, reps: &[i64]) -> TensorResult<Tensor> {
    let mut padded = vec![1; t.ndim().saturating_sub(reps.len())];
    padded.extend_from_slice(reps);
    repeat(t, &padded)
}

/// `repeat_interleave(t, repeats, dim)`: each slice along `dim` repeated `repeats[i]`
/// times in place (one count for all, or one per slice); no `dim` flattens first.
pub fn repeat_interleave(t: &Tensor, repeats: &[i64], dim: Option<i64>) -> TensorResult<Tensor> {
    let (source, d) = match dim {
        Some(dim) => (t.clone(), wrap_dim(dim, t.ndim())?),
        None => (super::shape::reshape(t, &[-1])?, 0),
    };
    let size = source.shape().get(d).copied().unwrap_or(1);
    let counts: Vec<i64> = match repeats {
        [one] => vec![*one; size],
        many if many.len() == size => many.to_vec(),
        many => {
            return Err(TensorError::runtime(format!(
                "repeats must have the same size as input along dim, but got repeats.size(0) = {} and input.size({d}) = {size}",
                many.len()
            )))
        }
    };
    if counts.iter().any(|&c| c < 0) {
        return Err(TensorError::runtime("repeats can not be negative"));
    }
    let total: i64 = counts.iter().sum();
    check_allocation(&[total as usize, source.numel() / size.max(1)], source.dtype())?;
    let index: Vec<i64> =
        counts.iter().enumerate().flat_map(|(i, &c)| std::iter::repeat_n(i as i64, c as usize)).collect();
    let n = index.len();
    index_select(&source, d as i64, &Tensor::from_vec(index, &[n]))
}
