//! Views that rearrange dimensions: `movedim`, `unflatten`, `meshgrid`.

use super::shape::{infer_shape, wrap_dim};
use crate::tensor::{Tensor, TensorError, TensorResult};

/// `movedim(t, source, destination)`: the dims in `source` moved to the positions in
/// `destination`, the others keeping their order (a view).
pub fn movedim(t: &Tensor, source: &[i64], destination: &[i64]) -> TensorResult<Tensor> {
    if source.len() != destination.len() {
        return Err(TensorError::runtime(format!(
            "movedim: Invalid source or destination dims: source ({:?} dims) should contain the same number of dims as destination ({:?} dims)",
            source, destination
        )));
    }
    let n = t.ndim();
    let wrap = |ds: &[i64]| ds.iter().map(|&d| wrap_dim(d, n)).collect::<TensorResult<Vec<_>>>();
    let (src, dst) = (wrap(source)?, wrap(destination)?);
    for (name, dims) in [("source", &src), ("destination", &dst)] {
        let mut sorted = dims.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[0] == w[1]) {
            return Err(TensorError::runtime(format!("movedim: repeated dim in `{name}` ({dims:?})")));
        }
    }
    let mut order = vec![usize::MAX; n];
    for (&s, &d) in src.iter().zip(&dst) {
        order[d] = s;
    }
    let mut rest = (0..n).filter(|d| !src.contains(d));
    for slot in order.iter_mut().filter(|s| **s == usize::MAX) {
        *slot = rest.next().expect("as many free slots as unmoved dims");
    }
    Ok(t.with_layout(t.layout().permute(&order)))
}

/// `unflatten(t, dim, sizes)`: dimension `dim` split into `sizes` (one may be -1).
pub fn unflatten(t: &Tensor, dim: i64, sizes: &[i64]) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, t.ndim())?;
    if sizes.is_empty() {
        return Err(TensorError::runtime("unflatten: sizes must be non-empty"));
    }
    let inner = infer_shape(sizes, t.shape()[d]).map_err(|_| {
        TensorError::runtime(format!(
            "unflatten: Provided sizes {sizes:?} don't multiply up to the size of dim {dim} ({}) in the input tensor",
            t.shape()[d]
        ))
    })?;
    let mut shape: Vec<i64> = t.shape()[..d].iter().map(|&s| s as i64).collect();
    shape.extend(inner.iter().map(|&s| s as i64));
    shape.extend(t.shape()[d + 1..].iter().map(|&s| s as i64));
    super::shape::reshape(t, &shape)
}

/// `meshgrid(a, b, ..., indexing)`: each 1-d input expanded over the grid of all their
/// lengths (views); `xy` indexing swaps the first two grid dimensions.
pub fn meshgrid(tensors: &[Tensor], xy: bool) -> TensorResult<Vec<Tensor>> {
    if tensors.iter().any(|t| t.ndim() > 1) {
        return Err(TensorError::runtime("torch.meshgrid: Expected 0D or 1D tensor in the tensor list"));
    }
    if let Some(t) = tensors.iter().find(|t| t.dtype() != tensors[0].dtype()) {
        return Err(TensorError::runtime(format!(
            "torch.meshgrid: Expected all tensors in tensors to have the same dtype, but got {} and {}",
            tensors[0].dtype().torch_name(),
            t.dtype().torch_name()
        )));
    }
    let mut lengths: Vec<usize> = tensors.iter().map(|t| t.numel()).collect();
    let swap = xy && tensors.len() >= 2;
    if swap {
        lengths.swap(0, 1);
    }
    Ok(tensors
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let position = if swap && i < 2 { 1 - i } else { i };
            let mut shape = vec![1; lengths.len()];
            shape[position] = t.numel();
            let column = t.contiguous().with_layout(crate::storage::layout::Layout::contiguous(&shape));
            column.with_layout(column.layout().expand(&lengths))
        })
        .collect())
}
