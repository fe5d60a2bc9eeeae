//! The `linalg` namespace (`linalg.inv`, `linalg.det`, `linalg.solve`,
//! `linalg.cholesky`, `linalg.norm`, `linalg.vector_norm`, `linalg.matrix_norm`) and
//! the prelude's `trapezoid`/`trapz`, `det`, `inverse`.

use super::args::{arg, int_of, ints_of, number_of, tensor_arg};
use super::error_at;
use crate::autograd::ops::integrate::{trapezoid as integrate, Spacing};
use crate::autograd::ops::matrix::{self, MatrixOrd};
use crate::autograd::ops::reduce::{self, Dims};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

/// What `linalg.` holds.
pub static NAMESPACE: &[Builtin] = &[
    Builtin::function(inv, "inv(*args, **kwargs)"),
    Builtin::function(det, "det(*args, **kwargs)"),
    Builtin::function(solve, "solve(*args, **kwargs)"),
    Builtin::function(cholesky, "cholesky(*args, **kwargs)"),
    Builtin::function(norm, "norm(*args, **kwargs)"),
    Builtin::function(vector_norm, "vector_norm(*args, **kwargs)"),
    Builtin::function(matrix_norm, "matrix_norm(*args, **kwargs)"),
];

/// Functions (and methods) in the prelude.
pub static BUILTINS: &[Builtin] = &[
    Builtin::both(det, "det(*args, **kwargs)"),
    Builtin::both(inv, "inverse(*args, **kwargs)"),
    Builtin::both(trapezoid, "trapezoid(*args, **kwargs)"),
    Builtin::both(trapezoid, "trapz(*args, **kwargs)"),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn inv(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(matrix::inv(&tensor_arg(&args, 0)?), &args)
}

fn det(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(matrix::det(&tensor_arg(&args, 0)?), &args)
}

fn cholesky(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(matrix::cholesky(&tensor_arg(&args, 0)?), &args)
}

fn solve(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    done(matrix::solve(&tensor_arg(&args, 0)?, &tensor_arg(&args, 1)?), &args)
}

/// An `ord` argument: a number (`inf` included) or the string `"fro"`.
enum Ord {
    Number(f64),
    Frobenius,
}

fn ord_arg(args: &mut CallArgs, i: usize) -> Eval<Option<Ord>> {
    match arg(args, i, "ord") {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) if &*s == "fro" => Ok(Some(Ord::Frobenius)),
        Some(Value::Str(s)) => fail(
            "RuntimeError",
            args.span,
            format!("linalg.norm: ord=\"{s}\" needs singular values, which tl does not compute; use \"fro\", 1, -1, inf or -inf"),
        ),
        Some(v) => Ok(Some(Ord::Number(number_of(&v, "ord", args.span)?.to_f64()))),
    }
}

fn dims_arg(args: &mut CallArgs, i: usize) -> Eval<Option<Vec<i64>>> {
    match arg(args, i, "dim") {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(ints_of(&v, "dim", args.span)?)),
    }
}

fn keepdim_arg(args: &mut CallArgs, i: usize) -> bool {
    arg(args, i, "keepdim").is_some_and(|v| v.truthy())
}

fn matrix_ord(ord: Option<Ord>, args: &CallArgs) -> Eval<MatrixOrd> {
    Ok(match ord {
        None | Some(Ord::Frobenius) => MatrixOrd::Frobenius,
        Some(Ord::Number(p)) if p == 1.0 || p == -1.0 => MatrixOrd::Columns { max: p > 0.0 },
        Some(Ord::Number(p)) if p.is_infinite() => MatrixOrd::Rows { max: p > 0.0 },
        Some(Ord::Number(p)) => {
            return fail(
                "RuntimeError",
                args.span,
                format!("linalg.matrix_norm: ord={p} needs singular values, which tl does not compute; use \"fro\", 1, -1, inf or -inf"),
            )
        }
    })
}

/// `linalg.vector_norm(x, ord=2, dim=none, keepdim=false)`.
fn vector_norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let p = match ord_arg(&mut args, 1)? {
        None => 2.0,
        Some(Ord::Number(p)) => p,
        Some(Ord::Frobenius) => {
            return fail("RuntimeError", args.span, "linalg.vector_norm: ord must be a number")
        }
    };
    let dims = dims_arg(&mut args, 2)?;
    let keepdim = keepdim_arg(&mut args, 3);
    let d = Dims::resolve(&t, dims.as_deref(), keepdim).map_err(|e| error_at(e, args.span))?;
    done(reduce::norm(&t, p, &d), &args)
}

/// `linalg.matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=false)`.
fn matrix_norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let ord = ord_arg(&mut args, 1)?;
    let dims = dims_arg(&mut args, 2)?.unwrap_or(vec![-2, -1]);
    let keepdim = keepdim_arg(&mut args, 3);
    let [a, b] = dims[..] else {
        return fail(
            "RuntimeError",
            args.span,
            "linalg.matrix_norm: dim must be a 2-tuple. Got a different length",
        );
    };
    done(matrix::matrix_norm(&t, matrix_ord(ord, &args)?, [a, b], keepdim), &args)
}

/// `linalg.norm(x, ord=none, dim=none)`: without `ord`, the 2-norm of all elements;
/// with `ord`, a vector norm of a 1-d input (or one `dim`) and a matrix norm of a
/// 2-d one (or two `dim`s).
fn norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let ord = ord_arg(&mut args, 1)?;
    let dims = dims_arg(&mut args, 2)?;
    let keepdim = keepdim_arg(&mut args, 3);
    let matrix_dims = match (&dims, &ord) {
        (Some(d), _) if d.len() == 2 => Some([d[0], d[1]]),
        (None, Some(_)) if t.ndim() == 2 => Some([-2, -1]),
        _ => None,
    };
    if let Some(pair) = matrix_dims {
        return done(matrix::matrix_norm(&t, matrix_ord(ord, &args)?, pair, keepdim), &args);
    }
    let p = match ord {
        None => 2.0,
        Some(Ord::Number(p)) => p,
        Some(Ord::Frobenius) => {
            return fail(
                "RuntimeError",
                args.span,
                "linalg.norm: ord=\"fro\" is a matrix norm; give 2 dims or a 2-d input",
            )
        }
    };
    let d = Dims::resolve(&t, dims.as_deref(), keepdim).map_err(|e| error_at(e, args.span))?;
    done(reduce::norm(&t, p, &d), &args)
}

/// `trapezoid(y, x=none, dx=1, dim=-1)`.
fn trapezoid(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let y = tensor_arg(&args, 0)?;
    let dim = arg(&mut args, 3, "dim").map_or(Ok(-1), |v| int_of(&v, "dim", args.span))?;
    let spacing = match (arg(&mut args, 1, "x"), args.keyword("dx")) {
        (Some(Value::Tensor(x)), _) => Spacing::Points(x),
        (Some(dx), None) | (None, Some(dx)) => Spacing::Constant(number_of(&dx, "dx", args.span)?),
        (None, None) => Spacing::Constant(crate::tensor::scalar::Scalar::Int(1)),
        (Some(_), Some(_)) => return fail("TypeError", args.span, "trapezoid() takes x or dx, not both"),
    };
    done(integrate(&y, &spacing, dim), &args)
}
