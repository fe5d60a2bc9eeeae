//! Binary elementwise operations and their gradients. A gradient is summed back over
//! the dimensions broadcasting added and cast to its input's dtype.

use super::record1;
use super::shape::reduce_to;
use super::unary::unary;
use crate::autograd::needs_grad;
use crate::tensor::ops::{self, BinaryOp, Operand, UnaryOp};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorError, TensorResult};

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

/// `a op b` elementwise with broadcasting.
pub fn binary(op: BinaryOp, a: &Operand, b: &Operand) -> TensorResult<Tensor> {
    let out = ops::binary(op, a, b)?;
    let inputs: Vec<&Tensor> = [tensor_of(a), tensor_of(b)].into_iter().flatten().collect();
    let Some(backward) = backward(op, a, b) else { return Ok(out) };
    if !needs_grad(&inputs) || !out.dtype().is_float() {
        return Ok(out);
    }
    // Only what the formulas read is saved (and so version-checked): `y.mul_(2)` on a
    // computed `y` must not make its own node stale.
    let wants_grad = |x: &Operand| tensor_of(x).is_some_and(Tensor::requires_grad);
    let (save_a, save_b) = (backward.saves)(wants_grad(a), wants_grad(b));
    let saved: Vec<&Tensor> = [(tensor_of(a), save_a), (tensor_of(b), save_b)]
        .into_iter()
        .filter_map(|(t, keep)| t.filter(|_| keep))
        .collect();
    let out_data = out.detach();
    let (a, b) = (a.clone(), b.clone());
    record1(backward.node, &inputs, &saved, &out, move |g| {
        let (ga, gb) = (backward.gradients)(g, &a, &b, &out_data)?;
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

/// The gradients of `a op b` for the output gradient `g` and the result `out`, before
/// broadcasting is undone.
type Gradients = fn(&Tensor, &Operand, &Operand, &Tensor) -> TensorResult<(Option<Tensor>, Option<Tensor>)>;

/// What autograd records for an op: PyTorch's node name, which operands the backward
/// saves (given which need a gradient), and the gradients.
struct Backward {
    node: &'static str,
    saves: fn(bool, bool) -> (bool, bool),
    gradients: Gradients,
}

/// The part of each declaration in `crate::ops` autograd owns.
macro_rules! declare {
    ($($op:ident $name:literal {
        $(node $node:literal $(or $first:literal for a number first)? $(, or $second:literal for a number second)?,
            saves $saves:expr, grad $grad:expr;)?
    })*) => {
        /// The backward of `a op b`, whose node name depends on which operand is a
        /// number (`2 - x` is `RsubBackward1`); `None` for the ops with no derivative.
        fn backward(op: BinaryOp, a: &Operand, b: &Operand) -> Option<Backward> {
            let first = matches!(a, Operand::Scalar(_));
            let second = matches!(b, Operand::Scalar(_));
            match op {
                $(BinaryOp::$op => declare!(@backward first second $({ $node $($first)? $(, $second)? } $saves, $grad)?)),*
            }
        }
    };
    (@backward $f:ident $s:ident { $($names:tt)* } $saves:expr, $grad:expr) => {{
        let saves: fn(bool, bool) -> (bool, bool) = $saves;
        let gradients: Gradients = $grad;
        Some(Backward { node: declare!(@name $f $s $($names)*), saves, gradients })
    }};
    (@backward $f:ident $s:ident) => { None };
    (@name $f:ident $s:ident $node:literal $first:literal, $second:literal) => {
        if $f { $first } else if $s { $second } else { $node }
    };
    (@name $f:ident $s:ident $node:literal, $second:literal) => {
        if $s { $second } else { $node }
    };
    (@name $f:ident $s:ident $node:literal $first:literal) => {
        if $f { $first } else { $node }
    };
    (@name $f:ident $s:ident $node:literal) => { $node };
}

crate::ops::binary_ops!(declare);

fn operand(t: &Tensor) -> Operand {
    Operand::Tensor(t.clone())
}

/// d/da = b a^(b-1), zero where b == 0; d/db = out log(a), zero where a == 0 and b >= 0.
fn pow_gradients(
    g: &Tensor,
    a: &Operand,
    b: &Operand,
    out: &Tensor,
) -> TensorResult<(Option<Tensor>, Option<Tensor>)> {
    let b_minus_1 = binary(BinaryOp::Sub, b, &Operand::Scalar(Scalar::Float(1.0)))?;
    let da = binary(BinaryOp::Mul, b, &operand(&binary(BinaryOp::Pow, a, &operand(&b_minus_1))?))?;
    let b_zero = ops::binary(BinaryOp::Eq, b, &Operand::Scalar(Scalar::Int(0)))?;
    let da = select(&b_zero, &Operand::Scalar(Scalar::Float(0.0)), &operand(&da))?;
    let out = if crate::autograd::is_grad_enabled() { binary(BinaryOp::Pow, a, b)? } else { out.clone() };
    let log_a = match a {
        Operand::Tensor(x) => unary(UnaryOp::Log, x)?,
        Operand::Scalar(s) => Tensor::scalar(Scalar::Float(s.to_f64().ln()), g.dtype()),
    };
    let a_zero = ops::binary(BinaryOp::Eq, a, &Operand::Scalar(Scalar::Int(0)))?;
    let b_nonneg = ops::binary(BinaryOp::Ge, b, &Operand::Scalar(Scalar::Int(0)))?;
    let both = ops::binary(BinaryOp::LogicalAnd, &operand(&a_zero), &operand(&b_nonneg))?;
    let db = select(&both, &Operand::Scalar(Scalar::Float(0.0)), &operand(&mul(&out, &log_a)?))?;
    Ok((Some(mul(g, &da)?), Some(mul(g, &db)?)))
}

/// `maximum` (`wins` is `Gt`) and `minimum` (`Lt`): the larger (smaller) side takes the
/// gradient; ties split it.
fn extreme_gradients(
    wins: BinaryOp,
    g: &Tensor,
    a: &Operand,
    b: &Operand,
) -> TensorResult<(Option<Tensor>, Option<Tensor>)> {
    let half = scale(g, 0.5)?;
    let zero = Operand::Scalar(Scalar::Float(0.0));
    let tie = ops::binary(BinaryOp::Eq, a, b)?;
    let a_wins = ops::binary(wins, a, b)?;
    let b_wins = ops::binary(wins, b, a)?;
    let ga = select(&tie, &operand(&half), &operand(&select(&a_wins, &operand(g), &zero)?))?;
    let gb = select(&tie, &operand(&half), &operand(&select(&b_wins, &operand(g), &zero)?))?;
    Ok((Some(ga), Some(gb)))
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
