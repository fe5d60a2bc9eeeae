//! `histogram(input, bins, range=, weight=, density=)`: PyTorch's `torch.histogram`,
//! which `plt.hist` counts with. Not differentiable, as in PyTorch.

use super::args::{arg, int_of, tensor_arg};
use super::create::linspace_values;
use super::error_at;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::storage::error::TensorError;
use crate::storage::Buffer;
use crate::tensor::scalar::Scalar;
use crate::tensor::Tensor;
use crate::value::{Builtin, NamedTuple, Value};
use crate::with_dtype;
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[Builtin::both(
    histogram,
    "histogram(input, bins=100, *, range=None, weight=None, density=False) -> (Tensor, Tensor)

Counts the elements of `input` that fall in each bin: `bins` equal bins over `range`
(the data's smallest to largest value by default), or the bins between the edges of a
tensor `bins`. Each bin holds its left edge; the last also its right one.

Args:
    input: a float tensor, taken as flat
    bins: how many equal bins, or a 1-d tensor of increasing bin edges
    range: the (min, max) the equal bins cover; elements outside are not counted
    weight: a tensor shaped like `input`: what each element adds to its bin (1 otherwise)
    density: whether to scale the counts so that they integrate to 1 over the bins
Returns: `torch.return_types.histogram(hist, bin_edges)`, both of `input`'s dtype
Example: histogram(tensor([1., 2., 1.]), bins=2).hist  # tensor([2., 1.])",
)];

fn histogram(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let input = tensor_arg(&args, 0)?;
    let dtype = input.dtype();
    if !dtype.is_float() {
        return Err(error_at(TensorError::no_kernel("histogramdd", dtype), args.span));
    }
    let values = input.to_f64_vec();
    let range = args.keyword("range");
    let edges = match arg(&mut args, 1, "bins") {
        Some(Value::Tensor(edges)) => edges.to_f64_vec(),
        bins => {
            let bins = bins.map_or(Ok(100), |b| int_of(&b, "bins", args.span))?;
            if bins <= 0 {
                return fail(
                    ErrorKind::RuntimeError,
                    args.span,
                    format!("torch.histogram(): bins must be > 0, but got {bins} for dimension 0"),
                );
            }
            crate::tensor::check_allocation(&[bins as usize + 1], dtype)
                .map_err(|e| error_at(e, args.span))?;
            let (lo, hi) = match range {
                None | Some(Value::None) => outer_edges(&values),
                Some(range) => range_of(&range, &args)?,
            };
            if lo > hi {
                return fail(
                    ErrorKind::RuntimeError,
                    args.span,
                    format!("torch.histogramdd: min should not exceed max, but got min {lo} max {hi} for dimension 0"),
                );
            }
            linspace_values(lo, hi, bins as usize + 1, dtype)
        }
    };
    if edges.len() < 2 {
        return fail(
            ErrorKind::RuntimeError,
            args.span,
            "torch.histogram(): bins must have at least 2 edges",
        );
    }
    let weights = match args.keyword("weight") {
        None | Some(Value::None) => None,
        Some(Value::Tensor(w)) if w.numel() == values.len() => Some(w.to_f64_vec()),
        Some(_) => {
            return fail(
                ErrorKind::RuntimeError,
                args.span,
                "histogram(): weight must be a tensor shaped like input",
            )
        }
    };
    let density = args.keyword("density").is_some_and(|d| d.truthy());
    let mut counts = vec![0.0; edges.len() - 1];
    for (i, &v) in values.iter().enumerate() {
        if let Some(bin) = bin_of(v, &edges) {
            counts[bin] += weights.as_ref().map_or(1.0, |w| w[i]);
        }
    }
    if density {
        let total: f64 = counts.iter().sum();
        for (count, pair) in counts.iter_mut().zip(edges.windows(2)) {
            *count /= total * (pair[1] - pair[0]);
        }
    }
    let wrap = |v: Vec<f64>| {
        let n = v.len();
        Tensor::new(
            with_dtype!(dtype, T => T::wrap(v.into_iter().map(|x| Scalar::Float(x).to_element::<T>()).collect())),
            &[n],
        )
    };
    Ok(Value::NamedTuple(Rc::new(NamedTuple {
        type_name: "torch.return_types.histogram",
        fields: &["hist", "bin_edges"],
        items: vec![Value::Tensor(wrap(counts)), Value::Tensor(wrap(edges))],
    })))
}

/// The data's range; an empty one widened by a half on each side, as NumPy and PyTorch do.
fn outer_edges(values: &[f64]) -> (f64, f64) {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo > hi {
        (0.0, 1.0)
    } else if lo == hi {
        (lo - 0.5, hi + 0.5)
    } else {
        (lo, hi)
    }
}

fn range_of(range: &Value, args: &CallArgs) -> Eval<(f64, f64)> {
    let items: Vec<Value> = match range {
        Value::Tuple(items) => items.to_vec(),
        Value::List(items) => items.borrow().clone(),
        _ => return fail(ErrorKind::TypeError, args.span, "histogram(): range is a (min, max) tuple"),
    };
    let number = |v: &Value| super::convert::scalar_of(v).map(|s| s.to_f64());
    match (items.first().and_then(number), items.get(1).and_then(number), items.len()) {
        (Some(lo), Some(hi), 2) => Ok((lo, hi)),
        _ => fail(ErrorKind::TypeError, args.span, "histogram(): range is a (min, max) tuple of numbers"),
    }
}

/// The bin a value falls in: edges are left-closed, the last bin also right-closed;
/// values outside the edges (and NaN) are not counted.
fn bin_of(v: f64, edges: &[f64]) -> Option<usize> {
    let (first, last) = (edges[0], edges[edges.len() - 1]);
    if !(v >= first && v <= last) {
        return None;
    }
    if v == last {
        return Some(edges.len() - 2);
    }
    // The first edge above v, less one.
    Some(edges.partition_point(|&e| e <= v).saturating_sub(1).min(edges.len() - 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fall_in_left_closed_bins_and_the_last_edge_counts() {
        let edges = [0.0, 0.5, 1.0, 1.5, 2.0];
        assert_eq!(bin_of(1.0, &edges), Some(2));
        assert_eq!(bin_of(2.0, &edges), Some(3));
        assert_eq!(bin_of(0.0, &edges), Some(0));
        assert_eq!(bin_of(2.5, &edges), None);
        assert_eq!(bin_of(f64::NAN, &edges), None);
        assert_eq!(outer_edges(&[2.0, 2.0]), (1.5, 2.5));
    }
}
