//! The graph: a node per recorded operation (PyTorch's `grad_fn`), its edges to the
//! nodes (or leaves) of its inputs, the tensors its backward formula saved, and the
//! formula itself.

use super::engine::{BackwardError, Host};
use crate::storage::dtype::DType;
use crate::tensor::{Tensor, TensorImpl, TensorResult};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A backward formula: the gradients of the node's outputs (`None` where none flowed)
/// to the gradients of its inputs (`None` where an input gets none).
pub type Formula = Box<dyn Fn(&[Option<Tensor>]) -> TensorResult<Vec<Option<Tensor>>>>;

/// A backward formula the program wrote (a `torch.autograd.Function`'s `backward`):
/// what the interpreter needs to run it, which the engine hands to its `Host`.
pub type Custom = Rc<dyn std::any::Any>;

enum NodeFormula {
    Native(Formula),
    Custom(Custom),
}

/// Where a gradient flows: into output `output_nr` of a node, or into a leaf's `.grad`
/// (PyTorch's `AccumulateGrad`).
#[derive(Clone)]
pub enum Edge {
    Node { node: Rc<Node>, output_nr: usize },
    Leaf(Tensor),
}

impl std::fmt::Debug for Edge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>", self.name())
    }
}

impl Edge {
    /// PyTorch's class name of the node (`MulBackward0`, `AccumulateGrad`).
    pub fn name(&self) -> &'static str {
        match self {
            Edge::Node { node, .. } => node.name,
            Edge::Leaf(_) => "AccumulateGrad",
        }
    }

    /// An address for `<MulBackward0 object at 0x...>`.
    pub fn address(&self) -> usize {
        match self {
            Edge::Node { node, .. } => Rc::as_ptr(node) as usize,
            Edge::Leaf(t) => t.identity(),
        }
    }

    pub fn same(&self, other: &Edge) -> bool {
        match (self, other) {
            (Edge::Node { node: a, output_nr: i }, Edge::Node { node: b, output_nr: j }) => {
                Rc::ptr_eq(a, b) && i == j
            }
            (Edge::Leaf(a), Edge::Leaf(b)) => a.same(b),
            _ => false,
        }
    }
}

/// A tensor a formula saved: which storage version it had then, and how PyTorch names
/// it if an in-place change makes it stale.
struct Saved {
    version: Rc<Cell<u64>>,
    at: u64,
    /// `[torch.FloatTensor [2]]`.
    text: String,
    origin: Origin,
}

/// Where a saved tensor came from, for the stale-tensor message.
enum Origin {
    /// A leaf.
    Leaf,
    /// An input that was computed: named by the node that made it as the error is
    /// raised (an in-place change has replaced the one it had when saved).
    Input(Weak<TensorImpl>),
    /// Output `nr` of the saving node itself.
    Output(usize),
}

/// PyTorch's name of the operation behind a node: `ExpBackward0` is `Exp`.
fn operation(node_name: &str) -> &str {
    node_name.find("Backward").map_or(node_name, |at| &node_name[..at])
}

/// The shape and dtype of one output, for the zeros a missing output gradient stands for.
pub struct OutputInfo {
    pub shape: Vec<usize>,
    pub dtype: DType,
}

pub struct Node {
    pub name: &'static str,
    /// One edge per input; `None` for inputs that need no gradient.
    pub next: Vec<Option<Edge>>,
    pub outputs: Vec<OutputInfo>,
    formula: RefCell<Option<NodeFormula>>,
    saved: Vec<Saved>,
    /// Outputs whose tensors asked for `.grad` (`retain_grad`).
    retained: RefCell<Vec<(usize, Weak<TensorImpl>)>>,
    /// Creation order: later nodes run first in backward.
    pub sequence: u64,
}

thread_local! {
    static NEXT_SEQUENCE: Cell<u64> = const { Cell::new(0) };
}

/// PyTorch's `[torch.FloatTensor [2, 3]]`.
fn tensor_text(t: &Tensor) -> String {
    let dims: Vec<String> = t.shape().iter().map(|d| d.to_string()).collect();
    format!("[torch.{}Tensor [{}]]", t.dtype().torch_name(), dims.join(", "))
}

impl Node {
    /// Runs the formula, after checking that no saved tensor changed in place and that
    /// the formula was not freed by an earlier backward.
    pub(super) fn apply(
        &self,
        grads: &[Option<Tensor>],
        host: &mut dyn Host,
    ) -> Result<Vec<Option<Tensor>>, BackwardError> {
        for saved in &self.saved {
            let now = saved.version.get();
            if now != saved.at {
                let made_by = match &saved.origin {
                    Origin::Leaf => None,
                    Origin::Input(tensor) => tensor
                        .upgrade()
                        .map(Tensor::from_inner)
                        .and_then(|t| t.grad_fn().map(|n| (t.output_nr(), operation(n.name).to_string()))),
                    Origin::Output(nr) => Some((*nr, operation(self.name).to_string())),
                };
                let what = match made_by {
                    Some((nr, op)) => format!("{}, which is output {nr} of {op},", saved.text),
                    None => saved.text.clone(),
                };
                return Err(BackwardError::Runtime(format!(
                    "one of the variables needed for gradient computation has been modified by an inplace operation: {what} is at version {now}; expected version {} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).",
                    saved.at
                )));
            }
        }
        let custom = match &*self.formula.borrow() {
            None => return Err(BackwardError::Freed),
            Some(NodeFormula::Native(formula)) => return formula(grads).map_err(BackwardError::Tensor),
            Some(NodeFormula::Custom(custom)) => custom.clone(),
        };
        // Not borrowed while the program's backward runs: it may reach this node again.
        host.backward(&custom, self, grads).map_err(BackwardError::Tensor)
    }

    /// Runs a native formula alone (a unit test's view of one node); a formula the
    /// program wrote needs the engine's host, and is an error here.
    #[cfg(test)]
    pub(super) fn apply_native(
        &self,
        grads: &[Option<Tensor>],
    ) -> Result<Vec<Option<Tensor>>, BackwardError> {
        match &*self.formula.borrow() {
            Some(NodeFormula::Native(formula)) => formula(grads).map_err(BackwardError::Tensor),
            Some(NodeFormula::Custom(_)) => {
                Err(BackwardError::Runtime("a program-written backward needs the interpreter".into()))
            }
            None => Err(BackwardError::Freed),
        }
    }

    /// Frees what backward needed, as PyTorch does after a backward without
    /// `retain_graph`; a node that saved nothing can run again.
    pub(super) fn release(&self) {
        if !self.saved.is_empty() {
            self.formula.borrow_mut().take();
        }
    }

    pub(super) fn retain_output(&self, output_nr: usize, tensor: &Tensor) {
        self.retained.borrow_mut().push((output_nr, Rc::downgrade(tensor.inner())));
    }

    /// The live tensors that retain the gradient of `output_nr`.
    pub(super) fn retained_tensors(&self, output_nr: usize) -> Vec<Tensor> {
        self.retained
            .borrow()
            .iter()
            .filter(|(nr, _)| *nr == output_nr)
            .filter_map(|(_, weak)| weak.upgrade().map(Tensor::from_inner))
            .collect()
    }
}

/// What an operation records: its node's name, its inputs (those that require grad get
/// edges), the tensors its formula saved (`saved_inputs`, and `saved_outputs` by index,
/// which the formula must hold detached), and the formula.
pub struct Record<'a> {
    pub name: &'static str,
    pub inputs: &'a [&'a Tensor],
    pub saved_inputs: &'a [&'a Tensor],
    pub saved_outputs: &'a [usize],
}

impl Record<'_> {
    /// Makes the node and sets it as the `grad_fn` of each floating output. Callers
    /// check `needs_grad` first.
    pub fn attach(self, outputs: &[&Tensor], formula: Formula) {
        self.attach_formula(outputs, NodeFormula::Native(formula))
    }

    /// `attach` for a formula the program wrote, run through the engine's `Host`.
    pub fn attach_custom(self, outputs: &[&Tensor], custom: Custom) {
        self.attach_formula(outputs, NodeFormula::Custom(custom))
    }

    fn attach_formula(self, outputs: &[&Tensor], formula: NodeFormula) {
        let mut saved: Vec<Saved> = self
            .saved_inputs
            .iter()
            .map(|t| Saved {
                version: t.version_counter().clone(),
                at: t.version_counter().get(),
                text: tensor_text(t),
                origin: if t.is_leaf() { Origin::Leaf } else { Origin::Input(Rc::downgrade(t.inner())) },
            })
            .collect();
        saved.extend(self.saved_outputs.iter().map(|&i| Saved {
            version: outputs[i].version_counter().clone(),
            at: outputs[i].version_counter().get(),
            text: tensor_text(outputs[i]),
            origin: Origin::Output(i),
        }));
        let node = Rc::new(Node {
            name: self.name,
            next: self.inputs.iter().map(|t| t.gradient_edge()).collect(),
            outputs: outputs
                .iter()
                .map(|t| OutputInfo { shape: t.shape().to_vec(), dtype: t.dtype() })
                .collect(),
            formula: RefCell::new(Some(formula)),
            saved,
            retained: RefCell::new(Vec::new()),
            sequence: NEXT_SEQUENCE.with(|n| n.replace(n.get() + 1)),
        });
        for (i, t) in outputs.iter().enumerate() {
            if t.dtype().is_float() {
                t.set_history(&node, i);
            }
        }
    }
}
