//! einops on tensors: the forms `rearrange[...]`, `reduce[...]`, `repeat[...]`,
//! `einsum[...]`, `pack[...]` and `unpack[...]` applied to their inputs. Patterns arrive
//! checked by the parser (`crate::syntax::einops`); what depends on the input (rank,
//! axis lengths) is checked here, with einops' wording. Everything is built from the
//! differentiable ops of `crate::autograd::ops`, so gradients flow through every form.
//!
//! - `recipe`: the plan of a rearrange/reduce/repeat for one input shape (cached).
//! - `transform`: running a plan: reshape, permute, reduce, expand, reshape.
//! - `einsum`: pairwise contractions through matmul.
//! - `pack`: pack and unpack.

pub mod einsum;
pub mod pack;
pub mod recipe;
pub mod transform;

use crate::tensor::TensorError;

/// Why a form could not be applied.
#[derive(Debug)]
pub enum Failure<E> {
    /// The input does not fit the pattern: einops' message.
    Pattern(String),
    /// A tensor operation failed (dtypes, ...).
    Tensor(TensorError),
    /// The reduction function given to `reduce` failed.
    Reduction(E),
}

impl<E> From<TensorError> for Failure<E> {
    fn from(error: TensorError) -> Self {
        Failure::Tensor(error)
    }
}

pub type Applied<T, E> = Result<T, Failure<E>>;

/// einops' error for `message`.
fn mismatch<T, E>(message: impl Into<String>) -> Applied<T, E> {
    Err(Failure::Pattern(message.into()))
}

fn dims_i64(dims: &[usize]) -> Vec<i64> {
    dims.iter().map(|&d| d as i64).collect()
}
