//! Matrix products read in place: each operand is a storage slice plus where each batch's
//! matrix starts and how its rows and columns step, so transposed and broadcast operands
//! (the usual case in backward) are never copied first. `matrixmultiply` (through
//! ndarray) packs strided floats itself; integers use a plain triple loop.

use crate::storage::arith::Arith;
use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, ShapeBuilder};

/// A batch of matrices inside one storage slice.
pub struct Matrices<'a, T> {
    pub data: &'a [T],
    /// The storage index of each batch's element `[0, 0]`.
    pub starts: Vec<usize>,
    /// The step between rows and between columns.
    pub row_stride: usize,
    pub col_stride: usize,
}

impl<T: Copy> Matrices<'_, T> {
    fn at(&self, batch: usize, row: usize, col: usize) -> T {
        self.data[self.starts[batch] + row * self.row_stride + col * self.col_stride]
    }
}

/// `out[b] = a[b] @ c[b]` for each batch of `m×k` and `k×n` matrices, row-major out.
pub fn batched_matmul<T: MatmulElement>(
    a: &Matrices<T>,
    c: &Matrices<T>,
    m: usize,
    k: usize,
    n: usize,
) -> Vec<T> {
    let batches = a.starts.len();
    let len = batches.checked_mul(m).and_then(|x| x.checked_mul(n)).unwrap_or(usize::MAX);
    let mut out = super::new_buffer(len);
    out.resize(len, T::zero());
    // Row blocks of about 2^28 multiply-adds, so Ctrl-C is seen between them; each
    // element's sum over `k` is the same however the rows are split.
    let block = ((1usize << 28) / k.saturating_mul(n).max(1)).clamp(1, m.max(1));
    for b in 0..batches {
        let rhs = Matrices { starts: vec![c.starts[b]], ..*c };
        for first in (0..m).step_by(block) {
            crate::interrupt::check();
            let rows = block.min(m - first);
            let lhs = Matrices { starts: vec![a.starts[b] + first * a.row_stride], ..*a };
            let at = b * m * n + first * n;
            T::matmul(&lhs, &rhs, 0, &mut out[at..at + rows * n], (rows, k, n));
        }
    }
    out
}

pub trait MatmulElement: Arith {
    fn zero() -> Self;
    fn matmul(
        a: &Matrices<Self>,
        b: &Matrices<Self>,
        batch: usize,
        out: &mut [Self],
        (m, k, n): (usize, usize, usize),
    ) {
        for i in 0..m {
            for p in 0..k {
                let x = a.at(batch, i, p);
                for j in 0..n {
                    out[i * n + j] = out[i * n + j].add(x.mul(b.at(batch, p, j)));
                }
            }
        }
    }
}

/// The `rows×cols` matrix of one batch as an ndarray view.
fn view<'a, T>(matrices: &Matrices<'a, T>, batch: usize, rows: usize, cols: usize) -> ArrayView2<'a, T> {
    let shape = (rows, cols).strides((matrices.row_stride, matrices.col_stride));
    ArrayView2::from_shape(shape, &matrices.data[matrices.starts[batch]..])
        .expect("the layout of a tensor lies inside its storage")
}

macro_rules! blas_like {
    ($($t:ty),*) => {$(
        impl MatmulElement for $t {
            fn zero() -> Self { 0.0 }
            fn matmul(a: &Matrices<Self>, b: &Matrices<Self>, batch: usize, out: &mut [Self], (m, k, n): (usize, usize, usize)) {
                let (lhs, rhs) = (view(a, batch, m, k), view(b, batch, k, n));
                let mut result = ndarray::ArrayViewMut2::from_shape((m, n), out).expect("output block is m×n");
                general_mat_mul(1.0, &lhs, &rhs, 0.0, &mut result);
            }
        }
    )*};
}

blas_like!(f32, f64);

macro_rules! looped {
    ($($t:ty => $zero:expr),*) => {$(
        impl MatmulElement for $t {
            fn zero() -> Self { $zero }
        }
    )*};
}

looped!(u8 => 0, i8 => 0, i16 => 0, i32 => 0, i64 => 0, bool => false,
        half::f16 => half::f16::ZERO, half::bf16 => half::bf16::ZERO);

#[cfg(test)]
mod tests {
    use super::*;

    /// A transposed left operand and a broadcast (stride 0) right batch give what the
    /// triple loop gives on the same strides.
    #[test]
    fn strided_operands_are_read_in_place() {
        let a: Vec<f64> = (0..6).map(f64::from).collect(); // 3×2 storage, read as its 2×3 transpose
        let c: Vec<f64> = (0..3).map(|i| f64::from(i) + 0.5).collect(); // one 3×1 column for both batches
        let lhs = Matrices { data: &a[..], starts: vec![0, 0], row_stride: 1, col_stride: 2 };
        let rhs = Matrices { data: &c[..], starts: vec![0, 0], row_stride: 1, col_stride: 1 };
        let out = batched_matmul(&lhs, &rhs, 2, 3, 1);
        // Row 0 of the transpose is [0, 2, 4], row 1 is [1, 3, 5].
        let expected = [0.0 * 0.5 + 2.0 * 1.5 + 4.0 * 2.5, 1.0 * 0.5 + 3.0 * 1.5 + 5.0 * 2.5];
        assert_eq!(out, [expected, expected].concat());
        let ints: Vec<i64> = a.iter().map(|&x| x as i64).collect();
        let column = [1i64, 2, 3];
        let lhs = Matrices { data: &ints[..], starts: vec![0], row_stride: 1, col_stride: 2 };
        let rhs = Matrices { data: &column[..], starts: vec![0], row_stride: 1, col_stride: 1 };
        assert_eq!(batched_matmul(&lhs, &rhs, 2, 3, 1), vec![16, 22]);
    }
}
