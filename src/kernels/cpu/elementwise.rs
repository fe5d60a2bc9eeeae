//! Elementwise loops: copying a strided view out, mapping one input, zipping two inputs
//! that already have the output's (broadcast) shape. Contiguous inputs (and a
//! broadcast single element) take slice loops the compiler vectorises, split across
//! cores when long; other layouts walk their rows (the last dimension) with a stride,
//! finding each row's start with an odometer over the dimensions before it.

use super::parallel::{fill_new, new_buffer};
use crate::storage::layout::Layout;

/// A strided view as rows along its last dimension.
struct Rows {
    /// The view without its last dimension: each element is a row's first element.
    outer: Layout,
    len: usize,
    step: usize,
}

impl Rows {
    fn of(layout: &Layout) -> Rows {
        let Some((&len, outer_shape)) = layout.shape.split_last() else {
            return Rows { outer: layout.clone(), len: 1, step: 0 };
        };
        let n = outer_shape.len();
        let outer = Layout {
            shape: outer_shape.to_vec(),
            strides: layout.strides[..n].to_vec(),
            offset: layout.offset,
        };
        Rows { outer, len, step: layout.strides[n] }
    }

    /// The storage indices of the view's elements, in row-major order.
    fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.outer.offsets().flat_map(move |start| (0..self.len).map(move |t| start + t * self.step))
    }
}

/// `f` applied to each element of a strided view, in row-major order, walking rows;
/// rows are spread across cores when the view is big.
fn map_strided<T: Copy + Sync, U: Send>(data: &[T], layout: &Layout, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    use rayon::prelude::*;
    let rows = Rows::of(layout);
    let n = layout.numel();
    if n < super::PARALLEL_MIN || rows.len == 0 {
        let mut out = new_buffer(n);
        for start in rows.outer.offsets() {
            out.extend((0..rows.len).map(|t| f(data[start + t * rows.step])));
        }
        return out;
    }
    let mut out: Vec<U> = new_buffer(n);
    let starts = rows.outer.offset_list();
    let min_rows = (super::PARALLEL_MIN / rows.len).max(1);
    out.spare_capacity_mut()[..n]
        .par_chunks_mut(rows.len)
        .with_min_len(min_rows)
        .zip(starts.par_iter())
        .for_each(|(row, &start)| {
            crate::interrupt::check();
            for (t, slot) in row.iter_mut().enumerate() {
                slot.write(f(data[start + t * rows.step]));
            }
        });
    // SAFETY: each of the `n` elements lies in one row chunk, written above.
    unsafe { out.set_len(n) };
    out
}

/// The elements of a strided view, in row-major order.
pub fn gather<T: Copy + Send + Sync>(data: &[T], layout: &Layout) -> Vec<T> {
    match layout.contiguous_range() {
        Some(range) => {
            let mut out = new_buffer(range.len());
            out.extend_from_slice(&data[range]);
            out
        }
        None => map_strided(data, layout, |x| x),
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
        None => map_strided(data, layout, f),
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
    let (ra, rb) = (Rows::of(a_layout), Rows::of(b_layout));
    let mut out = new_buffer(a_layout.numel());
    for (i, j) in ra.outer.offsets().zip(rb.outer.offsets()) {
        out.extend((0..ra.len).map(|t| f(a[i + t * ra.step], b[j + t * rb.step])));
    }
    out
}

/// A view read by position without walking offsets: a contiguous run (step 1) or a
/// broadcast single element (step 0).
#[derive(Clone, Copy)]
struct Run<'a, T> {
    data: &'a [T],
    step: usize,
}

impl<'a, T: Copy> Run<'a, T> {
    fn of(data: &'a [T], layout: &Layout) -> Option<Run<'a, T>> {
        if let Some(range) = layout.contiguous_range() {
            return Some(Run { data: &data[range], step: 1 });
        }
        single_element(layout).map(|i| Run { data: &data[i..=i], step: 0 })
    }

    fn get(&self, position: usize) -> T {
        self.data[position * self.step]
    }
}

/// `f` applied to three views of the output's (broadcast) shape, e.g. `where`.
pub fn zip3_map<A: Copy + Sync, B: Copy + Sync, C: Copy + Sync, U: Send>(
    (a, a_layout): (&[A], &Layout),
    (b, b_layout): (&[B], &Layout),
    (c, c_layout): (&[C], &Layout),
    f: impl Fn(A, B, C) -> U + Sync,
) -> Vec<U> {
    if let (Some(x), Some(y), Some(z)) = (Run::of(a, a_layout), Run::of(b, b_layout), Run::of(c, c_layout)) {
        return fill_new(a_layout.numel(), |start, out| {
            for (n, slot) in out.iter_mut().enumerate() {
                let i = start + n;
                slot.write(f(x.get(i), y.get(i), z.get(i)));
            }
        });
    }
    let (ra, rb, rc) = (Rows::of(a_layout), Rows::of(b_layout), Rows::of(c_layout));
    let mut out = new_buffer(a_layout.numel());
    out.extend(ra.indices().zip(rb.indices()).zip(rc.indices()).map(|((i, j), k)| f(a[i], b[j], c[k])));
    out
}

/// Copies the elements of one view into the elements of another of the same shape, in
/// row-major order.
pub fn copy_view<T: Copy>(dst: &mut [T], dst_layout: &Layout, src: &[T], src_layout: &Layout) {
    // An empty view's offset may lie past the end of an empty storage.
    if dst_layout.numel() == 0 {
        return;
    }
    match (dst_layout.contiguous_range(), Run::of(src, src_layout)) {
        (Some(range), Some(Run { data, step: 1 })) => dst[range].copy_from_slice(data),
        (Some(range), Some(Run { data, .. })) => dst[range].fill(data[0]),
        (Some(range), None) => {
            dst[range].iter_mut().zip(Rows::of(src_layout).indices()).for_each(|(slot, i)| *slot = src[i])
        }
        (None, _) => {
            for (i, j) in Rows::of(dst_layout).indices().zip(Rows::of(src_layout).indices()) {
                dst[i] = src[j];
            }
        }
    }
}

/// For each element of `kept` (a view whose elements are the first elements of the
/// groups), `combine` folded over the group's elements at the relative storage offsets
/// `group`; rows of the output are spread across cores.
pub fn reduce_groups<T: Copy + Send + Sync>(
    data: &[T],
    kept: &Layout,
    group: &[usize],
    combine: impl Fn(T, T) -> T + Sync,
) -> Vec<T> {
    use rayon::prelude::*;
    let (first, rest) = group.split_first().expect("a reduction group is not empty");
    let rows = Rows::of(kept);
    let mut out: Vec<T> = new_buffer(kept.numel());
    let starts = rows.outer.offset_list();
    let fold_row = |start: usize, row: &mut [std::mem::MaybeUninit<T>]| {
        crate::interrupt::check();
        for (j, slot) in row.iter_mut().enumerate() {
            let base = start + j * rows.step;
            slot.write(rest.iter().fold(data[base + first], |acc, &r| combine(acc, data[base + r])));
        }
    };
    let spare = &mut out.spare_capacity_mut()[..kept.numel()];
    if kept.numel() * group.len() < super::PARALLEL_MIN || rows.len == 0 {
        spare.chunks_mut(rows.len.max(1)).zip(&starts).for_each(|(row, &start)| fold_row(start, row));
    } else {
        let min_rows = (super::PARALLEL_MIN / (rows.len * group.len())).max(1);
        spare
            .par_chunks_mut(rows.len)
            .with_min_len(min_rows)
            .zip(starts.par_iter())
            .for_each(|(row, &start)| fold_row(start, row));
    }
    // SAFETY: every row chunk of `spare` (all `kept.numel()` elements) was written above.
    unsafe { out.set_len(kept.numel()) };
    out
}
