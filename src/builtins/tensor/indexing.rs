//! `x[...]` and `x[...] = v` on tensors: tl's subscripts become tensor indices.

use super::convert::{operand, tensor_from_data};
use super::error_at;
use crate::autograd::ops::index::{index, index_put};
use crate::eval::{fail, Eval, Subscript};
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::syntax::span::Span;
use crate::tensor::ops::index::TensorIndex;
use crate::tensor::Tensor;
use crate::value::Value;

fn slice_bound(value: &Option<Value>, span: Span) -> Eval<Option<i64>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::Tensor(t) if t.numel() == 1 && t.dtype().is_integer() => Ok(Some(t.to_i64_vec()[0])),
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("slice indices must be integers or None, not {}", other.type_name()),
            ),
        },
    }
}

/// The tensor indices of a subscript list; a tuple as the only subscript stands for
/// its items (`m[(i, j)]` is `m[i, j]`).
fn indices(subscripts: &[Subscript], span: Span) -> Eval<Vec<TensorIndex>> {
    if let [Subscript::Item(Value::Tuple(items))] = subscripts {
        let expanded: Vec<Subscript> = items.iter().map(|v| Subscript::Item(v.clone())).collect();
        return indices(&expanded, span);
    }
    subscripts
        .iter()
        .map(|s| {
            Ok(match s {
                Subscript::Ellipsis => TensorIndex::Ellipsis,
                Subscript::Slice { lower, upper, step } => TensorIndex::Slice {
                    start: slice_bound(lower, span)?,
                    stop: slice_bound(upper, span)?,
                    step: slice_bound(step, span)?,
                },
                Subscript::Item(Value::None) => TensorIndex::NewAxis,
                Subscript::Item(Value::Int(i)) => TensorIndex::Int(*i),
                Subscript::Item(Value::Tensor(t)) if t.ndim() == 0 && t.dtype().is_integer() => {
                    TensorIndex::Int(t.to_i64_vec()[0])
                }
                Subscript::Item(Value::Tensor(t)) => TensorIndex::Tensor(t.clone()),
                Subscript::Item(list @ (Value::List(_) | Value::Tuple(_) | Value::Size(_))) => {
                    let t = tensor_from_data(&list.as_plain_tuple(), None, span)?;
                    let t = if t.numel() == 0 { t.to_dtype(DType::I64) } else { t };
                    TensorIndex::Tensor(t)
                }
                Subscript::Item(other) => {
                    return fail(
                        ErrorKind::IndexError,
                        span,
                        format!(
                            "only integers, slices (`:`), ellipsis (`...`), none and long or boolean tensors are valid indices (got {})",
                            other.type_name()
                        ),
                    )
                }
            })
        })
        .collect()
}

pub fn get(t: &Tensor, subscripts: &[Subscript], span: Span) -> Eval<Value> {
    let items = indices(subscripts, span)?;
    index(t, &items).map(Value::Tensor).map_err(|e| error_at(e, span))
}

pub fn set(t: &Tensor, subscripts: &[Subscript], value: &Value, span: Span) -> Eval<()> {
    let items = indices(subscripts, span)?;
    let Some(value) = operand(value) else {
        return fail(
            ErrorKind::TypeError,
            span,
            format!("can only assign a number or a tensor to a tensor's elements, not {}", value.type_name()),
        );
    };
    index_put(t, &items, &value).map_err(|e| error_at(e, span))
}
