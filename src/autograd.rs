//! Reverse-mode differentiation as PyTorch does it: every differentiable operation on a
//! tensor that requires grad records a node (`grad_fn`) holding what its backward
//! formula needs, and `backward` walks those nodes from the output to the leaves.
//!
//! The operations in `ops` wrap `crate::tensor::ops` (which know nothing of gradients)
//! and write their backward formulas with the same wrapped operations, so a backward
//! run with grad mode on (`create_graph=true`) records a graph of the gradient itself.

pub mod engine;
mod meta;
pub mod node;
pub mod ops;

pub use meta::GradMeta;
pub use node::{Edge, Node};

use crate::tensor::Tensor;
use std::cell::Cell;

thread_local! {
    static GRAD_ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// Whether operations record the graph now (`no_grad` turns it off).
pub fn is_grad_enabled() -> bool {
    GRAD_ENABLED.with(Cell::get)
}

/// Turns recording on or off; returns what it was.
pub fn set_grad_enabled(on: bool) -> bool {
    GRAD_ENABLED.with(|cell| cell.replace(on))
}

/// Grad mode set for a scope and restored when dropped, however the scope ends.
pub struct GradMode(bool);

impl GradMode {
    pub fn set(on: bool) -> GradMode {
        GradMode(set_grad_enabled(on))
    }
}

impl Drop for GradMode {
    fn drop(&mut self) {
        set_grad_enabled(self.0);
    }
}

/// Whether an operation on `inputs` must record a node.
pub fn needs_grad(inputs: &[&Tensor]) -> bool {
    is_grad_enabled() && inputs.iter().any(|t| t.requires_grad())
}
