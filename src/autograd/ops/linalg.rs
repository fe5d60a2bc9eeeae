//! Products and matrix functions with their gradients: `matmul` (and the names built
//! on it), `outer`, `det`, `inv`, `solve`, `cholesky`, `trace`, `matrix_norm`.

use super::binary::{mul, scale};
use super::record1;
use super::reduce::{norm, reduce};
use super::shape::{diagonal, dims_i64, reshape, sum_to, to_dtype, transpose, triangle, unsqueeze};
use super::unary::unary;
use crate::autograd::needs_grad;
use crate::tensor::ops::matrix::{self as plain, MatrixOrd};
use crate::tensor::ops::reduce::{Dims, Reduction};
use crate::tensor::ops::shape::wrap_dim;
use crate::tensor::ops::{linalg, UnaryOp};
use crate::tensor::{Tensor, TensorError, TensorResult};

/// The last two dimensions swapped.
fn mt(t: &Tensor) -> TensorResult<Tensor> {
    transpose(t, -2, -1)
}

/// PyTorch's node for a product of these ranks.
fn matmul_name(a: &Tensor, b: &Tensor) -> &'static str {
    match (a.ndim(), b.ndim()) {
        (1, 1) => "DotBackward0",
        (2, 1) => "MvBackward0",
        (1, 2) => "SqueezeBackward4",
        (2, 2) => "MmBackward0",
        _ => "UnsafeViewBackward0",
    }
}

/// `a @ b`: the gradients are `g @ bᵀ` and `aᵀ @ g`, with 1-d operands treated as a
/// row and a column and broadcast batch dimensions summed away.
pub fn matmul(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    matmul_as(a, b, matmul_name(a, b))
}

/// `matmul` recorded as the node `name` (`bmm` is `BmmBackward0`, where `@` on the same
/// batches is `UnsafeViewBackward0`).
fn matmul_as(a: &Tensor, b: &Tensor, name: &'static str) -> TensorResult<Tensor> {
    let out = linalg::matmul(a, b)?;
    if !needs_grad(&[a, b]) {
        return Ok(out);
    }
    let (x, y) = (a.clone(), b.clone());
    // A product's gradient costs as much as the product: skip the one nobody reads
    // (an input batch's, in training).
    let (wants_x, wants_y) = (a.requires_grad(), b.requires_grad());
    record1(name, &[a, b], &[a, b], &out, move |g| {
        let x2 = if x.ndim() == 1 { unsqueeze(&x, 0)? } else { x.clone() };
        let y2 = if y.ndim() == 1 { unsqueeze(&y, 1)? } else { y.clone() };
        let mut g2 = g.clone();
        if x.ndim() == 1 {
            g2 = unsqueeze(&g2, if y.ndim() == 1 { 0 } else { -2 })?;
        }
        if y.ndim() == 1 {
            g2 = unsqueeze(&g2, -1)?;
        }
        let gradient =
            |wanted: bool, product: &dyn Fn() -> TensorResult<Tensor>, input: &Tensor, input2: &Tensor| {
                let shaped = |p: Tensor| {
                    to_dtype(&reshape(&sum_to(&p, input2.shape())?, &dims_i64(input.shape()))?, input.dtype())
                };
                wanted.then(product).map(|p| p.and_then(shaped)).transpose()
            };
        Ok(vec![
            gradient(wants_x, &|| matmul(&g2, &mt(&y2)?), &x, &x2)?,
            gradient(wants_y, &|| matmul(&mt(&x2)?, &g2), &y, &y2)?,
        ])
    });
    Ok(out)
}

/// `addmm(input, mat1, mat2, beta, alpha)`: `beta * input + alpha * (mat1 @ mat2)` as
/// one node, PyTorch's `AddmmBackward0` (what `nn.Linear` records on a batch); `input`
/// broadcasts to the product's shape and its gradient is summed back.
pub fn addmm(input: &Tensor, mat1: &Tensor, mat2: &Tensor, beta: f64, alpha: f64) -> TensorResult<Tensor> {
    linalg::check_ranks("addmm", (2, 2), mat1, mat2)?;
    let out = {
        let _plain = crate::autograd::GradMode::set(false);
        let product = matmul(mat1, mat2)?;
        let product = if alpha == 1.0 { product } else { scale(&product, alpha)? };
        let base = if beta == 1.0 { input.clone() } else { scale(input, beta)? };
        super::binary::add(&base, &product)?
    };
    if !needs_grad(&[input, mat1, mat2]) {
        return Ok(out);
    }
    let (x, a, b) = (input.clone(), mat1.clone(), mat2.clone());
    let wants = (input.requires_grad(), mat1.requires_grad(), mat2.requires_grad());
    record1("AddmmBackward0", &[input, mat1, mat2], &[mat1, mat2], &out, move |g| {
        let scaled = |t: Tensor, by: f64| if by == 1.0 { Ok(t) } else { scale(&t, by) };
        let grad_input = wants.0.then(|| scaled(sum_to(g, x.shape())?, beta)).transpose()?;
        let grad_a = wants.1.then(|| scaled(matmul(g, &mt(&b)?)?, alpha)).transpose()?;
        let grad_b = wants.2.then(|| scaled(matmul(&mt(&a)?, g)?, alpha)).transpose()?;
        Ok(vec![grad_input, grad_a, grad_b])
    });
    Ok(out)
}

/// `mm`, `bmm`, `mv`, `dot`: `matmul` restricted to the ranks `(ra, rb)` they promise.
pub fn checked_matmul(name: &str, ranks: (usize, usize), a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    linalg::check_ranks(name, ranks, a, b)?;
    match name {
        "bmm" => matmul_as(a, b, "BmmBackward0"),
        _ => matmul(a, b),
    }
}

/// `outer(a, b)`: a column times a row.
pub fn outer(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    if a.ndim() != 1 || b.ndim() != 1 {
        return Err(TensorError::runtime("outer: expected 1-D tensors"));
    }
    mul(&unsqueeze(a, 1)?, &unsqueeze(b, 0)?)
}

/// `g` broadcast over the last two dimensions (a gradient per matrix of a batch).
fn per_matrix(g: &Tensor) -> TensorResult<Tensor> {
    unsqueeze(&unsqueeze(g, -1)?, -1)
}

/// `linalg.det(A)`: d det / dA = det · A⁻ᵀ.
pub fn det(a: &Tensor) -> TensorResult<Tensor> {
    let out = plain::det(a)?;
    if !needs_grad(&[a]) {
        return Ok(out);
    }
    let x = a.clone();
    record1("LinalgDetBackward0", &[a], &[a], &out, move |g| {
        let d = det(&x)?;
        Ok(vec![Some(mul(&per_matrix(&mul(g, &d)?)?, &mt(&inv(&x)?)?)?)])
    });
    Ok(out)
}

/// `linalg.inv(A)`: the gradient is -A⁻ᵀ g A⁻ᵀ.
pub fn inv(a: &Tensor) -> TensorResult<Tensor> {
    let out = plain::inv(a)?;
    if !needs_grad(&[a]) {
        return Ok(out);
    }
    let x = a.clone();
    record1("LinalgInvExBackward0", &[a], &[a], &out, move |g| {
        let inverse_t = mt(&inv(&x)?)?;
        Ok(vec![Some(unary(UnaryOp::Neg, &matmul(&matmul(&inverse_t, g)?, &inverse_t)?)?)])
    });
    Ok(out)
}

/// `linalg.solve(A, B)`: with X = A⁻¹B, gB = A⁻ᵀ g and gA = -gB Xᵀ.
pub fn solve(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    let out = plain::solve(a, b)?;
    if !needs_grad(&[a, b]) {
        return Ok(out);
    }
    let (x, y, vector) = (a.clone(), b.clone(), out.ndim() + 1 == a.ndim() || b.ndim() == 1);
    record1("LinalgSolveExBackward0", &[a, b], &[a, b], &out, move |g| {
        let solution = solve(&x, &y)?;
        let gb = solve(&mt(&x)?, g)?;
        let (gb_m, sol_m) =
            if vector { (unsqueeze(&gb, -1)?, unsqueeze(&solution, -1)?) } else { (gb.clone(), solution) };
        let ga = unary(UnaryOp::Neg, &matmul(&gb_m, &mt(&sol_m)?)?)?;
        Ok(vec![Some(sum_to(&ga, x.shape())?), Some(sum_to(&gb, y.shape())?)])
    });
    Ok(out)
}

/// `linalg.cholesky(A)`: with Φ(S) the lower triangle of S with its diagonal halved,
/// gA = L⁻ᵀ Φ(Lᵀ g) L⁻¹, symmetrised.
pub fn cholesky(a: &Tensor) -> TensorResult<Tensor> {
    let out = plain::cholesky(a)?;
    if !needs_grad(&[a]) {
        return Ok(out);
    }
    let x = a.clone();
    record1("LinalgCholeskyExBackward0", &[a], &[a], &out, move |g| {
        let l = cholesky(&x)?;
        let s = matmul(&mt(&l)?, g)?;
        let lower = triangle(&s, -1, true)?;
        let half_diagonal = scale(&triangle(&triangle(&s, 0, true)?, 0, false)?, 0.5)?;
        let phi = super::binary::add(&lower, &half_diagonal)?;
        let l_inv = inv(&l)?;
        let ga = matmul(&matmul(&mt(&l_inv)?, &phi)?, &l_inv)?;
        Ok(vec![Some(scale(&super::binary::add(&ga, &mt(&ga)?)?, 0.5)?)])
    });
    Ok(out)
}

/// `trace(m)`: the sum of the main diagonal.
pub fn trace(t: &Tensor) -> TensorResult<Tensor> {
    if t.ndim() != 2 {
        return Err(TensorError::runtime(format!(
            "trace: expected a matrix, but got tensor with dim {}",
            t.ndim()
        )));
    }
    let d = diagonal(t, 0, 0, 1)?;
    reduce(Reduction::Sum, &d, &Dims::resolve(&d, None, false)?, None)
}

/// `linalg.matrix_norm(A, ord, dim)`: `fro`, or the max/min absolute column (`ord` ±1)
/// or row (`ord` ±inf) sum over the two dims.
pub fn matrix_norm(a: &Tensor, ord: MatrixOrd, dims: [i64; 2], keepdim: bool) -> TensorResult<Tensor> {
    if a.ndim() < 2 {
        return Err(TensorError::runtime(
            "linalg.matrix_norm: The input tensor A must have at least 2 dimensions.",
        ));
    }
    if !a.dtype().is_float() {
        return Err(TensorError::runtime(format!(
            "linalg.matrix_norm: Expected a floating point or complex tensor as input. Got {}",
            a.dtype().torch_name().trim_start_matches("torch.")
        )));
    }
    let (row, col) = (wrap_dim(dims[0], a.ndim())?, wrap_dim(dims[1], a.ndim())?);
    let both = Dims::resolve(a, Some(&[row as i64, col as i64]), keepdim)?;
    let (sum_dim, pick_dim, max) = match ord {
        MatrixOrd::Frobenius => return norm(a, 2.0, &both),
        MatrixOrd::Columns { max } => (row, col, max),
        MatrixOrd::Rows { max } => (col, row, max),
    };
    let sums = reduce(
        Reduction::Sum,
        &unary(UnaryOp::Abs, a)?,
        &Dims::resolve(a, Some(&[sum_dim as i64]), true)?,
        None,
    )?;
    let extreme = if max { Reduction::Amax } else { Reduction::Amin };
    let picked = reduce(extreme, &sums, &Dims::resolve(&sums, Some(&[pick_dim as i64]), true)?, None)?;
    if keepdim {
        return Ok(picked);
    }
    let mut shape: Vec<i64> = a.shape().iter().map(|&s| s as i64).collect();
    let (hi, lo) = (row.max(col), row.min(col));
    shape.remove(hi);
    shape.remove(lo);
    reshape(&picked, &shape)
}
