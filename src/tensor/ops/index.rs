//! Indexing, for reading and writing, with NumPy's rules: integers and slices make a
//! view; `none` adds a dimension; `...` stands for the dimensions not named; integer
//! tensors (advanced indices, broadcast together) and boolean masks gather copies, and
//! their dimensions go where the first advanced index stood when the advanced indices
//! are adjacent, and first otherwise.

use super::binary::{broadcast, Operand};
use super::shape::copy_into;
use crate::storage::dtype::DType;
use crate::storage::layout::{broadcast_shapes, Layout};
use crate::storage::Buffer;
use crate::tensor::overlap::{self, Overlap};
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_storage;

#[derive(Clone, Debug)]
pub enum TensorIndex {
    Int(i64),
    Slice {
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    },
    NewAxis,
    Ellipsis,
    /// An integer (advanced) index or a boolean mask.
    Tensor(Tensor),
}

/// What an index expression selects: a view, and the advanced indices still to apply
/// to some of its dimensions.
struct Selection {
    view: Layout,
    /// (dimension of `view`, indices into it, already broadcast to `advanced_shape`).
    advanced: Vec<(usize, Vec<i64>)>,
    advanced_shape: Vec<usize>,
}

impl Selection {
    /// How many elements are selected.
    fn len(&self) -> usize {
        let advanced: Vec<usize> = self.advanced.iter().map(|(d, _)| *d).collect();
        let rest: usize =
            (0..self.view.ndim()).filter(|d| !advanced.contains(d)).map(|d| self.view.shape[d]).product();
        rest * self.advanced_shape.iter().product::<usize>()
    }

    /// The result's shape and, in row-major order of the result, the storage index of
    /// each element it selects.
    fn offsets(&self) -> (Vec<usize>, Vec<usize>) {
        let dims: Vec<usize> = self.advanced.iter().map(|(d, _)| *d).collect();
        let adjacent = dims.windows(2).all(|w| w[1] == w[0] + 1);
        let rest: Vec<usize> = (0..self.view.ndim()).filter(|d| !dims.contains(d)).collect();
        let (before, after): (Vec<usize>, Vec<usize>) =
            if adjacent { rest.iter().partition(|&&d| d < dims[0]) } else { (vec![], rest.clone()) };
        let mut shape: Vec<usize> = before.iter().map(|&d| self.view.shape[d]).collect();
        shape.extend(&self.advanced_shape);
        shape.extend(after.iter().map(|&d| self.view.shape[d]));
        let mut before_layout = sub_layout(&self.view, &before);
        before_layout.offset = self.view.offset;
        let after_layout = sub_layout(&self.view, &after);
        let advanced_count: usize = self.advanced_shape.iter().product();
        let mut offsets = Vec::with_capacity(shape.iter().product());
        for b in before_layout.offsets() {
            for k in 0..advanced_count {
                let base = b + self
                    .advanced
                    .iter()
                    .map(|(d, idx)| idx[k] as usize * self.view.strides[*d])
                    .sum::<usize>();
                offsets.extend(after_layout.offsets().map(|a| base + a));
            }
        }
        (shape, offsets)
    }
}

/// The layout of some of a layout's dimensions, at offset 0.
fn sub_layout(view: &Layout, dims: &[usize]) -> Layout {
    Layout {
        shape: dims.iter().map(|&d| view.shape[d]).collect(),
        strides: dims.iter().map(|&d| view.strides[d]).collect(),
        offset: 0,
    }
}

fn select(t: &Tensor, items: &[TensorIndex]) -> TensorResult<Selection> {
    let consumed: usize = items
        .iter()
        .map(|item| match item {
            TensorIndex::Int(_) | TensorIndex::Slice { .. } => 1,
            TensorIndex::Tensor(ix) if ix.dtype() == DType::Bool || ix.dtype() == DType::U8 => ix.ndim(),
            TensorIndex::Tensor(_) => 1,
            TensorIndex::NewAxis | TensorIndex::Ellipsis => 0,
        })
        .sum();
    if consumed > t.ndim() {
        return Err(TensorError::index(format!("too many indices for tensor of dimension {}", t.ndim())));
    }
    if items.iter().filter(|i| matches!(i, TensorIndex::Ellipsis)).count() > 1 {
        return Err(TensorError::index("an index can only have a single ellipsis ('...')"));
    }
    let mut view = t.layout().clone();
    let mut dim = 0; // the next dimension of `view` to index
    let mut tensors: Vec<(usize, Tensor)> = Vec::new();
    for item in items {
        match item {
            TensorIndex::Int(i) => {
                let size = view.shape[dim] as i64;
                let at = if *i < 0 { i + size } else { *i };
                if at < 0 || at >= size {
                    return Err(TensorError::index(format!(
                        "index {i} is out of bounds for dimension {dim} with size {size}"
                    )));
                }
                view = view.select(dim, at as usize);
            }
            TensorIndex::Slice { start, stop, step } => {
                let step = step.unwrap_or(1);
                if step <= 0 {
                    return Err(TensorError::value("step must be greater than zero"));
                }
                let size = view.shape[dim] as i64;
                let clamp = |v: i64| (if v < 0 { v + size } else { v }).clamp(0, size) as usize;
                let begin = start.map_or(0, clamp);
                let end = stop.map_or(size as usize, clamp);
                view = view.slice(dim, begin, end.max(begin), step as usize);
                dim += 1;
            }
            TensorIndex::NewAxis => {
                view = view.unsqueeze(dim);
                dim += 1;
            }
            TensorIndex::Ellipsis => dim += t.ndim() - consumed,
            TensorIndex::Tensor(ix) if ix.dtype() == DType::Bool || ix.dtype() == DType::U8 => {
                for (k, (&m, &s)) in ix.shape().iter().zip(&view.shape[dim..]).enumerate() {
                    if m != s {
                        return Err(TensorError::index(format!(
                            "The shape of the mask [{}] at index {k} does not match the shape of the indexed tensor [{}] at index {}",
                            join(ix.shape()),
                            join(&view.shape[dim..dim + ix.ndim()]),
                            dim + k
                        )));
                    }
                }
                for (k, column) in nonzero_columns(ix).into_iter().enumerate() {
                    let count = column.len();
                    tensors.push((dim + k, Tensor::from_vec(column, &[count])));
                }
                dim += ix.ndim();
            }
            TensorIndex::Tensor(ix) if ix.dtype().is_float() => {
                return Err(TensorError::index(
                    "tensors used as indices must be long, int, byte or bool tensors",
                ))
            }
            TensorIndex::Tensor(ix) => {
                tensors.push((dim, ix.clone()));
                dim += 1;
            }
        }
    }
    let mut advanced_shape: Vec<usize> = Vec::new();
    for (_, ix) in &tensors {
        advanced_shape = broadcast_shapes(&advanced_shape, ix.shape()).ok_or_else(|| {
            let shapes: Vec<String> = tensors.iter().map(|(_, t)| format!("[{}]", join(t.shape()))).collect();
            TensorError::index(format!(
                "shape mismatch: indexing tensors could not be broadcast together with shapes {}",
                shapes.join(", ")
            ))
        })?;
    }
    let mut advanced = Vec::with_capacity(tensors.len());
    for (d, ix) in tensors {
        let size = view.shape[d] as i64;
        let expanded = ix.with_layout(ix.layout().expand(&advanced_shape));
        let mut values = expanded.to_i64_vec();
        for v in values.iter_mut() {
            if *v < -size || *v >= size {
                return Err(TensorError::index(format!(
                    "index {v} is out of bounds for dimension {d} with size {size}"
                )));
            }
            if *v < 0 {
                *v += size;
            }
        }
        advanced.push((d, values));
    }
    Ok(Selection { view, advanced, advanced_shape })
}

/// For a mask, the positions of its true elements along each of its dimensions
/// (what `nonzero` returns, by column).
fn nonzero_columns(mask: &Tensor) -> Vec<Vec<i64>> {
    let flags: Vec<bool> = mask.to_i64_vec().into_iter().map(|v| v != 0).collect();
    let shape = mask.shape();
    let strides = crate::storage::layout::contiguous_strides(shape);
    let mut columns = vec![Vec::new(); shape.len()];
    for (flat, _) in flags.iter().enumerate().filter(|(_, f)| **f) {
        for (d, column) in columns.iter_mut().enumerate() {
            column.push(((flat / strides[d]) % shape[d].max(1)) as i64);
        }
    }
    columns
}

fn join(shape: &[usize]) -> String {
    shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

/// `t[items]`: a view when only integers, slices, `none` and `...` are used, a copy
/// otherwise.
pub fn index(t: &Tensor, items: &[TensorIndex]) -> TensorResult<Tensor> {
    let selection = select(t, items)?;
    if selection.advanced.is_empty() {
        return Ok(t.with_layout(selection.view));
    }
    let (shape, offsets) = selection.offsets();
    let storage = t.storage();
    let data = with_storage!(&*storage, v => Buffer::wrap(offsets.iter().map(|&i| v[i]).collect()));
    Ok(Tensor::new(data, &shape))
}

/// `t[items] = value`, writing into `t`'s storage (so into every view of it).
pub fn index_put(t: &Tensor, items: &[TensorIndex], value: &Operand) -> TensorResult<()> {
    let selection = select(t, items)?;
    let source = match value {
        Operand::Tensor(v) => v.to_dtype(t.dtype()),
        Operand::Scalar(s) => Tensor::scalar(s.checked_fill(t.dtype(), selection.len())?, t.dtype()),
    };
    if selection.advanced.is_empty() {
        let shape = selection.view.shape.clone();
        broadcast(source.shape(), &shape)
            .ok()
            .filter(|b| *b == shape)
            .ok_or_else(|| shape_error(&source, &shape))?;
        let expanded = source.with_layout(source.layout().expand(&shape));
        // PyTorch fills with a number or a one-element value (which must not go into
        // repeated elements) and copies any other, refusing a copy whose source partly
        // overlaps the destination.
        if let Operand::Tensor(v) = value {
            let dest = t.with_layout(selection.view.clone());
            overlap::check_writable(&dest)?;
            if v.ndim() > 0 {
                overlap::check_input(&dest, &expanded)?;
            }
        }
        copy_into(t, &selection.view, &expanded);
        return Ok(());
    }
    if let Operand::Tensor(v) = value {
        // ATen's index_put_ refuses any overlap of the value with the whole destination.
        if matches!(overlap::overlap(t, v), Overlap::Partial | Overlap::Full) {
            return Err(overlap::input_overlap_error());
        }
    }
    let (shape, offsets) = selection.offsets();
    broadcast(source.shape(), &shape)
        .ok()
        .filter(|b| *b == shape)
        .ok_or_else(|| shape_error(&source, &shape))?;
    let expanded = source.with_layout(source.layout().expand(&shape));
    t.write_from(&expanded, |dst, src, source_layout| {
        with_storage!(dst, d => {
            let src = Buffer::slice(src).expect("converted to the destination's dtype");
            for (target, from) in offsets.iter().zip(source_layout.offsets()) {
                d[*target] = src[from];
            }
        })
    });
    Ok(())
}

fn shape_error(source: &Tensor, shape: &[usize]) -> TensorError {
    TensorError::runtime(format!(
        "shape mismatch: value tensor of shape [{}] cannot be broadcast to indexing result of shape [{}]",
        join(source.shape()),
        join(shape)
    ))
}
