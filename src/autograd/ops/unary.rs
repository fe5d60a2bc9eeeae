//! Unary elementwise operations and their derivatives.

use super::binary::{div, mul, scale, select, with_scalar};
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
    let (Some((name, saved)), Some(derivative)) = (op.node(), derivative(op)) else { return Ok(out) };
    if !needs_grad(&[x]) || !out.dtype().is_float() {
        return Ok(out);
    }
    let input = x.clone();
    let result = out.detach();
    let formula = move |g: &Tensor| {
        let y = if is_grad_enabled() { unary(op, &input)? } else { result.clone() };
        Ok(vec![Some(derivative(g, &input, &y)?)])
    };
    if saved == Saved::Result {
        record1_saving_output(name, &[x], &out, formula);
    } else {
        record1(name, &[x], &[x], &out, formula);
    }
    Ok(out)
}

/// A derivative: the incoming gradient `g`, the input `x` and the result `y` to the
/// gradient of the input.
type Derivative = fn(&Tensor, &Tensor, &Tensor) -> TensorResult<Tensor>;

/// The part of each declaration in `crate::ops` autograd owns: the derivatives.
macro_rules! declare {
    ($($op:ident $name:literal {
        $(node $node:literal from $saved:ident, grad $grad:expr;)?
        $(f64 $f64:expr $(, f32 $f32:expr)?;)?
    })*) => {
        /// `op`'s derivative (`None` for the ops with no node).
        fn derivative(op: UnaryOp) -> Option<Derivative> {
            match op {
                $(UnaryOp::$op => declare!(@grad $($grad)?)),*
            }
        }
    };
    (@grad $grad:expr) => {{
        let d: Derivative = $grad;
        Some(d)
    }};
    (@grad) => { None };
}

crate::ops::unary_ops!(declare);

/// `t + c`.
fn plus(t: &Tensor, c: f64) -> TensorResult<Tensor> {
    with_scalar(BinaryOp::Add, t, c)
}

/// `1 - t²`.
fn one_minus_square(t: &Tensor) -> TensorResult<Tensor> {
    plus(&unary(UnaryOp::Neg, &unary(UnaryOp::Square, t)?)?, 1.0)
}

/// erf's derivative 2/√π exp(-x²).
fn erf_slope(x: &Tensor) -> TensorResult<Tensor> {
    scale(&unary(UnaryOp::Exp, &unary(UnaryOp::Neg, &unary(UnaryOp::Square, x)?)?)?, 2.0 / PI.sqrt())
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
