//! The `linalg` namespace (`linalg.inv`, `linalg.det`, `linalg.solve`,
//! `linalg.cholesky`, `linalg.norm`, `linalg.vector_norm`, `linalg.matrix_norm`) and
//! the prelude's `trapezoid`/`trapz`, `det`, `inverse`.

use super::args::{arg, int_of, ints_of, number_of, tensor_arg};
use super::error_at;
use crate::autograd::ops::integrate::{trapezoid as integrate, Spacing};
use crate::autograd::ops::matrix::{self, MatrixOrd};
use crate::autograd::ops::reduce::{self, Dims};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

/// What `linalg.` holds.
pub static NAMESPACE: &[Builtin] = &[
    Builtin::function(
        inv,
        "inv(A, *, out=None) -> Tensor

The inverse of the square matrix `A` (of each matrix in a batch), by LU
factorisation; a singular matrix is an error.

Args:
    A: a float tensor of shape (*, n, n)
    out: a tensor to write the result into
Returns: a tensor shaped like `A`
Example: linalg.inv(tensor([[2., 0.], [0., 4.]]))  # tensor([[0.5000, 0.0000], [0.0000, 0.2500]])",
    ),
    Builtin::function(
        det,
        "det(A, *, out=None) -> Tensor

The determinant of the square matrix `A` (of each matrix in a batch).

Args:
    A: a float tensor of shape (*, n, n)
    out: a tensor to write the result into
Returns: a tensor of shape (*)
Example: linalg.det(tensor([[4., 1.], [1., 3.]]))  # tensor(11.)",
    ),
    Builtin::function(
        solve,
        "solve(A, B, *, out=None) -> Tensor

The solution X of the linear system A X = B, for a square invertible `A`; `B` may be
a vector or a matrix of right-hand sides (batches broadcast).

Args:
    A: a float tensor of shape (*, n, n)
    B: a float tensor of shape (*, n) or (*, n, k)
    out: a tensor to write the result into
Returns: a tensor shaped like `B`
Example: linalg.solve(tensor([[2., 0.], [0., 4.]]), tensor([2., 2.]))  # tensor([1.0000, 0.5000])",
    ),
    Builtin::function(
        cholesky,
        "cholesky(A, *, upper=False, out=None) -> Tensor

The Cholesky factor of the symmetric positive-definite matrix `A`: the lower
triangular L with L L^T = A, or its transpose U (U^T U = A) with `upper`.

Args:
    A: a float tensor of shape (*, n, n), symmetric positive-definite
    upper: whether to return the upper triangular factor instead of the lower one
    out: a tensor to write the result into
Returns: a tensor shaped like `A`
Example: linalg.cholesky(tensor([[4., 2.], [2., 5.]]))  # tensor([[2., 0.], [1., 2.]])",
    ),
    Builtin::function(
        norm,
        "norm(input, ord=None, dim=None, keepdim=False, *, out=None) -> Tensor

A vector or matrix norm: without `ord`, the 2-norm of all the elements; with `ord`, a
vector norm of a 1-d input (or over one `dim`) and a matrix norm of a 2-d one (or over
two `dim`s).

Args:
    input: a float tensor
    ord: a number, `inf` or `-inf`; for a matrix norm `'fro'`, 1, -1, `inf` or `-inf`
    dim: a dim (vector norm) or a pair of dims (matrix norm); `None` as described above
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a tensor
Example: linalg.norm(tensor([[3., 4.], [6., 8.]]), dim=1)  # tensor([ 5., 10.])",
    ),
    Builtin::function(
        vector_norm,
        "vector_norm(x, ord=2, dim=None, keepdim=False, *, out=None) -> Tensor

The `ord`-norm of `x` taken as a vector: of all its elements, or of each slice
over `dim` (`inf`/`-inf`: the largest/smallest |x|; 0: how many are nonzero).

Args:
    x: a float tensor
    ord: the order, a number, `inf` or `-inf`
    dim: a dim or tuple of dims to take the norm over; `None` (or `()`) takes it over all of them
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a tensor
Example: linalg.vector_norm(tensor([3., -4.]), ord=1)  # tensor(7.)",
    ),
    Builtin::function(
        matrix_norm,
        "matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False, *, out=None) -> Tensor

The `ord`-norm of each matrix of `A` over the two dims `dim`: Frobenius (`'fro'`),
the largest column sum of |x| (1), row sum (`inf`), or the smallest of those (-1, `-inf`).

Args:
    A: a float tensor with at least two dims
    ord: `'fro'`, 1, -1, `inf` or `-inf` (orders that need singular values are not computed)
    dim: the two dims that hold the matrices
    keepdim: whether the reduced dims stay, with size 1
    out: a tensor to write the result into
Returns: a tensor
Example: linalg.matrix_norm(tensor([[1., -2.], [3., 4.]]), ord=1)  # tensor(6.)",
    ),
];

/// Functions (and methods) in the prelude.
pub static BUILTINS: &[Builtin] = &[
    Builtin::both(
        det,
        "det(input) -> Tensor

The determinant of the square matrix `input` (of each matrix in a batch), as
`linalg.det`.

Args:
    input: a float tensor of shape (*, n, n)
Returns: a tensor of shape (*)
Example: tensor([[4., 1.], [1., 3.]]).det()  # tensor(11.)",
    ),
    Builtin::both(
        inv,
        "inverse(input, *, out=None) -> Tensor

The inverse of the square matrix `input` (of each matrix in a batch), as `linalg.inv`.

Args:
    input: a float tensor of shape (*, n, n)
    out: a tensor to write the result into
Returns: a tensor shaped like `input`
Example: inverse(tensor([[2., 0.], [0., 4.]]))[1]  # tensor([0.0000, 0.2500])",
    ),
    Builtin::function(
        trapezoid,
        "trapezoid(y, x=None, *, dx=None, dim=-1) -> Tensor

The integral of the samples `y` along `dim` by the trapezoidal rule: at the points
`x`, or `dx` apart (1 when neither is given).

Args:
    y: the sampled values
    x: the sample points, a tensor along `dim` (a number is taken as `dx`)
    dx: the spacing between samples, when `x` is not given
    dim: the dim to integrate along
Returns: a tensor with `dim` removed
Example: trapezoid(tensor([1., 2., 3.]), dx=0.5)  # tensor(2.)",
    ),
    Builtin::function(
        trapezoid,
        "trapz(y, x=None, *, dx=None, dim=-1) -> Tensor

The older name of `trapezoid`: the integral of `y` along `dim` by the trapezoidal
rule, at the points `x` or `dx` apart.

Args:
    y: the sampled values
    x: the sample points, a tensor along `dim` (a number is taken as `dx`)
    dx: the spacing between samples, when `x` is not given
    dim: the dim to integrate along
Returns: a tensor with `dim` removed
Example: trapz(tensor([1., 2., 3.]), tensor([0., 1., 3.]))  # tensor(6.5000)",
    ),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn inv(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    done(matrix::inv(&tensor_arg(&args, 0)?), &args)
}

fn det(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    done(matrix::det(&tensor_arg(&args, 0)?), &args)
}

/// `cholesky(input, upper=)`: the upper factor is the lower one transposed.
fn cholesky(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let upper = args.keyword("upper").is_some_and(|v| v.truthy());
    let lower = matrix::cholesky(&tensor_arg(&args, 0)?);
    let result = if upper {
        lower.and_then(|l| crate::autograd::ops::shape::transpose(&l, -2, -1)).map(|u| u.contiguous())
    } else {
        lower
    };
    done(result, &args)
}

fn solve(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
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
            ErrorKind::RuntimeError,
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
                ErrorKind::RuntimeError,
                args.span,
                format!("linalg.matrix_norm: ord={p} needs singular values, which tl does not compute; use \"fro\", 1, -1, inf or -inf"),
            )
        }
    })
}

/// `linalg.vector_norm(input, ord=2, dim=None, keepdim=False)`.
fn vector_norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let p = match ord_arg(&mut args, 1)? {
        None => 2.0,
        Some(Ord::Number(p)) => p,
        Some(Ord::Frobenius) => {
            return fail(ErrorKind::RuntimeError, args.span, "linalg.vector_norm: ord must be a number")
        }
    };
    // An empty tuple of dims is all of them, as `None`.
    let dims = dims_arg(&mut args, 2)?.filter(|d| !d.is_empty());
    let keepdim = keepdim_arg(&mut args, 3);
    let d = Dims::resolve(&t, dims.as_deref(), keepdim).map_err(|e| error_at(e, args.span))?;
    done(reduce::norm(&t, p, &d), &args)
}

/// `linalg.matrix_norm(input, ord='fro', dim=(-2, -1), keepdim=False)`.
fn matrix_norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let ord = ord_arg(&mut args, 1)?;
    let dims = dims_arg(&mut args, 2)?.unwrap_or(vec![-2, -1]);
    let keepdim = keepdim_arg(&mut args, 3);
    let [a, b] = dims[..] else {
        return fail(
            ErrorKind::RuntimeError,
            args.span,
            "linalg.matrix_norm: dim must be a 2-tuple. Got a different length",
        );
    };
    done(matrix::matrix_norm(&t, matrix_ord(ord, &args)?, [a, b], keepdim), &args)
}

/// `linalg.norm(input, ord=None, dim=None, keepdim=False)`: without `ord`, the 2-norm
/// of all elements; with `ord`, a vector norm of a 1-d input (or one `dim`) and a
/// matrix norm of a 2-d one (or two `dim`s).
fn norm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let ord = ord_arg(&mut args, 1)?;
    let dims = dims_arg(&mut args, 2)?;
    let keepdim = keepdim_arg(&mut args, 3);
    if let Some(d) = dims.as_ref().filter(|d| !matches!(d.len(), 1 | 2)) {
        return fail(
            ErrorKind::RuntimeError,
            args.span,
            format!("linalg.norm: If dim is specified, it must be of length 1 or 2. Got {d:?}"),
        );
    }
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
                ErrorKind::RuntimeError,
                args.span,
                "linalg.norm: ord=\"fro\" is a matrix norm; give 2 dims or a 2-d input",
            )
        }
    };
    let d = Dims::resolve(&t, dims.as_deref(), keepdim).map_err(|e| error_at(e, args.span))?;
    done(reduce::norm(&t, p, &d), &args)
}

/// `trapezoid(y, x=None, *, dx=None, dim=-1)`; a number as `x` is taken as `dx`.
fn trapezoid(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let y = tensor_arg(&args, 0)?;
    let dim = match args.keyword("dim") {
        None => -1,
        Some(v) => int_of(&v, "dim", args.span)?,
    };
    let none_as_absent = |v: Option<Value>| v.filter(|v| !matches!(v, Value::None));
    let (x, dx) = (none_as_absent(arg(&mut args, 1, "x")), none_as_absent(args.keyword("dx")));
    let spacing = match (x, dx) {
        (Some(_), Some(_)) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}() takes x or dx, not both", args.function),
            )
        }
        (Some(Value::Tensor(x)), None) => Spacing::Points(x),
        (Some(dx), None) | (None, Some(dx)) => Spacing::Constant(number_of(&dx, "dx", args.span)?),
        (None, None) => Spacing::Constant(crate::tensor::scalar::Scalar::Int(1)),
    };
    done(integrate(&y, &spacing, dim), &args)
}
