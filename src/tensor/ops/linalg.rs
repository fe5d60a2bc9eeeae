//! Products: `matmul` (`@`) with PyTorch's rules for 1-d operands and broadcast batch
//! dimensions, and the rank checks of the names built on it (`mm`, `bmm`, `mv`, `dot`).

use super::binary::broadcast;
use crate::kernels;
use crate::storage::dtype::DType;
use crate::storage::layout::Layout;
use crate::storage::{Buffer, Storage};
use crate::tensor::backend::{Backend, DeviceKernels};
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_dtype;

fn shape_text(shape: &[usize]) -> String {
    shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("x")
}

/// The ATen kernel a matmul reaches: each checks shapes and dtypes in its own order
/// and words its errors its own way, which PyTorch users see.
#[derive(Clone, Copy, PartialEq)]
enum Kernel {
    Dot,
    Mv,
    Mm,
    Bmm,
}

/// One operand as the kernel sees it: its shape after folding or batching, and dtype.
struct Arg {
    shape: Vec<usize>,
    dtype: DType,
}

/// The kernel call ATen's `matmul` makes for `a @ b`; `left` is the matrix of `mv`,
/// which is `b` transposed when `b` is the batched operand.
struct Call {
    kernel: Kernel,
    left: Arg,
    right: Arg,
}

/// The 2-d shape a layout folds into without a copy (batch dimensions into rows).
fn fold(layout: &Layout) -> Option<Vec<usize>> {
    let (batch, k) = layout.shape.split_at(layout.ndim() - 1);
    let rows = vec![batch.iter().product(), k[0]];
    (layout.numel() == 0 || layout.view_as(&rows).is_some()).then_some(rows)
}

/// Both operands as (batched) matrices: a 1-d `a` is a row, a 1-d `b` a column.
fn as_matrices(a: &Tensor, b: &Tensor) -> (Tensor, Tensor) {
    let a2 = if a.ndim() == 1 { a.with_layout(a.layout().unsqueeze(0)) } else { a.clone() };
    let b2 = if b.ndim() == 1 { b.with_layout(b.layout().unsqueeze(1)) } else { b.clone() };
    (a2, b2)
}

impl Call {
    /// ATen folds a batched operand into one matrix and calls `mv`/`mm` when the other
    /// is 1-d or 2-d and the fold needs no copy; otherwise it broadcasts the batch
    /// dimensions and calls `bmm`.
    fn of(a: &Tensor, b: &Tensor) -> TensorResult<Call> {
        let arg = |shape: &[usize], t: &Tensor| Arg { shape: shape.to_vec(), dtype: t.dtype() };
        let (ra, rb) = (a.ndim(), b.ndim());
        let b_transposed = b.layout().transpose(rb - 1, rb.saturating_sub(2));
        let (kernel, left, right) = match (ra, rb) {
            (1, 1) => (Kernel::Dot, arg(a.shape(), a), arg(b.shape(), b)),
            (2, 1) => (Kernel::Mv, arg(a.shape(), a), arg(b.shape(), b)),
            (1 | 2, 2) => (Kernel::Mm, arg(as_matrices(a, b).0.shape(), a), arg(b.shape(), b)),
            (_, 1 | 2) if fold(a.layout()).is_some() => {
                let kernel = if rb == 1 { Kernel::Mv } else { Kernel::Mm };
                (kernel, arg(&fold(a.layout()).expect("checked"), a), arg(b.shape(), b))
            }
            (1, _) if fold(&b_transposed).is_some() => {
                (Kernel::Mv, arg(&fold(&b_transposed).expect("checked"), b), arg(a.shape(), a))
            }
            _ => {
                let (a2, b2) = as_matrices(a, b);
                let (sa, sb) = (a2.shape(), b2.shape());
                let batch = broadcast(&sa[..sa.len() - 2], &sb[..sb.len() - 2])?;
                let batches: usize = batch.iter().product();
                let matrices = |s: &[usize], t: &Tensor| arg(&[batches, s[s.len() - 2], s[s.len() - 1]], t);
                (Kernel::Bmm, matrices(sa, a), matrices(sb, b))
            }
        };
        Ok(Call { kernel, left, right })
    }

    /// `dot` checks dtypes before sizes; the others sizes first.
    fn check(&self) -> TensorResult<()> {
        if self.kernel == Kernel::Dot {
            self.check_dtypes()?;
        }
        self.check_sizes()?;
        self.check_dtypes()
    }

    fn check_sizes(&self) -> TensorResult<()> {
        let (l, r) = (&self.left.shape, &self.right.shape);
        let message = match self.kernel {
            Kernel::Dot if l[0] != r[0] => format!(
                "inconsistent tensor size, expected tensor [{}] and src [{}] to have the same number of elements, but got {} and {} elements respectively",
                l[0], r[0], l[0], r[0]
            ),
            Kernel::Mv if l[1] != r[0] => {
                format!("size mismatch, got input ({}), mat ({}x{}), vec ({})", l[0], l[0], l[1], r[0])
            }
            Kernel::Mm if l[1] != r[0] => format!(
                "mm: mat1 and mat2 shapes cannot be multiplied ({}x{} and {}x{})",
                l[0], l[1], r[0], r[1]
            ),
            Kernel::Bmm if l[2] != r[1] => format!(
                "Expected size for first two dimensions of batch2 tensor to be: [{}, {}] but got: [{}, {}].",
                l[0], l[2], r[0], r[1]
            ),
            _ => return Ok(()),
        };
        Err(TensorError::runtime(message))
    }

    fn check_dtypes(&self) -> TensorResult<()> {
        let (x, y) = (self.left.dtype, self.right.dtype);
        let empty = self.left.shape.contains(&0) || self.right.shape.contains(&0);
        if empty && self.kernel == Kernel::Bmm {
            return Ok(());
        }
        if x != y {
            let (tx, ty) = (x.torch_name(), y.torch_name());
            return Err(TensorError::runtime(match self.kernel {
                Kernel::Dot => {
                    format!("dot : expected both vectors to have same dtype, but found {tx} and {ty}")
                }
                Kernel::Mv => {
                    format!("addmv input tensors must have the same dtype, but got {ty}, {tx}, and {ty}")
                }
                Kernel::Mm => format!(
                    "expected m1 and m2 to have the same dtype, but got: {} != {}",
                    x.cpp_name(),
                    y.cpp_name()
                ),
                Kernel::Bmm => format!("expected scalar type {tx} but found {ty}"),
            }));
        }
        if x == DType::Bool && !(empty && self.kernel != Kernel::Dot) {
            let name = match self.kernel {
                Kernel::Dot => "dot",
                Kernel::Mv => "addmv_impl_cpu",
                Kernel::Mm => "addmm_impl_cpu_",
                Kernel::Bmm => "bmm",
            };
            return Err(TensorError::no_kernel(name, x));
        }
        Ok(())
    }
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
    Call::of(a, b)?.check()?;
    // 1-d operands become matrices, and the added dimension is dropped afterwards.
    let (a2, b2) = as_matrices(a, b);
    let (m, k) = (a2.shape()[a2.ndim() - 2], a2.shape()[a2.ndim() - 1]);
    let n = b2.shape()[b2.ndim() - 1];
    let batch = broadcast(&a2.shape()[..a2.ndim() - 2], &b2.shape()[..b2.ndim() - 2])?;
    let batches: usize = batch.iter().product();
    // Broadcast batch dimensions are read in place (stride 0), like transposed matrices.
    let expand = |t: &Tensor, rows: usize, cols: usize| {
        let mut shape = batch.clone();
        shape.extend([rows, cols]);
        t.layout().expand(&shape)
    };
    let (x, y) = (expand(&a2, m, k), expand(&b2, k, n));
    let mut shape = batch.clone();
    if a.ndim() > 1 {
        shape.push(m);
    }
    if b.ndim() > 1 {
        shape.push(n);
    }
    if x.numel() > 0 && y.numel() > 0 {
        let device = Backend::of(&[&a2, &b2]);
        if let Some(result) = device.kernel(|device| device.matmul(&a2, &b2, &x, &y, m, k, n, &shape)) {
            return result;
        }
    }
    // An empty product is zeros; ATen's bmm then skips its dtype check and answers in
    // `b`'s dtype.
    let storage = if x.numel() == 0 || y.numel() == 0 {
        Storage::zeros(b.dtype(), batches * m * n)
    } else {
        let (xs, ys) = (a2.storage(), b2.storage());
        with_dtype!(a.dtype(), T => {
            let (p, q) = (T::slice(&xs).expect("own dtype"), T::slice(&ys).expect("own dtype"));
            T::wrap(kernels::batched_matmul(&matrices(p, &x), &matrices(q, &y), m, k, n))
        })
    };
    Ok(Tensor::new(storage, &[batches * m * n]).with_layout(Layout::contiguous(&shape)))
}

/// The matrices of an expanded `batch + [rows, cols]` layout inside `data`.
fn matrices<'a, T>(data: &'a [T], layout: &Layout) -> kernels::Matrices<'a, T> {
    let nb = layout.ndim() - 2;
    let batch = Layout {
        shape: layout.shape[..nb].to_vec(),
        strides: layout.strides[..nb].to_vec(),
        offset: layout.offset,
    };
    kernels::Matrices {
        data,
        starts: batch.offset_list(),
        row_stride: layout.strides[nb],
        col_stride: layout.strides[nb + 1],
    }
}

/// The ranks `(ra, rb)` a product of fixed ranks (`mm`, `bmm`, `mv`, `dot`, named
/// `name` in the error) promises, checked before it multiplies.
pub fn check_ranks(name: &str, (ra, rb): (usize, usize), a: &Tensor, b: &Tensor) -> TensorResult<()> {
    if a.ndim() != ra || b.ndim() != rb {
        return Err(TensorError::runtime(format!(
            "{name}: expected {ra}-D and {rb}-D tensors, but got {}-D and {}-D ({} and {})",
            a.ndim(),
            b.ndim(),
            shape_text(a.shape()),
            shape_text(b.shape())
        )));
    }
    Ok(())
}
