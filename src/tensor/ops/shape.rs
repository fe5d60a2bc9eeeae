//! Shape operations. Views (`view`, `transpose`, `permute`, `expand`, `squeeze`,
//! `unsqueeze`, `narrow`, `diagonal`, `as_strided`) only make a new layout; `reshape`
//! views when the layout allows and copies otherwise; `cat`, `stack`, `flip` and
//! `roll` copy.

use crate::kernels;
use crate::storage::layout::{contiguous_strides, Layout};
use crate::storage::Buffer;
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_storage;

/// A possibly negative dimension index made absolute, with PyTorch's error.
pub fn wrap_dim(dim: i64, ndim: usize) -> TensorResult<usize> {
    let n = ndim.max(1) as i64;
    if dim < -n || dim >= n {
        return Err(TensorError::index(format!(
            "Dimension out of range (expected to be in range of [{}, {}], but got {dim})",
            -n,
            n - 1
        )));
    }
    Ok(if dim < 0 { (dim + n) as usize } else { dim as usize })
}

/// A shape with at most one `-1`, resolved against `numel` elements.
pub fn infer_shape(shape: &[i64], numel: usize) -> TensorResult<Vec<usize>> {
    let shown = || format!("[{}]", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "));
    let mut unknown = None;
    let mut known = 1usize;
    for (i, &d) in shape.iter().enumerate() {
        match d {
            -1 if unknown.is_some() => {
                return Err(TensorError::runtime("only one dimension can be inferred"))
            }
            -1 => unknown = Some(i),
            d if d < 0 => return Err(TensorError::runtime(format!("invalid shape dimension {d}"))),
            d => known = known.saturating_mul(d as usize),
        }
    }
    let mut out: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    match unknown {
        Some(i) if known != 0 && numel.is_multiple_of(known) => out[i] = numel / known,
        None if known == numel => {}
        _ => {
            return Err(TensorError::runtime(format!(
                "shape '{}' is invalid for input of size {numel}",
                shown()
            )))
        }
    }
    Ok(out)
}

pub fn view(t: &Tensor, shape: &[i64]) -> TensorResult<Tensor> {
    let shape = infer_shape(shape, t.numel())?;
    match t.layout().view_as(&shape) {
        Some(layout) => Ok(t.with_layout(layout)),
        None => Err(TensorError::runtime(
            "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
        )),
    }
}

pub fn reshape(t: &Tensor, shape: &[i64]) -> TensorResult<Tensor> {
    let shape = infer_shape(shape, t.numel())?;
    Ok(match t.layout().view_as(&shape) {
        Some(layout) => t.with_layout(layout),
        None => t.copy().with_layout(Layout::contiguous(&shape)),
    })
}

pub fn flatten(t: &Tensor, start: i64, end: i64) -> TensorResult<Tensor> {
    if t.ndim() == 0 {
        return reshape(t, &[1]);
    }
    let (s, e) = (wrap_dim(start, t.ndim())?, wrap_dim(end, t.ndim())?);
    if s > e {
        return Err(TensorError::runtime("flatten() has invalid args: start_dim cannot come after end_dim"));
    }
    let mut shape: Vec<i64> = t.shape()[..s].iter().map(|&d| d as i64).collect();
    shape.push(t.shape()[s..=e].iter().product::<usize>() as i64);
    shape.extend(t.shape()[e + 1..].iter().map(|&d| d as i64));
    reshape(t, &shape)
}

pub fn transpose(t: &Tensor, a: i64, b: i64) -> TensorResult<Tensor> {
    if t.ndim() == 0 {
        return Ok(t.clone());
    }
    let (a, b) = (wrap_dim(a, t.ndim())?, wrap_dim(b, t.ndim())?);
    Ok(t.with_layout(t.layout().transpose(a, b)))
}

pub fn permute(t: &Tensor, dims: &[i64]) -> TensorResult<Tensor> {
    if dims.len() != t.ndim() {
        return Err(TensorError::runtime(format!(
            "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {} is not equal to len(dims) = {}",
            t.ndim(),
            dims.len()
        )));
    }
    let mut seen = vec![false; t.ndim()];
    let mut order = Vec::with_capacity(dims.len());
    for &d in dims {
        let d = wrap_dim(d, t.ndim())?;
        if std::mem::replace(&mut seen[d], true) {
            return Err(TensorError::runtime("permute(): duplicate dims are not allowed."));
        }
        order.push(d);
    }
    Ok(t.with_layout(t.layout().permute(&order)))
}

/// `x.T`: all dimensions reversed.
pub fn reverse_dims(t: &Tensor) -> Tensor {
    let order: Vec<usize> = (0..t.ndim()).rev().collect();
    t.with_layout(t.layout().permute(&order))
}

/// `x.t()`: a 2-d transpose (0-d and 1-d tensors come back as they are).
pub fn t2(t: &Tensor) -> TensorResult<Tensor> {
    if t.ndim() > 2 {
        return Err(TensorError::runtime(format!(
            "t() expects a tensor with <= 2 dimensions, but self is {}D",
            t.ndim()
        )));
    }
    Ok(reverse_dims(t))
}

pub fn unsqueeze(t: &Tensor, dim: i64) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, t.ndim() + 1)?;
    Ok(t.with_layout(t.layout().unsqueeze(d)))
}

/// Removes the given dimensions of size 1 (all of them when `dims` is `None`).
pub fn squeeze(t: &Tensor, dims: Option<&[i64]>) -> TensorResult<Tensor> {
    let dims: Vec<usize> = match dims {
        None => (0..t.ndim()).collect(),
        Some(ds) => ds.iter().map(|&d| wrap_dim(d, t.ndim())).collect::<TensorResult<_>>()?,
    };
    Ok(t.with_layout(t.layout().squeeze(&dims)))
}

/// Broadcasts to `sizes` (`-1` keeps a size) as a view with zero strides.
pub fn expand(t: &Tensor, sizes: &[i64]) -> TensorResult<Tensor> {
    if sizes.len() < t.ndim() {
        return Err(TensorError::runtime(format!(
            "expand(torch.FloatTensor{{[{}]}}, size=[{}]): the number of sizes provided ({}) must be greater or equal to the number of dimensions in the tensor ({})",
            join(t.shape()),
            join_i(sizes),
            sizes.len(),
            t.ndim()
        )));
    }
    let extra = sizes.len() - t.ndim();
    let mut shape = Vec::with_capacity(sizes.len());
    for (i, &size) in sizes.iter().enumerate() {
        let current = if i >= extra { Some(t.shape()[i - extra]) } else { None };
        let target = match (size, current) {
            (-1, Some(c)) => c,
            (-1, None) => {
                return Err(TensorError::runtime(
                    "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0",
                ))
            }
            (s, _) if s < 0 => return Err(TensorError::runtime(format!("invalid size {s}"))),
            (s, Some(c)) if c != 1 && c != s as usize => {
                return Err(TensorError::runtime(format!(
                    "The expanded size of the tensor ({s}) must match the existing size ({c}) at non-singleton dimension {i}.  Target sizes: [{}].  Tensor sizes: [{}]",
                    join_i(sizes),
                    join(t.shape())
                )))
            }
            (s, _) => s as usize,
        };
        shape.push(target);
    }
    crate::storage::layout::checked_numel(&shape)?;
    Ok(t.with_layout(t.layout().expand(&shape)))
}

fn join(shape: &[usize]) -> String {
    shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

fn join_i(shape: &[i64]) -> String {
    shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

/// Elements `start .. start + length` of `dim`, as a view.
pub fn narrow(t: &Tensor, dim: i64, start: i64, length: i64) -> TensorResult<Tensor> {
    if t.ndim() == 0 {
        return Err(TensorError::runtime("narrow() cannot be applied to a 0-dim tensor."));
    }
    let d = wrap_dim(dim, t.ndim())?;
    let size = t.shape()[d] as i64;
    let start = if start < 0 { start + size } else { start };
    if start < 0 || length < 0 || start + length > size {
        return Err(TensorError::runtime(format!(
            "start ({start}) + length ({length}) exceeds dimension size ({size})."
        )));
    }
    Ok(t.with_layout(t.layout().slice(d, start as usize, (start + length) as usize, 1)))
}

pub fn diagonal(t: &Tensor, offset: i64, a: i64, b: i64) -> TensorResult<Tensor> {
    let (a, b) = (wrap_dim(a, t.ndim())?, wrap_dim(b, t.ndim())?);
    if a == b {
        return Err(TensorError::runtime(format!("diagonal dimensions cannot be identical {a}, {b}")));
    }
    Ok(t.with_layout(t.layout().diagonal(offset, a, b)))
}

/// A view with explicit sizes, strides and offset into the storage, checked to stay
/// inside it.
pub fn as_strided(
    t: &Tensor,
    size: &[usize],
    stride: &[usize],
    offset: Option<usize>,
) -> TensorResult<Tensor> {
    if size.len() != stride.len() {
        return Err(TensorError::runtime(format!(
            "mismatch in length of strides and shape: {} and {}",
            stride.len(),
            size.len()
        )));
    }
    let layout = Layout {
        shape: size.to_vec(),
        strides: stride.to_vec(),
        offset: offset.unwrap_or(t.layout().offset),
    };
    let available = t.storage().len();
    let needed = layout.storage_extent().unwrap_or(usize::MAX);
    crate::storage::layout::checked_numel(size)?;
    if needed > available {
        return Err(TensorError::runtime(format!(
            "setStorage: sizes [{}], strides [{}], storage offset {}, and itemsize {} requiring a storage size of {} are out of bounds for storage of size {}",
            join(size),
            join(stride),
            layout.offset,
            t.dtype().item_size(),
            needed.saturating_mul(t.dtype().item_size()),
            available * t.dtype().item_size()
        )));
    }
    Ok(t.with_layout(layout))
}

/// Joins tensors along an existing dimension.
pub fn cat(tensors: &[Tensor], dim: i64) -> TensorResult<Tensor> {
    let Some(first) = tensors.first() else {
        return Err(TensorError::runtime("torch.cat(): expected a non-empty list of Tensors"));
    };
    // PyTorch skips 1-d empty tensors when joining.
    let parts: Vec<&Tensor> = tensors.iter().filter(|t| !(t.ndim() == 1 && t.numel() == 0)).collect();
    let Some(reference) = parts.first().copied() else { return Ok(first.clone()) };
    let d = wrap_dim(dim, reference.ndim())?;
    let dtype = parts.iter().fold(reference.dtype(), |acc, t| acc.promote(t.dtype()));
    let mut shape = reference.shape().to_vec();
    shape[d] = 0;
    for (i, t) in parts.iter().enumerate() {
        if t.ndim() != reference.ndim() {
            return Err(TensorError::runtime(format!(
                "Tensors must have same number of dimensions: got {} and {}",
                reference.ndim(),
                t.ndim()
            )));
        }
        for k in 0..t.ndim() {
            if k != d && t.shape()[k] != reference.shape()[k] {
                return Err(TensorError::runtime(format!(
                    "Sizes of tensors must match except in dimension {d}. Expected size {} but got size {} for tensor number {i} in the list.",
                    reference.shape()[k],
                    t.shape()[k]
                )));
            }
        }
        shape[d] += t.shape()[d];
    }
    let out = Tensor::zeros(&shape, dtype);
    let mut start = 0;
    for t in parts {
        let len = t.shape()[d];
        let target = out.layout().slice(d, start, start + len, 1);
        copy_into(&out, &target, &t.to_dtype(dtype));
        start += len;
    }
    Ok(out)
}

/// Joins tensors along a new dimension.
pub fn stack(tensors: &[Tensor], dim: i64) -> TensorResult<Tensor> {
    let Some(first) = tensors.first() else {
        return Err(TensorError::runtime("stack expects a non-empty TensorList"));
    };
    for (i, t) in tensors.iter().enumerate() {
        if t.shape() != first.shape() {
            return Err(TensorError::runtime(format!(
                "stack expects each tensor to be equal size, but got [{}] at entry 0 and [{}] at entry {i}",
                join(first.shape()),
                join(t.shape())
            )));
        }
    }
    let d = wrap_dim(dim, first.ndim() + 1)?;
    let parts: Vec<Tensor> = tensors.iter().map(|t| t.with_layout(t.layout().unsqueeze(d))).collect();
    cat(&parts, d as i64)
}

/// Writes `source` (same shape as `target`) into `dest`'s storage through `target`.
pub fn copy_into(dest: &Tensor, target: &Layout, source: &Tensor) {
    let values = source.to_dtype(dest.dtype());
    dest.write_from(&values, |dst, src, source_layout| {
        with_storage!(dst, dst => {
            let src = Buffer::slice(src).expect("converted to the destination's dtype");
            kernels::copy_view(dst, target, src, source_layout);
        })
    });
}

/// Reverses the order of elements along `dims` (a copy, as in PyTorch).
pub fn flip(t: &Tensor, dims: &[i64]) -> TensorResult<Tensor> {
    let dims: Vec<usize> = dims.iter().map(|&d| wrap_dim(d, t.ndim())).collect::<TensorResult<_>>()?;
    let shape = t.shape().to_vec();
    let index_map = |flat: usize| -> usize {
        let mut rem = flat;
        let strides = contiguous_strides(&shape);
        let mut source = 0;
        for k in 0..shape.len() {
            let i = rem / strides[k];
            rem %= strides[k];
            let i = if dims.contains(&k) { shape[k] - 1 - i } else { i };
            source += i * strides[k];
        }
        source
    };
    let positions: Vec<usize> = (0..t.numel()).map(index_map).collect();
    Ok(super::gather::pick(t, &positions, t.shape()))
}

/// Shifts elements along `dims` by `shifts`, wrapping around; without dims, the
/// flattened tensor is rolled and reshaped back.
pub fn roll(t: &Tensor, shifts: &[i64], dims: &[i64]) -> TensorResult<Tensor> {
    if dims.is_empty() {
        let flat = t.contiguous().with_layout(Layout::contiguous(&[t.numel()]));
        let rolled = roll(&flat, &shifts[..1], &[0])?;
        return Ok(rolled.with_layout(Layout::contiguous(t.shape())));
    }
    if shifts.len() != dims.len() {
        return Err(TensorError::runtime(format!(
            "shifts and dimensions must align. shifts: {}, dims:{}",
            shifts.len(),
            dims.len()
        )));
    }
    let dims: Vec<usize> = dims.iter().map(|&d| wrap_dim(d, t.ndim())).collect::<TensorResult<_>>()?;
    let shape = t.shape().to_vec();
    let strides = contiguous_strides(&shape);
    let positions: Vec<usize> = (0..t.numel())
        .map(|flat| {
            let mut rem = flat;
            let mut source = 0;
            for k in 0..shape.len() {
                let i = rem / strides[k];
                rem %= strides[k];
                let n = shape[k] as i64;
                let shift: i64 = dims.iter().zip(shifts).filter(|(d, _)| **d == k).map(|(_, s)| *s).sum();
                let src = if n == 0 { 0 } else { (i as i64 - shift).rem_euclid(n) as usize };
                source += src * strides[k];
            }
            source
        })
        .collect();
    Ok(super::gather::pick(t, &positions, t.shape()))
}

/// Whether PyTorch lets a result of dtype `from` be written into a tensor of dtype `to`
/// (`torch.can_cast`): never float into integer, never non-bool into bool.
pub fn can_cast(from: crate::storage::dtype::DType, to: crate::storage::dtype::DType) -> bool {
    from.category() <= to.category()
}

/// What an in-place operation wrote, for PyTorch's refusals of overlapping memory.
pub enum Written<'a> {
    /// One number everywhere (`fill_(1)`, `zero_`, `masked_fill_`): even an expanded
    /// destination takes it.
    Number,
    /// One element of a tensor everywhere (`fill_(x[0])`): read first, so it may be
    /// part of the destination, but the destination may not repeat elements.
    Element,
    /// Values computed from these tensors: refused when one partly overlaps the
    /// destination, or when the destination repeats elements (an expanded view).
    Computed(&'a [&'a Tensor]),
}

/// Writes `value` into all of `dest` (an in-place operation's last step): `value` must
/// broadcast to `dest`'s shape and its dtype must be castable to `dest`'s.
pub fn assign(dest: &Tensor, value: &Tensor, written: Written) -> TensorResult<()> {
    match written {
        Written::Number => {}
        Written::Element => crate::tensor::overlap::check_writable(dest)?,
        Written::Computed(inputs) => {
            crate::tensor::overlap::check_writable(dest)?;
            for input in inputs {
                crate::tensor::overlap::check_input(dest, input)?;
            }
        }
    }
    if !can_cast(value.dtype(), dest.dtype()) {
        return Err(TensorError::runtime(format!(
            "result type {} can't be cast to the desired output type {}",
            value.dtype().torch_name(),
            dest.dtype().torch_name()
        )));
    }
    let fits = crate::storage::layout::broadcast_shapes(value.shape(), dest.shape())
        .is_some_and(|b| b == dest.shape());
    if !fits {
        return Err(TensorError::runtime(format!(
            "output with shape [{}] doesn't match the broadcast shape [{}]",
            join(dest.shape()),
            join(&crate::storage::layout::broadcast_shapes(value.shape(), dest.shape()).unwrap_or_default())
        )));
    }
    let expanded = value.with_layout(value.layout().expand(dest.shape()));
    copy_into(dest, dest.layout(), &expanded);
    Ok(())
}
