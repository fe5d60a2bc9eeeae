//! Differentiable operations: each runs the plain operation of `crate::tensor::ops`
//! and, when an input requires grad, records its node with the backward formula
//! written beside it. Builtins call these, never the plain ones, for anything with a
//! gradient.

pub mod binary;
pub mod gather;
pub mod index;
pub mod integrate;
pub mod linalg;
pub mod pointwise;
pub mod reduce;
pub mod select;
pub mod shape;
pub mod special;
pub mod unary;

pub use crate::tensor::ops::{BinaryOp, Operand, UnaryOp};
pub use binary::binary;
pub use unary::unary;

use super::node::{Formula, Record};
use crate::tensor::Tensor;

/// Records a node with one output whose formula maps its gradient to the inputs'.
pub(crate) fn record1(
    name: &'static str,
    inputs: &[&Tensor],
    saved: &[&Tensor],
    out: &Tensor,
    formula: impl Fn(&Tensor) -> crate::tensor::TensorResult<Vec<Option<Tensor>>> + 'static,
) {
    record(Record { name, inputs, saved_inputs: saved, saved_outputs: &[] }, out, formula);
}

/// `record1` for a formula written with the output itself (held detached), which is
/// saved, so an in-place change of it is caught.
pub(crate) fn record1_saving_output(
    name: &'static str,
    inputs: &[&Tensor],
    out: &Tensor,
    formula: impl Fn(&Tensor) -> crate::tensor::TensorResult<Vec<Option<Tensor>>> + 'static,
) {
    record(Record { name, inputs, saved_inputs: &[], saved_outputs: &[0] }, out, formula);
}

fn record(
    record: Record<'_>,
    out: &Tensor,
    formula: impl Fn(&Tensor) -> crate::tensor::TensorResult<Vec<Option<Tensor>>> + 'static,
) {
    let formula: Formula = Box::new(move |grads: &[Option<Tensor>]| match &grads[0] {
        Some(g) => formula(g),
        None => Ok(Vec::new()),
    });
    record.attach(&[out], formula);
}

/// The plain operations' module names, for callers that use them.
pub mod axes {
    pub use super::shape::{meshgrid, movedim, unflatten};
}

pub mod replicate {
    pub use super::shape::{repeat, repeat_interleave, tile};
}

pub mod split {
    pub use super::shape::{chunk, split, split_sizes, unbind};
}

pub mod triangular {
    pub use super::linalg::trace;
    pub use super::shape::{diag, triangle};
}

pub mod sort {
    pub use super::reduce::{median, median_along, mode, sort, topk};
    pub use crate::tensor::ops::sort::{bincount, unique};
}

pub mod matrix {
    pub use super::linalg::{cholesky, det, inv, matrix_norm, solve};
    pub use crate::tensor::ops::matrix::MatrixOrd;
}
