//! `pack[i j * k](tensors)` and `unpack[i j * k](x, shapes)`: the axes named around `*`
//! are matched from both ends; whatever each input has in between is flattened into
//! one axis and the inputs are concatenated along it. `unpack` splits that axis again
//! (views) into the shapes `pack` returned; one shape may hold a -1.

use super::{dims_i64, mismatch, Applied};
use crate::autograd::ops::shape::{cat, narrow, reshape};
use crate::syntax::ast::{Axis, EinopsForm};
use crate::syntax::einops::pattern_text;
use crate::tensor::print::torch_size;
use crate::tensor::Tensor;

/// How many named axes stand before and after `*`.
fn around_star(form: &EinopsForm) -> (usize, usize) {
    let side = &form.inputs[0];
    let before = side.iter().position(|a| matches!(a.node, Axis::Star)).expect("checked when parsed");
    (before, side.len() - before - 1)
}

/// The packed tensor and, per input, the shape its `*` stood for.
pub fn pack<E>(form: &EinopsForm, tensors: &[Tensor]) -> Applied<(Tensor, Vec<Vec<usize>>), E> {
    let (before, after) = around_star(form);
    if tensors.is_empty() {
        return mismatch("pack needs at least one tensor");
    }
    let mut flattened = Vec::new();
    let mut shapes = Vec::new();
    for (i, t) in tensors.iter().enumerate() {
        let shape = t.shape();
        if shape.len() < before + after {
            return mismatch(format!(
                "packed tensor #{i} (enumeration starts with 0) has shape {}, while pattern {} assumes at least {} axes",
                torch_size(shape),
                pattern_text(form),
                before + after
            ));
        }
        let end = shape.len() - after;
        let packed = shape[before..end].to_vec();
        let mut target = shape[..before].to_vec();
        target.push(packed.iter().product());
        target.extend(&shape[end..]);
        flattened.push(reshape(t, &dims_i64(&target))?);
        shapes.push(packed);
    }
    Ok((cat(&flattened, before as i64)?, shapes))
}

/// The pieces of `x` with the shapes `packed` (each a shape with at most one -1
/// among them all).
pub fn unpack<E>(form: &EinopsForm, x: &Tensor, packed: &[Vec<i64>]) -> Applied<Vec<Tensor>, E> {
    let (before, after) = around_star(form);
    let pattern = pattern_text(form);
    let shape = x.shape();
    if shape.len() != before + 1 + after {
        return mismatch(format!(
            "unpack(..., {pattern}) received input of wrong dim with shape {}",
            torch_size(shape)
        ));
    }
    let lengths: Vec<Option<i64>> =
        packed.iter().map(|p| (!p.contains(&-1)).then(|| p.iter().product())).collect();
    let unknown = lengths.iter().filter(|l| l.is_none()).count();
    if unknown > 1 {
        return mismatch(format!(
            "unpack(..., {pattern}) received more than one -1 in {packed:?} and can't infer dimensions"
        ));
    }
    let total = shape[before] as i64;
    let known: i64 = lengths.iter().flatten().sum();
    let rest = total - known;
    let cannot_split = || {
        mismatch(format!(
            "Error during unpack(..., \"{pattern}\"): could not split axis of size {total} into requested {packed:?}"
        ))
    };
    if rest < 0 || (unknown == 0 && rest != 0) || packed.iter().flatten().any(|&d| d < -1) {
        return cannot_split();
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for (p, length) in packed.iter().zip(&lengths) {
        let length = length.unwrap_or(rest);
        let piece = narrow(x, before as i64, start, length)?;
        let mut target = dims_i64(&shape[..before]);
        target.extend(p);
        target.extend(dims_i64(&shape[before + 1..]));
        match reshape(&piece, &target) {
            Ok(t) => pieces.push(t),
            Err(_) => return cannot_split(),
        }
        start += length;
    }
    Ok(pieces)
}
