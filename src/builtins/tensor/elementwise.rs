//! Elementwise functions of two or three operands (`add`, `where`, `clamp`, `lerp`,
//! ...), the products (`matmul`, `mm`, `dot`, ...), and the in-place method forms
//! (`x.add_(y)`, `x.zero_()`), which compute out of place and write the result back.

use super::args::{arg, number_of, tensor_arg};
use super::convert::operand;
use super::error_at;
use crate::autograd::ops::{binary, linalg, shape, BinaryOp, Operand};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::syntax::span::Span;
use crate::tensor::dtype::DType;
use crate::tensor::ops::binary::torch_type_name;
use crate::tensor::ops::shape::Written;
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(arithmetic, "add(*args, **kwargs)"),
    Builtin::both(arithmetic, "sub(*args, **kwargs)"),
    Builtin::both(arithmetic, "subtract(*args, **kwargs)"),
    Builtin::both(arithmetic, "mul(*args, **kwargs)"),
    Builtin::both(arithmetic, "multiply(*args, **kwargs)"),
    Builtin::both(arithmetic, "div(*args, **kwargs)"),
    Builtin::both(arithmetic, "divide(*args, **kwargs)"),
    Builtin::both(arithmetic, "true_divide(*args, **kwargs)"),
    Builtin::both(arithmetic, "floor_divide(*args, **kwargs)"),
    Builtin::both(arithmetic, "remainder(*args, **kwargs)"),
    Builtin::both(arithmetic, "eq(*args, **kwargs)"),
    Builtin::both(arithmetic, "ne(*args, **kwargs)"),
    Builtin::both(arithmetic, "lt(*args, **kwargs)"),
    Builtin::both(arithmetic, "le(*args, **kwargs)"),
    Builtin::both(arithmetic, "gt(*args, **kwargs)"),
    Builtin::both(arithmetic, "ge(*args, **kwargs)"),
    Builtin::both(arithmetic, "logical_and(*args, **kwargs)"),
    Builtin::both(arithmetic, "logical_or(*args, **kwargs)"),
    Builtin::both(arithmetic, "logical_xor(*args, **kwargs)"),
    Builtin::both(arithmetic, "bitwise_and(*args, **kwargs)"),
    Builtin::both(arithmetic, "bitwise_or(*args, **kwargs)"),
    Builtin::both(arithmetic, "bitwise_xor(*args, **kwargs)"),
    Builtin::both(where_, "where(*args, **kwargs)"),
    Builtin::both(clamp, "clamp(*args, **kwargs)"),
    Builtin::both(clamp, "clip(*args, **kwargs)"),
    Builtin::both(lerp, "lerp(*args, **kwargs)"),
    Builtin::both(addc, "addcmul(*args, **kwargs)"),
    Builtin::both(addc, "addcdiv(*args, **kwargs)"),
    Builtin::both(nan_to_num, "nan_to_num(*args, **kwargs)"),
    Builtin::both(matmul, "matmul(*args, **kwargs)"),
    Builtin::both(matmul, "mm(*args, **kwargs)"),
    Builtin::both(matmul, "bmm(*args, **kwargs)"),
    Builtin::both(matmul, "mv(*args, **kwargs)"),
    Builtin::both(matmul, "dot(*args, **kwargs)"),
    Builtin::both(matmul, "inner(*args, **kwargs)"),
    Builtin::both(outer, "outer(*args, **kwargs)"),
    Builtin::both(equal, "equal(*args, **kwargs)"),
    Builtin::both(allclose, "allclose(*args, **kwargs)"),
];

/// `x.op_(...)`: the method `op`, written back into `x`.
pub static IN_PLACE: &[Builtin] = &[
    Builtin::method(in_place, "add_(*args, **kwargs)"),
    Builtin::method(in_place, "sub_(*args, **kwargs)"),
    Builtin::method(in_place, "mul_(*args, **kwargs)"),
    Builtin::method(in_place, "div_(*args, **kwargs)"),
    Builtin::method(in_place, "pow_(*args, **kwargs)"),
    Builtin::method(in_place, "remainder_(*args, **kwargs)"),
    Builtin::method(in_place, "clamp_(*args, **kwargs)"),
    Builtin::method(in_place, "clip_(*args, **kwargs)"),
    Builtin::method(in_place, "neg_(*args, **kwargs)"),
    Builtin::method(in_place, "abs_(*args, **kwargs)"),
    Builtin::method(in_place, "exp_(*args, **kwargs)"),
    Builtin::method(in_place, "log_(*args, **kwargs)"),
    Builtin::method(in_place, "sqrt_(*args, **kwargs)"),
    Builtin::method(in_place, "sigmoid_(*args, **kwargs)"),
    Builtin::method(in_place, "relu_(*args, **kwargs)"),
    Builtin::method(in_place, "tanh_(*args, **kwargs)"),
    Builtin::method(in_place, "floor_(*args, **kwargs)"),
    Builtin::method(in_place, "ceil_(*args, **kwargs)"),
    Builtin::method(in_place, "round_(*args, **kwargs)"),
    Builtin::method(in_place, "lerp_(*args, **kwargs)"),
    Builtin::method(in_place, "addcmul_(*args, **kwargs)"),
    Builtin::method(in_place, "addcdiv_(*args, **kwargs)"),
    Builtin::method(in_place, "copy_(*args, **kwargs)"),
    Builtin::method(in_place, "zero_(*args, **kwargs)"),
    Builtin::method(in_place, "fill_(*args, **kwargs)"),
    Builtin::method(in_place, "scatter_(*args, **kwargs)"),
    Builtin::method(in_place, "scatter_add_(*args, **kwargs)"),
    Builtin::method(in_place, "index_add_(*args, **kwargs)"),
    Builtin::method(in_place, "masked_fill_(*args, **kwargs)"),
    Builtin::method(in_place, "put_(*args, **kwargs)"),
    Builtin::method(in_place, "square_(*args, **kwargs)"),
    Builtin::method(in_place, "sin_(*args, **kwargs)"),
    Builtin::method(in_place, "cos_(*args, **kwargs)"),
    Builtin::method(in_place, "trunc_(*args, **kwargs)"),
    Builtin::method(in_place, "reciprocal_(*args, **kwargs)"),
    Builtin::method(in_place, "tril_(*args, **kwargs)"),
    Builtin::method(in_place, "triu_(*args, **kwargs)"),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn operand_arg(args: &CallArgs, i: usize, what: &str) -> Eval<Operand> {
    match args.positional.get(i).and_then(operand) {
        Some(o) => Ok(o),
        None => fail(
            "TypeError",
            args.span,
            format!("{}(): argument '{what}' must be a Tensor or a number", args.function),
        ),
    }
}

fn op_of(name: &str) -> BinaryOp {
    match name {
        "add" => BinaryOp::Add,
        "sub" | "subtract" => BinaryOp::Sub,
        "mul" | "multiply" => BinaryOp::Mul,
        "div" | "divide" | "true_divide" => BinaryOp::Div,
        "floor_divide" => BinaryOp::FloorDiv,
        "remainder" => BinaryOp::Remainder,
        "eq" => BinaryOp::Eq,
        "ne" => BinaryOp::Ne,
        "lt" => BinaryOp::Lt,
        "le" => BinaryOp::Le,
        "gt" => BinaryOp::Gt,
        "ge" => BinaryOp::Ge,
        "logical_and" => BinaryOp::LogicalAnd,
        "logical_or" => BinaryOp::LogicalOr,
        "logical_xor" => BinaryOp::LogicalXor,
        "bitwise_and" => BinaryOp::BitAnd,
        "bitwise_or" => BinaryOp::BitOr,
        _ => BinaryOp::BitXor,
    }
}

/// `add(a, b, alpha=1)`, `div(a, b, rounding_mode=)`, comparisons, logical ops.
fn arithmetic(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let alpha = args.keyword("alpha");
    let rounding = args.keyword("rounding_mode");
    if let Some(other) = args.keyword("other") {
        args.positional.push(other);
    }
    args.expect(2, 2)?;
    let a = operand_arg(&args, 0, "input")?;
    let mut b = operand_arg(&args, 1, "other")?;
    if let Some(alpha) = alpha {
        let alpha = Operand::Scalar(number_of(&alpha, "alpha", args.span)?);
        b = Operand::Tensor(binary(BinaryOp::Mul, &b, &alpha).map_err(|e| error_at(e, args.span))?);
    }
    let op = match (op_of(args.function), rounding) {
        (BinaryOp::Div, Some(Value::Str(mode))) if &*mode == "floor" => BinaryOp::FloorDiv,
        (BinaryOp::Div, Some(Value::Str(mode))) if &*mode == "trunc" => {
            let quotient = binary(BinaryOp::Div, &a, &b).map_err(|e| error_at(e, args.span))?;
            return done(crate::autograd::ops::unary(crate::tensor::ops::UnaryOp::Trunc, &quotient), &args);
        }
        (op, _) => op,
    };
    done(binary(op, &a, &b), &args)
}

/// `where(cond, a, b)`: `a` where `cond` holds, else `b`, broadcasting all three.
fn where_(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(3, 3)?;
    let cond = tensor_arg(&args, 0)?;
    let (a, b) = (operand_arg(&args, 1, "input")?, operand_arg(&args, 2, "other")?);
    done(crate::autograd::ops::binary::select(&cond, &a, &b), &args)
}

/// `clamp(x, min=, max=)`: either bound may be missing (not both), numbers or tensors.
fn clamp(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let low = arg(&mut args, 1, "min").filter(|v| !matches!(v, Value::None));
    let high = arg(&mut args, 2, "max").filter(|v| !matches!(v, Value::None));
    let x = tensor_arg(&args, 0)?;
    if low.is_none() && high.is_none() {
        return fail(
            "RuntimeError",
            args.span,
            "torch.clamp: At least one of 'min' or 'max' must not be None",
        );
    }
    let dtype = x.dtype();
    let mut result = Operand::Tensor(x);
    let apply = |result: &Operand, v: &Value, op: BinaryOp| -> Eval<Operand> {
        let b = operand(v)
            .ok_or(())
            .or_else(|_| fail("TypeError", args.span, "clamp bounds must be numbers or tensors"))?;
        let b = integer_bound(b, dtype, op == BinaryOp::Maximum, args.span)?;
        binary(op, result, &b).map(Operand::Tensor).map_err(|e| error_at(e, args.span))
    };
    if let Some(low) = &low {
        result = apply(&result, low, BinaryOp::Maximum)?;
    }
    if let Some(high) = &high {
        result = apply(&result, high, BinaryOp::Minimum)?;
    }
    match result {
        Operand::Tensor(t) => Ok(Value::Tensor(t)),
        Operand::Scalar(_) => fail("TypeError", args.span, "clamp expects a tensor"),
    }
}

/// An int bound of an integer tensor is compared, not cast: one beyond the dtype's range
/// on the side that clamps nothing is saturated, one on the other side is PyTorch's error.
fn integer_bound(bound: Operand, dtype: DType, is_min: bool, span: Span) -> Eval<Operand> {
    let (Operand::Scalar(Scalar::Int(value)), Some((low, high))) = (&bound, dtype.integer_range()) else {
        return Ok(bound);
    };
    let value = *value;
    if (is_min && value > high) || (!is_min && value < low) {
        return fail(
            "RuntimeError",
            span,
            format!(
                "Clamp {} value {value} is outside the representable range of {}",
                if is_min { "min" } else { "max" },
                torch_type_name(dtype)
            ),
        );
    }
    Ok(Operand::Scalar(Scalar::Int(value.clamp(low, high))))
}

/// `lerp(start, end, weight)`: `start + weight * (end - start)`.
fn lerp(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(3, 3)?;
    let (start, end, weight) =
        (operand_arg(&args, 0, "input")?, operand_arg(&args, 1, "end")?, operand_arg(&args, 2, "weight")?);
    let compute = || -> TensorResult<Tensor> {
        let diff = Operand::Tensor(binary(BinaryOp::Sub, &end, &start)?);
        let step = Operand::Tensor(binary(BinaryOp::Mul, &weight, &diff)?);
        binary(BinaryOp::Add, &start, &step)
    };
    done(compute(), &args)
}

/// `addcmul(input, tensor1, tensor2, value=1)`: `input + value * tensor1 * tensor2`
/// (`addcdiv`: `/ tensor2`), multiplied in PyTorch's order (`value` first).
fn addc(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let value = match arg(&mut args, 3, "value") {
        Some(v) => match operand(&v) {
            Some(Operand::Scalar(s)) => Operand::Scalar(s),
            _ => {
                return fail(
                    "TypeError",
                    args.span,
                    format!("{}(): argument 'value' must be a number", args.function),
                )
            }
        },
        None => Operand::Scalar(Scalar::Int(1)),
    };
    args.positional.truncate(3);
    args.expect(3, 3)?;
    let (x, t1, t2) = (
        operand_arg(&args, 0, "input")?,
        operand_arg(&args, 1, "tensor1")?,
        operand_arg(&args, 2, "tensor2")?,
    );
    let op = if args.function.starts_with("addcdiv") { BinaryOp::Div } else { BinaryOp::Mul };
    let compute = || -> TensorResult<Tensor> {
        let scaled = Operand::Tensor(binary(BinaryOp::Mul, &value, &t1)?);
        let combined = Operand::Tensor(binary(op, &scaled, &t2)?);
        binary(BinaryOp::Add, &x, &combined)
    };
    done(compute(), &args)
}

/// `nan_to_num(x, nan=0.0, posinf=None, neginf=None)`: the dtype's extremes by default.
fn nan_to_num(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let nan = arg(&mut args, 1, "nan");
    let posinf = arg(&mut args, 2, "posinf");
    let neginf = arg(&mut args, 3, "neginf");
    let x = tensor_arg(&args, 0)?;
    // An integer tensor holds no NaN or infinity; through f64 it would lose bits.
    if !x.dtype().is_float() {
        return Ok(Value::Tensor(x.copy()));
    }
    let (max, min) = (x.dtype().finite_max(), -x.dtype().finite_max());
    let value = |v: Option<Value>, default: f64| -> Eval<f64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => Ok(number_of(&v, "replacement", args.span)?.to_f64()),
        }
    };
    let (n, p, m) = (value(nan, 0.0)?, value(posinf, max)?, value(neginf, min)?);
    let values: Vec<f64> = x
        .to_f64_vec()
        .into_iter()
        .map(|v| {
            if v.is_nan() {
                n
            } else if v == f64::INFINITY {
                p
            } else if v == f64::NEG_INFINITY {
                m
            } else {
                v
            }
        })
        .collect();
    Ok(Value::Tensor(Tensor::from_vec(values, x.shape()).to_dtype(x.dtype())))
}

fn matmul(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let (a, b) = (tensor_arg(&args, 0)?, tensor_arg(&args, 1)?);
    match args.function {
        "matmul" => done(linalg::matmul(&a, &b), &args),
        "inner" => done(linalg::checked_matmul("dot", &a, &b), &args),
        name => done(linalg::checked_matmul(name, &a, &b), &args),
    }
}

fn outer(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    done(linalg::outer(&tensor_arg(&args, 0)?, &tensor_arg(&args, 1)?), &args)
}

/// `equal(a, b)`: same shape and same values (a bool, not a tensor).
fn equal(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let (a, b) = (tensor_arg(&args, 0)?, tensor_arg(&args, 1)?);
    let same_values = if a.dtype().is_float() || b.dtype().is_float() {
        a.to_f64_vec() == b.to_f64_vec()
    } else {
        a.to_i64_vec() == b.to_i64_vec()
    };
    Ok(Value::Bool(a.shape() == b.shape() && same_values))
}

/// `allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=false)`.
fn allclose(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let rtol = args
        .keyword("rtol")
        .map(|v| number_of(&v, "rtol", args.span))
        .transpose()?
        .map_or(1e-5, |s| s.to_f64());
    let atol = args
        .keyword("atol")
        .map(|v| number_of(&v, "atol", args.span))
        .transpose()?
        .map_or(1e-8, |s| s.to_f64());
    let equal_nan = args.keyword("equal_nan").is_some_and(|v| v.truthy());
    args.expect(2, 2)?;
    let (a, b) = (tensor_arg(&args, 0)?, tensor_arg(&args, 1)?);
    let shape =
        crate::tensor::ops::binary::broadcast(a.shape(), b.shape()).map_err(|e| error_at(e, args.span))?;
    let x = a.with_layout(a.layout().expand(&shape)).to_f64_vec();
    let y = b.with_layout(b.layout().expand(&shape)).to_f64_vec();
    let close = x.iter().zip(&y).all(|(p, q)| {
        if p.is_nan() || q.is_nan() {
            return equal_nan && p.is_nan() && q.is_nan();
        }
        p == q || (p - q).abs() <= atol + rtol * q.abs()
    });
    Ok(Value::Bool(close))
}

/// `x.op_(...)`: runs `x.op(...)` and writes the result into `x`; returns `x`.
fn in_place(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dest = tensor_arg(&args, 0)?;
    let span = args.span;
    let base = args.function.trim_end_matches('_');
    // The tensors the result is computed from (a fill reads its one value first).
    let fill_element = base == "fill" && matches!(args.positional.get(1), Some(Value::Tensor(_)));
    let fills = matches!(base, "zero" | "fill" | "masked_fill");
    let operands = args.positional[1..].iter().chain(args.keywords.iter().map(|(_, v)| v));
    let inputs: Vec<Tensor> = operands
        .filter_map(|v| match v {
            Value::Tensor(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let result = match base {
        "zero" => {
            args.expect(1, 1)?;
            Tensor::scalar(Scalar::Int(0), dest.dtype())
        }
        "fill" | "copy" => {
            args.expect(2, 2)?;
            match operand_arg(&args, 1, "value")? {
                Operand::Tensor(t) if base == "fill" && t.ndim() > 0 => {
                    return fail(
                        "RuntimeError",
                        span,
                        format!(
                            "fill_ only supports 0-dimension value tensor but got tensor with {} dimensions.",
                            t.ndim()
                        ),
                    )
                }
                Operand::Tensor(t) => t,
                Operand::Scalar(s) => {
                    let s = s.checked_fill(dest.dtype(), dest.numel()).map_err(|e| error_at(e, span))?;
                    Tensor::scalar(s, dest.dtype())
                }
            }
        }
        _ => {
            let Some(method) = crate::builtins::methods::lookup(&args.positional[0], base) else {
                return fail(
                    "AttributeError",
                    args.span,
                    format!("'Tensor' object has no attribute '{}'", args.function),
                );
            };
            args.function = method.name;
            match (method.call)(interp, args)? {
                Value::Tensor(t) => t,
                other => return fail("TypeError", span, format!("{base}() returned {}", other.type_name())),
            }
        }
    };
    let result = if matches!(base, "fill" | "copy" | "zero") {
        shape::to_dtype(&result, dest.dtype()).map_err(|e| error_at(e, span))?
    } else {
        result
    };
    let inputs: Vec<&Tensor> = inputs.iter().collect();
    let written = match () {
        _ if fill_element => Written::Element,
        _ if fills => Written::Number,
        _ => Written::Computed(&inputs),
    };
    shape::assign(&dest, &result, written).map_err(|e| error_at(e, span))?;
    Ok(Value::Tensor(dest))
}
