//! Elementwise loops: copying a strided view out, mapping one input, zipping two inputs
//! that already have the output's (broadcast) shape. Contiguous inputs (and a
//! broadcast single element) take slice loops the compiler vectorises, split across
//! cores when long; other layouts walk their offsets.

use super::parallel::fill_new;
use crate::tensor::layout::Layout;

/// The elements of a strided view, in row-major order.
pub fn gather<T: Copy + Send + Sync>(data: &[T], layout: &Layout) -> Vec<T> {
    match layout.contiguous_range() {
        Some(range) => data[range].to_vec(),
        None => layout.offsets().map(|i| data[i]).collect(),
    }
}

/// `f` applied to each element of a strided view, in row-major order.
pub fn map<T: Copy + Sync, U: Send>(data: &[T], layout: &Layout, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    match layout.contiguous_range() {
        Some(range) => {
            let src = &data[range];
            fill_new(src.len(), |start, out| {
                for (slot, &x) in out.iter_mut().zip(&src[start..]) {
                    slot.write(f(x));
                }
            })
        }
        None => layout.offsets().map(|i| f(data[i])).collect(),
    }
}

/// Like `map`, with a kernel that fills a chunk of output from a chunk of input (a
/// SIMD kernel); strided input is gathered first.
pub fn map_slices<T: Copy + Send + Sync, U: Send>(
    data: &[T],
    layout: &Layout,
    kernel: impl Fn(&[T], &mut [std::mem::MaybeUninit<U>]) + Sync,
) -> Vec<U> {
    let gathered;
    let src = match layout.contiguous_range() {
        Some(range) => &data[range],
        None => {
            gathered = gather(data, layout);
            &gathered[..]
        }
    };
    fill_new(src.len(), |start, out| kernel(&src[start..start + out.len()], out))
}

/// The one storage index of a view whose elements all alias it (a broadcast scalar).
fn single_element(layout: &Layout) -> Option<usize> {
    (layout.numel() > 0 && layout.strides.iter().all(|&s| s == 0)).then_some(layout.offset)
}

/// `f` applied pairwise; both layouts have the same shape (broadcasting is in their
/// strides).
pub fn zip_map<A: Copy + Sync, B: Copy + Sync, U: Send>(
    a: &[A],
    a_layout: &Layout,
    b: &[B],
    b_layout: &Layout,
    f: impl Fn(A, B) -> U + Sync,
) -> Vec<U> {
    let (ra, rb) = (a_layout.contiguous_range(), b_layout.contiguous_range());
    if let (Some(ra), Some(rb)) = (&ra, &rb) {
        let (x, y) = (&a[ra.clone()], &b[rb.clone()]);
        return fill_new(x.len(), |start, out| {
            for ((slot, &p), &q) in out.iter_mut().zip(&x[start..]).zip(&y[start..]) {
                slot.write(f(p, q));
            }
        });
    }
    if let (Some(ra), Some(j)) = (&ra, single_element(b_layout)) {
        let (x, q) = (&a[ra.clone()], b[j]);
        return fill_new(x.len(), |start, out| {
            for (slot, &p) in out.iter_mut().zip(&x[start..]) {
                slot.write(f(p, q));
            }
        });
    }
    if let (Some(i), Some(rb)) = (single_element(a_layout), &rb) {
        let (p, y) = (a[i], &b[rb.clone()]);
        return fill_new(y.len(), |start, out| {
            for (slot, &q) in out.iter_mut().zip(&y[start..]) {
                slot.write(f(p, q));
            }
        });
    }
    a_layout.offsets().zip(b_layout.offsets()).map(|(i, j)| f(a[i], b[j])).collect()
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
