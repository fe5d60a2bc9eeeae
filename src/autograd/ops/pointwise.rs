//! Pointwise operations that PyTorch records as one node each, though they could be
//! written with several: `clamp` (and `clamp_min`/`clamp_max`), `lerp`, `addcmul`,
//! `addcdiv`, `nan_to_num`, `round` to decimals, `div` with a rounding mode. Each runs its plain computation and
//! records its own node, named as PyTorch names it, with PyTorch's gradient (which at
//! the bounds of a clamp is not what the composition would give).

use super::binary::{mul, scale, select, sub};
use super::record1;
use super::shape::reduce_to;
use super::unary::unary;
use crate::autograd::needs_grad;
use crate::tensor::ops::{self, BinaryOp, Operand, UnaryOp};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorError, TensorResult};

/// The operations of this module, for their node names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointwise {
    Clamp,
    ClampMin,
    ClampMax,
    Lerp,
    Addcmul,
    Addcdiv,
    NanToNum,
    RoundDecimals,
    DivRounded,
}

/// PyTorch's node name; `tensor_operand` says whether the overload with a tensor (not
/// a number) bound or weight was taken: `clamp(x, -1, 1)` is `ClampBackward1`,
/// `clamp(x, lo, hi)` with tensors `ClampBackward0`, `clamp_min(x, 0.)`
/// `ClampMinBackward0`, `lerp(a, b, 0.5)` `LerpBackward0`, with a tensor weight
/// `LerpBackward1`.
fn node_name(op: Pointwise, tensor_operand: bool) -> &'static str {
    match (op, tensor_operand) {
        (Pointwise::Clamp, true) => "ClampBackward0",
        (Pointwise::Clamp, false) => "ClampBackward1",
        (Pointwise::ClampMin, true) => "ClampMinBackward1",
        (Pointwise::ClampMin, false) => "ClampMinBackward0",
        (Pointwise::ClampMax, true) => "ClampMaxBackward1",
        (Pointwise::ClampMax, false) => "ClampMaxBackward0",
        (Pointwise::Lerp, true) => "LerpBackward1",
        (Pointwise::Lerp, false) => "LerpBackward0",
        (Pointwise::Addcmul, _) => "AddcmulBackward0",
        (Pointwise::Addcdiv, _) => "AddcdivBackward0",
        (Pointwise::NanToNum, _) => "NanToNumBackward0",
        (Pointwise::RoundDecimals, _) => "RoundBackward1",
        (Pointwise::DivRounded, _) => "DivBackward2",
    }
}

fn tensor_of(x: &Operand) -> Option<&Tensor> {
    match x {
        Operand::Tensor(t) => Some(t),
        Operand::Scalar(_) => None,
    }
}

fn t(x: &Tensor) -> Operand {
    Operand::Tensor(x.clone())
}

const ZERO: Operand = Operand::Scalar(Scalar::Float(0.0));

/// A comparison or logical combination, with no graph (masks are constants).
fn test(op: BinaryOp, a: &Operand, b: &Operand) -> TensorResult<Operand> {
    ops::binary(op, a, b).map(Operand::Tensor)
}

fn mask(x: &Operand) -> &Tensor {
    tensor_of(x).expect("a comparison gives a tensor")
}

fn not(x: &Operand) -> TensorResult<Operand> {
    ops::unary(UnaryOp::LogicalNot, mask(x)).map(Operand::Tensor)
}

fn and(a: &Operand, b: &Operand) -> TensorResult<Operand> {
    test(BinaryOp::LogicalAnd, a, b)
}

fn or(a: &Operand, b: &Operand) -> TensorResult<Operand> {
    test(BinaryOp::LogicalOr, a, b)
}

/// `g` where `full`, half of it where `half`, else zero.
fn share(g: &Tensor, full: &Operand, half: &Operand) -> TensorResult<Tensor> {
    let halved = select(mask(half), &t(&scale(g, 0.5)?), &ZERO)?;
    select(mask(full), &t(g), &t(&halved))
}

/// `clamp(x, min, max)`, either bound absent, each a number or a tensor; `op` says
/// which of `clamp`, `clamp_min`, `clamp_max` was called, for the node's name.
pub fn clamp(
    op: Pointwise,
    x: &Tensor,
    min: Option<&Operand>,
    max: Option<&Operand>,
) -> TensorResult<Tensor> {
    let mut out = Operand::Tensor(x.clone());
    if let Some(min) = min {
        out = Operand::Tensor(ops::binary(BinaryOp::Maximum, &out, min)?);
    }
    if let Some(max) = max {
        out = Operand::Tensor(ops::binary(BinaryOp::Minimum, &out, max)?);
    }
    let Operand::Tensor(out) = out else { unreachable!("clamp starts from a tensor") };
    let bounds: Vec<&Tensor> = [min, max].into_iter().flatten().filter_map(tensor_of).collect();
    let mut inputs = vec![x];
    inputs.extend(bounds.iter().copied());
    if !needs_grad(&inputs) || !out.dtype().is_float() {
        return Ok(out);
    }
    let tensor_bounds = !bounds.is_empty();
    let name = node_name(op, tensor_bounds);
    let (x_saved, min, max) = (x.clone(), min.cloned(), max.cloned());
    record1(name, &inputs, &inputs, &out, move |g| {
        let x = t(&x_saved);
        let lt = |a: &Operand, b: &Operand| test(BinaryOp::Lt, a, b);
        let gt = |a: &Operand, b: &Operand| test(BinaryOp::Gt, a, b);
        let eq = |a: &Operand, b: &Operand| test(BinaryOp::Eq, a, b);
        let le = |a: &Operand, b: &Operand| test(BinaryOp::Le, a, b);
        // Number bounds: the gradient passes strictly inside them only (at a bound
        // it is zero), and not at NaN.
        if !tensor_bounds {
            let inside = match (&min, &max) {
                (Some(lo), Some(hi)) => and(&gt(&x, lo)?, &lt(&x, hi)?)?,
                (Some(lo), None) => gt(&x, lo)?,
                (None, Some(hi)) => lt(&x, hi)?,
                (None, None) => unreachable!("the builtin refuses a clamp with no bound"),
            };
            return Ok(vec![Some(reduce_to(&select(mask(&inside), &t(g), &ZERO)?, &x_saved)?)]);
        }
        // Tensor bounds: the input's gradient where it is not below `min` nor above
        // `max`, a bound's where it is the result; a tie between the input and a bound
        // splits it in half. Where `min > max` the result is `max`, which takes it.
        let (to_x, to_min, to_max) = match (&min, &max) {
            (Some(lo), Some(hi)) => {
                let ordered = lt(lo, hi)?;
                let tie = and(&or(&eq(&x, lo)?, &eq(&x, hi)?)?, &ordered)?;
                let passes = and(&not(&lt(&x, lo)?)?, &not(&gt(&x, hi)?)?)?;
                let to_x = share(g, &and(&passes, &not(&tie)?)?, &and(&passes, &tie)?)?;
                let below = and(&lt(&x, lo)?, &le(lo, hi)?)?;
                let to_min = share(g, &below, &and(&eq(&x, lo)?, &ordered)?)?;
                let above = or(&and(&gt(&x, hi)?, &le(lo, hi)?)?, &gt(lo, hi)?)?;
                let to_max = share(g, &above, &and(&eq(&x, hi)?, &ordered)?)?;
                (to_x, Some(to_min), Some(to_max))
            }
            (Some(b), None) | (None, Some(b)) => {
                let tie = eq(&x, b)?;
                let (x_passes, b_passes) = if min.is_some() {
                    (not(&lt(&x, b)?)?, not(&gt(&x, b)?)?)
                } else {
                    (not(&gt(&x, b)?)?, not(&lt(&x, b)?)?)
                };
                let to_x = share(g, &and(&x_passes, &not(&tie)?)?, &tie)?;
                let to_b = share(g, &and(&b_passes, &not(&tie)?)?, &tie)?;
                if min.is_some() {
                    (to_x, Some(to_b), None)
                } else {
                    (to_x, None, Some(to_b))
                }
            }
            (None, None) => unreachable!("the builtin refuses a clamp with no bound"),
        };
        let mut grads = vec![Some(reduce_to(&to_x, &x_saved)?)];
        for (bound, grad) in [(&min, to_min), (&max, to_max)] {
            if let (Some(Operand::Tensor(b)), Some(grad)) = (bound, grad) {
                grads.push(Some(reduce_to(&grad, b)?));
            }
        }
        Ok(grads)
    });
    Ok(out)
}

/// `lerp(start, end, weight)`; the gradients are `g (1 - weight)`, `g weight` and
/// `g (end - start)`.
pub fn lerp(start: &Tensor, end: &Tensor, weight: &Operand) -> TensorResult<Tensor> {
    let out = ops::binary::lerp(start, end, weight)?;
    let mut inputs = vec![start, end];
    inputs.extend(tensor_of(weight));
    if !needs_grad(&inputs) {
        return Ok(out);
    }
    let name = node_name(Pointwise::Lerp, tensor_of(weight).is_some());
    // Only what the formulas read is saved: the weight, and for the weight's gradient
    // the two ends.
    let weight_grad = tensor_of(weight).is_some_and(Tensor::requires_grad);
    let mut saved: Vec<&Tensor> = tensor_of(weight).into_iter().collect();
    if weight_grad {
        saved.extend([start, end]);
    }
    let (s, e, w) = (start.clone(), end.clone(), weight.clone());
    record1(name, &inputs, &saved, &out, move |g| {
        let gop = t(g);
        // A number weight stays a number (in float64), as PyTorch's `1 - weight`.
        let one_minus = match &w {
            Operand::Scalar(s) => Operand::Scalar(Scalar::Float(1.0 - s.to_f64())),
            weight => t(&super::binary::binary(BinaryOp::Sub, &Operand::Scalar(Scalar::Int(1)), weight)?),
        };
        let to_start = super::binary::binary(BinaryOp::Mul, &gop, &one_minus)?;
        let to_end = super::binary::binary(BinaryOp::Mul, &gop, &w)?;
        let mut grads = vec![Some(reduce_to(&to_start, &s)?), Some(reduce_to(&to_end, &e)?)];
        if let Operand::Tensor(wt) = &w {
            let to_weight =
                if wt.requires_grad() { Some(reduce_to(&mul(g, &sub(&e, &s)?)?, wt)?) } else { None };
            grads.push(to_weight);
        }
        Ok(grads)
    });
    Ok(out)
}

/// `addcmul(input, tensor1, tensor2, value)`: `input + value * tensor1 * tensor2`
/// (`divide`: `/ tensor2`), computed in the operands' common dtype with `value` cast
/// to it, in ATen's order (a float `addcmul` adds with one fused multiply-add).
pub fn addc(divide: bool, input: &Tensor, t1: &Tensor, t2: &Tensor, value: Scalar) -> TensorResult<Tensor> {
    let operands = [t(input), t(t1), t(t2)];
    let dtype = ops::binary::result_type(&operands.iter().collect::<Vec<_>>());
    if divide && !t1.dtype().is_float() && !t2.dtype().is_float() {
        return Err(TensorError::runtime(
            "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.",
        ));
    }
    if dtype == crate::storage::dtype::DType::Bool {
        return Err(TensorError::no_kernel(
            if divide { "addcdiv_cpu_out" } else { "addcmul_cpu_out" },
            dtype,
        ));
    }
    let op = if divide { BinaryOp::Div } else { BinaryOp::Mul };
    let v = Operand::Tensor(Tensor::scalar(value, dtype));
    let cast = |x: &Tensor| Operand::Tensor(x.to_dtype(dtype));
    let out = if !divide && dtype.is_float() {
        let cast = |x: &Tensor| x.to_dtype(dtype);
        ops::binary::addcmul_float(&cast(input), &cast(t1), &cast(t2), value.to_f64())?
    } else {
        let scaled = ops::binary(BinaryOp::Mul, &v, &cast(t1))?;
        let combined = ops::binary(op, &t(&scaled), &cast(t2))?;
        ops::binary(BinaryOp::Add, &cast(input), &t(&combined))?
    };
    let inputs = [input, t1, t2];
    if !needs_grad(&inputs) || !out.dtype().is_float() {
        return Ok(out);
    }
    let name = node_name(if divide { Pointwise::Addcdiv } else { Pointwise::Addcmul }, true);
    let saved: Vec<&Tensor> = match divide {
        false => [(t2, t1.requires_grad()), (t1, t2.requires_grad())]
            .into_iter()
            .filter(|p| p.1)
            .map(|p| p.0)
            .collect(),
        true => {
            if t2.requires_grad() {
                vec![t1, t2]
            } else {
                vec![t2]
            }
        }
    };
    let (x, a, b) = (input.clone(), t1.clone(), t2.clone());
    let value = Operand::Scalar(value);
    record1(name, &inputs, &saved, &out, move |g| {
        let bin = |op, p: &Operand, q: &Operand| super::binary::binary(op, p, q);
        let gop = t(g);
        let to_input = Some(reduce_to(g, &x)?);
        let (to_a, to_b) = if divide {
            // g * (value / t2), and -g * (value * t1 / (t2 * t2))
            let to_a =
                a.requires_grad().then(|| bin(BinaryOp::Mul, &gop, &t(&bin(BinaryOp::Div, &value, &t(&b))?)));
            let to_b = b.requires_grad().then(|| {
                let ratio = bin(BinaryOp::Div, &t(&bin(BinaryOp::Mul, &value, &t(&a))?), &t(&mul(&b, &b)?))?;
                mul(&unary(UnaryOp::Neg, g)?, &ratio)
            });
            (to_a, to_b)
        } else {
            // g * (t2 * value), g * (t1 * value)
            let to_a =
                a.requires_grad().then(|| bin(BinaryOp::Mul, &gop, &t(&bin(BinaryOp::Mul, &t(&b), &value)?)));
            let to_b =
                b.requires_grad().then(|| bin(BinaryOp::Mul, &gop, &t(&bin(BinaryOp::Mul, &t(&a), &value)?)));
            (to_a, to_b)
        };
        let to_a = to_a.transpose()?.map(|ga| reduce_to(&ga, &a)).transpose()?;
        let to_b = to_b.transpose()?.map(|gb| reduce_to(&gb, &b)).transpose()?;
        Ok(vec![to_input, to_a, to_b])
    });
    Ok(out)
}

/// `nan_to_num(x, nan, posinf, neginf)` with the replacements given (in the tensor's
/// dtype); the gradient passes where `x` is finite.
pub fn nan_to_num(x: &Tensor, nan: f64, posinf: f64, neginf: f64) -> TensorResult<Tensor> {
    // An integer tensor holds no NaN or infinity; through f64 it would lose bits.
    if !x.dtype().is_float() {
        return Ok(x.copy());
    }
    let values: Vec<f64> = x
        .to_f64_vec()
        .into_iter()
        .map(|v| match v {
            _ if v.is_nan() => nan,
            f64::INFINITY => posinf,
            f64::NEG_INFINITY => neginf,
            _ => v,
        })
        .collect();
    let out = Tensor::from_vec(values, x.shape()).to_dtype(x.dtype());
    if !needs_grad(&[x]) {
        return Ok(out);
    }
    let input = x.clone();
    record1(node_name(Pointwise::NanToNum, false), &[x], &[x], &out, move |g| {
        let finite = ops::unary(UnaryOp::IsFinite, &input)?;
        Ok(vec![Some(mul(g, &finite)?)])
    });
    Ok(out)
}

/// `round(x)` (`decimals` `None`: `RoundBackward0`) or `round(x, decimals=d)`
/// (`RoundBackward1`); the gradient is zero.
pub fn round(x: &Tensor, decimals: Option<i64>) -> TensorResult<Tensor> {
    let Some(decimals) = decimals else { return unary(UnaryOp::Round, x) };
    let out = ops::unary::round(x, decimals)?;
    if !needs_grad(&[x]) || !out.dtype().is_float() {
        return Ok(out);
    }
    record1(node_name(Pointwise::RoundDecimals, false), &[x], &[], &out, move |g| {
        Ok(vec![Some(Tensor::zeros(g.shape(), g.dtype()))])
    });
    Ok(out)
}

/// `div(a, b, rounding_mode='floor')` (`floor`) or `'trunc'`: the quotient rounded
/// down or toward zero, in the operands' dtype (integers stay integers); its gradient
/// is zero.
pub fn div_rounded(a: &Operand, b: &Operand, floor: bool) -> TensorResult<Tensor> {
    let out = if floor {
        ops::binary(BinaryOp::FloorDiv, a, b)?
    } else {
        let dtype = ops::binary::result_type(&[a, b]);
        if dtype == crate::storage::dtype::DType::Bool {
            return Err(TensorError::no_kernel("div_trunc_cpu", dtype));
        }
        if dtype.is_float() {
            ops::unary(UnaryOp::Trunc, &ops::binary(BinaryOp::Div, a, b)?)?
        } else {
            // The floor, one up where the exact quotient is negative and not whole.
            let q = ops::binary(BinaryOp::FloorDiv, a, b)?;
            let r = ops::binary(BinaryOp::Remainder, a, b)?;
            let inexact = test(BinaryOp::Ne, &t(&r), &Operand::Scalar(Scalar::Int(0)))?;
            let negative = test(BinaryOp::Lt, &t(&q), &Operand::Scalar(Scalar::Int(0)))?;
            ops::binary(BinaryOp::Add, &t(&q), &and(&inexact, &negative)?)?
        }
    };
    let inputs: Vec<&Tensor> = [tensor_of(a), tensor_of(b)].into_iter().flatten().collect();
    if !needs_grad(&inputs) || !out.dtype().is_float() {
        return Ok(out);
    }
    let shapes: Vec<Tensor> = inputs.iter().map(|x| (*x).clone()).collect();
    record1(node_name(Pointwise::DivRounded, true), &inputs, &[], &out, move |g| {
        shapes.iter().map(|x| Ok(Some(reduce_to(&scale(g, 0.0)?, x)?))).collect()
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(values: Vec<f64>) -> Tensor {
        let t = Tensor::from_vec(values, &[2]);
        t.set_requires_grad(true).expect("a float leaf");
        t
    }

    #[test]
    fn round_to_decimals_is_its_own_node_with_a_zero_gradient() {
        let x = leaf(vec![1.25, 2.75]);
        let y = round(&x, Some(1)).unwrap();
        assert_eq!(y.to_f64_vec(), vec![1.2, 2.8]);
        assert_eq!(y.grad_fn().unwrap().name, "RoundBackward1");
        assert_eq!(round(&x, None).unwrap().grad_fn().unwrap().name, "RoundBackward0");
        let g = Tensor::from_vec(vec![1.0f64, 1.0], &[2]);
        let grads = y.grad_fn().unwrap().apply_native(&[Some(g)]).ok().unwrap();
        assert_eq!(grads[0].as_ref().unwrap().to_f64_vec(), vec![0.0, 0.0]);
    }
}
