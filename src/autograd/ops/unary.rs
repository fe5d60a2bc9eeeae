//! Unary elementwise operations and their derivatives.

use super::binary::{mul, scale, select, with_scalar};
use super::{record1, record1_saving_output};
use crate::autograd::{is_grad_enabled, needs_grad};
use crate::kernels::Saved;
use crate::tensor::ops::{self, BinaryOp, Operand, UnaryOp};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use std::f64::consts::{LN_10, LN_2, PI};

/// The op applied to every element.
pub fn unary(op: UnaryOp, x: &Tensor) -> TensorResult<Tensor> {
    let out = ops::unary(op, x)?;
    let Some((name, saved)) = op.node() else { return Ok(out) };
    if !needs_grad(&[x]) || !out.dtype().is_float() {
        return Ok(out);
    }
    let input = x.clone();
    let result = out.detach();
    let formula = move |g: &Tensor| {
        let y = if is_grad_enabled() { unary(op, &input)? } else { result.clone() };
        Ok(vec![Some(derivative(op, g, &input, &y)?)])
    };
    if saved == Saved::Result {
        record1_saving_output(name, &[x], &out, formula);
    } else {
        record1(name, &[x], &[x], &out, formula);
    }
    Ok(out)
}

/// `g` times the derivative of `op` at `x` (whose result is `y`).
fn derivative(op: UnaryOp, g: &Tensor, x: &Tensor, y: &Tensor) -> TensorResult<Tensor> {
    let f = |op, t: &Tensor| unary(op, t);
    let add = |t: &Tensor, c: f64| with_scalar(BinaryOp::Add, t, c);
    let div = |a: &Tensor, b: &Tensor| super::binary::div(a, b);
    let one_minus_square = |t: &Tensor| add(&f(UnaryOp::Neg, &f(UnaryOp::Square, t)?)?, 1.0);
    Ok(match op {
        UnaryOp::Neg => f(UnaryOp::Neg, g)?,
        UnaryOp::Abs => mul(g, &f(UnaryOp::Sign, x)?)?,
        UnaryOp::Square => mul(g, &scale(x, 2.0)?)?,
        UnaryOp::Relu => {
            let positive =
                ops::binary(BinaryOp::Gt, &Operand::Tensor(y.clone()), &Operand::Scalar(Scalar::Int(0)))?;
            select(&positive, &Operand::Tensor(g.clone()), &Operand::Scalar(Scalar::Float(0.0)))?
        }
        UnaryOp::Sign | UnaryOp::Floor | UnaryOp::Ceil | UnaryOp::Round | UnaryOp::Trunc => scale(g, 0.0)?,
        UnaryOp::Frac => g.clone(),
        UnaryOp::Exp => mul(g, y)?,
        UnaryOp::Exp2 => mul(g, &scale(y, LN_2)?)?,
        UnaryOp::Expm1 => mul(g, &add(y, 1.0)?)?,
        UnaryOp::Log => div(g, x)?,
        UnaryOp::Log2 => div(g, &scale(x, LN_2)?)?,
        UnaryOp::Log10 => div(g, &scale(x, LN_10)?)?,
        UnaryOp::Log1p => div(g, &add(x, 1.0)?)?,
        UnaryOp::Sqrt => div(g, &scale(y, 2.0)?)?,
        // -g y³ / 2
        UnaryOp::Rsqrt => mul(g, &scale(&mul(y, &f(UnaryOp::Square, y)?)?, -0.5)?)?,
        UnaryOp::Reciprocal => mul(g, &f(UnaryOp::Neg, &f(UnaryOp::Square, y)?)?)?,
        UnaryOp::Sin => mul(g, &f(UnaryOp::Cos, x)?)?,
        UnaryOp::Cos => mul(g, &f(UnaryOp::Neg, &f(UnaryOp::Sin, x)?)?)?,
        UnaryOp::Tan => mul(g, &add(&f(UnaryOp::Square, y)?, 1.0)?)?,
        UnaryOp::Asin => div(g, &f(UnaryOp::Sqrt, &one_minus_square(x)?)?)?,
        UnaryOp::Acos => f(UnaryOp::Neg, &div(g, &f(UnaryOp::Sqrt, &one_minus_square(x)?)?)?)?,
        UnaryOp::Atan => div(g, &add(&f(UnaryOp::Square, x)?, 1.0)?)?,
        UnaryOp::Sinh => mul(g, &f(UnaryOp::Cosh, x)?)?,
        UnaryOp::Cosh => mul(g, &f(UnaryOp::Sinh, x)?)?,
        UnaryOp::Tanh => mul(g, &one_minus_square(y)?)?,
        UnaryOp::Sigmoid => mul(g, &mul(y, &add(&f(UnaryOp::Neg, y)?, 1.0)?)?)?,
        // PyTorch's softplus (beta 1, threshold 20) is x itself above the threshold.
        UnaryOp::Softplus => {
            let linear =
                ops::binary(BinaryOp::Gt, &Operand::Tensor(x.clone()), &Operand::Scalar(Scalar::Int(20)))?;
            let s = select(
                &linear,
                &Operand::Scalar(Scalar::Float(1.0)),
                &Operand::Tensor(f(UnaryOp::Sigmoid, x)?),
            )?;
            mul(g, &s)?
        }
        // 2/√π exp(-x²)
        UnaryOp::Erf | UnaryOp::Erfc => {
            let d = scale(&f(UnaryOp::Exp, &f(UnaryOp::Neg, &f(UnaryOp::Square, x)?)?)?, 2.0 / PI.sqrt())?;
            let d = if op == UnaryOp::Erfc { f(UnaryOp::Neg, &d)? } else { d };
            mul(g, &d)?
        }
        // √π/2 exp(y²)
        UnaryOp::Erfinv => mul(g, &scale(&f(UnaryOp::Exp, &f(UnaryOp::Square, y)?)?, PI.sqrt() / 2.0)?)?,
        UnaryOp::Lgamma => mul(g, &f(UnaryOp::Digamma, x)?)?,
        UnaryOp::Digamma => mul(g, &trigamma(x))?,
        UnaryOp::IsNan | UnaryOp::IsInf | UnaryOp::IsFinite | UnaryOp::LogicalNot | UnaryOp::BitwiseNot => {
            unreachable!("no node is recorded for {}", op.name())
        }
    })
}

/// ψ'(x), the derivative of digamma (a constant to autograd: digamma is
/// differentiable once).
fn trigamma(x: &Tensor) -> Tensor {
    let values: Vec<f64> = x.to_f64_vec().into_iter().map(trigamma_f64).collect();
    Tensor::from_vec(values, x.shape()).to_dtype(x.dtype())
}

/// ψ'(x) by the recurrence ψ'(x) = ψ'(x+1) + 1/x² up to x ≥ 12, then the asymptotic
/// series; the reflection formula for negative x.
fn trigamma_f64(x: f64) -> f64 {
    if x <= 0.0 && x == x.floor() {
        return f64::INFINITY;
    }
    if x < 0.0 {
        let s = (PI * x).sin();
        return -trigamma_f64(1.0 - x) + PI * PI / (s * s);
    }
    let (mut x, mut acc) = (x, 0.0);
    while x < 12.0 {
        acc += 1.0 / (x * x);
        x += 1.0;
    }
    let x2 = 1.0 / (x * x);
    acc + 1.0 / x + x2 / 2.0 + (1.0 / 6.0 - x2 * (1.0 / 30.0 - x2 * (1.0 / 42.0 - x2 / 30.0))) * x2 / x
}

#[cfg(test)]
mod tests {
    #[test]
    fn trigamma_matches_known_values() {
        // ψ'(1) = π²/6, ψ'(1/2) = π²/2, ψ'(10) from SciPy's polygamma(1, 10).
        let pi2 = std::f64::consts::PI.powi(2);
        assert!((super::trigamma_f64(1.0) - pi2 / 6.0).abs() < 1e-12);
        assert!((super::trigamma_f64(0.5) - pi2 / 2.0).abs() < 1e-12);
        assert!((super::trigamma_f64(10.0) - 0.10516633568168575).abs() < 1e-13);
    }
}
