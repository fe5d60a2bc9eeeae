//! Products: `matmul` (`@`) with PyTorch's rules for 1-d operands and broadcast batch
//! dimensions, and the names built on it (`mm`, `bmm`, `mv`, `dot`, `outer`).

use super::binary::{broadcast, torch_type_name};
use crate::kernels;
use crate::tensor::layout::Layout;
use crate::tensor::storage::Buffer;
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_dtype;

fn same_dtype(a: &Tensor, b: &Tensor, what: &str) -> TensorResult<()> {
    if a.dtype() != b.dtype() {
        return Err(TensorError::runtime(format!(
            "{what}: expected both operands to have the same dtype, but got {} and {}",
            torch_type_name(a.dtype()),
            torch_type_name(b.dtype())
        )));
    }
    Ok(())
}

fn shape_text(shape: &[usize]) -> String {
    shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("x")
}

/// `a @ b`.
pub fn matmul(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    if a.ndim() == 0 || b.ndim() == 0 {
        return Err(TensorError::runtime(format!(
            "both arguments to matmul need to be at least 1D, but they are {}D and {}D",
            a.ndim(),
            b.ndim()
        )));
    }
    same_dtype(a, b, "matmul")?;
    if a.ndim() == 1 && b.ndim() == 1 && a.numel() != b.numel() {
        {
            return Err(TensorError::runtime(format!(
                "inconsistent tensor size, expected tensor [{}] and src [{}] to have the same number of elements, but got {} and {} elements respectively",
                a.numel(),
                b.numel(),
                a.numel(),
                b.numel()
            )));
        }
    }
    // 1-d operands become matrices, and the added dimension is dropped afterwards.
    let a2 = if a.ndim() == 1 { a.with_layout(a.layout().unsqueeze(0)) } else { a.clone() };
    let b2 = if b.ndim() == 1 { b.with_layout(b.layout().unsqueeze(1)) } else { b.clone() };
    let (m, k) = (a2.shape()[a2.ndim() - 2], a2.shape()[a2.ndim() - 1]);
    let (k2, n) = (b2.shape()[b2.ndim() - 2], b2.shape()[b2.ndim() - 1]);
    if k != k2 {
        return Err(if a.ndim() <= 2 && b.ndim() <= 2 {
            if b.ndim() == 1 {
                TensorError::runtime(format!(
                    "size mismatch, got input ({m}), mat ({m}x{k}), vec ({})",
                    b.numel()
                ))
            } else {
                TensorError::runtime(format!(
                    "mm: mat1 and mat2 shapes cannot be multiplied ({m}x{k} and {k2}x{n})"
                ))
            }
        } else {
            TensorError::runtime(format!(
                "Expected size for first two dimensions of batch2 tensor to be: [{}, {k}] but got: [{}, {k2}].",
                a2.shape()[..a2.ndim() - 2].iter().product::<usize>(),
                b2.shape()[..b2.ndim() - 2].iter().product::<usize>()
            ))
        });
    }
    let batch = broadcast(&a2.shape()[..a2.ndim() - 2], &b2.shape()[..b2.ndim() - 2])?;
    let batches: usize = batch.iter().product();
    let expand = |t: &Tensor, rows: usize, cols: usize| {
        let mut shape = batch.clone();
        shape.extend([rows, cols]);
        t.with_layout(t.layout().expand(&shape)).copy()
    };
    let (x, y) = (expand(&a2, m, k), expand(&b2, k, n));
    let (xs, ys) = (x.storage(), y.storage());
    let storage = with_dtype!(a.dtype(), T => {
        let (p, q) = (T::slice(&xs).expect("own dtype"), T::slice(&ys).expect("own dtype"));
        T::wrap(kernels::batched_matmul(p, q, batches, m, k, n))
    });
    let mut shape = batch;
    if a.ndim() > 1 {
        shape.push(m);
    }
    if b.ndim() > 1 {
        shape.push(n);
    }
    Ok(Tensor::new(storage, &[batches * m * n]).with_layout(Layout::contiguous(&shape)))
}

/// `mm`, `bmm`, `mv`, `dot`: `matmul` restricted to the ranks their names promise.
pub fn checked_matmul(name: &str, a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    let (ra, rb) = match name {
        "mm" => (2, 2),
        "bmm" => (3, 3),
        "mv" => (2, 1),
        _ => (1, 1),
    };
    if a.ndim() != ra || b.ndim() != rb {
        return Err(TensorError::runtime(format!(
            "{name}: expected {ra}-D and {rb}-D tensors, but got {}-D and {}-D ({} and {})",
            a.ndim(),
            b.ndim(),
            shape_text(a.shape()),
            shape_text(b.shape())
        )));
    }
    matmul(a, b)
}

/// `outer(a, b)`: every product of an element of `a` with one of `b`.
pub fn outer(a: &Tensor, b: &Tensor) -> TensorResult<Tensor> {
    if a.ndim() != 1 || b.ndim() != 1 {
        return Err(TensorError::runtime("outer: expected 1-D tensors"));
    }
    let column = a.with_layout(a.layout().unsqueeze(1));
    let row = b.with_layout(b.layout().unsqueeze(0));
    super::binary::binary(
        super::binary::BinaryOp::Mul,
        &super::binary::Operand::Tensor(column),
        &super::binary::Operand::Tensor(row),
    )
}
