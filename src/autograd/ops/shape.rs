//! Shape operations and their gradients. Views that only rearrange (reshape,
//! transpose, permute, squeeze, unsqueeze) undo the rearrangement; `expand` sums;
//! everything that picks elements goes through `select::pick_with`.

use super::record1;
use super::reduce::sum_dims;
use super::select::pick_with;
use crate::autograd::needs_grad;
use crate::storage::dtype::DType;
use crate::tensor::device::Device;
use crate::tensor::ops::shape as plain;
use crate::tensor::ops::{axes, replicate, split, triangular};
use crate::tensor::{Tensor, TensorError, TensorResult};

pub use super::index::assign;
pub use plain::{can_cast, copy_into, infer_shape, wrap_dim};

/// A shape as the `i64` sizes the shape operations take.
pub(crate) fn dims_i64(shape: &[usize]) -> Vec<i64> {
    shape.iter().map(|&d| d as i64).collect()
}

/// A rearranging view: its gradient is `g` rearranged back into `x`'s shape by `back`.
fn rearranged(
    name: &'static str,
    x: &Tensor,
    out: Tensor,
    back: impl Fn(&Tensor) -> TensorResult<Tensor> + 'static,
) -> TensorResult<Tensor> {
    if needs_grad(&[x]) {
        record1(name, &[x], &[], &out, move |g| Ok(vec![Some(back(g)?)]));
    }
    Ok(out)
}

/// Undoes a reshape-like view: `g` back to `shape`.
fn reshape_back(name: &'static str, x: &Tensor, out: TensorResult<Tensor>) -> TensorResult<Tensor> {
    let shape = dims_i64(x.shape());
    rearranged(name, x, out?, move |g| reshape(g, &shape))
}

pub fn view(t: &Tensor, shape: &[i64]) -> TensorResult<Tensor> {
    reshape_back("ViewBackward0", t, plain::view(t, shape))
}

pub fn reshape(t: &Tensor, shape: &[i64]) -> TensorResult<Tensor> {
    let out = plain::reshape(t, shape)?;
    let name = if out.shares_storage(t) { "ViewBackward0" } else { "UnsafeViewBackward0" };
    reshape_back(name, t, Ok(out))
}

pub fn flatten(t: &Tensor, start: i64, end: i64) -> TensorResult<Tensor> {
    reshape_back("ViewBackward0", t, plain::flatten(t, start, end))
}

pub fn unflatten(t: &Tensor, dim: i64, sizes: &[i64]) -> TensorResult<Tensor> {
    reshape_back("ViewBackward0", t, axes::unflatten(t, dim, sizes))
}

pub fn unsqueeze(t: &Tensor, dim: i64) -> TensorResult<Tensor> {
    reshape_back("UnsqueezeBackward0", t, plain::unsqueeze(t, dim))
}

pub fn squeeze(t: &Tensor, dims: Option<&[i64]>) -> TensorResult<Tensor> {
    let name = match dims {
        None => "SqueezeBackward0",
        Some([_]) => "SqueezeBackward1",
        Some(_) => "SqueezeBackward2",
    };
    reshape_back(name, t, plain::squeeze(t, dims))
}

pub fn transpose(t: &Tensor, a: i64, b: i64) -> TensorResult<Tensor> {
    rearranged("TransposeBackward0", t, plain::transpose(t, a, b)?, move |g| transpose(g, a, b))
}

/// `x.t()`.
pub fn t2(t: &Tensor) -> TensorResult<Tensor> {
    rearranged("TBackward0", t, plain::t2(t)?, t2)
}

/// `x.T`: all dimensions reversed.
pub fn reverse_dims(t: &Tensor) -> Tensor {
    let out = plain::reverse_dims(t);
    if needs_grad(&[t]) {
        record1("PermuteBackward0", &[t], &[], &out, |g| Ok(vec![Some(reverse_dims(g))]));
    }
    out
}

pub fn permute(t: &Tensor, dims: &[i64]) -> TensorResult<Tensor> {
    let out = plain::permute(t, dims)?;
    let n = t.ndim();
    let mut inverse = vec![0i64; n];
    for (i, &d) in dims.iter().enumerate() {
        inverse[wrap_dim(d, n)?] = i as i64;
    }
    rearranged("PermuteBackward0", t, out, move |g| permute(g, &inverse))
}

pub fn movedim(t: &Tensor, source: &[i64], destination: &[i64]) -> TensorResult<Tensor> {
    let (s, d) = (source.to_vec(), destination.to_vec());
    let out = axes::movedim(t, source, destination)?;
    rearranged("PermuteBackward0", t, out, move |g| movedim(g, &d, &s))
}

pub fn expand(t: &Tensor, sizes: &[i64]) -> TensorResult<Tensor> {
    let out = plain::expand(t, sizes)?;
    let shape = t.shape().to_vec();
    rearranged("ExpandBackward0", t, out, move |g| sum_to(g, &shape))
}

/// `g` summed over the dimensions broadcasting added to reach `g`'s shape from `shape`.
pub fn sum_to(g: &Tensor, shape: &[usize]) -> TensorResult<Tensor> {
    if g.shape() == shape {
        return Ok(g.clone());
    }
    let lead = g.ndim() - shape.len();
    let dims: Vec<i64> = (0..g.ndim())
        .filter(|&d| d < lead || (shape[d - lead] == 1 && g.shape()[d] != 1))
        .map(|d| d as i64)
        .collect();
    let summed = sum_dims(g, &dims, true)?;
    reshape(&summed, &dims_i64(shape))
}

/// A gradient for input `x`: broadcasting undone, in `x`'s dtype.
pub fn reduce_to(g: &Tensor, x: &Tensor) -> TensorResult<Tensor> {
    to_dtype(&sum_to(g, x.shape())?, x.dtype())
}

/// `x.to(dtype)`; the gradient converts back.
pub fn to_dtype(t: &Tensor, dtype: DType) -> TensorResult<Tensor> {
    if t.dtype() == dtype {
        return Ok(t.clone());
    }
    let out = t.to_dtype(dtype);
    if out.dtype().is_float() && t.dtype().is_float() {
        let from = t.dtype();
        return rearranged("ToCopyBackward0", t, out, move |g| to_dtype(g, from));
    }
    Ok(out)
}

/// `x.to(device)`: a copy on `device` (itself when already there); the gradient goes
/// back to the device it came from.
pub fn to_device(t: &Tensor, device: Device) -> TensorResult<Tensor> {
    let out = t.to_device(device)?;
    if out.same(t) {
        return Ok(out);
    }
    let from = t.device();
    rearranged("ToCopyBackward0", t, out, move |g| to_device(g, from))
}

/// `x.clone()`: a copy with its own storage.
pub fn clone(t: &Tensor) -> TensorResult<Tensor> {
    rearranged("CloneBackward0", t, t.copy(), |g| Ok(g.clone()))
}

pub fn contiguous(t: &Tensor) -> TensorResult<Tensor> {
    if t.is_contiguous() {
        return Ok(t.clone());
    }
    clone(t)
}

pub fn cat(tensors: &[Tensor], dim: i64) -> TensorResult<Tensor> {
    let out = plain::cat(tensors, dim)?;
    let inputs: Vec<&Tensor> = tensors.iter().collect();
    if needs_grad(&inputs) {
        let d = wrap_dim(dim, out.ndim())?;
        let sizes: Vec<(usize, Vec<usize>, DType)> = tensors
            .iter()
            .map(|t| {
                (
                    if t.ndim() == 0 { 0 } else { t.shape().get(d).copied().unwrap_or(0) },
                    t.shape().to_vec(),
                    t.dtype(),
                )
            })
            .collect();
        record1("CatBackward0", &inputs, &[], &out, move |g| {
            let mut start = 0;
            let mut grads = Vec::new();
            for (size, shape, dtype) in &sizes {
                // PyTorch's cat skips 1-d empty tensors, which get no gradient.
                if shape.len() == 1 && shape[0] == 0 && g.ndim() != 1 {
                    grads.push(None);
                    continue;
                }
                grads.push(Some(to_dtype(&narrow(g, d as i64, start as i64, *size as i64)?, *dtype)?));
                start += size;
            }
            Ok(grads)
        });
    }
    Ok(out)
}

pub fn stack(tensors: &[Tensor], dim: i64) -> TensorResult<Tensor> {
    let first =
        tensors.first().ok_or_else(|| TensorError::runtime("stack expects a non-empty TensorList"))?;
    let d = wrap_dim(dim, first.ndim() + 1)?;
    let out = plain::stack(tensors, dim)?;
    let inputs: Vec<&Tensor> = tensors.iter().collect();
    if needs_grad(&inputs) {
        let dtypes: Vec<DType> = tensors.iter().map(Tensor::dtype).collect();
        record1("StackBackward0", &inputs, &[], &out, move |g| {
            dtypes
                .iter()
                .enumerate()
                .map(|(i, &dtype)| {
                    let piece = squeeze(&narrow(g, d as i64, i as i64, 1)?, Some(&[d as i64]))?;
                    Ok(Some(to_dtype(&piece, dtype)?))
                })
                .collect()
        });
    }
    Ok(out)
}

pub fn narrow(t: &Tensor, dim: i64, start: i64, length: i64) -> TensorResult<Tensor> {
    pick_with("SliceBackward0", t, move |x| plain::narrow(x, dim, start, length))
}

pub fn diagonal(t: &Tensor, offset: i64, a: i64, b: i64) -> TensorResult<Tensor> {
    pick_with("DiagonalBackward0", t, move |x| plain::diagonal(x, offset, a, b))
}

pub fn flip(t: &Tensor, dims: &[i64]) -> TensorResult<Tensor> {
    let dims = dims.to_vec();
    pick_with("FlipBackward0", t, move |x| plain::flip(x, &dims))
}

pub fn roll(t: &Tensor, shifts: &[i64], dims: &[i64]) -> TensorResult<Tensor> {
    let (shifts, dims) = (shifts.to_vec(), dims.to_vec());
    pick_with("RollBackward0", t, move |x| plain::roll(x, &shifts, &dims))
}

pub fn repeat(t: &Tensor, reps: &[i64]) -> TensorResult<Tensor> {
    let reps = reps.to_vec();
    pick_with("RepeatBackward0", t, move |x| replicate::repeat(x, &reps))
}

pub fn tile(t: &Tensor, reps: &[i64]) -> TensorResult<Tensor> {
    let reps = reps.to_vec();
    pick_with("RepeatBackward0", t, move |x| replicate::tile(x, &reps))
}

pub fn repeat_interleave(t: &Tensor, repeats: &[i64], dim: Option<i64>) -> TensorResult<Tensor> {
    let repeats = repeats.to_vec();
    pick_with("IndexSelectBackward0", t, move |x| replicate::repeat_interleave(x, &repeats, dim))
}

pub fn triangle(t: &Tensor, k: i64, lower: bool) -> TensorResult<Tensor> {
    let name = if lower { "TrilBackward0" } else { "TriuBackward0" };
    pick_with(name, t, move |x| triangular::triangle(x, k, lower))
}

pub fn diag(t: &Tensor, k: i64) -> TensorResult<Tensor> {
    pick_with("DiagBackward0", t, move |x| triangular::diag(x, k))
}

/// `as_strided` addresses the storage, so its element numbers are laid out as `t`'s
/// storage is: each storage slot holds the number of the element of `t` there.
pub fn as_strided(
    t: &Tensor,
    size: &[usize],
    stride: &[usize],
    offset: Option<usize>,
) -> TensorResult<Tensor> {
    let out = plain::as_strided(t, size, stride, offset)?;
    let (size, stride, layout) = (size.to_vec(), stride.to_vec(), t.layout().clone());
    let storage_len = t.storage().len();
    super::select::picked(
        "AsStridedBackward0",
        t,
        out,
        std::rc::Rc::new(move |numbers: &Tensor| {
            let mut slots = vec![0i64; storage_len];
            for (offset, n) in layout.offsets().zip(numbers.to_i64_vec()) {
                slots[offset] = n;
            }
            let base = Tensor::from_vec(slots, &[storage_len]).with_layout(layout.clone());
            plain::as_strided(&base, &size, &stride, offset).map(|v| v.contiguous())
        }),
    )
}

/// The pieces of `chunk`, `split` and `unbind`, each picking from `t`.
fn pieces(
    name: &'static str,
    t: &Tensor,
    make: impl Fn(&Tensor) -> TensorResult<Vec<Tensor>> + Clone + 'static,
) -> TensorResult<Vec<Tensor>> {
    let count = make(t)?.len();
    (0..count)
        .map(|i| {
            let make = make.clone();
            pick_with(name, t, move |x| Ok(make(x)?.swap_remove(i)))
        })
        .collect()
}

pub fn chunk(t: &Tensor, chunks: i64, dim: i64) -> TensorResult<Vec<Tensor>> {
    pieces("SplitBackward0", t, move |x| split::chunk(x, chunks, dim))
}

pub fn split(t: &Tensor, size: i64, dim: i64) -> TensorResult<Vec<Tensor>> {
    pieces("SplitBackward0", t, move |x| split::split(x, size, dim))
}

pub fn split_sizes(t: &Tensor, sizes: &[i64], dim: i64) -> TensorResult<Vec<Tensor>> {
    let sizes = sizes.to_vec();
    pieces("SplitWithSizesBackward0", t, move |x| split::split_sizes(x, &sizes, dim))
}

pub fn unbind(t: &Tensor, dim: i64) -> TensorResult<Vec<Tensor>> {
    pieces("UnbindBackward0", t, move |x| split::unbind(x, dim))
}

/// `meshgrid(a, b, ..., indexing)`: each 1-d input reshaped onto its grid dimension
/// and expanded over the grid (`xy` swaps the first two grid dimensions).
pub fn meshgrid(tensors: &[Tensor], xy: bool) -> TensorResult<Vec<Tensor>> {
    let grids = axes::meshgrid(tensors, xy)?;
    let swap = xy && tensors.len() >= 2;
    tensors
        .iter()
        .zip(grids)
        .enumerate()
        .map(|(i, (t, grid))| {
            let position = if swap && i < 2 { 1 - i } else { i };
            let mut shape = vec![1i64; grid.ndim()];
            shape[position] = t.numel() as i64;
            expand(&reshape(t, &shape)?, &dims_i64(grid.shape()))
        })
        .collect()
}
