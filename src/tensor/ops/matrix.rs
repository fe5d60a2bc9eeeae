//! Dense linear algebra on (batches of) square matrices: `inv`, `det`, `solve`,
//! `cholesky`, and the matrix norms. Computed in f64 by Gaussian elimination with
//! partial pivoting, the result in the input's float dtype.

use crate::tensor::{Tensor, TensorError, TensorResult};

/// The batch shape and `n` of a `[..., n, n]` float tensor, with PyTorch's errors.
fn square(name: &str, a: &Tensor, what: &str) -> TensorResult<(Vec<usize>, usize)> {
    if a.ndim() < 2 {
        return Err(TensorError::runtime(format!(
            "{name}: The input tensor {what} must have at least 2 dimensions."
        )));
    }
    let (rows, cols) = (a.shape()[a.ndim() - 2], a.shape()[a.ndim() - 1]);
    if rows != cols {
        return Err(TensorError::runtime(format!(
            "{name}: {what} must be batches of square matrices, but they are {rows} by {cols} matrices"
        )));
    }
    if !a.dtype().is_float() {
        return Err(TensorError::runtime(format!(
            "{name}: Expected a floating point or complex tensor as input. Got {}",
            a.dtype().torch_name().trim_start_matches("torch.")
        )));
    }
    Ok((a.shape()[..a.ndim() - 2].to_vec(), rows))
}

/// Row-major `n × n` matrices, one per batch element.
fn matrices(a: &Tensor, n: usize) -> Vec<Vec<f64>> {
    let values = a.to_f64_vec();
    if n == 0 {
        return vec![Vec::new(); a.shape()[..a.ndim() - 2].iter().product()];
    }
    values.chunks(n * n).map(<[f64]>::to_vec).collect()
}

/// LU factorisation in place with partial pivoting: the permutation's sign, or `Err`
/// with the (1-based) column where a zero pivot appeared.
fn lu(m: &mut [f64], n: usize, pivots: &mut [usize]) -> Result<f64, usize> {
    let mut sign = 1.0;
    for (k, p) in pivots.iter_mut().enumerate() {
        *p = k;
    }
    for k in 0..n {
        let best = (k..n).max_by(|&i, &j| m[i * n + k].abs().total_cmp(&m[j * n + k].abs())).unwrap_or(k);
        if m[best * n + k] == 0.0 {
            return Err(k + 1);
        }
        if best != k {
            for j in 0..n {
                m.swap(k * n + j, best * n + j);
            }
            pivots.swap(k, best);
            sign = -sign;
        }
        for i in k + 1..n {
            let factor = m[i * n + k] / m[k * n + k];
            m[i * n + k] = factor;
            for j in k + 1..n {
                m[i * n + j] -= factor * m[k * n + j];
            }
        }
    }
    Ok(sign)
}

/// Solves `LU x = P b` for the `k` columns of `b` (row-major `n × k`).
fn lu_solve(m: &[f64], n: usize, pivots: &[usize], b: &[f64], k: usize) -> Vec<f64> {
    let mut x: Vec<f64> = pivots.iter().flat_map(|&p| b[p * k..(p + 1) * k].to_vec()).collect();
    for c in 0..k {
        for i in 0..n {
            let s: f64 = (0..i).map(|j| m[i * n + j] * x[j * k + c]).sum();
            x[i * k + c] -= s;
        }
        for i in (0..n).rev() {
            let s: f64 = (i + 1..n).map(|j| m[i * n + j] * x[j * k + c]).sum();
            x[i * k + c] = (x[i * k + c] - s) / m[i * n + i];
        }
    }
    x
}

fn identity(n: usize) -> Vec<f64> {
    (0..n * n).map(|i| f64::from(u8::from(i / n == i % n))).collect()
}

/// `linalg.det(A)`.
pub fn det(a: &Tensor) -> TensorResult<Tensor> {
    let (batch, n) = square("linalg.det", a, "A")?;
    let dets: Vec<f64> = matrices(a, n)
        .into_iter()
        .map(|mut m| {
            let mut pivots = vec![0; n];
            match lu(&mut m, n, &mut pivots) {
                Ok(sign) => sign * (0..n).map(|i| m[i * n + i]).product::<f64>(),
                Err(_) => 0.0,
            }
        })
        .collect();
    Ok(Tensor::from_vec(dets, &batch).to_dtype(a.dtype()))
}

/// `linalg.inv(A)`, failing on singular matrices as PyTorch does.
pub fn inv(a: &Tensor) -> TensorResult<Tensor> {
    let (_, n) = square("linalg.inv", a, "A")?;
    let mut out = Vec::with_capacity(a.numel());
    for mut m in matrices(a, n) {
        let mut pivots = vec![0; n];
        lu(&mut m, n, &mut pivots).map_err(|k| {
            TensorError::linalg(format!(
                "linalg.inv: The diagonal element {k} is zero, the inversion could not be completed because the input matrix is singular."
            ))
        })?;
        out.extend(lu_solve(&m, n, &pivots, &identity(n), n));
    }
    Ok(Tensor::from_vec(out, a.shape()).to_dtype(a.dtype()))
}

/// `linalg.solve(A, B)`: `X` with `A X = B`; `B` is a vector when it has one dimension
/// fewer than `A` (or is 1-d), otherwise a batch of `n × k` matrices.
pub fn solve(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    let (batch, n) = square("linalg.solve", a, "A")?;
    let vector = b.ndim() == 1 || (b.ndim() + 1 == a.ndim() && b.shape() == &a.shape()[..a.ndim() - 1]);
    let b_matrix = if vector { b.with_layout(b.layout().unsqueeze(b.ndim())) } else { b.clone() };
    if b_matrix.ndim() < 2 || b_matrix.shape()[b_matrix.ndim() - 2] != n {
        return Err(TensorError::runtime(format!(
            "linalg.solve: Incompatible shapes of A and B for the equation AX = B ({:?} and {:?})",
            a.shape(),
            b.shape()
        )));
    }
    if b.dtype() != a.dtype() {
        return Err(TensorError::runtime(format!(
            "linalg.solve: Expected A and B to have the same dtype, but found A of type {} and B of type {} instead",
            a.dtype().torch_name().trim_start_matches("torch."),
            b.dtype().torch_name().trim_start_matches("torch.")
        )));
    }
    let k = b_matrix.shape()[b_matrix.ndim() - 1];
    let b_batch = &b_matrix.shape()[..b_matrix.ndim() - 2];
    let full_batch = super::binary::broadcast(&batch, b_batch)?;
    let expand = |t: &Tensor, rows: usize, cols: usize| {
        let mut shape = full_batch.clone();
        shape.extend([rows, cols]);
        t.with_layout(t.layout().expand(&shape)).to_f64_vec()
    };
    let (a_values, b_values) = (expand(a, n, n), expand(&b_matrix, n, k));
    let mut out = Vec::with_capacity(b_values.len());
    let count = full_batch.iter().product::<usize>();
    for i in 0..count {
        let mut m = a_values[i * n * n..(i + 1) * n * n].to_vec();
        let mut pivots = vec![0; n];
        lu(&mut m, n, &mut pivots).map_err(|_| {
            TensorError::linalg("torch.linalg.solve: The solver failed because the input matrix is singular.")
        })?;
        out.extend(lu_solve(&m, n, &pivots, &b_values[i * n * k..(i + 1) * n * k], k));
    }
    let mut shape = full_batch;
    shape.push(n);
    if !vector {
        shape.push(k);
    }
    Ok(Tensor::from_vec(out, &shape).to_dtype(a.dtype()))
}

/// `linalg.cholesky(A)`: lower-triangular `L` with `L Lᵀ = A`.
pub fn cholesky(a: &Tensor) -> TensorResult<Tensor> {
    let (_, n) = square("linalg.cholesky", a, "A")?;
    let mut out = Vec::with_capacity(a.numel());
    for m in matrices(a, n) {
        let mut l = vec![0.0; n * n];
        for j in 0..n {
            let d = m[j * n + j] - (0..j).map(|k| l[j * n + k] * l[j * n + k]).sum::<f64>();
            if d <= 0.0 || d.is_nan() {
                return Err(TensorError::linalg(format!(
                    "linalg.cholesky: The factorization could not be completed because the input is not positive-definite (the leading minor of order {} is not positive-definite).",
                    j + 1
                )));
            }
            l[j * n + j] = d.sqrt();
            for i in j + 1..n {
                let s = m[i * n + j] - (0..j).map(|k| l[i * n + k] * l[j * n + k]).sum::<f64>();
                l[i * n + j] = s / l[j * n + j];
            }
        }
        out.extend(l);
    }
    Ok(Tensor::from_vec(out, a.shape()).to_dtype(a.dtype()))
}

/// The matrix norms tl computes (those without singular values).
#[derive(Clone, Copy, Debug)]
pub enum MatrixOrd {
    Frobenius,
    /// `ord = 1` (max) or `-1` (min): over the absolute column sums.
    Columns {
        max: bool,
    },
    /// `ord = inf` (max) or `-inf` (min): over the absolute row sums.
    Rows {
        max: bool,
    },
}
