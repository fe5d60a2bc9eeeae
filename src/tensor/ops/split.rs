//! Cutting a tensor into views along a dimension: `chunk`, `split`, `unbind`.

use super::shape::wrap_dim;
use crate::tensor::{Tensor, TensorError, TensorResult};

/// Consecutive views along `dim` of the given lengths (which sum to its size).
fn pieces(t: &Tensor, d: usize, lengths: impl Iterator<Item = usize>) -> Vec<Tensor> {
    let mut start = 0;
    lengths
        .map(|len| {
            let view = t.with_layout(t.layout().slice(d, start, start + len, 1));
            start += len;
            view
        })
        .collect()
}

fn dim_of(t: &Tensor, dim: i64) -> TensorResult<usize> {
    if t.ndim() == 0 {
        return Err(TensorError::runtime("chunk expects at least a 1-dimensional tensor"));
    }
    wrap_dim(dim, t.ndim())
}

/// `chunk(t, chunks, dim)`: at most `chunks` views of equal size (the last smaller).
pub fn chunk(t: &Tensor, chunks: i64, dim: i64) -> TensorResult<Vec<Tensor>> {
    let d = dim_of(t, dim)?;
    if chunks <= 0 {
        return Err(TensorError::runtime(format!(
            "chunk expects `chunks` to be greater than 0, got: {chunks}"
        )));
    }
    let size = t.shape()[d];
    let step = size.div_ceil(chunks as usize).max(usize::from(size == 0));
    split(t, step as i64, dim)
}

/// `split(t, size, dim)`: views of `size` along `dim` (the last may be smaller).
pub fn split(t: &Tensor, size: i64, dim: i64) -> TensorResult<Vec<Tensor>> {
    let d = dim_of(t, dim)?;
    let n = t.shape()[d];
    if size < 0 || (size == 0 && n != 0) {
        return Err(TensorError::runtime(format!(
            "split_size can only be 0 if dimension size is 0, but got dimension size of {n}"
        )));
    }
    let size = size as usize;
    let count = if n == 0 { 1 } else { n.div_ceil(size) };
    Ok(pieces(t, d, (0..count).map(|i| size.min(n - (i * size).min(n)))))
}

/// `split(t, [sizes], dim)`: views with the given sizes, which must add up.
pub fn split_sizes(t: &Tensor, sizes: &[i64], dim: i64) -> TensorResult<Vec<Tensor>> {
    let d = dim_of(t, dim)?;
    let n = t.shape()[d];
    if sizes.iter().any(|&s| s < 0) || sizes.iter().sum::<i64>() != n as i64 {
        return Err(TensorError::runtime(format!(
            "split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size at dimension {d}), but got split_sizes=[{}]",
            sizes.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")
        )));
    }
    Ok(pieces(t, d, sizes.iter().map(|&s| s as usize)))
}

/// `unbind(t, dim)`: the slices along `dim`, each without that dimension.
pub fn unbind(t: &Tensor, dim: i64) -> TensorResult<Vec<Tensor>> {
    if t.ndim() == 0 {
        return Err(TensorError::index("Dimension specified as 0 but tensor has no dimensions"));
    }
    let d = wrap_dim(dim, t.ndim())?;
    Ok((0..t.shape()[d]).map(|i| t.with_layout(t.layout().select(d, i))).collect())
}
