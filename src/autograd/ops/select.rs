//! Operations that pick elements of their input, possibly repeating some: slicing,
//! indexing, `gather`, `take`, `index_select`, `flip`, `roll`, `repeat`, `diagonal`,
//! `as_strided`, the pieces of `chunk`/`split`/`unbind`. Each is `out = x.flatten()
//! [positions]`, so one backward serves them all: the gradient is scattered back,
//! summing over repeats. The positions come from running the same operation on the
//! element numbers of `x`, only when backward needs them. Numbers start at 1, so a 0 in
//! the picked positions is an element the operation filled in (`tril`, `diag`) and
//! takes no gradient.

use super::record1;
use crate::autograd::needs_grad;
use crate::tensor::{Tensor, TensorResult};
use std::rc::Rc;

/// Maps a tensor of element numbers (int64, shaped as the input) to the positions the
/// operation picks, by running the operation on it.
pub type Pick = Rc<dyn Fn(&Tensor) -> TensorResult<Tensor>>;

/// Element numbers `1..=n` in `shape` (int64).
pub(crate) fn element_numbers(shape: &[usize]) -> Tensor {
    let n: usize = shape.iter().product();
    Tensor::from_vec((1..=n as i64).collect::<Vec<i64>>(), shape)
}

/// Records that `out` picks elements of `x` as `pick` says.
pub fn picked(name: &'static str, x: &Tensor, out: Tensor, pick: Pick) -> TensorResult<Tensor> {
    if !needs_grad(&[x]) || !out.dtype().is_float() {
        return Ok(out);
    }
    let shape = x.shape().to_vec();
    record1(name, &[x], &[], &out, move |g| {
        let positions = pick(&element_numbers(&shape))?.contiguous();
        Ok(vec![Some(scatter_add(g, &positions, &shape)?)])
    });
    Ok(out)
}

/// `zeros(shape)` with each element of `g` added at its (1-based) position; the
/// backward of a pick, differentiable as `gather_at`.
pub fn scatter_add(g: &Tensor, positions: &Tensor, shape: &[usize]) -> TensorResult<Tensor> {
    let at = positions.to_i64_vec();
    let mut sums = vec![0.0; shape.iter().product()];
    for (&p, x) in at.iter().zip(g.to_f64_vec()) {
        if p > 0 {
            sums[p as usize - 1] += x;
        }
    }
    let out = Tensor::from_vec(sums, shape).to_dtype(g.dtype());
    if needs_grad(&[g]) {
        let positions = positions.clone();
        record1("ScatterAddBackward0", &[g], &[], &out, move |gg| Ok(vec![Some(gather_at(gg, &positions)?)]));
    }
    Ok(out)
}

/// The elements of `x` at the 1-based `positions` (in their shape; zero at 0).
pub fn gather_at(x: &Tensor, positions: &Tensor) -> TensorResult<Tensor> {
    let values = x.to_f64_vec();
    let picked: Vec<f64> =
        positions.to_i64_vec().iter().map(|&p| if p > 0 { values[p as usize - 1] } else { 0.0 }).collect();
    let out = Tensor::from_vec(picked, positions.shape()).to_dtype(x.dtype());
    if needs_grad(&[x]) {
        let (positions, shape) = (positions.clone(), x.shape().to_vec());
        record1("TakeBackward0", &[x], &[], &out, move |g| {
            Ok(vec![Some(scatter_add(g, &positions, &shape)?)])
        });
    }
    Ok(out)
}

/// A picking operation made differentiable: `op` runs on `x` and, for backward, on
/// `x`'s element numbers.
pub fn pick_with(
    name: &'static str,
    x: &Tensor,
    op: impl Fn(&Tensor) -> TensorResult<Tensor> + 'static,
) -> TensorResult<Tensor> {
    let out = op(x)?;
    picked(name, x, out, Rc::new(op))
}
