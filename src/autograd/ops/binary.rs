//! Binary elementwise operations and their gradients. A gradient is summed back over
//! the dimensions broadcasting added and cast to its input's dtype.

use super::record1;
use super::shape::reduce_to;
use super::unary::unary;
use crate::autograd::needs_grad;
use crate::tensor::ops::{self, BinaryOp, Operand, UnaryOp};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};

pub fn add(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    binary(BinaryOp::Add, &Operand::Tensor(a.clone()), &Operand::Tensor(b.clone()))
}

pub fn sub(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    binary(BinaryOp::Sub, &Operand::Tensor(a.clone()), &Operand::Tensor(b.clone()))
}

pub fn mul(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    binary(BinaryOp::Mul, &Operand::Tensor(a.clone()), &Operand::Tensor(b.clone()))
}

pub fn div(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    binary(BinaryOp::Div, &Operand::Tensor(a.clone()), &Operand::Tensor(b.clone()))
}

/// `a op number`.
pub fn with_scalar(op: BinaryOp, a: &Tensor, x: f64) -> TensorResult<Tensor> {
    binary(op, &Operand::Tensor(a.clone()), &Operand::Scalar(Scalar::Float(x)))
}

pub fn scale(a: &Tensor, x: f64) -> TensorResult<Tensor> {
    with_scalar(BinaryOp::Mul, a, x)
}

fn tensor_of(x: &Operand) -> Option<&Tensor> {
    match x {
        Operand::Tensor(t) => Some(t),
        Operand::Scalar(_) => None,
    }
}

/// PyTorch's node names: `2 - x` is `RsubBackward1`, a number exponent `PowBackward0`,
/// a tensor one `PowBackward1`, a number base `PowBackward2`.
fn node_name(op: BinaryOp, a: &Operand, b: &Operand) -> Option<&'static str> {
    let scalar_a = matches!(a, Operand::Scalar(_));
    Some(match op {
        BinaryOp::Add => "AddBackward0",
        BinaryOp::Sub if scalar_a => "RsubBackward1",
        BinaryOp::Sub => "SubBackward0",
        BinaryOp::Mul => "MulBackward0",
        BinaryOp::Div => "DivBackward0",
        BinaryOp::Pow if scalar_a => "PowBackward2",
        BinaryOp::Pow if matches!(b, Operand::Scalar(_)) => "PowBackward0",
        BinaryOp::Pow => "PowBackward1",
        BinaryOp::Maximum => "MaximumBackward0",
        BinaryOp::Minimum => "MinimumBackward0",
        BinaryOp::Atan2 => "Atan2Backward0",
        BinaryOp::Remainder => "RemainderBackward0",
        BinaryOp::FloorDiv => "FloorDivideBackward0",
        // Integer and boolean results: nothing to differentiate.
        BinaryOp::BitAnd
        | BinaryOp::BitOr
        | BinaryOp::BitXor
        | BinaryOp::ShiftLeft
        | BinaryOp::ShiftRight
        | BinaryOp::LogicalAnd
        | BinaryOp::LogicalOr
        | BinaryOp::LogicalXor
        | BinaryOp::Eq
        | BinaryOp::Ne
        | BinaryOp::Lt
        | BinaryOp::Le
        | BinaryOp::Gt
        | BinaryOp::Ge => return None,
    })
}

/// `a op b` elementwise with broadcasting.
pub fn binary(op: BinaryOp, a: &Operand, b: &Operand) -> TensorResult<Tensor> {
    let out = ops::binary(op, a, b)?;
    let inputs: Vec<&Tensor> = [tensor_of(a), tensor_of(b)].into_iter().flatten().collect();
    let Some(name) = node_name(op, a, b) else { return Ok(out) };
    if !needs_grad(&inputs) || !out.dtype().is_float() {
        return Ok(out);
    }
    // Only what the formulas read is saved (and so version-checked): `y.mul_(2)` on a
    // computed `y` must not make its own node stale.
    let wants_grad = |x: &Operand| tensor_of(x).is_some_and(Tensor::requires_grad);
    let (save_a, save_b) = match op {
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Remainder | BinaryOp::FloorDiv => (false, false),
        BinaryOp::Mul => (wants_grad(b), wants_grad(a)),
        BinaryOp::Div => (wants_grad(b), true),
        BinaryOp::Pow | BinaryOp::Maximum | BinaryOp::Minimum | BinaryOp::Atan2 => (true, true),
        // No node is recorded for the others (see `node_name`).
        _ => (false, false),
    };
    let saved: Vec<&Tensor> = [(tensor_of(a), save_a), (tensor_of(b), save_b)]
        .into_iter()
        .filter_map(|(t, keep)| t.filter(|_| keep))
        .collect();
    let out_data = out.detach();
    let (a, b) = (a.clone(), b.clone());
    record1(name, &inputs, &saved, &out, move |g| {
        let (ga, gb) = gradients(op, &a, &b, g, &out_data)?;
        let mut grads = Vec::new();
        for (x, gx) in [(&a, ga), (&b, gb)] {
            if let Operand::Tensor(t) = x {
                grads.push(gx.map(|gx| reduce_to(&gx, t)).transpose()?);
            }
        }
        Ok(grads)
    });
    Ok(out)
}

/// The gradients of `a op b` for the output gradient `g`, before broadcasting is undone.
fn gradients(
    op: BinaryOp,
    a: &Operand,
    b: &Operand,
    g: &Tensor,
    out: &Tensor,
) -> TensorResult<(Option<Tensor>, Option<Tensor>)> {
    let t = |x: &Tensor| Operand::Tensor(x.clone());
    let bin = |op, x: &Operand, y: &Operand| binary(op, x, y);
    let gop = t(g);
    Ok(match op {
        BinaryOp::Add => (Some(g.clone()), Some(g.clone())),
        BinaryOp::Sub => (Some(g.clone()), Some(unary(UnaryOp::Neg, g)?)),
        BinaryOp::Mul => (Some(bin(BinaryOp::Mul, &gop, b)?), Some(bin(BinaryOp::Mul, &gop, a)?)),
        BinaryOp::Div => {
            let ga = bin(BinaryOp::Div, &gop, b)?;
            // -g a / b²
            let gb = bin(BinaryOp::Div, &t(&bin(BinaryOp::Mul, &t(&ga), a)?), b)?;
            let gb = unary(UnaryOp::Neg, &gb)?;
            (Some(ga), Some(gb))
        }
        BinaryOp::Pow => {
            // d/da = b a^(b-1), zero where b == 0; d/db = out log(a), zero where a == 0 and b >= 0.
            let b_minus_1 = bin(BinaryOp::Sub, b, &Operand::Scalar(Scalar::Float(1.0)))?;
            let da = bin(BinaryOp::Mul, b, &t(&bin(BinaryOp::Pow, a, &t(&b_minus_1))?))?;
            let b_zero = ops::binary(BinaryOp::Eq, b, &Operand::Scalar(Scalar::Int(0)))?;
            let da = select(&b_zero, &Operand::Scalar(Scalar::Float(0.0)), &t(&da))?;
            let out =
                if crate::autograd::is_grad_enabled() { bin(BinaryOp::Pow, a, b)? } else { out.clone() };
            let log_a = match a {
                Operand::Tensor(x) => unary(UnaryOp::Log, x)?,
                Operand::Scalar(s) => Tensor::scalar(Scalar::Float(s.to_f64().ln()), g.dtype()),
            };
            let a_zero = ops::binary(BinaryOp::Eq, a, &Operand::Scalar(Scalar::Int(0)))?;
            let b_nonneg = ops::binary(BinaryOp::Ge, b, &Operand::Scalar(Scalar::Int(0)))?;
            let both = ops::binary(BinaryOp::LogicalAnd, &t(&a_zero), &t(&b_nonneg))?;
            let db = select(&both, &Operand::Scalar(Scalar::Float(0.0)), &t(&mul(&out, &log_a)?))?;
            (Some(mul(g, &da)?), Some(mul(g, &db)?))
        }
        BinaryOp::Maximum | BinaryOp::Minimum => {
            // The larger (smaller) side takes the gradient; ties split it.
            let wins = if op == BinaryOp::Maximum { BinaryOp::Gt } else { BinaryOp::Lt };
            let half = scale(g, 0.5)?;
            let zero = Operand::Scalar(Scalar::Float(0.0));
            let tie = ops::binary(BinaryOp::Eq, a, b)?;
            let a_wins = ops::binary(wins, a, b)?;
            let b_wins = ops::binary(wins, b, a)?;
            let ga = select(&tie, &t(&half), &t(&select(&a_wins, &gop, &zero)?))?;
            let gb = select(&tie, &t(&half), &t(&select(&b_wins, &gop, &zero)?))?;
            (Some(ga), Some(gb))
        }
        BinaryOp::Atan2 => {
            // d/da = b / (a² + b²), d/db = -a / (a² + b²)
            let square = |x: &Operand| bin(BinaryOp::Mul, x, x);
            let denominator = add(&square(a)?, &square(b)?)?;
            let ga = bin(BinaryOp::Div, &t(&bin(BinaryOp::Mul, &gop, b)?), &t(&denominator))?;
            let gb = bin(BinaryOp::Div, &t(&bin(BinaryOp::Mul, &gop, a)?), &t(&denominator))?;
            (Some(ga), Some(unary(UnaryOp::Neg, &gb)?))
        }
        BinaryOp::Remainder => {
            let quotient = ops::binary(BinaryOp::FloorDiv, a, b)?;
            (Some(g.clone()), Some(unary(UnaryOp::Neg, &bin(BinaryOp::Mul, &gop, &t(&quotient))?)?))
        }
        // Piecewise constant: zero gradients, as PyTorch gives.
        _ => (Some(scale(g, 0.0)?), Some(scale(g, 0.0)?)),
    })
}

/// `where(cond, a, b)`: the gradient goes to the side each element came from.
pub fn select(cond: &Tensor, a: &Operand, b: &Operand) -> TensorResult<Tensor> {
    let out = ops::binary::select(cond, a, b)?;
    let inputs: Vec<&Tensor> = [tensor_of(a), tensor_of(b)].into_iter().flatten().collect();
    if !needs_grad(&inputs) || !out.dtype().is_float() {
        return Ok(out);
    }
    let (cond, a, b) = (cond.clone(), a.clone(), b.clone());
    record1("WhereBackward0", &inputs, &[], &out, move |g| {
        let zero = Operand::Scalar(Scalar::Float(0.0));
        let gop = Operand::Tensor(g.clone());
        let mut grads = Vec::new();
        for (x, picked) in [(&a, true), (&b, false)] {
            if let Operand::Tensor(t) = x {
                let (p, q) = if picked { (&gop, &zero) } else { (&zero, &gop) };
                grads.push(Some(reduce_to(&select(&cond, p, q)?, t)?));
            }
        }
        Ok(grads)
    });
    Ok(out)
}
