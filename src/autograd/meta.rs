//! What autograd keeps on a tensor: whether it is a leaf that requires grad, its
//! accumulated `.grad`, and for a computed tensor the node that made it.

use super::node::{Edge, Node};
use crate::tensor::{Tensor, TensorError, TensorResult};
use std::rc::Rc;

#[derive(Default)]
pub struct GradMeta {
    /// Set on leaves by `requires_grad=true`; computed tensors require grad through
    /// their `grad_fn`.
    pub requires_grad: bool,
    pub grad: Option<Tensor>,
    pub grad_fn: Option<Rc<Node>>,
    /// Which output of `grad_fn` this tensor is.
    pub output_nr: usize,
    pub retains_grad: bool,
    /// Made by `nn.Parameter`: a Module registers it, and it prints as `Parameter
    /// containing:` (PyTorch's Parameter subclass, as a mark on the tensor).
    pub is_parameter: bool,
}

impl Tensor {
    fn with_meta<R>(&self, f: impl FnOnce(&GradMeta) -> R) -> Option<R> {
        self.inner().autograd.borrow().as_deref().map(f)
    }

    fn meta_mut<R>(&self, f: impl FnOnce(&mut GradMeta) -> R) -> R {
        let mut slot = self.inner().autograd.borrow_mut();
        f(slot.get_or_insert_with(Default::default))
    }

    pub fn requires_grad(&self) -> bool {
        self.with_meta(|m| m.requires_grad || m.grad_fn.is_some()).unwrap_or(false)
    }

    pub fn grad_fn(&self) -> Option<Rc<Node>> {
        self.with_meta(|m| m.grad_fn.clone()).flatten()
    }

    pub fn output_nr(&self) -> usize {
        self.with_meta(|m| m.output_nr).unwrap_or(0)
    }

    pub fn is_leaf(&self) -> bool {
        self.grad_fn().is_none()
    }

    pub fn is_parameter(&self) -> bool {
        self.with_meta(|m| m.is_parameter).unwrap_or(false)
    }

    /// Marks a leaf as an `nn.Parameter`.
    pub fn mark_parameter(&self) {
        self.meta_mut(|m| m.is_parameter = true);
    }

    pub fn retains_grad(&self) -> bool {
        self.with_meta(|m| m.retains_grad).unwrap_or(false)
    }

    /// `x.requires_grad_(on)` / `x.requires_grad = on`, with PyTorch's refusals.
    pub fn set_requires_grad(&self, on: bool) -> TensorResult<()> {
        if !self.is_leaf() {
            let message = if on {
                "you can only change requires_grad flags of leaf variables."
            } else {
                "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach()."
            };
            return Err(TensorError::runtime(message));
        }
        if on && !self.dtype().is_float() {
            return Err(TensorError::runtime(
                "only Tensors of floating point and complex dtype can require gradients",
            ));
        }
        self.meta_mut(|m| m.requires_grad = on);
        Ok(())
    }

    pub fn grad(&self) -> Option<Tensor> {
        self.with_meta(|m| m.grad.clone()).flatten()
    }

    pub fn set_grad(&self, grad: Option<Tensor>) {
        self.meta_mut(|m| m.grad = grad);
    }

    /// `x.retain_grad()`: a non-leaf keeps its gradient in `.grad` after backward.
    pub fn retain_grad(&self) -> TensorResult<()> {
        if !self.requires_grad() {
            return Err(TensorError::runtime("can't retain_grad on Tensor that has requires_grad=False"));
        }
        if let Some(node) = self.grad_fn() {
            if !self.retains_grad() {
                node.retain_output(self.output_nr(), self);
            }
            self.meta_mut(|m| m.retains_grad = true);
        }
        Ok(())
    }

    /// The same data and layout with no history (`x.detach()`).
    pub fn detach(&self) -> Tensor {
        self.with_layout(self.layout().clone())
    }

    /// `x.detach_()`: this tensor leaves the graph.
    pub fn detach_in_place(&self) {
        self.meta_mut(|m| {
            m.grad_fn = None;
            m.output_nr = 0;
            m.requires_grad = false;
        });
    }

    /// Makes this tensor output `output_nr` of `node` (a new result, or an in-place
    /// operation rebasing its history).
    pub(crate) fn set_history(&self, node: &Rc<Node>, output_nr: usize) {
        self.meta_mut(|m| {
            m.grad_fn = Some(node.clone());
            m.output_nr = output_nr;
            m.requires_grad = false;
        });
    }

    /// Where a gradient for this tensor goes: its node's output, or the leaf itself.
    pub fn gradient_edge(&self) -> Option<Edge> {
        match self.grad_fn() {
            Some(node) => Some(Edge::Node { node, output_nr: self.output_nr() }),
            None if self.requires_grad() => Some(Edge::Leaf(self.clone())),
            None => None,
        }
    }
}
