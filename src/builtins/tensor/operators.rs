//! tl's operators (`+`, `<`, unary `-`, ...) when an operand is a tensor.

use super::convert::operand;
use super::error_at;
use crate::autograd::ops::{binary, shape, unary, BinaryOp, Operand, UnaryOp};
use crate::eval::{fail, Eval};
use crate::exception::ErrorKind;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp as AstUnary};
use crate::syntax::span::Span;
use crate::tensor::ops::shape::Written;
use crate::tensor::Tensor;
use crate::value::Value;

fn either_tensor(a: &Value, b: &Value) -> bool {
    matches!(a, Value::Tensor(_)) || matches!(b, Value::Tensor(_))
}

/// `a op b` if either side is a tensor; `None` otherwise.
pub fn binary_operator(op: BinOp, a: &Value, b: &Value, span: Span) -> Option<Eval<Value>> {
    if !either_tensor(a, b) {
        return None;
    }
    let tensor_op = match op {
        BinOp::Add => BinaryOp::Add,
        BinOp::Sub => BinaryOp::Sub,
        BinOp::Mul => BinaryOp::Mul,
        BinOp::Div => BinaryOp::Div,
        BinOp::FloorDiv => BinaryOp::FloorDiv,
        BinOp::Mod => BinaryOp::Remainder,
        BinOp::Pow => BinaryOp::Pow,
        BinOp::BitAnd => BinaryOp::BitAnd,
        BinOp::BitOr => BinaryOp::BitOr,
        BinOp::BitXor => BinaryOp::BitXor,
        BinOp::MatMul => {
            return Some(match (a, b) {
                (Value::Tensor(x), Value::Tensor(y)) => crate::autograd::ops::linalg::matmul(x, y)
                    .map(Value::Tensor)
                    .map_err(|e| error_at(e, span)),
                _ => fail(ErrorKind::TypeError, span, "the operands of @ must both be tensors"),
            })
        }
        BinOp::Shl => BinaryOp::ShiftLeft,
        BinOp::Shr => BinaryOp::ShiftRight,
    };
    Some(apply(tensor_op, a, b, op.symbol(), span))
}

/// `a cmp b` if either side is a tensor (elementwise, a bool tensor); `None` otherwise.
pub fn compare_operator(op: CmpOp, a: &Value, b: &Value, span: Span) -> Option<Eval<Value>> {
    if !either_tensor(a, b) {
        return None;
    }
    let tensor_op = match op {
        CmpOp::Eq => BinaryOp::Eq,
        CmpOp::Ne => BinaryOp::Ne,
        CmpOp::Lt => BinaryOp::Lt,
        CmpOp::Le => BinaryOp::Le,
        CmpOp::Gt => BinaryOp::Gt,
        CmpOp::Ge => BinaryOp::Ge,
        CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot => return None,
    };
    Some(apply(tensor_op, a, b, op.symbol(), span))
}

/// A named binary function (`atan2(a, b)`) when either argument is a tensor.
pub fn binary_function(op: BinaryOp, a: &Value, b: &Value, span: Span) -> Option<Eval<Value>> {
    either_tensor(a, b).then(|| apply(op, a, b, op.name(), span))
}

fn apply(op: BinaryOp, a: &Value, b: &Value, symbol: &str, span: Span) -> Eval<Value> {
    match (operand(a), operand(b)) {
        // PyTorch's `number / tensor` is `tensor.reciprocal() * number` (its
        // `Tensor.__rtruediv__`), rounded twice; the same steps give the same bits.
        (Some(x @ Operand::Scalar(_)), Some(Operand::Tensor(t))) if op == BinaryOp::Div => {
            unary(UnaryOp::Reciprocal, &t)
                .and_then(|r| binary(BinaryOp::Mul, &Operand::Tensor(r), &x))
                .map(Value::Tensor)
                .map_err(|e| error_at(e, span))
        }
        (Some(x), Some(y)) => binary(op, &x, &y).map(Value::Tensor).map_err(|e| error_at(e, span)),
        _ => fail(
            ErrorKind::TypeError,
            span,
            format!("unsupported operand type(s) for {symbol}: '{}' and '{}'", a.type_name(), b.type_name()),
        ),
    }
}

/// `-t`, `+t`, `~t` on a tensor; `None` for other values.
pub fn unary_operator(op: AstUnary, value: &Value, span: Span) -> Option<Eval<Value>> {
    let Value::Tensor(t) = value else { return None };
    let tensor_op = match op {
        AstUnary::Neg => UnaryOp::Neg,
        AstUnary::Invert => UnaryOp::BitwiseNot,
        AstUnary::Pos => return Some(Ok(value.clone())),
    };
    Some(unary(tensor_op, t).map(Value::Tensor).map_err(|e| error_at(e, span)))
}

/// `t op= v` on a tensor: computed, then written into `t`'s own storage, so every view
/// of it sees the change (PyTorch's in-place semantics).
pub fn in_place_operator(op: BinOp, target: &Value, value: &Value, span: Span) -> Option<Eval<Value>> {
    let Value::Tensor(dest) = target else { return None };
    let result = match binary_operator(op, target, value, span)? {
        Ok(Value::Tensor(r)) => r,
        Ok(_) => return None,
        Err(e) => return Some(Err(e)),
    };
    let inputs: Vec<&Tensor> = match value {
        Value::Tensor(v) => vec![v],
        _ => vec![],
    };
    Some(
        shape::assign(dest, &result, Written::Computed(&inputs))
            .map(|_| target.clone())
            .map_err(|e| error_at(e, span)),
    )
}
