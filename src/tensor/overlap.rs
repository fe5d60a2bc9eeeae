//! Whether two views of one storage touch the same elements, decided as ATen's
//! `MemOverlap.cpp` decides it, so that tl refuses the writes PyTorch refuses (an
//! in-place op whose input partly overlaps its output, a write into an expanded view)
//! with PyTorch's words.

use super::{Tensor, TensorError, TensorResult};
use crate::storage::layout::Layout;

/// ATen's `MemOverlapStatus` of two views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlap {
    /// Different storages, or disjoint ranges of one.
    No,
    /// The very same elements in the same order.
    Full,
    /// Some elements in common (or the same range in another order).
    Partial,
    /// A view with gaps or repeats: ATen does not look further (tl then reads the
    /// source before writing).
    TooHard,
}

/// Whether the layout covers `numel` consecutive storage elements, each once, in some
/// order of its dimensions (ATen's `is_non_overlapping_and_dense`).
pub fn is_dense(layout: &Layout) -> bool {
    let mut dims: Vec<(usize, usize)> =
        layout.shape.iter().copied().zip(layout.strides.iter().copied()).filter(|&(n, _)| n != 1).collect();
    dims.sort_by_key(|&(_, stride)| stride);
    let mut expected = 1;
    for (size, stride) in dims {
        if stride != expected {
            return false;
        }
        expected *= size;
    }
    true
}

pub fn overlap(a: &Tensor, b: &Tensor) -> Overlap {
    if a.same(b) {
        return Overlap::Full;
    }
    if a.numel() == 0 || b.numel() == 0 || !a.shares_storage(b) {
        return Overlap::No;
    }
    let (la, lb) = (a.layout(), b.layout());
    if !is_dense(la) || !is_dense(lb) {
        return Overlap::TooHard;
    }
    let (a_begin, b_begin) = (la.offset, lb.offset);
    let (a_end, b_end) = (a_begin + a.numel(), b_begin + b.numel());
    if a_begin == b_begin && a_end == b_end {
        return if la.strides == lb.strides { Overlap::Full } else { Overlap::Partial };
    }
    if a_begin < b_end && b_begin < a_end {
        Overlap::Partial
    } else {
        Overlap::No
    }
}

/// ATen's `assert_no_internal_overlap`: a destination whose elements repeat (an
/// expanded view) cannot be written elementwise.
pub fn check_writable(dest: &Tensor) -> TensorResult<()> {
    let layout = dest.layout();
    let repeats =
        !is_dense(layout) && layout.shape.iter().zip(&layout.strides).any(|(&n, &s)| s == 0 && n > 1);
    if repeats {
        return Err(TensorError::runtime(
            "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.",
        ));
    }
    Ok(())
}

/// ATen's `assert_no_partial_overlap`: an input of a write may be its destination, or
/// apart from it, but not partly the same elements.
pub fn check_input(dest: &Tensor, input: &Tensor) -> TensorResult<()> {
    if overlap(dest, input) == Overlap::Partial {
        return Err(input_overlap_error());
    }
    Ok(())
}

pub fn input_overlap_error() -> TensorError {
    TensorError::runtime(
        "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::dtype::DType;

    fn arange(n: usize) -> Tensor {
        Tensor::from_vec((0..n as i64).collect::<Vec<_>>(), &[n])
    }

    fn view(t: &Tensor, shape: &[usize], strides: &[usize], offset: usize) -> Tensor {
        t.with_layout(Layout { shape: shape.to_vec(), strides: strides.to_vec(), offset })
    }

    #[test]
    fn statuses_follow_aten() {
        let x = arange(6);
        let m = view(&x, &[2, 3], &[3, 1], 0);
        assert_eq!(overlap(&m, &m.with_layout(m.layout().clone())), Overlap::Full);
        assert_eq!(overlap(&m, &view(&x, &[3, 2], &[1, 3], 0)), Overlap::Partial);
        assert_eq!(overlap(&view(&x, &[2], &[1], 0), &view(&x, &[2], &[1], 1)), Overlap::Partial);
        assert_eq!(overlap(&view(&x, &[2], &[1], 0), &view(&x, &[2], &[1], 3)), Overlap::No);
        assert_eq!(overlap(&m, &view(&x, &[2], &[3], 0)), Overlap::TooHard);
        assert_eq!(overlap(&m, &Tensor::zeros(&[2, 3], DType::I64)), Overlap::No);
    }

    #[test]
    fn expanded_destinations_are_refused() {
        let x = arange(4);
        assert!(check_writable(&view(&x, &[2, 4], &[0, 1], 0)).is_err());
        assert!(check_writable(&view(&x, &[1, 4], &[0, 1], 0)).is_ok());
        assert!(check_writable(&view(&x, &[2], &[2], 0)).is_ok());
    }
}
