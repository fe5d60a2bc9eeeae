//! Device dispatch, decided once per op: the backend an op's operands live on, and the
//! kernels a device backend offers. An op asks `Backend::of(operands).kernel(...)`; a
//! CUDA backend answers where it has a kernel for the case, and otherwise (or on the
//! CPU) the op runs its CPU path, on the host copies. Shapes, dtypes and errors were
//! decided by the op before it asks, exactly as for the CPU. Without the `cuda` feature
//! the CUDA backend is a stand-in with no kernels, so no op needs a `#[cfg]`.

use crate::kernels::cuda::reduce::Fold;
use crate::kernels::{BinaryOp, UnaryOp};
use crate::storage::dtype::DType;
use crate::storage::layout::Layout;
use crate::storage::{Storage, TensorResult};
use crate::tensor::Tensor;

/// Where an op runs.
pub enum Backend {
    Cpu,
    Cuda(Cuda),
}

impl Backend {
    /// The backend of an op on `operands`: CUDA when any of them is on the GPU (never,
    /// without the feature, which this then knows without looking).
    #[inline]
    pub fn of(operands: &[&Tensor]) -> Backend {
        match cfg!(feature = "cuda") && operands.iter().any(|t| t.device().is_cuda()) {
            true => Backend::Cuda(Cuda),
            false => Backend::Cpu,
        }
    }

    /// The device's result of an op (`run` with the device's kernels), or `None` when
    /// the op is to run on the CPU.
    pub fn kernel<T>(self, run: impl FnOnce(Cuda) -> Option<TensorResult<T>>) -> Option<TensorResult<T>> {
        match self {
            Backend::Cpu => None,
            Backend::Cuda(cuda) => run(cuda),
        }
    }
}

/// The kernels a device backend may have. Each answers `None` where it has none for
/// the case; the defaults are a device with none at all.
pub trait DeviceKernels {
    /// The op on every element, in `t`'s dtype, giving `output`.
    fn unary(&self, _op: UnaryOp, _t: &Tensor, _output: DType) -> Option<TensorResult<Tensor>> {
        None
    }

    /// `x op y` with both already in the computing dtype, broadcast to `shape`;
    /// comparisons and logical ops give bool, then the result is cast to `output`.
    fn binary(
        &self,
        _op: BinaryOp,
        _x: &Tensor,
        _y: &Tensor,
        _shape: &[usize],
        _output: DType,
    ) -> Option<TensorResult<Tensor>> {
        None
    }

    /// `where(flags, x, y)` with `flags` bool and `x`, `y` in the result dtype.
    fn select(
        &self,
        _flags: &Tensor,
        _x: &Tensor,
        _y: &Tensor,
        _shape: &[usize],
    ) -> Option<TensorResult<Tensor>> {
        None
    }

    /// `t` converted to `dtype` (or copied, for its own dtype).
    fn cast(&self, _t: &Tensor, _dtype: DType) -> Option<TensorResult<Tensor>> {
        None
    }

    /// `sum`/`prod`/`mean` (a sum scaled by `scale`), `amax`/`amin`, `all`/`any` of `t`
    /// over the dims `reduced`, giving `output` of `shape`.
    fn reduce(
        &self,
        _fold: Fold,
        _t: &Tensor,
        _reduced: &[usize],
        _output: DType,
        _shape: &[usize],
        _scale: f64,
    ) -> Option<TensorResult<Tensor>> {
        None
    }

    /// The extreme values of `t` over `reduced` and their first indices (int64).
    fn arg_extreme(
        &self,
        _t: &Tensor,
        _reduced: &[usize],
        _max: bool,
        _shape: &[usize],
    ) -> Option<TensorResult<(Tensor, Tensor)>> {
        None
    }

    /// `a @ b` for matrices; `x` and `y` are the operands' layouts expanded to
    /// `batch + [m, k]` and `batch + [k, n]`.
    #[allow(clippy::too_many_arguments)]
    fn matmul(
        &self,
        _a: &Tensor,
        _b: &Tensor,
        _x: &Layout,
        _y: &Layout,
        _m: usize,
        _k: usize,
        _n: usize,
        _shape: &[usize],
    ) -> Option<TensorResult<Tensor>> {
        None
    }

    /// A tensor of `shape` on the device whose elements are `host` (the host copy,
    /// uploaded when a kernel first reads it); the stand-in keeps it on the CPU.
    fn upload(&self, host: Storage, shape: &[usize]) -> Tensor {
        Tensor::new(host, shape)
    }

    /// Runs the pending work of `t` now (`torch.cuda.synchronize` on it).
    fn evaluate(&self, _t: &Tensor) -> TensorResult<()> {
        Ok(())
    }

    /// Waits for all the device's queued work.
    fn synchronize(&self) -> TensorResult<()> {
        Ok(())
    }

    /// Why the device cannot be used, or `None` when it can.
    fn unavailable(&self) -> Option<String> {
        Some("tl was built without the `cuda` feature".into())
    }

    /// How many devices there are.
    fn device_count(&self) -> u32 {
        0
    }
}

#[cfg(feature = "cuda")]
pub use super::ops::device::Cuda;

/// Without the `cuda` feature no tensor is on a GPU: this backend is never chosen and
/// has no kernels.
#[cfg(not(feature = "cuda"))]
#[derive(Clone, Copy)]
pub struct Cuda;

#[cfg(not(feature = "cuda"))]
impl DeviceKernels for Cuda {}
