//! Running a plan: `rearrange` is reshape + permute + reshape (views where the layout
//! allows, as `reshape` decides), `reduce` reduces the trailing axes after the permute,
//! `repeat` inserts new axes as broadcast views (unsqueeze + expand) that only the final
//! reshape copies.

use super::recipe::cached_plan;
use super::{dims_i64, Applied, Failure};
use crate::autograd::ops::reduce::reduce as reduce_dims;
use crate::autograd::ops::shape::{expand, permute, reshape, unsqueeze};
use crate::syntax::ast::EinopsForm;
use crate::syntax::symbol::Symbol;
use crate::tensor::ops::reduce::{Dims, Reduction};
use crate::tensor::{Tensor, TensorError};
use std::rc::Rc;

/// A reduction function: `f(tensor, dims)`.
pub type ReduceFn<'a, E> = &'a mut dyn FnMut(&Tensor, &[usize]) -> Result<Tensor, E>;

/// The reduction of `reduce[..., op]`.
pub enum Reducer<'a, E> {
    /// `sum mean max min prod any all`.
    Named(&'static str),
    /// A function value called as `f(tensor, dims)`.
    Function(ReduceFn<'a, E>),
}

/// Applies `form` (rearrange, reduce or repeat) to `input`.
pub fn transform<E>(
    form: &Rc<EinopsForm>,
    input: &Tensor,
    lengths: &[(Symbol, usize)],
    reducer: Option<Reducer<E>>,
) -> Applied<Tensor, E> {
    let plan = cached_plan(form, input.shape(), lengths)?;
    let mut t = input.clone();
    if let Some(shape) = &plan.init_shape {
        t = reshape(&t, &dims_i64(shape))?;
    }
    if let Some(order) = &plan.permutation {
        t = permute(&t, &dims_i64(order))?;
    }
    if !plan.reduced.is_empty() {
        t = match reducer {
            Some(Reducer::Named(name)) => named_reduction(name, &t, &plan.reduced)?,
            Some(Reducer::Function(f)) => f(&t, &plan.reduced).map_err(Failure::Reduction)?,
            None => unreachable!("only reduce removes axes, and it always has a reduction"),
        };
    }
    if !plan.added.is_empty() {
        for &(position, _) in &plan.added {
            t = unsqueeze(&t, position as i64)?;
        }
        let mut sizes = dims_i64(t.shape());
        for &(position, length) in &plan.added {
            sizes[position] = length as i64;
        }
        t = expand(&t, &sizes)?;
    }
    if let Some(shape) = &plan.final_shape {
        t = reshape(&t, &dims_i64(shape))?;
    }
    Ok(t)
}

/// A named reduction over `dims`, as einops' PyTorch backend runs it: `amax`/`amin` for
/// max/min, and prod/any/all one dimension at a time from the last.
fn named_reduction(name: &str, t: &Tensor, dims: &[usize]) -> Result<Tensor, TensorError> {
    let over = |op: Reduction, t: &Tensor, dims: &[usize]| {
        reduce_dims(op, t, &Dims { reduced: dims.to_vec(), keepdim: false }, None)
    };
    let one_at_a_time = |op: Reduction| dims.iter().rev().try_fold(t.clone(), |t, &d| over(op, &t, &[d]));
    match name {
        "sum" => over(Reduction::Sum, t, dims),
        "mean" if !t.dtype().is_float() => {
            Err(TensorError::not_implemented("reduce_mean is not available for non-floating tensors"))
        }
        "mean" => over(Reduction::Mean, t, dims),
        "max" => over(Reduction::Amax, t, dims),
        "min" => over(Reduction::Amin, t, dims),
        "prod" => one_at_a_time(Reduction::Prod),
        "any" => one_at_a_time(Reduction::Any),
        _ => one_at_a_time(Reduction::All),
    }
}
