//! `trapezoid` (`trapz`): the trapezoidal rule along a dimension.

use super::binary::binary;
use super::reduce::reduce;
use super::shape::wrap_dim;
use crate::tensor::ops::reduce::{Dims, Reduction};
use crate::tensor::ops::{BinaryOp, Operand};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorError, TensorResult};

/// Spacing between the samples: a constant, or the sample points themselves.
pub enum Spacing {
    Constant(Scalar),
    Points(Tensor),
}

/// `sum((y[i] + y[i+1]) / 2 * dx[i])` along `dim`.
pub fn trapezoid(y: &Tensor, spacing: &Spacing, dim: i64) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, y.ndim())?;
    let n = y.shape().get(d).copied().unwrap_or(0);
    if n == 0 {
        let dims = Dims::resolve(y, Some(&[d as i64]), false)?;
        return reduce(Reduction::Sum, y, &dims, None);
    }
    let head = super::shape::narrow(y, d as i64, 0, n as i64 - 1)?;
    let tail = super::shape::narrow(y, d as i64, 1, n as i64 - 1)?;
    let pairs = binary(BinaryOp::Add, &Operand::Tensor(head), &Operand::Tensor(tail))?;
    let widths = match spacing {
        Spacing::Constant(dx) => Operand::Scalar(*dx),
        Spacing::Points(x) => {
            let xd = if x.ndim() == 1 { 0 } else { wrap_dim(dim, x.ndim())? };
            let m = x.shape().get(xd).copied().unwrap_or(0);
            if m != n {
                return Err(TensorError::runtime(format!(
                    "trapezoid: There must be one `x` value for each sample point, but got {m} x values and {n} samples"
                )));
            }
            let step = binary(
                BinaryOp::Sub,
                &Operand::Tensor(super::shape::narrow(x, xd as i64, 1, m as i64 - 1)?),
                &Operand::Tensor(super::shape::narrow(x, xd as i64, 0, m as i64 - 1)?),
            )?;
            // A 1-d `x` lines up with `dim` of `y`.
            let step = if x.ndim() == 1 && d + 1 != y.ndim() {
                let mut shape = vec![1i64; y.ndim() - d];
                shape[0] = (m - 1) as i64;
                super::shape::reshape(&step, &shape)?
            } else {
                step
            };
            Operand::Tensor(step)
        }
    };
    let areas = binary(BinaryOp::Mul, &Operand::Tensor(pairs), &widths)?;
    let halves = binary(BinaryOp::Div, &Operand::Tensor(areas), &Operand::Scalar(Scalar::Int(2)))?;
    reduce(Reduction::Sum, &halves, &Dims::resolve(&halves, Some(&[d as i64]), false)?, None)
}
