//! Order statistics: `sort`, `argsort`, `topk`, `median`, `mode`, `unique`, `bincount`.
//! Elements compare exactly in their own kind (`Keys`), NaN greater than everything
//! (PyTorch's order); the values moved into results are the original typed elements,
//! picked by position.

use super::gather::pick;
use super::keys::Keys;
use super::shape::wrap_dim;
use crate::storage::dtype::DType;
use crate::storage::layout::contiguous_strides;
use crate::tensor::{Tensor, TensorError, TensorResult};
use std::cmp::Ordering;

/// The row-major positions of each 1-d slice of `shape` along `dim`, slice by slice.
fn lanes(shape: &[usize], dim: usize) -> Vec<Vec<usize>> {
    let strides = contiguous_strides(shape);
    let n = shape[dim];
    let total: usize = shape.iter().product();
    crate::limits::claim_items::<usize>(total);
    (0..total)
        .filter(|p| (p / strides[dim]).is_multiple_of(n.max(1)))
        .map(|start| (0..n).map(|i| start + i * strides[dim]).collect())
        .collect()
}

/// `t` seen with at least one dimension, and `dim` resolved against it.
fn as_lanes(t: &Tensor, dim: i64) -> TensorResult<(Vec<usize>, usize)> {
    let d = wrap_dim(dim, t.ndim())?;
    Ok((if t.ndim() == 0 { vec![1] } else { t.shape().to_vec() }, d))
}

/// The order of a slice's elements: stable, ascending or descending.
fn order(keys: &Keys, lane: &[usize], descending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lane.len()).collect();
    order.sort_by(|&i, &j| {
        // One relaxed load per comparison lets Ctrl-C stop a long sort.
        crate::interrupt::check();
        let o = keys.cmp(lane[i], lane[j]);
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    order
}

/// Values and int64 indices in `shape` from, per output position, the input position
/// and the index along the dimension.
fn values_and_indices(t: &Tensor, sources: &[usize], indices: Vec<i64>, shape: &[usize]) -> (Tensor, Tensor) {
    (pick(t, sources, shape), Tensor::from_vec(indices, shape))
}

/// `sort(t, dim, descending)`: sorted values and where they came from.
pub fn sort(t: &Tensor, dim: i64, descending: bool) -> TensorResult<(Tensor, Tensor)> {
    topk_or_sort(t, None, dim, descending)
}

/// `topk(t, k, dim, largest)`: the `k` largest (or smallest) along `dim`, in order.
pub fn topk(t: &Tensor, k: usize, dim: i64, largest: bool) -> TensorResult<(Tensor, Tensor)> {
    if t.dtype() == DType::Bool {
        return Err(TensorError::not_implemented("topk does not support bool dtypes on CPU"));
    }
    topk_or_sort(t, Some(k), dim, largest)
}

fn topk_or_sort(t: &Tensor, k: Option<usize>, dim: i64, descending: bool) -> TensorResult<(Tensor, Tensor)> {
    let (shape, d) = as_lanes(t, dim)?;
    let k = k.unwrap_or(shape[d]);
    if k > shape[d] {
        return Err(TensorError::runtime("selected index k out of range"));
    }
    let mut out_shape = shape.clone();
    out_shape[d] = k;
    // The values first, as PyTorch allocates (and words a refusal of) them.
    crate::tensor::check_allocation(&out_shape, t.dtype())?;
    let keys = Keys::of(t);
    let total: usize = out_shape.iter().product();
    let (mut sources, mut indices) = (vec![0; total], vec![0; total]);
    for (lane, out) in lanes(&shape, d).iter().zip(lanes(&out_shape, d)) {
        for (slot, i) in out.iter().zip(order(&keys, lane, descending)) {
            sources[*slot] = lane[i];
            indices[*slot] = i as i64;
        }
    }
    let out_shape = if t.ndim() == 0 { vec![] } else { out_shape };
    Ok(values_and_indices(t, &sources, indices, &out_shape))
}

/// For `median` and `mode`: one chosen element per slice along `dim`; `choose` gets
/// the slice's row-major positions and gives the index within the slice.
fn choose_along(
    t: &Tensor,
    dim: i64,
    keepdim: bool,
    name: &str,
    choose: impl Fn(&Keys, &[usize]) -> usize,
) -> TensorResult<(Tensor, Tensor)> {
    let (shape, d) = as_lanes(t, dim)?;
    if shape[d] == 0 {
        return Err(TensorError::index(format!(
            "{name}(): Expected reduction dim {d} to have non-zero size."
        )));
    }
    let keys = Keys::of(t);
    let (mut sources, mut indices) = (Vec::new(), Vec::new());
    for lane in lanes(&shape, d) {
        let i = choose(&keys, &lane);
        sources.push(lane[i]);
        indices.push(i as i64);
    }
    let mut out_shape = t.shape().to_vec();
    if t.ndim() > 0 {
        if keepdim {
            out_shape[d] = 1;
        } else {
            out_shape.remove(d);
        }
    }
    Ok(values_and_indices(t, &sources, indices, &out_shape))
}

/// The lower median's index (the first NaN's when there is one).
fn median_index(keys: &Keys, lane: &[usize]) -> usize {
    if let Some(nan) = lane.iter().position(|&p| keys.is_nan(p)) {
        return nan;
    }
    order(keys, lane, false)[(lane.len() - 1) / 2]
}

/// `median(t, dim)`: the lower median of each slice and its index.
pub fn median_along(t: &Tensor, dim: i64, keepdim: bool) -> TensorResult<(Tensor, Tensor)> {
    if t.dtype() == DType::Bool {
        return Err(TensorError::no_kernel("median_out", DType::Bool));
    }
    choose_along(t, dim, keepdim, "median", median_index)
}

/// `median(t)`: the lower median of all elements.
pub fn median(t: &Tensor) -> TensorResult<Tensor> {
    if t.dtype() == DType::Bool {
        return Err(TensorError::no_kernel("median_cpu", DType::Bool));
    }
    if t.numel() == 0 {
        return Ok(Tensor::full(&[], crate::tensor::scalar::Scalar::Float(f64::NAN), t.dtype()));
    }
    let flat = t.contiguous().with_layout(crate::storage::layout::Layout::contiguous(&[t.numel()]));
    Ok(median_along(&flat, 0, false)?.0)
}

/// `mode(t, dim)`: the most frequent value (the smallest of those tied), at the index
/// of its last occurrence, as PyTorch reports it.
pub fn mode(t: &Tensor, dim: i64, keepdim: bool) -> TensorResult<(Tensor, Tensor)> {
    choose_along(t, dim, keepdim, "mode", |keys, lane| {
        // Stable, so tied values stay in slice order and the last one wins below.
        let order = order(keys, lane, false);
        let (mut best, mut best_count, mut run) = (order[0], 0, 0);
        for (k, &i) in order.iter().enumerate() {
            let same = k > 0 && keys.cmp(lane[order[k - 1]], lane[i]) == Ordering::Equal;
            run = if same { run + 1 } else { 1 };
            if run > best_count {
                best_count = run;
                best = i;
            }
        }
        best
    })
}

/// `unique(t)`: the distinct elements, sorted, with each element's position in them
/// (`inverse`, shaped like `t`) and each distinct element's count.
pub fn unique(t: &Tensor) -> (Tensor, Tensor, Tensor) {
    let keys = Keys::of(t);
    let positions: Vec<usize> = (0..t.numel()).collect();
    let order = order(&keys, &positions, false);
    let (mut firsts, mut counts, mut inverse) = (Vec::new(), Vec::<i64>::new(), vec![0i64; t.numel()]);
    for (k, &i) in order.iter().enumerate() {
        let same = k > 0 && keys.equal(order[k - 1], i);
        if !same {
            firsts.push(i);
            counts.push(0);
        }
        *counts.last_mut().expect("pushed above") += 1;
        inverse[i] = firsts.len() as i64 - 1;
    }
    let n = firsts.len();
    (pick(t, &firsts, &[n]), Tensor::from_vec(inverse, t.shape()), Tensor::from_vec(counts, &[n]))
}

/// `bincount(t, weights, minlength)`: how often each non-negative integer occurs (or
/// the sum of its weights).
pub fn bincount(t: &Tensor, weights: Option<&Tensor>, minlength: usize) -> TensorResult<Tensor> {
    if t.ndim() != 1 || t.dtype().is_float() || t.dtype() == DType::Bool {
        return Err(TensorError::runtime("bincount only supports 1-d non-negative integral inputs."));
    }
    let values = t.to_i64_vec();
    if values.iter().any(|&v| v < 0) {
        return Err(TensorError::runtime("bincount only supports 1-d non-negative integral inputs."));
    }
    let bins = values.iter().map(|&v| v as usize + 1).max().unwrap_or(0).max(minlength);
    crate::tensor::check_allocation(&[bins], DType::F64)?;
    match weights {
        None => {
            let mut counts = vec![0i64; bins];
            values.iter().for_each(|&v| counts[v as usize] += 1);
            Ok(Tensor::from_vec(counts, &[bins]))
        }
        Some(w) => {
            if w.shape() != t.shape() {
                return Err(TensorError::runtime("weights should be 1-d and have the same length as input"));
            }
            let mut sums = vec![0.0; bins];
            values.iter().zip(w.to_f64_vec()).for_each(|(&v, x)| sums[v as usize] += x);
            let dtype = if w.dtype().is_float() { w.dtype() } else { DType::F64 };
            Ok(Tensor::from_vec(sums, &[bins]).to_dtype(dtype))
        }
    }
}
