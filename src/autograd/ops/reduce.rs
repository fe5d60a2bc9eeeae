//! Reductions and operations along a dimension, with their gradients: a reduced
//! gradient is broadcast back over the reduced dimensions; selections (`max` along a
//! dim, `sort`, `median`, ...) send it to the elements they picked.

use super::binary::{div, mul, scale, select, sub, with_scalar};
use super::select::picked;
use super::shape::{dims_i64, expand, reshape, to_dtype};
use super::unary::unary;
use super::{record1, record1_saving_output};
use crate::autograd::{is_grad_enabled, needs_grad};
use crate::tensor::ops::reduce as plain;
use crate::tensor::ops::{self, gather, sort, BinaryOp, Operand, UnaryOp};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use std::rc::Rc;

pub use plain::{arg_extreme_flat, no_bool_arg_extreme, Dims, Reduction};

/// `t`'s shape with the reduced dimensions kept as 1.
fn kept_shape(shape: &[usize], dims: &Dims) -> Vec<i64> {
    (0..shape.len()).map(|d| if dims.reduced.contains(&d) { 1 } else { shape[d] as i64 }).collect()
}

/// A reduced tensor (or gradient) broadcast back to the input's `shape`.
fn expand_back(g: &Tensor, shape: &[usize], dims: &Dims) -> TensorResult<Tensor> {
    let kept = reshape(g, &kept_shape(shape, dims))?;
    expand(&kept, &dims_i64(shape))
}

/// `sum` over `dims` (keeping them with `keepdim`).
pub fn sum_dims(t: &Tensor, dims: &[i64], keepdim: bool) -> TensorResult<Tensor> {
    reduce(Reduction::Sum, t, &Dims::resolve(t, Some(dims), keepdim)?, None)
}

fn node_name(op: Reduction, all: bool) -> Option<&'static str> {
    Some(match (op, all) {
        (Reduction::Sum, true) => "SumBackward0",
        (Reduction::Sum, false) => "SumBackward1",
        (Reduction::Mean, true) => "MeanBackward0",
        (Reduction::Mean, false) => "MeanBackward1",
        (Reduction::Prod, true) => "ProdBackward0",
        (Reduction::Prod, false) => "ProdBackward1",
        (Reduction::Amax, _) => "AmaxBackward0",
        (Reduction::Amin, _) => "AminBackward0",
        (Reduction::LogSumExp, _) => "LogsumexpBackward0",
        // Bool and integer results: nothing to differentiate.
        (Reduction::All | Reduction::Any | Reduction::CountNonzero, _) => return None,
    })
}

/// A reduction of `t` over `dims`.
pub fn reduce(
    op: Reduction,
    t: &Tensor,
    dims: &Dims,
    dtype: Option<crate::storage::dtype::DType>,
) -> TensorResult<Tensor> {
    reduce_as(op, t, dims, dtype, None)
}

/// `reduce`, its node named `name` where PyTorch's function differs from the
/// reduction it computes (`x.max()` is `MaxBackward1`, not `AmaxBackward0`).
pub fn reduce_as(
    op: Reduction,
    t: &Tensor,
    dims: &Dims,
    dtype: Option<crate::storage::dtype::DType>,
    name: Option<&'static str>,
) -> TensorResult<Tensor> {
    let out = plain::reduce(op, t, dims, dtype)?;
    let all = dims.reduced.len() == t.ndim() && !dims.keepdim;
    let Some(name) = node_name(op, all).map(|default| name.unwrap_or(default)) else { return Ok(out) };
    if !needs_grad(&[t]) || !out.dtype().is_float() {
        return Ok(out);
    }
    let (x, dims, result) = (t.clone(), dims.clone(), out.detach());
    let saved: Vec<&Tensor> = if matches!(op, Reduction::Sum | Reduction::Mean) { vec![] } else { vec![t] };
    let shape = t.shape().to_vec();
    record1(name, &[t], &saved, &out, move |g| {
        let y = if is_grad_enabled() { reduce(op, &x, &dims, dtype)? } else { result.clone() };
        let gx = match op {
            Reduction::Sum => expand_back(g, &shape, &dims)?,
            Reduction::Mean => {
                let count: usize = dims.reduced.iter().map(|&d| shape[d]).product();
                scale(&expand_back(g, &shape, &dims)?, 1.0 / count as f64)?
            }
            Reduction::Prod => prod_gradient(g, &x, &y, &dims)?,
            Reduction::Amax | Reduction::Amin => evenly_to_extremes(g, &x, &y, &dims)?,
            _ => {
                // logsumexp: g · exp(x - y)
                let weights = unary(UnaryOp::Exp, &sub(&x, &expand_back(&y, &shape, &dims)?)?)?;
                mul(&expand_back(g, &shape, &dims)?, &weights)?
            }
        };
        Ok(vec![Some(to_dtype(&gx, x.dtype())?)])
    });
    Ok(out)
}

/// The gradient of a max/min (without indices): shared evenly by the elements equal
/// to it, as PyTorch's `evenly_distribute_backward`.
fn evenly_to_extremes(g: &Tensor, x: &Tensor, y: &Tensor, dims: &Dims) -> TensorResult<Tensor> {
    let shape = x.shape();
    let hit = ops::binary(
        BinaryOp::Eq,
        &Operand::Tensor(x.clone()),
        &Operand::Tensor(expand_back(y, shape, dims)?),
    )?;
    let hit = hit.to_dtype(g.dtype());
    let count = plain::reduce(Reduction::Sum, &hit, dims, None)?;
    let share = div(g, &count)?;
    mul(&expand_back(&share, shape, dims)?, &hit)
}

/// d prod / dx_i: the product of the others. Where the group has no zero that is
/// prod / x_i; with one zero only that element gets the product of the rest; with two
/// or more, nothing.
fn prod_gradient(g: &Tensor, x: &Tensor, y: &Tensor, dims: &Dims) -> TensorResult<Tensor> {
    let shape = x.shape();
    let t = |v: &Tensor| Operand::Tensor(v.clone());
    let zero = ops::binary(BinaryOp::Eq, &t(x), &Operand::Scalar(Scalar::Int(0)))?;
    let zeros_in_group = plain::reduce(Reduction::Sum, &zero, dims, None)?;
    let zeros_in_group = expand_back(&zeros_in_group, shape, dims)?;
    let no_zero = ops::binary(BinaryOp::Eq, &t(&zeros_in_group), &Operand::Scalar(Scalar::Int(0)))?;
    let one_zero = ops::binary(BinaryOp::Eq, &t(&zeros_in_group), &Operand::Scalar(Scalar::Int(1)))?;
    let the_zero = ops::binary(BinaryOp::LogicalAnd, &t(&one_zero), &t(&zero))?;
    let safe_x = select(&zero, &Operand::Scalar(Scalar::Float(1.0)), &t(x))?;
    let others = expand_back(&reduce(Reduction::Prod, &safe_x, dims, None)?, shape, dims)?;
    let by_division = div(&expand_back(y, shape, dims)?, &safe_x)?;
    let zero_f = Operand::Scalar(Scalar::Float(0.0));
    let d = select(&no_zero, &t(&by_division), &t(&select(&the_zero, &t(&others), &zero_f)?))?;
    mul(&expand_back(g, shape, dims)?, &d)
}

/// `var` (`sqrt=false`) and `std` over `dims`.
pub fn variance(t: &Tensor, dims: &Dims, correction: f64, sqrt: bool) -> TensorResult<Tensor> {
    let out = plain::variance(t, dims, correction, sqrt)?;
    if !needs_grad(&[t]) {
        return Ok(out);
    }
    let (x, dims, result) = (t.clone(), dims.clone(), out.detach());
    let name = if sqrt { "StdBackward0" } else { "VarBackward0" };
    record1(name, &[t], &[t], &out, move |g| {
        // d var / dx = 2 (x - mean) / (n - correction); d std = that / (2 std).
        let shape = x.shape();
        let n: usize = dims.reduced.iter().map(|&d| shape[d]).product();
        let mean = reduce(Reduction::Mean, &x, &Dims { reduced: dims.reduced.clone(), keepdim: true }, None)?;
        let centred = sub(&x, &mean)?;
        let mut gx = mul(&expand_back(g, shape, &dims)?, &scale(&centred, 2.0 / (n as f64 - correction))?)?;
        if sqrt {
            let y = if is_grad_enabled() { variance(&x, &dims, correction, true)? } else { result.clone() };
            gx = div(&gx, &scale(&expand_back(&y, shape, &dims)?, 2.0)?)?;
        }
        Ok(vec![Some(gx)])
    });
    Ok(out)
}

/// The `p`-norm over `dims`.
pub fn norm(t: &Tensor, p: f64, dims: &Dims) -> TensorResult<Tensor> {
    let out = plain::norm(t, p, dims)?;
    if !needs_grad(&[t]) {
        return Ok(out);
    }
    let (x, dims, result) = (t.clone(), dims.clone(), out.detach());
    record1("LinalgVectorNormBackward0", &[t], &[t], &out, move |g| {
        let shape = x.shape();
        let y = if is_grad_enabled() { norm(&x, p, &dims)? } else { result.clone() };
        let t = |v: &Tensor| Operand::Tensor(v.clone());
        let gx = if p.is_infinite() {
            // The largest (smallest) magnitudes share the gradient, with their signs.
            let magnitude = unary(UnaryOp::Abs, &x)?;
            let shared = evenly_to_extremes(g, &magnitude, &y, &dims)?;
            mul(&shared, &unary(UnaryOp::Sign, &x)?)?
        } else if p == 0.0 {
            scale(&x, 0.0)?
        } else {
            // g · sign(x) |x|^(p-1) / y^(p-1), zero where y is 0.
            let magnitude = unary(UnaryOp::Abs, &x)?;
            let numerator =
                mul(&unary(UnaryOp::Sign, &x)?, &with_scalar(BinaryOp::Pow, &magnitude, p - 1.0)?)?;
            let y_full = expand_back(&y, shape, &dims)?;
            let denominator = with_scalar(BinaryOp::Pow, &y_full, p - 1.0)?;
            let zero = ops::binary(BinaryOp::Eq, &t(&y_full), &Operand::Scalar(Scalar::Int(0)))?;
            let ratio =
                select(&zero, &Operand::Scalar(Scalar::Float(0.0)), &t(&div(&numerator, &denominator)?))?;
            mul(&expand_back(g, shape, &dims)?, &ratio)?
        };
        Ok(vec![Some(gx)])
    });
    Ok(out)
}

/// `softmax` / `log_softmax` along `dim`.
pub fn softmax(t: &Tensor, dim: i64, log: bool) -> TensorResult<Tensor> {
    let out = plain::softmax(t, dim, log)?;
    if !needs_grad(&[t]) {
        return Ok(out);
    }
    let (x, result) = (t.clone(), out.detach());
    let name = if log { "LogSoftmaxBackward0" } else { "SoftmaxBackward0" };
    record1_saving_output(name, &[t], &out, move |g| {
        let y = if is_grad_enabled() { softmax(&x, dim, log)? } else { result.clone() };
        let total = |v: &Tensor| sum_dims(v, &[dim], true);
        let gx = if log {
            // g - exp(y) Σg
            sub(g, &mul(&unary(UnaryOp::Exp, &y)?, &total(g)?)?)?
        } else {
            // y (g - Σ g y)
            mul(&y, &sub(g, &total(&mul(g, &y)?)?)?)?
        };
        Ok(vec![Some(gx)])
    });
    Ok(out)
}

/// `cumsum` (`product=false`) and `cumprod` along `dim`.
pub fn cumulative(t: &Tensor, dim: i64, product: bool) -> TensorResult<Tensor> {
    let out = plain::cumulative(t, dim, product)?;
    if !needs_grad(&[t]) || !out.dtype().is_float() {
        return Ok(out);
    }
    let x = t.clone();
    let name = if product { "CumprodBackward0" } else { "CumsumBackward0" };
    record1(name, &[t], &[t], &out, move |g| {
        let reverse_cumsum = |v: &Tensor| -> TensorResult<Tensor> {
            let flipped = super::shape::flip(v, &[dim])?;
            super::shape::flip(&cumulative(&flipped, dim, false)?, &[dim])
        };
        if !product {
            return Ok(vec![Some(reverse_cumsum(g)?)]);
        }
        // d out_j / d x_i = Π_{k ≤ j, k ≠ i} x_k: Σ_{j ≥ i} g_j out_j / x_i where x has
        // no zero; exact products of the others otherwise.
        Ok(vec![Some(cumprod_gradient(g, &x, dim)?)])
    });
    Ok(out)
}

/// The gradient of `cumprod` computed exactly (zeros included), O(n²) per slice; a
/// constant to autograd, so cumprod is differentiable once.
fn cumprod_gradient(g: &Tensor, x: &Tensor, dim: i64) -> TensorResult<Tensor> {
    let d = crate::tensor::ops::shape::wrap_dim(dim, x.ndim())?;
    let moved = |t: &Tensor| -> TensorResult<Vec<f64>> {
        if t.ndim() == 0 {
            return Ok(t.to_f64_vec());
        }
        Ok(crate::tensor::ops::axes::movedim(t, &[d as i64], &[-1])?.to_f64_vec())
    };
    let (xs, gs) = (moved(x)?, moved(g)?);
    let n = if x.ndim() == 0 { 1 } else { x.shape()[d] };
    let mut out = vec![0.0; xs.len()];
    for ((xr, gr), or) in xs.chunks(n.max(1)).zip(gs.chunks(n.max(1))).zip(out.chunks_mut(n.max(1))) {
        for (i, slot) in or.iter_mut().enumerate() {
            let mut others: f64 = xr[..i].iter().product();
            let mut total = 0.0;
            for j in i..n {
                if j > i {
                    others *= xr[j];
                }
                total += gr[j] * others;
            }
            *slot = total;
        }
    }
    let mut shape = x.shape().to_vec();
    if x.ndim() > 0 {
        let size = shape.remove(d);
        shape.push(size);
    }
    let result = Tensor::from_vec(out, &shape).to_dtype(x.dtype());
    if x.ndim() == 0 {
        return Ok(result);
    }
    crate::tensor::ops::axes::movedim(&result, &[-1], &[d as i64]).map(|t| t.contiguous())
}

/// `values` picked from `t` along `dim` at `indices` (as `max(dim)`, `sort`, `topk`,
/// `median(dim)`, `mode` return them): the gradient goes back to those elements.
fn values_at(
    name: &'static str,
    t: &Tensor,
    dim: i64,
    keepdim: bool,
    values: Tensor,
    indices: &Tensor,
) -> TensorResult<Tensor> {
    if t.ndim() == 0 {
        return picked(name, t, values, Rc::new(|numbers: &Tensor| Ok(numbers.clone())));
    }
    let index = if keepdim || indices.ndim() == t.ndim() {
        indices.clone()
    } else {
        crate::tensor::ops::shape::unsqueeze(indices, dim)?
    };
    let squeeze = !keepdim && indices.ndim() != t.ndim();
    picked(
        name,
        t,
        values,
        Rc::new(move |numbers: &Tensor| {
            let picked = gather::gather(numbers, dim, &index)?;
            if squeeze {
                crate::tensor::ops::shape::squeeze(&picked, Some(&[dim]))
            } else {
                Ok(picked)
            }
        }),
    )
}

/// `max(dim)` / `min(dim)`: values and indices.
pub fn extreme_along(t: &Tensor, dim: usize, keepdim: bool, max: bool) -> TensorResult<(Tensor, Tensor)> {
    let (values, indices) = plain::extreme_along(t, dim, keepdim, max)?;
    let name = if max { "MaxBackward0" } else { "MinBackward0" };
    Ok((values_at(name, t, dim as i64, keepdim, values, &indices)?, indices))
}

pub fn sort(t: &Tensor, dim: i64, descending: bool) -> TensorResult<(Tensor, Tensor)> {
    let (values, indices) = sort::sort(t, dim, descending)?;
    Ok((values_at("SortBackward0", t, dim, true, values, &indices)?, indices))
}

pub fn topk(t: &Tensor, k: usize, dim: i64, largest: bool) -> TensorResult<(Tensor, Tensor)> {
    let (values, indices) = sort::topk(t, k, dim, largest)?;
    Ok((values_at("TopkBackward0", t, dim, true, values, &indices)?, indices))
}

pub fn median_along(t: &Tensor, dim: i64, keepdim: bool) -> TensorResult<(Tensor, Tensor)> {
    let (values, indices) = sort::median_along(t, dim, keepdim)?;
    Ok((values_at("MedianBackward1", t, dim, keepdim, values, &indices)?, indices))
}

pub fn mode(t: &Tensor, dim: i64, keepdim: bool) -> TensorResult<(Tensor, Tensor)> {
    let (values, indices) = sort::mode(t, dim, keepdim)?;
    Ok((values_at("ModeBackward0", t, dim, keepdim, values, &indices)?, indices))
}

/// The median of all elements: its gradient is shared by the elements equal to it.
pub fn median(t: &Tensor) -> TensorResult<Tensor> {
    let out = sort::median(t)?;
    if !needs_grad(&[t]) || !out.dtype().is_float() {
        return Ok(out);
    }
    let (x, result) = (t.clone(), out.detach());
    record1("MedianBackward0", &[t], &[t], &out, move |g| {
        let dims = Dims::resolve(&x, None, false)?;
        Ok(vec![Some(evenly_to_extremes(g, &x, &result, &dims)?)])
    });
    Ok(out)
}
