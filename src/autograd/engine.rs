//! Running backward: gradients flow from the roots through the nodes in reverse
//! creation order (each node once all its consumers have run), summing where paths
//! meet, into the leaves' `.grad` or into the inputs `autograd.grad` asked about.

use super::node::{Custom, Edge, Node};
use super::ops::{binary, shape};
use super::GradMode;
use crate::tensor::{Tensor, TensorError, TensorResult};
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::rc::Rc;

pub enum BackwardError {
    /// The node's saved tensors were freed by an earlier backward.
    Freed,
    Runtime(String),
    Tensor(TensorError),
}

impl From<BackwardError> for TensorError {
    fn from(e: BackwardError) -> TensorError {
        match e {
            BackwardError::Freed => TensorError::runtime(
                "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.",
            ),
            BackwardError::Runtime(message) => TensorError::runtime(message),
            BackwardError::Tensor(e) => e,
        }
    }
}

/// What runs the backward formulas a program wrote (`torch.autograd.Function`): the
/// interpreter, which the engine does not know.
pub trait Host {
    fn backward(
        &mut self,
        custom: &Custom,
        node: &Node,
        grads: &[Option<Tensor>],
    ) -> TensorResult<Vec<Option<Tensor>>>;
}

pub struct Options {
    pub retain_graph: bool,
    pub create_graph: bool,
}

/// A node ready to run, ordered so the most recently created runs first.
struct Ready(Rc<Node>);

impl PartialEq for Ready {
    fn eq(&self, other: &Self) -> bool {
        self.0.sequence == other.0.sequence
    }
}
impl Eq for Ready {}
impl PartialOrd for Ready {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ready {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.sequence.cmp(&other.0.sequence)
    }
}

fn key(node: &Rc<Node>) -> *const Node {
    Rc::as_ptr(node)
}

/// `a + b` where either may be missing.
fn accumulate(sum: &mut Option<Tensor>, g: Tensor) -> Result<(), TensorError> {
    *sum = Some(match sum.take() {
        None => g,
        Some(s) => binary::add(&s, &g)?,
    });
    Ok(())
}

/// Backward from `roots` (edge and its gradient). With `capture`, the gradients
/// reaching those edges are returned and no `.grad` is touched (`autograd.grad`);
/// without, leaves accumulate into `.grad` (`backward`).
pub fn run(
    roots: Vec<(Edge, Tensor)>,
    options: &Options,
    capture: Option<&[Edge]>,
    host: &mut dyn Host,
) -> Result<Vec<Option<Tensor>>, TensorError> {
    let _mode = GradMode::set(options.create_graph);
    let mut captured: Vec<Option<Tensor>> = vec![None; capture.map_or(0, <[Edge]>::len)];
    // How many edges from nodes in the graph point at each node.
    let mut dependencies: HashMap<*const Node, usize> = HashMap::new();
    let mut stack: Vec<Rc<Node>> = Vec::new();
    let mut seen: HashSet<*const Node> = HashSet::new();
    for (edge, _) in &roots {
        if let Edge::Node { node, .. } = edge {
            if seen.insert(key(node)) {
                stack.push(node.clone());
            }
        }
    }
    while let Some(node) = stack.pop() {
        for edge in node.next.iter().flatten() {
            if let Edge::Node { node: next, .. } = edge {
                *dependencies.entry(key(next)).or_default() += 1;
                if seen.insert(key(next)) {
                    stack.push(next.clone());
                }
            }
        }
    }
    let mut buffers: HashMap<*const Node, Vec<Option<Tensor>>> = HashMap::new();
    let mut ready = BinaryHeap::new();
    let deliver = |edge: &Edge,
                   g: Tensor,
                   buffers: &mut HashMap<*const Node, Vec<Option<Tensor>>>,
                   captured: &mut Vec<Option<Tensor>>|
     -> Result<(), TensorError> {
        if let Some(i) = capture.and_then(|c| c.iter().position(|e| e.same(edge))) {
            accumulate(&mut captured[i], g.clone())?;
        }
        match edge {
            Edge::Node { node, output_nr } => {
                let slots = buffers.entry(key(node)).or_insert_with(|| vec![None; node.outputs.len()]);
                accumulate(&mut slots[*output_nr], g)
            }
            Edge::Leaf(leaf) if capture.is_none() => accumulate_grad(leaf, g, options.create_graph),
            Edge::Leaf(_) => Ok(()),
        }
    };
    for (edge, g) in roots {
        deliver(&edge, g, &mut buffers, &mut captured)?;
        if let Edge::Node { node, .. } = &edge {
            if let std::collections::hash_map::Entry::Vacant(slot) = dependencies.entry(key(node)) {
                slot.insert(0);
                ready.push(Ready(node.clone()));
            }
        }
    }
    while let Some(Ready(node)) = ready.pop() {
        // A long backward pass sees Ctrl-C between nodes.
        crate::interrupt::check();
        let grads = buffers.remove(&key(&node)).unwrap_or_else(|| vec![None; node.outputs.len()]);
        for (nr, g) in grads.iter().enumerate() {
            if let Some(g) = g {
                for tensor in node.retained_tensors(nr) {
                    let mut sum = tensor.grad();
                    accumulate(&mut sum, if options.create_graph { g.clone() } else { unshared(g.clone()) })?;
                    tensor.set_grad(sum);
                }
            }
        }
        let input_grads = node.apply(&grads, host)?;
        if !options.retain_graph {
            node.release();
        }
        for (edge, g) in node.next.iter().zip(input_grads) {
            let Some(edge) = edge else { continue };
            if let Some(g) = g {
                deliver(edge, g, &mut buffers, &mut captured)?;
            }
            if let Edge::Node { node: next, .. } = edge {
                let count = dependencies.get_mut(&key(next)).expect("counted above");
                *count -= 1;
                if *count == 0 {
                    ready.push(Ready(next.clone()));
                }
            }
        }
    }
    Ok(captured)
}

/// `g` without history in storage of its own: a `.grad` a program may change in place
/// must not be another tensor's (a gradient passed on to several inputs, or the
/// `gradient=` given to backward). Copied only when shared or not contiguous.
fn unshared(g: Tensor) -> Tensor {
    if g.is_sole_owner() && g.is_contiguous() {
        g.detach()
    } else {
        g.copy()
    }
}

/// Adds `g` into `leaf.grad` (a new tensor each time, so no gradient is shared).
fn accumulate_grad(leaf: &Tensor, g: Tensor, create_graph: bool) -> Result<(), TensorError> {
    let g = if g.dtype() != leaf.dtype() { shape::to_dtype(&g, leaf.dtype())? } else { g };
    // A backward formula that ran on the host copy leaves its gradient there; `.grad`
    // lives where its leaf does.
    let g = if g.device() != leaf.device() { shape::to_device(&g, leaf.device())? } else { g };
    let g = if create_graph { g } else { unshared(g) };
    let sum = match leaf.grad() {
        None => g,
        Some(old) => {
            let s = binary::add(&old, &g)?;
            if create_graph {
                s
            } else {
                s.detach()
            }
        }
    };
    leaf.set_grad(Some(sum));
    Ok(())
}
