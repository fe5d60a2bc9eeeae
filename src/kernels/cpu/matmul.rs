//! Matrix products of contiguous row-major blocks: `matrixmultiply` (through ndarray)
//! for floats, a plain triple loop for integers.

use crate::tensor::arith::Arith;
use ndarray::linalg::general_mat_mul;
use ndarray::ArrayView2;

/// `out[b] = a[b] @ c[b]` for `batches` blocks of `m×k` and `k×n`.
pub fn batched_matmul<T: MatmulElement>(
    a: &[T],
    c: &[T],
    batches: usize,
    m: usize,
    k: usize,
    n: usize,
) -> Vec<T> {
    let mut out = vec![T::zero(); batches * m * n];
    for b in 0..batches {
        let lhs = &a[b * m * k..(b + 1) * m * k];
        let rhs = &c[b * k * n..(b + 1) * k * n];
        T::matmul(lhs, rhs, &mut out[b * m * n..(b + 1) * m * n], m, k, n);
    }
    out
}

pub trait MatmulElement: Arith {
    fn zero() -> Self;
    fn matmul(a: &[Self], b: &[Self], out: &mut [Self], m: usize, k: usize, n: usize) {
        for i in 0..m {
            for p in 0..k {
                let x = a[i * k + p];
                for j in 0..n {
                    out[i * n + j] = out[i * n + j].add(x.mul(b[p * n + j]));
                }
            }
        }
    }
}

macro_rules! blas_like {
    ($($t:ty),*) => {$(
        impl MatmulElement for $t {
            fn zero() -> Self { 0.0 }
            fn matmul(a: &[Self], b: &[Self], out: &mut [Self], m: usize, k: usize, n: usize) {
                let (Ok(lhs), Ok(rhs)) = (ArrayView2::from_shape((m, k), a), ArrayView2::from_shape((k, n), b)) else {
                    unreachable!("blocks are sized m×k and k×n by the caller");
                };
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
