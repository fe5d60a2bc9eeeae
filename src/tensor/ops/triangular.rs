//! Diagonals and triangles of matrices: `diag`, `tril`, `triu`, `trace`.

use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorError, TensorResult};

/// `tril` (keep `j - i <= k`) or `triu` (keep `j - i >= k`) over the last two dims.
pub fn triangle(t: &Tensor, k: i64, lower: bool) -> TensorResult<Tensor> {
    if t.ndim() < 2 {
        return Err(TensorError::runtime(format!(
            "{}: input tensor must have at least 2 dimensions",
            if lower { "tril" } else { "triu" }
        )));
    }
    let (rows, cols) = (t.shape()[t.ndim() - 2], t.shape()[t.ndim() - 1]);
    let keep: Vec<bool> = (0..t.numel())
        .map(|p| {
            let (i, j) = (((p / cols.max(1)) % rows.max(1)) as i64, (p % cols.max(1)) as i64);
            if lower {
                j - i <= k
            } else {
                j - i >= k
            }
        })
        .collect();
    let mask = Tensor::from_vec(keep, t.shape());
    let zero = Tensor::scalar(Scalar::Int(0), t.dtype());
    super::binary::select(&mask, &super::Operand::Tensor(t.clone()), &super::Operand::Tensor(zero))
}

/// `diag(v, k)` of a vector: the square matrix with `v` on diagonal `k`; of a matrix:
/// its diagonal `k` as a vector (a copy).
pub fn diag(t: &Tensor, k: i64) -> TensorResult<Tensor> {
    match t.ndim() {
        1 => {
            let n = t.shape()[0] + k.unsigned_abs() as usize;
            let out = Tensor::zeros(&[n, n], t.dtype());
            let target = out.layout().diagonal(k, 0, 1);
            super::shape::copy_into(&out, &target, t);
            Ok(out)
        }
        2 => Ok(t.with_layout(t.layout().diagonal(k, 0, 1)).copy()),
        n => Err(TensorError::runtime(format!("diag(): Supports 1D or 2D tensors. Got {n}D"))),
    }
}
