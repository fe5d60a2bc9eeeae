//! Between tl values and tensors: nested lists to tensors (with PyTorch's shape and
//! overflow errors), dtype arguments, Python numbers as operands, elements as values.

use crate::eval::{fail, Eval};
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::storage::Buffer;
use crate::syntax::span::Span;
use crate::tensor::ops::Operand;
use crate::tensor::scalar::Scalar;
use crate::tensor::Tensor;
use crate::value::Value;
use crate::with_dtype;

/// A Python number (or bool) as a tensor element.
pub fn scalar_of(value: &Value) -> Option<Scalar> {
    match value {
        Value::Bool(b) => Some(Scalar::Bool(*b)),
        Value::Int(i) => Some(Scalar::Int(*i)),
        Value::Float(x) => Some(Scalar::Float(*x)),
        _ => None,
    }
}

pub fn scalar_value(scalar: Scalar) -> Value {
    match scalar {
        Scalar::Bool(b) => Value::Bool(b),
        Scalar::Int(i) => Value::Int(i),
        Scalar::Float(x) => Value::Float(x),
    }
}

/// A value as one side of a tensor operation.
pub fn operand(value: &Value) -> Option<Operand> {
    match value {
        Value::Tensor(t) => Some(Operand::Tensor(t.clone())),
        other => scalar_of(other).map(Operand::Scalar),
    }
}

/// A `dtype=` argument: a dtype value, or Python's `float`/`int`/`bool`, which mean
/// float64, int64 and bool as they do in PyTorch.
pub fn dtype_of(value: &Value) -> Option<DType> {
    match value {
        Value::DType(d) => Some(*d),
        Value::Builtin(b) => match b.name {
            "float" => Some(DType::F64),
            "int" => Some(DType::I64),
            "bool" => Some(DType::Bool),
            _ => None,
        },
        _ => None,
    }
}

/// A `dtype=` keyword's value, or `None` when absent or `none`.
pub fn dtype_arg(value: Option<Value>, span: Span) -> Eval<Option<DType>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(v) => match dtype_of(&v) {
            Some(d) => Ok(Some(d)),
            None => fail(
                ErrorKind::TypeError,
                span,
                format!("dtype must be a dtype such as float32, not {}", v.type_name()),
            ),
        },
    }
}

/// `tensor(data, dtype=)`: nested lists, tuples, numbers and one-element tensors.
pub fn tensor_from_data(data: &Value, dtype: Option<DType>, span: Span) -> Eval<Tensor> {
    if let Value::Tensor(t) = data {
        let copy = t.copy();
        return Ok(match dtype {
            Some(d) => copy.to_dtype(d),
            None => copy,
        });
    }
    let mut shape = Vec::new();
    let mut elements = Vec::new();
    let mut saw_tensor_dtype: Option<DType> = None;
    collect(data, 0, &mut shape, &mut elements, &mut saw_tensor_dtype, span)?;
    let inferred = infer_dtype(&elements, saw_tensor_dtype);
    let dtype = dtype.unwrap_or(inferred);
    if dtype.is_integer() {
        for &e in &elements {
            check_fits(e, dtype, span)?;
        }
    }
    let storage = with_dtype!(dtype, T => T::wrap(elements.iter().map(|s| s.to_element::<T>()).collect()));
    Ok(Tensor::new(storage, &shape))
}

fn infer_dtype(elements: &[Scalar], tensor_dtype: Option<DType>) -> DType {
    let mut dtype = tensor_dtype.unwrap_or(DType::Bool);
    let mut any = tensor_dtype.is_some();
    for e in elements {
        any = true;
        dtype = dtype.promote(e.default_dtype());
    }
    if any {
        dtype
    } else {
        DType::DEFAULT_FLOAT
    }
}

/// PyTorch refuses Python numbers that do not fit the requested integer dtype (floats
/// overflow to infinity here).
fn check_fits(value: Scalar, dtype: DType, span: Span) -> Eval<()> {
    if value.fits(dtype) {
        return Ok(());
    }
    fail(
        ErrorKind::RuntimeError,
        span,
        format!("value cannot be converted to type {} without overflow", dtype.name()),
    )
}

fn collect(
    value: &Value,
    depth: usize,
    shape: &mut Vec<usize>,
    out: &mut Vec<Scalar>,
    tensor_dtype: &mut Option<DType>,
    span: Span,
) -> Eval<()> {
    let items = match value {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        Value::Tensor(t) if t.numel() == 1 && t.ndim() == 0 => {
            *tensor_dtype = Some(tensor_dtype.map_or(t.dtype(), |d| d.promote(t.dtype())));
            return leaf(t.item().map_err(|e| super::error_at(e, span))?, depth, shape, out, span);
        }
        Value::Tensor(_) => {
            return fail(
                ErrorKind::TypeError,
                span,
                "only integer tensors of a single element can be converted to an index",
            )
        }
        other => match scalar_of(other) {
            Some(s) => return leaf(s, depth, shape, out, span),
            None => {
                return fail(
                    ErrorKind::TypeError,
                    span,
                    format!("new(): invalid data type '{}'", other.type_name()),
                )
            }
        },
    };
    if shape.len() == depth {
        if !out.is_empty() {
            return fail(ErrorKind::ValueError, span, "expected a number, got a sequence");
        }
        shape.push(items.len());
    } else if shape.len() > depth && shape[depth] != items.len() {
        return fail(
            ErrorKind::ValueError,
            span,
            format!("expected sequence of length {} at dim {depth} (got {})", shape[depth], items.len()),
        );
    }
    for item in &items {
        collect(item, depth + 1, shape, out, tensor_dtype, span)?;
    }
    Ok(())
}

fn leaf(value: Scalar, depth: usize, shape: &[usize], out: &mut Vec<Scalar>, span: Span) -> Eval<()> {
    if depth < shape.len() {
        return fail(
            ErrorKind::ValueError,
            span,
            format!("expected sequence of length {} at dim {depth} (got a number)", shape[depth]),
        );
    }
    out.push(value);
    Ok(())
}
