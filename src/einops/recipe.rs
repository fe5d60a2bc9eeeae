//! The plan of a rearrange, reduce or repeat for one input shape, as einops makes it:
//! reshape the input into its elementary axes, permute them into the output's order
//! with the reduced ones last, reduce those, insert the new axes, reshape into the
//! output's groups. Plans are cached per form, input shape and axis lengths.

use super::{mismatch, Applied};
use crate::syntax::ast::{Axis, AxisList, EinopsForm};
use crate::syntax::symbol::Symbol;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// One elementary axis: named, anonymous (a number; unique to where it is written), or
/// one of the axes an ellipsis stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Elementary {
    Named(Symbol),
    Anonymous { right: bool, position: usize, length: usize },
    Ellipsis(usize),
}

/// A side as groups of elementary axes, one group per dimension, for an ellipsis
/// standing for `ellipsis_len` axes. A unit axis (`()` or `1`) is an empty group.
fn groups(side: &AxisList, right: bool, ellipsis_len: usize) -> Vec<Vec<Elementary>> {
    let mut position = 0;
    let mut elementary = |axis: &Axis, out: &mut Vec<Elementary>| {
        position += 1;
        match *axis {
            Axis::Name(name) => out.push(Elementary::Named(name)),
            Axis::Anonymous(n) if n > 1 => {
                out.push(Elementary::Anonymous { right, position, length: n as usize })
            }
            Axis::Ellipsis => out.extend((0..ellipsis_len).map(Elementary::Ellipsis)),
            _ => {}
        }
    };
    let mut result = Vec::new();
    for axis in side {
        match &axis.node {
            Axis::Ellipsis => result.extend((0..ellipsis_len).map(|i| vec![Elementary::Ellipsis(i)])),
            Axis::Group(members) => {
                let mut group = Vec::new();
                members.iter().for_each(|m| elementary(&m.node, &mut group));
                result.push(group);
            }
            other => {
                let mut group = Vec::new();
                elementary(other, &mut group);
                result.push(group);
            }
        }
    }
    result
}

fn name_list(axes: &[Elementary]) -> String {
    let names: Vec<String> = axes
        .iter()
        .map(|a| match a {
            Elementary::Named(n) => n.to_string(),
            Elementary::Anonymous { length, .. } => format!("{length}-axis"),
            Elementary::Ellipsis(i) => format!("...{i}"),
        })
        .collect();
    names.join(", ")
}

/// What applying a form to one input shape does.
#[derive(Debug, PartialEq)]
pub struct Plan {
    /// The elementary axes' lengths, when the input has compositions to split.
    pub init_shape: Option<Vec<usize>>,
    /// The order of the elementary axes: the output's, then the reduced ones.
    pub permutation: Option<Vec<usize>>,
    /// The trailing dimensions to reduce, after the permutation.
    pub reduced: Vec<usize>,
    /// New axes (repeat): position among the output's elementary axes, and length.
    pub added: Vec<(usize, usize)>,
    /// The output's shape, when it has compositions to merge.
    pub final_shape: Option<Vec<usize>>,
}

/// The plan of `form` (rearrange, reduce or repeat) for an input of `shape` with
/// `lengths` given as keyword arguments.
pub fn plan<E>(form: &EinopsForm, shape: &[usize], lengths: &[(Symbol, usize)]) -> Applied<Plan, E> {
    let (left_side, right_side) = (&form.inputs[0], &form.output);
    let has_ellipsis = left_side.iter().any(|a| matches!(a.node, Axis::Ellipsis));
    let others = left_side.len() - usize::from(has_ellipsis);
    let ndim = shape.len();
    if has_ellipsis && ndim < others {
        return mismatch(format!("Wrong shape: expected >={others} dims. Received {ndim}-dim tensor."));
    }
    if !has_ellipsis && ndim != others {
        return mismatch(format!("Wrong shape: expected {others} dims. Received {ndim}-dim tensor."));
    }
    let ellipsis_len = ndim - others;
    let left = groups(left_side, false, ellipsis_len);
    let right = groups(right_side, true, ellipsis_len);
    let left_axes: Vec<Elementary> = left.concat();
    let right_axes: Vec<Elementary> = right.concat();
    // Every elementary axis: the input's in order, then those only the output has.
    let mut axes = left_axes.clone();
    axes.extend(right_axes.iter().filter(|a| !left_axes.contains(a)));
    let mut known: Vec<Option<usize>> = axes
        .iter()
        .map(|a| match a {
            Elementary::Anonymous { length, .. } => Some(*length),
            _ => None,
        })
        .collect();
    let position = |axis: &Elementary| axes.iter().position(|a| a == axis).expect("every axis is listed");
    for &(name, length) in lengths {
        match axes.iter().position(|a| *a == Elementary::Named(name)) {
            Some(i) => known[i] = Some(length),
            None => return mismatch(format!("Axis {name} is not used in transform")),
        }
    }
    let unsized_new: Vec<Elementary> = axes[left_axes.len()..]
        .iter()
        .zip(&known[left_axes.len()..])
        .filter(|(_, k)| k.is_none())
        .map(|(a, _)| *a)
        .collect();
    if !unsized_new.is_empty() {
        return mismatch(format!("Specify sizes for new axes in repeat: {}", name_list(&unsized_new)));
    }
    let mut need_init_reshape = false;
    for (group, &length) in left.iter().zip(shape) {
        let unknown: Vec<Elementary> =
            group.iter().filter(|a| known[position(a)].is_none()).copied().collect();
        let known_product: usize = group.iter().filter_map(|a| known[position(a)]).product();
        match unknown.as_slice() {
            [] if known_product != length => {
                return mismatch(format!("Shape mismatch, {length} != {known_product}"))
            }
            [] => {}
            [axis] => {
                if known_product == 0 || length % known_product != 0 {
                    return mismatch(format!(
                        "Shape mismatch, can't divide axis of length {length} in chunks of {known_product}"
                    ));
                }
                known[position(axis)] = Some(length / known_product);
            }
            _ => return mismatch(format!("Could not infer sizes for {}", name_list(&unknown))),
        }
        need_init_reshape |= group.len() != 1;
    }
    let length_of = |axis: &Elementary| known[position(axis)].expect("all lengths are known now");
    let reduced: Vec<Elementary> = left_axes.iter().filter(|a| !right_axes.contains(a)).copied().collect();
    let order: Vec<Elementary> =
        right_axes.iter().filter(|a| left_axes.contains(a)).chain(&reduced).copied().collect();
    let permutation: Vec<usize> =
        order.iter().map(|a| left_axes.iter().position(|b| b == a).unwrap_or(0)).collect();
    let kept = order.len() - reduced.len();
    let added: Vec<(usize, usize)> = right_axes
        .iter()
        .enumerate()
        .filter(|(_, a)| !left_axes.contains(a))
        .map(|(i, a)| (i, length_of(a)))
        .collect();
    let need_final_reshape = right.iter().any(|g| g.len() != 1);
    Ok(Plan {
        init_shape: need_init_reshape.then(|| left_axes.iter().map(length_of).collect()),
        permutation: (!permutation.iter().copied().eq(0..permutation.len())).then_some(permutation),
        reduced: (kept..order.len()).collect(),
        added,
        final_shape: need_final_reshape
            .then(|| right.iter().map(|g| g.iter().map(length_of).product()).collect()),
    })
}

/// Plans already made, by form (held, so its address stays its own), input shape and
/// axis lengths.
type Key = (usize, Vec<usize>, Vec<(Symbol, usize)>);
type Plans = HashMap<Key, (Rc<EinopsForm>, Rc<Plan>)>;

thread_local! {
    static PLANS: RefCell<Plans> = RefCell::new(HashMap::new());
}

/// How many plans are kept before the cache starts over.
const CACHE_LIMIT: usize = 1024;

/// `plan`, made once per form, shape and lengths.
pub fn cached_plan<E>(
    form: &Rc<EinopsForm>,
    shape: &[usize],
    lengths: &[(Symbol, usize)],
) -> Applied<Rc<Plan>, E> {
    let key: Key = (Rc::as_ptr(form) as usize, shape.to_vec(), lengths.to_vec());
    if let Some(plan) = PLANS.with(|plans| plans.borrow().get(&key).map(|(_, p)| p.clone())) {
        return Ok(plan);
    }
    let made = Rc::new(plan(form, shape, lengths)?);
    PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        if plans.len() >= CACHE_LIMIT {
            plans.clear();
        }
        plans.insert(key, (form.clone(), made.clone()));
    });
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::ExprKind;
    use crate::syntax::parser::parse_expr;
    use crate::syntax::span::SourceId;

    fn form(text: &str) -> EinopsForm {
        match parse_expr(text, SourceId(0), 0).expect("parses").node {
            ExprKind::Einops(form) => (*form).clone(),
            other => panic!("not a form: {other:?}"),
        }
    }

    fn plan_of(text: &str, shape: &[usize], lengths: &[(&str, usize)]) -> Result<Plan, String> {
        let lengths: Vec<(Symbol, usize)> = lengths.iter().map(|&(n, l)| (Symbol::intern(n), l)).collect();
        plan::<()>(&form(text), shape, &lengths).map_err(|e| match e {
            super::super::Failure::Pattern(message) => message,
            other => format!("{other:?}"),
        })
    }

    #[test]
    fn a_pool_splits_permutes_and_reduces_the_window_last() {
        let plan = plan_of("reduce[b (h 2) (w 2) -> b h w, max]", &[3, 4, 6], &[]).unwrap();
        assert_eq!(plan.init_shape, Some(vec![3, 2, 2, 3, 2]));
        assert_eq!(plan.permutation, Some(vec![0, 1, 3, 2, 4]));
        assert_eq!(plan.reduced, vec![3, 4]);
        assert_eq!(plan.final_shape, None);
    }

    #[test]
    fn a_transpose_is_only_a_permutation_and_repeat_only_adds_axes() {
        let plan = plan_of("rearrange[a b -> b a]", &[2, 3], &[]).unwrap();
        assert_eq!((plan.init_shape, plan.permutation, plan.final_shape), (None, Some(vec![1, 0]), None));
        let plan = plan_of("repeat[a -> a c]", &[2], &[("c", 5)]).unwrap();
        assert_eq!((plan.added, plan.final_shape), (vec![(1, 5)], None));
        let plan = plan_of("repeat[a -> (a 3)]", &[2], &[]).unwrap();
        assert_eq!((plan.added, plan.final_shape), (vec![(1, 3)], Some(vec![6])));
    }

    #[test]
    fn lengths_are_inferred_or_refused_with_einops_words() {
        let plan = plan_of("rearrange[... (h w) -> ... h w]", &[5, 12], &[("w", 4)]).unwrap();
        assert_eq!(plan.init_shape, Some(vec![5, 3, 4]));
        assert_eq!(
            plan_of("rearrange[(h w) -> h w]", &[12], &[]).unwrap_err(),
            "Could not infer sizes for h, w"
        );
        assert_eq!(
            plan_of("rearrange[(h w) -> h w]", &[10], &[("h", 3)]).unwrap_err(),
            "Shape mismatch, can't divide axis of length 10 in chunks of 3"
        );
        assert_eq!(
            plan_of("rearrange[a -> a]", &[2], &[("z", 1)]).unwrap_err(),
            "Axis z is not used in transform"
        );
        assert_eq!(
            plan_of("rearrange[a b -> b a]", &[2], &[]).unwrap_err(),
            "Wrong shape: expected 2 dims. Received 1-dim tensor."
        );
        assert_eq!(
            plan_of("repeat[a -> a b]", &[2], &[]).unwrap_err(),
            "Specify sizes for new axes in repeat: b"
        );
    }
}
