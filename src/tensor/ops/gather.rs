//! Reading and writing elements chosen by index tensors along a dimension or over the
//! flattened tensor: `gather`, `scatter`, `scatter_add`, `index_select`, `index_add`,
//! `masked_fill`, `masked_select`, `take`, `put`, `nonzero`. Each works out the
//! row-major positions involved, then moves typed elements without converting them.

use super::binary::{select, Operand};
use super::shape::wrap_dim;
use crate::storage::arith::Arith;
use crate::storage::dtype::DType;
use crate::storage::layout::{broadcast_shapes, contiguous_strides};
use crate::storage::Buffer;
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_storage;

/// A tensor of `shape` whose elements are `t`'s row-major elements at `positions`.
pub fn pick(t: &Tensor, positions: &[usize], shape: &[usize]) -> Tensor {
    let offsets = t.layout().offset_list();
    let storage = t.storage();
    let data =
        with_storage!(&*storage, v => Buffer::wrap(positions.iter().map(|&p| v[offsets[p]]).collect()));
    Tensor::new(data, shape)
}

/// A copy of `dest` where, for each `k`, row-major position `targets[k]` gets (or, when
/// `accumulate`, has added) `source`'s row-major element `sources[k]`.
fn put_positions(
    dest: &Tensor,
    targets: &[usize],
    source: &Tensor,
    sources: &[usize],
    accumulate: bool,
) -> Tensor {
    let out = dest.copy();
    let source = source.to_dtype(dest.dtype()).contiguous();
    out.write_from(&source, |dst, src, source_layout| {
        let from = source_layout.offset;
        with_storage!(dst, d => {
            let s = Buffer::slice(src).expect("converted to the destination's dtype");
            for (&t, &p) in targets.iter().zip(sources) {
                d[t] = if accumulate { Arith::add(d[t], s[from + p]) } else { s[from + p] };
            }
        })
    });
    out
}

/// Calls `f` with the coordinates of each element of `shape`, in row-major order.
fn each_coordinate(shape: &[usize], mut f: impl FnMut(&[usize])) {
    if shape.contains(&0) {
        return;
    }
    let mut coord = vec![0; shape.len()];
    loop {
        f(&coord);
        let mut d = shape.len();
        loop {
            if d == 0 {
                return;
            }
            d -= 1;
            coord[d] += 1;
            if coord[d] < shape[d] {
                break;
            }
            coord[d] = 0;
        }
    }
}

fn dot(coord: &[usize], strides: &[usize]) -> usize {
    coord.iter().zip(strides).map(|(c, s)| c * s).sum()
}

/// The row-major position of `coord` with its coordinate along `dim` replaced by `at`.
fn moved(coord: &[usize], strides: &[usize], dim: usize, at: usize) -> usize {
    dot(coord, strides) - coord[dim] * strides[dim] + at * strides[dim]
}

fn join(shape: &[usize]) -> String {
    shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

fn int64_index(name: &str, index: &Tensor) -> TensorResult<Vec<i64>> {
    if index.dtype() != DType::I64 {
        return Err(TensorError::runtime(format!("{name}(): Expected dtype int64 for index")));
    }
    Ok(index.to_i64_vec())
}

/// For `gather` and `scatter`: checks `index` against `t` along `dim` and gives, per
/// element of `index`, the row-major position in `t` it points at.
fn positions_along(name: &str, t: &Tensor, dim: usize, index: &Tensor) -> TensorResult<Vec<usize>> {
    let idx = int64_index(name, index)?;
    if index.ndim() != t.ndim().max(1) && !(index.ndim() == 0 && t.ndim() == 0) {
        return Err(TensorError::runtime(
            "Index tensor must have the same number of dimensions as input tensor",
        ));
    }
    let shape: Vec<usize> = if t.ndim() == 0 { vec![1] } else { t.shape().to_vec() };
    for k in 0..index.ndim() {
        if k != dim && index.shape()[k] > shape[k] {
            return Err(TensorError::runtime(format!(
                "Size does not match at dimension {k} expected index [{}] to be smaller than self [{}] apart from dimension {dim}",
                join(index.shape()),
                join(&shape)
            )));
        }
    }
    let strides = contiguous_strides(&shape);
    let mut positions = Vec::with_capacity(idx.len());
    let mut error = None;
    let mut k = 0;
    each_coordinate(index.shape(), |coord| {
        let v = idx[k];
        k += 1;
        if v < 0 || v as usize >= shape[dim] {
            error.get_or_insert(TensorError::runtime(format!(
                "index {v} is out of bounds for dimension {dim} with size {}",
                shape[dim]
            )));
            return;
        }
        positions.push(moved(coord, &strides, dim, v as usize));
    });
    error.map_or(Ok(positions), Err)
}

/// `gather(t, dim, index)`: `out[i][j] = t[index[i][j]][j]` for `dim = 0`, and so on.
pub fn gather(t: &Tensor, dim: i64, index: &Tensor) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, t.ndim())?;
    let positions = positions_along("gather", t, d, index)?;
    Ok(pick(t, &positions, index.shape()))
}

/// `scatter(t, dim, index, src)` (and with `accumulate`, `scatter_add`): a copy of `t`
/// with `t[index[i][j]][j] = src[i][j]` for `dim = 0`, and so on.
pub fn scatter(
    t: &Tensor,
    dim: i64,
    index: &Tensor,
    src: &Operand,
    accumulate: bool,
) -> TensorResult<Tensor> {
    let name = if accumulate { "scatter_add" } else { "scatter" };
    let d = wrap_dim(dim, t.ndim())?;
    let targets = positions_along(name, t, d, index)?;
    let (source, sources) = match src {
        Operand::Scalar(s) => {
            (Tensor::scalar(s.checked_fill(t.dtype(), t.numel())?, t.dtype()), vec![0; targets.len()])
        }
        Operand::Tensor(s) => {
            if s.dtype() != t.dtype() {
                return Err(TensorError::runtime(format!(
                    "{name}(): Expected self.dtype to be equal to src.dtype"
                )));
            }
            if s.ndim() != index.ndim() || (0..s.ndim()).any(|k| index.shape()[k] > s.shape()[k]) {
                return Err(TensorError::runtime(format!(
                    "Expected index [{}] to be smaller than self [{}] apart from dimension {d} and to be smaller size than src [{}]",
                    join(index.shape()),
                    join(t.shape()),
                    join(s.shape())
                )));
            }
            let strides = contiguous_strides(s.shape());
            let mut sources = Vec::with_capacity(targets.len());
            each_coordinate(index.shape(), |coord| sources.push(dot(coord, &strides)));
            (s.clone(), sources)
        }
    };
    Ok(put_positions(t, &targets, &source, &sources, accumulate))
}

/// The 1-d (or 0-d) int64 index of `index_select`/`index_add`, checked against `size`.
fn vector_index(name: &str, index: &Tensor, size: usize) -> TensorResult<Vec<usize>> {
    if index.ndim() > 1 {
        return Err(TensorError::index(format!("{name}(): Index is supposed to be a vector")));
    }
    if !matches!(index.dtype(), DType::I64 | DType::I32) {
        return Err(TensorError::runtime(format!(
            "{name}(): Expected dtype int32/int64 for index but got: {}",
            index.dtype().torch_name()
        )));
    }
    index
        .to_i64_vec()
        .into_iter()
        .map(|v| {
            if v < 0 || v as usize >= size {
                Err(TensorError::index("index out of range in self"))
            } else {
                Ok(v as usize)
            }
        })
        .collect()
}

/// `index_select(t, dim, index)`: the slices of `t` along `dim` at `index`, in order.
pub fn index_select(t: &Tensor, dim: i64, index: &Tensor) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, t.ndim())?;
    let shape: Vec<usize> = if t.ndim() == 0 { vec![1] } else { t.shape().to_vec() };
    let picks = vector_index("index_select", index, shape[d])?;
    let mut out_shape = shape.clone();
    out_shape[d] = picks.len();
    let strides = contiguous_strides(&shape);
    let mut positions = Vec::new();
    each_coordinate(&out_shape, |coord| positions.push(moved(coord, &strides, d, picks[coord[d]])));
    let out_shape = if t.ndim() == 0 { vec![] } else { out_shape };
    Ok(pick(t, &positions, &out_shape))
}

/// `index_add(t, dim, index, source)`: a copy of `t` with slice `i` of `source` added
/// into slice `index[i]` along `dim`.
pub fn index_add(t: &Tensor, dim: i64, index: &Tensor, source: &Tensor) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, t.ndim())?;
    let picks = vector_index("index_add", index, t.shape().get(d).copied().unwrap_or(1))?;
    let mut expected = t.shape().to_vec();
    if let Some(e) = expected.get_mut(d) {
        *e = picks.len();
    }
    if source.shape() != expected {
        return Err(TensorError::runtime(format!(
            "index_add_(): Source/destination tensor must have same slice shapes. Destination slice shape: [{}] and source slice shape: [{}]",
            join(t.shape()),
            join(source.shape())
        )));
    }
    let strides = contiguous_strides(t.shape());
    let mut targets = Vec::new();
    each_coordinate(source.shape(), |coord| targets.push(moved(coord, &strides, d, picks[coord[d]])));
    let sources: Vec<usize> = (0..targets.len()).collect();
    Ok(put_positions(t, &targets, source, &sources, true))
}

fn check_mask(name: &str, mask: &Tensor) -> TensorResult<()> {
    if mask.dtype() == DType::Bool {
        return Ok(());
    }
    let cpp_type = mask.dtype().cpp_name();
    Err(TensorError::runtime(format!(
        "{name} only supports boolean masks, but got mask with dtype {cpp_type}"
    )))
}

/// `masked_fill(t, mask, value)`: `value` wherever the (broadcast) mask is true.
pub fn masked_fill(t: &Tensor, mask: &Tensor, value: &Operand) -> TensorResult<Tensor> {
    check_mask("masked_fill_", mask)?;
    if let Operand::Tensor(v) = value {
        if v.ndim() != 0 {
            return Err(TensorError::runtime(format!(
                "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with {} dimension(s).",
                v.ndim()
            )));
        }
    }
    let fits = broadcast_shapes(mask.shape(), t.shape()).is_some_and(|b| b == t.shape());
    if !fits {
        return Err(TensorError::runtime(format!(
            "The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {}",
            t.shape().last().unwrap_or(&1),
            mask.shape().last().unwrap_or(&1),
            t.ndim().saturating_sub(1)
        )));
    }
    // ATen reads a value tensor as a number, so it too must fit the dtype.
    let value = match value {
        Operand::Scalar(s) => *s,
        Operand::Tensor(v) => v.item()?,
    };
    let value = Operand::Tensor(Tensor::scalar(value.checked_fill(t.dtype(), t.numel())?, t.dtype()));
    Ok(select(mask, &value, &Operand::Tensor(t.clone()))?.to_dtype(t.dtype()))
}

/// `masked_select(t, mask)`: the elements where the mask (broadcast with `t`) is true,
/// as a 1-d tensor.
pub fn masked_select(t: &Tensor, mask: &Tensor) -> TensorResult<Tensor> {
    check_mask("masked_select", mask)?;
    let shape = super::binary::broadcast(t.shape(), mask.shape())?;
    let values = t.with_layout(t.layout().expand(&shape));
    let flags = mask.with_layout(mask.layout().expand(&shape)).to_i64_vec();
    let positions: Vec<usize> = flags.iter().enumerate().filter(|(_, f)| **f != 0).map(|(i, _)| i).collect();
    Ok(pick(&values, &positions, &[positions.len()]))
}

/// Flat indices into `t` (negative ones count from the end), checked.
fn flat_positions(t: &Tensor, index: &Tensor) -> TensorResult<Vec<usize>> {
    let n = t.numel() as i64;
    int64_index("take", index)?
        .into_iter()
        .map(|v| {
            let w = if v < 0 { v + n } else { v };
            if w < 0 || w >= n {
                Err(TensorError::index(format!(
                    "out of range: tried to access index {v} on a tensor of {n} elements."
                )))
            } else {
                Ok(w as usize)
            }
        })
        .collect()
}

/// `take(t, index)`: elements of the flattened `t`, in the shape of `index`.
pub fn take(t: &Tensor, index: &Tensor) -> TensorResult<Tensor> {
    let positions = flat_positions(t, index)?;
    Ok(pick(t, &positions, index.shape()))
}

/// `put(t, index, source, accumulate)`: a copy of `t` with the flattened positions
/// `index` set to (or increased by) `source`'s elements.
pub fn put(t: &Tensor, index: &Tensor, source: &Tensor, accumulate: bool) -> TensorResult<Tensor> {
    let targets = flat_positions(t, index)?;
    if source.numel() != targets.len() {
        return Err(TensorError::runtime(format!(
            "put_(): Expected source and index to have the same number of elements, but got source.numel() = {}, index.numel() = {}",
            source.numel(),
            targets.len()
        )));
    }
    if source.dtype() != t.dtype() {
        return Err(TensorError::runtime(format!(
            "put_(): self and source expected to have the same dtype, but got self.dtype = {} and source.dtype = {}",
            t.dtype().torch_name().trim_start_matches("torch."),
            source.dtype().torch_name().trim_start_matches("torch.")
        )));
    }
    let sources: Vec<usize> = (0..targets.len()).collect();
    Ok(put_positions(t, &targets, source, &sources, accumulate))
}

/// `nonzero(t)`: one row of coordinates per non-zero element, `[n, ndim]` int64.
pub fn nonzero(t: &Tensor) -> Tensor {
    let flags = t.to_f64_vec();
    let mut rows = Vec::new();
    let mut k = 0;
    let mut count = 0;
    each_coordinate(t.shape(), |coord| {
        if flags[k] != 0.0 {
            rows.extend(coord.iter().map(|&c| c as i64));
            count += 1;
        }
        k += 1;
    });
    Tensor::from_vec(rows, &[count, t.ndim()])
}
