//! Special functions and the reparameterised gamma sampler, with their gradients:
//! `xlogy`, the regularised incomplete gamma functions, `standard_gamma`.

use super::binary::{div, mul, scale, select};
use super::record1;
use super::shape::reduce_to;
use crate::autograd::needs_grad;
use crate::tensor::ops::special::{gamma_density_f64, gammainc_f64, gammaincc_f64, map2};
use crate::tensor::ops::{self, BinaryOp, Operand, UnaryOp};
use crate::tensor::scalar::Scalar;
use crate::tensor::{random, Tensor, TensorError, TensorResult};

fn compare(op: BinaryOp, t: &Tensor, x: f64) -> TensorResult<Tensor> {
    ops::binary(op, &Operand::Tensor(t.clone()), &Operand::Scalar(Scalar::Float(x)))
}

fn both(op: BinaryOp, a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    ops::binary(op, &Operand::Tensor(a.clone()), &Operand::Tensor(b.clone()))
}

/// `x * log(y)`, defined as 0 where x is 0 (unless y is nan), so `xlogy(0, 0)` is 0.
pub fn xlogy(x: &Tensor, y: &Tensor) -> TensorResult<Tensor> {
    let product = both(BinaryOp::Mul, x, &ops::unary(UnaryOp::Log, y)?)?;
    let y_nan = ops::unary(UnaryOp::IsNan, y)?;
    let zero = both(
        BinaryOp::LogicalAnd,
        &compare(BinaryOp::Eq, x, 0.0)?,
        &ops::unary(UnaryOp::LogicalNot, &y_nan)?,
    )?;
    let out = ops::binary::select(&zero, &Operand::Scalar(Scalar::Float(0.0)), &Operand::Tensor(product))?;
    if !needs_grad(&[x, y]) || !out.dtype().is_float() {
        return Ok(out);
    }
    let (xs, ys) = (x.clone(), y.clone());
    record1("XlogyBackward0", &[x, y], &[x, y], &out, move |g| {
        // d/dx is log y, taken as 0 where x = 0 and y ≤ 0 (PyTorch's convention);
        // d/dy is x / y.
        let masked =
            both(BinaryOp::LogicalAnd, &compare(BinaryOp::Eq, &xs, 0.0)?, &compare(BinaryOp::Le, &ys, 0.0)?)?;
        let gx = select(&masked, &Operand::Scalar(Scalar::Float(0.0)), &Operand::Tensor(xlogy(g, &ys)?))?;
        let gy = div(&mul(g, &xs)?, &ys)?;
        Ok(vec![Some(reduce_to(&gx, &xs)?), Some(reduce_to(&gy, &ys)?)])
    });
    Ok(out)
}

/// P(a, x) (`upper` false) or Q(a, x) (`upper` true), differentiable in x; the
/// derivative in `a` is not implemented, as in PyTorch.
pub fn incomplete_gamma(a: &Tensor, x: &Tensor, upper: bool) -> TensorResult<Tensor> {
    let out = map2(a, x, if upper { gammaincc_f64 } else { gammainc_f64 })?;
    if !needs_grad(&[a, x]) {
        return Ok(out);
    }
    let (a_saved, x_saved) = (a.clone(), x.clone());
    let name = if upper { "IgammacBackward0" } else { "IgammaBackward0" };
    record1(name, &[a, x], &[a, x], &out, move |g| {
        if a_saved.requires_grad() {
            return Err(TensorError::not_implemented(format!(
                "the derivative for '{}' with respect to its first argument (a) is not implemented",
                if upper { "igammac" } else { "igamma" }
            )));
        }
        let density = map2(&a_saved, &x_saved, gamma_density_f64)?;
        let gx = mul(g, &if upper { scale(&density, -1.0)? } else { density })?;
        Ok(vec![None, Some(reduce_to(&gx, &x_saved)?)])
    });
    Ok(out)
}

/// Gamma(alpha, 1) draws, reparameterised: the gradient reaches `alpha` through the
/// implicit derivative of the draw, dx/dα = -(∂P(α, x)/∂α) / p(x; α), with ∂P/∂α by
/// a central difference (relative error about 1e-9 in f64).
pub fn standard_gamma(alpha: &Tensor) -> TensorResult<Tensor> {
    let out = random::standard_gamma(alpha)?;
    if !needs_grad(&[alpha]) {
        return Ok(out);
    }
    let (alpha_saved, draws) = (alpha.detach(), out.detach());
    record1("StandardGammaBackward0", &[alpha], &[], &out, move |g| {
        let derivative = map2(&alpha_saved, &draws, |a, x| {
            let h = (1e-5 * a.max(1.0)).min(a / 2.0);
            let dp = (gammainc_f64(a + h, x) - gammainc_f64(a - h, x)) / (2.0 * h);
            let density = gamma_density_f64(a, x);
            if density > 0.0 {
                -dp / density
            } else {
                0.0
            }
        })?;
        Ok(vec![Some(mul(g, &derivative.to_dtype(g.dtype()))?)])
    });
    Ok(out)
}
