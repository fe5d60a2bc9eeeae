//! Elementwise loops: copying a strided view out, mapping one input, zipping two inputs
//! that already have the output's (broadcast) shape.

use crate::tensor::layout::Layout;

/// The elements of a strided view, in row-major order.
pub fn gather<T: Copy>(data: &[T], layout: &Layout) -> Vec<T> {
    match layout.contiguous_range() {
        Some(range) => data[range].to_vec(),
        None => layout.offsets().map(|i| data[i]).collect(),
    }
}

/// `f` applied to each element of a strided view, in row-major order.
pub fn map<T: Copy, U>(data: &[T], layout: &Layout, f: impl Fn(T) -> U) -> Vec<U> {
    match layout.contiguous_range() {
        Some(range) => data[range].iter().map(|&x| f(x)).collect(),
        None => layout.offsets().map(|i| f(data[i])).collect(),
    }
}

/// `f` applied pairwise; both layouts have the same shape (broadcasting is in their
/// strides).
pub fn zip_map<A: Copy, B: Copy, U>(
    a: &[A],
    a_layout: &Layout,
    b: &[B],
    b_layout: &Layout,
    f: impl Fn(A, B) -> U,
) -> Vec<U> {
    match (a_layout.contiguous_range(), b_layout.contiguous_range()) {
        (Some(ra), Some(rb)) => a[ra].iter().zip(&b[rb]).map(|(&x, &y)| f(x, y)).collect(),
        _ => a_layout.offsets().zip(b_layout.offsets()).map(|(i, j)| f(a[i], b[j])).collect(),
    }
}

/// Writes `values` (row-major) into the elements a strided view covers.
pub fn scatter_into<T: Copy>(data: &mut [T], layout: &Layout, values: impl Iterator<Item = T>) {
    match layout.contiguous_range() {
        Some(range) => data[range].iter_mut().zip(values).for_each(|(slot, v)| *slot = v),
        None => {
            let offsets: Vec<usize> = layout.offsets().collect();
            for (i, v) in offsets.into_iter().zip(values) {
                data[i] = v;
            }
        }
    }
}
