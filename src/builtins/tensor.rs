//! The tensor builtins: how tl values become tensors and back, and the functions and
//! methods that wrap `crate::tensor`'s operations.

pub mod convert;
pub mod create;
pub mod operators;

use crate::eval::{Flow, RuntimeError};
use crate::syntax::span::Span;
use crate::tensor::TensorError;

/// A tensor error as a run-time error at the call that caused it.
pub fn error_at(error: TensorError, span: Span) -> Flow {
    RuntimeError::new(error.kind, error.message, span).into()
}
