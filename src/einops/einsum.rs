//! `einsum[a b, b c -> a c](x, y)`: PyTorch's einsum with einops' named axes. Repeated
//! names in one input take a diagonal, axes needed nowhere later are summed first, and
//! the inputs are contracted two at a time (the pair with the smallest result first),
//! each contraction one batched matmul: batch axes, then the kept ones, then the summed.

use super::{dims_i64, mismatch, Applied};
use crate::autograd::ops::linalg::matmul;
use crate::autograd::ops::reduce::reduce;
use crate::autograd::ops::shape::{diagonal, expand, permute, reshape};
use crate::syntax::ast::{Axis, EinopsForm};
use crate::syntax::symbol::Symbol;
use crate::tensor::ops::reduce::{Dims, Reduction};
use crate::tensor::{Tensor, TensorError, TensorResult};

/// An axis of an einsum: a name, or one of the axes `...` stands for (numbered from
/// the left of the broadcast ellipsis shape).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    Named(Symbol),
    Ellipsis(usize),
}

/// A tensor with a label per dimension.
struct Labelled {
    tensor: Tensor,
    labels: Vec<Label>,
}

impl Labelled {
    fn size(&self, label: Label) -> Option<usize> {
        self.labels.iter().position(|&l| l == label).map(|d| self.tensor.shape()[d])
    }

    /// Sums away the axes not in `keep`.
    fn sum_except(self, keep: &[Label]) -> TensorResult<Labelled> {
        let dims: Vec<usize> = (0..self.labels.len()).filter(|&d| !keep.contains(&self.labels[d])).collect();
        if dims.is_empty() {
            return Ok(self);
        }
        let dtype = self.tensor.dtype();
        let tensor = reduce(
            Reduction::Sum,
            &self.tensor,
            &Dims { reduced: dims.clone(), keepdim: false },
            Some(dtype),
        )?;
        let labels = (0..self.labels.len()).filter(|d| !dims.contains(d)).map(|d| self.labels[d]).collect();
        Ok(Labelled { tensor, labels })
    }

    /// The tensor with its axes in `order`, each broadcast to `sizes`' length, reshaped
    /// into the lengths of consecutive runs of `order` given by `runs`.
    fn arranged(&self, order: &[Label], sizes: &[usize], runs: &[usize]) -> TensorResult<Tensor> {
        let dims: Vec<usize> = order
            .iter()
            .map(|l| self.labels.iter().position(|m| m == l).expect("label of this operand"))
            .collect();
        let mut t = permute(&self.tensor, &dims_i64(&dims))?;
        if t.shape() != sizes {
            t = expand(&t, &dims_i64(sizes))?;
        }
        let mut shape = Vec::new();
        let mut at = 0;
        for &run in runs {
            shape.push(sizes[at..at + run].iter().product());
            at += run;
        }
        reshape(&t, &dims_i64(&shape))
    }
}

/// The labels of one side for an operand of `ndim` dimensions; `...` stands for the
/// operand's extra dimensions, right-aligned in an ellipsis of `ellipsis_rank`.
fn side_labels(
    side: &[crate::syntax::span::Spanned<Axis>],
    extra: usize,
    ellipsis_rank: usize,
) -> Vec<Label> {
    let mut labels = Vec::new();
    for axis in side {
        match axis.node {
            Axis::Name(name) => labels.push(Label::Named(name)),
            Axis::Ellipsis => labels.extend((ellipsis_rank - extra..ellipsis_rank).map(Label::Ellipsis)),
            _ => unreachable!("einsum patterns hold names and ellipses (checked when parsed)"),
        }
    }
    labels
}

fn label_text(label: Label) -> String {
    match label {
        Label::Named(name) => name.to_string(),
        Label::Ellipsis(_) => "...".into(),
    }
}

/// Applies an einsum form to its operands.
pub fn einsum<E>(form: &EinopsForm, tensors: &[Tensor]) -> Applied<Tensor, E> {
    if tensors.len() != form.inputs.len() {
        let which = if tensors.len() > form.inputs.len() { "more" } else { "fewer" };
        return mismatch(format!(
            "einsum(): {which} operands were provided than specified in the equation ({} given, {} in the pattern)",
            tensors.len(),
            form.inputs.len()
        ));
    }
    if let Some(other) = tensors.iter().find(|t| t.dtype() != tensors[0].dtype()) {
        return Err(TensorError::runtime(format!(
            "expected scalar type {} but found {}",
            tensors[0].dtype().torch_name(),
            other.dtype().torch_name()
        ))
        .into());
    }
    // How many dimensions each operand's ellipsis covers.
    let mut extras = Vec::new();
    for (i, (side, t)) in form.inputs.iter().zip(tensors).enumerate() {
        let named = side.iter().filter(|a| matches!(a.node, Axis::Name(_))).count();
        let has_ellipsis = side.len() > named;
        if t.ndim() < named || (!has_ellipsis && t.ndim() != named) {
            let hint = if has_ellipsis { "" } else { " and no ellipsis was given" };
            return mismatch(format!(
                "einsum(): the number of subscripts in the equation ({named}) does not match the number of dimensions ({}) for operand {i}{hint}",
                t.ndim()
            ));
        }
        extras.push(t.ndim() - named);
    }
    let ellipsis_rank = extras.iter().copied().max().unwrap_or(0);
    let mut operands: Vec<Labelled> = Vec::new();
    for ((side, t), &extra) in form.inputs.iter().zip(tensors).zip(&extras) {
        let labels = side_labels(side, extra, ellipsis_rank);
        operands.push(take_diagonals(Labelled { tensor: t.clone(), labels }, operands.len())?);
    }
    check_sizes(&operands)?;
    let output = side_labels(&form.output, ellipsis_rank, ellipsis_rank);
    // Sum each operand's axes that nothing else needs, then contract pairs.
    let keeps: Vec<Vec<Label>> = (0..operands.len()).map(|i| needed(&operands, &output, &[i])).collect();
    operands = operands
        .into_iter()
        .zip(keeps)
        .map(|(op, keep)| op.sum_except(&keep))
        .collect::<TensorResult<_>>()?;
    while operands.len() > 1 {
        let (i, j) = cheapest_pair(&operands, &output);
        let b = operands.remove(j);
        let a = operands.remove(i);
        let keep = needed(&operands, &output, &[]);
        operands.push(contract(a, b, &keep)?);
    }
    let last = operands.pop().expect("einsum has an operand").sum_except(&output)?;
    let order: Vec<usize> = output
        .iter()
        .map(|l| last.labels.iter().position(|m| m == l).expect("output labels remain"))
        .collect();
    Ok(permute(&last.tensor, &dims_i64(&order))?)
}

/// The labels the output and the operands other than those at `skip` have.
fn needed(operands: &[Labelled], output: &[Label], skip: &[usize]) -> Vec<Label> {
    let mut labels = output.to_vec();
    for (_, op) in operands.iter().enumerate().filter(|(k, _)| !skip.contains(k)) {
        labels.extend(&op.labels);
    }
    labels
}

/// Repeated names in one operand: the diagonal over each repeated pair.
fn take_diagonals<E>(mut operand: Labelled, index: usize) -> Applied<Labelled, E> {
    loop {
        let labels = &operand.labels;
        let Some((a, b)) = (0..labels.len())
            .find_map(|a| (a + 1..labels.len()).find(|&b| labels[b] == labels[a]).map(|b| (a, b)))
        else {
            return Ok(operand);
        };
        let (sa, sb) = (operand.tensor.shape()[a], operand.tensor.shape()[b]);
        if sa != sb {
            return mismatch(format!(
                "einsum(): subscript {} is repeated for operand {index} but the sizes don't match, {sb} != {sa}",
                label_text(labels[a])
            ));
        }
        let label = labels[a];
        operand.tensor = diagonal(&operand.tensor, 0, a as i64, b as i64)?;
        operand.labels.remove(b);
        operand.labels.remove(a);
        operand.labels.push(label);
    }
}

/// Each label's sizes across operands must be equal or 1 (broadcast).
fn check_sizes<E>(operands: &[Labelled]) -> Applied<(), E> {
    let mut seen: Vec<(Label, usize)> = Vec::new();
    for (i, op) in operands.iter().enumerate() {
        for (&label, &size) in op.labels.iter().zip(op.tensor.shape()) {
            match seen.iter_mut().find(|(l, _)| *l == label) {
                Some((_, before)) if *before != size && *before != 1 && size != 1 => {
                    return mismatch(format!(
                        "einsum(): subscript {} has size {size} for operand {i} which does not broadcast with previously seen size {before}",
                        label_text(label)
                    ));
                }
                Some((_, before)) => *before = (*before).max(size),
                None => seen.push((label, size)),
            }
        }
    }
    Ok(())
}

/// The broadcast length of `label` in two operands.
fn size_in(a: &Labelled, b: &Labelled, label: Label) -> usize {
    a.size(label).unwrap_or(1).max(b.size(label).unwrap_or(1))
}

/// The labels the product of `a` and `b` keeps, given what is needed later.
fn kept(a: &Labelled, b: &Labelled, needed: &[Label]) -> Vec<Label> {
    let mut labels: Vec<Label> = a.labels.clone();
    labels.extend(b.labels.iter().copied().filter(|l| !a.labels.contains(l)));
    labels.retain(|l| needed.contains(l) || !(a.labels.contains(l) && b.labels.contains(l)));
    labels
}

/// The pair whose product is smallest (opt_einsum's greedy rule).
fn cheapest_pair(operands: &[Labelled], output: &[Label]) -> (usize, usize) {
    let mut best = (0, 1, usize::MAX);
    for i in 0..operands.len() {
        for j in i + 1..operands.len() {
            let needed = needed(operands, output, &[i, j]);
            let (a, b) = (&operands[i], &operands[j]);
            let size = kept(a, b, &needed).iter().map(|&l| size_in(a, b, l)).product::<usize>();
            if size < best.2 {
                best = (i, j, size);
            }
        }
    }
    (best.0, best.1)
}

/// `a` times `b`, summed over their shared axes that `needed` lacks: one batched matmul
/// of `[batch, a's own, summed] @ [batch, summed, b's own]`.
fn contract(a: Labelled, b: Labelled, needed: &[Label]) -> TensorResult<Labelled> {
    let mut keep_later = needed.to_vec();
    keep_later.extend(&b.labels);
    let a = a.sum_except(&keep_later)?;
    let mut keep_later = needed.to_vec();
    keep_later.extend(&a.labels);
    let b = b.sum_except(&keep_later)?;
    let shared = |l: &Label| a.labels.contains(l) && b.labels.contains(l);
    let batch: Vec<Label> = a.labels.iter().copied().filter(|l| shared(l) && needed.contains(l)).collect();
    let summed: Vec<Label> = a.labels.iter().copied().filter(|l| shared(l) && !needed.contains(l)).collect();
    let own_a: Vec<Label> = a.labels.iter().copied().filter(|l| !b.labels.contains(l)).collect();
    let own_b: Vec<Label> = b.labels.iter().copied().filter(|l| !a.labels.contains(l)).collect();
    let sizes = |labels: &[Label]| labels.iter().map(|&l| size_in(&a, &b, l)).collect::<Vec<usize>>();
    let left_order = [&batch[..], &own_a, &summed].concat();
    let right_order = [&batch[..], &summed, &own_b].concat();
    let left = a.arranged(&left_order, &sizes(&left_order), &[batch.len(), own_a.len(), summed.len()])?;
    let right = b.arranged(&right_order, &sizes(&right_order), &[batch.len(), summed.len(), own_b.len()])?;
    let product = matmul(&left, &right)?;
    let labels = [&batch[..], &own_a, &own_b].concat();
    let tensor = reshape(&product, &dims_i64(&sizes(&labels)))?;
    Ok(Labelled { tensor, labels })
}
