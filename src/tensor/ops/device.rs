//! The device side of the tensor ops (feature `cuda`): elementwise ops on GPU tensors
//! extend a pending fused expression; reductions and matmul launch their kernels. Each
//! function answers `None` where the device has no kernel for the case (the caller then
//! runs the CPU path on the host copy). Shapes, dtypes and errors were decided by the
//! caller, exactly as for the CPU.

use crate::kernels::cuda::collapse;
use crate::kernels::cuda::fused::{self, Expr, Node};
use crate::kernels::cuda::launch;
use crate::kernels::cuda::matmul;
use crate::kernels::cuda::memory::DeviceBuf;
use crate::kernels::cuda::reduce::{self, Fold};
use crate::kernels::cuda::resident::{Input, Lazy, Resident};
use crate::kernels::cuda::runtime::{self, gpu, Arg, Gpu};
use crate::kernels::{BinaryOp, UnaryOp};
use crate::storage::dtype::DType;
use crate::storage::layout::{contiguous_strides, Layout};
use crate::storage::Storage;
use crate::tensor::backend::DeviceKernels;
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use std::rc::Rc;

fn on_device(tensors: &[&Tensor]) -> bool {
    tensors.iter().any(|t| t.device().is_cuda())
}

fn empty(shape: &[usize]) -> Lazy {
    Lazy { expr: Expr::default(), inputs: Vec::new(), scalars: Vec::new(), shape: shape.to_vec() }
}

fn scalar_bits(value: Scalar, dtype: DType) -> u64 {
    if dtype.is_float() {
        value.to_f64().to_bits()
    } else {
        value.to_element::<i64>() as u64
    }
}

/// `t` as a term of `lazy` (whose shape `t` broadcasts to): a 0-d host tensor becomes a
/// scalar parameter, a pending expression of the same shape is inlined (fusion), any
/// other tensor is read from its device buffer.
fn term(lazy: &mut Lazy, t: &Tensor) -> TensorResult<usize> {
    let dtype = t.dtype();
    if !t.device().is_cuda() {
        if t.ndim() == 0 {
            lazy.expr.scalars.push(dtype);
            lazy.scalars.push(scalar_bits(t.item()?, dtype));
            return Ok(lazy.expr.push(Node::Scalar(lazy.expr.scalars.len() - 1), dtype));
        }
        return term(lazy, &t.to_device(crate::tensor::device::Device::Cuda(0))?);
    }
    let resident = t.resident().expect("a device tensor has a resident storage");
    let whole = t.layout().offset == 0 && t.is_contiguous() && t.shape() == lazy.shape.as_slice();
    if let Some(inner) = resident.lazy().filter(|i| whole && i.shape == lazy.shape) {
        if lazy.expr.nodes.len() + inner.expr.nodes.len() <= fused::MAX_NODES {
            lazy.inputs.extend(inner.inputs.iter().cloned());
            lazy.scalars.extend(&inner.scalars);
            return Ok(lazy.expr.append(&inner.expr));
        }
    }
    let buffer = resident.buffer(t.host_cell())?;
    let layout = t.layout().expand(&lazy.shape);
    lazy.inputs.push(Input { buffer, dtype, strides: layout.strides, offset: layout.offset });
    lazy.expr.inputs.push(dtype);
    Ok(lazy.expr.push(Node::Input(lazy.expr.inputs.len() - 1), dtype))
}

fn finish(lazy: Lazy) -> Tensor {
    let (dtype, shape) = (lazy.expr.dtype(), lazy.shape.clone());
    Tensor::on_device(Resident::from_lazy(lazy), Storage::zeros(dtype, 0), &shape)
}

/// The rows to reduce: `t` viewed with its kept dims first and reduced dims last, as a
/// device buffer (plus element offset) read row-major; copied on the device when the
/// view is not already row-major.
fn rows(t: &Tensor, reduced: &[usize]) -> TensorResult<(Rc<DeviceBuf>, usize)> {
    let order: Vec<usize> =
        (0..t.ndim()).filter(|d| !reduced.contains(d)).chain(reduced.iter().copied()).collect();
    let layout = t.layout();
    let view = Layout {
        shape: order.iter().map(|&d| layout.shape[d]).collect(),
        strides: order.iter().map(|&d| layout.strides[d]).collect(),
        offset: layout.offset,
    };
    let (shape, strides) = collapse::collapse(&view.shape, std::slice::from_ref(&view.strides));
    let permuted = t.with_layout(view.clone());
    let resident = t.resident().expect("device tensor");
    if collapse::is_contiguous(&shape, &strides) && resident.lazy().is_none() {
        return Ok((resident.buffer(t.host_cell())?, view.offset));
    }
    let copy = Cuda.cast(&permuted, t.dtype()).expect("a device dtype")?;
    let copy_resident = copy.resident().expect("made on the device");
    Ok((copy_resident.buffer(copy.host_cell())?, 0))
}

/// Whether the device reduces `t` over `reduced`: its rows go in the grid's y
/// dimension, which holds at most 65535 (more rows take the CPU path).
fn reducible(t: &Tensor, reduced: &[usize]) -> bool {
    let outer: usize = (0..t.ndim()).filter(|d| !reduced.contains(d)).map(|d| t.shape()[d]).product();
    on_device(&[t]) && fused::device_dtype(t.dtype()) && outer <= 65_535
}

/// A fold of `t` over `reduced` into `output` (values; arg folds also give int64
/// indices), each result scaled by `scale` (1/n for a mean).
fn fold_rows(
    g: &Gpu,
    fold: Fold,
    t: &Tensor,
    reduced: &[usize],
    output: DType,
    scale: f64,
) -> TensorResult<(Rc<DeviceBuf>, Option<Rc<DeviceBuf>>, usize)> {
    let inner: usize = reduced.iter().map(|&d| t.shape()[d]).product();
    let outer: usize = (0..t.ndim()).filter(|d| !reduced.contains(d)).map(|d| t.shape()[d]).product();
    let (source, offset) = rows(t, reduced)?;
    let input = t.dtype();
    let out = g.alloc(outer.max(1) * output.item_size())?;
    let out_index = if fold.has_index() { Some(g.alloc(outer.max(1) * 8)?) } else { None };
    if outer == 0 {
        return Ok((out, out_index, outer));
    }
    let parts = launch::reduction_parts(outer, inner, g.multiprocessors);
    let source_ptr = source.ptr() + (offset * input.item_size()) as u64;
    let key = |f: Fold, i: DType, indexed: bool, o: DType, last: bool| {
        format!("reduce {f:?} {i} {indexed} {o} {last}")
    };
    let pass = |input_ptr: u64,
                index_ptr: Option<u64>,
                dst: u64,
                dst_index: Option<u64>,
                inner: usize,
                parts: u32,
                meta: (DType, DType, bool)| {
        let (from, to, last) = meta;
        let mut args = vec![Arg::Ptr(input_ptr)];
        args.extend(index_ptr.map(Arg::Ptr));
        args.push(Arg::Ptr(dst));
        args.extend(dst_index.map(Arg::Ptr));
        args.push(Arg::U32(inner as u32));
        args.push(Arg::F64(scale));
        let indexed = index_ptr.is_some();
        g.launch(
            &key(fold, from, indexed, to, last),
            || reduce::kernel(fold, from, indexed, to, last, "tl_reduce"),
            "tl_reduce",
            (parts, outer as u32, 1),
            (reduce::BLOCK, 1),
            &args,
        )
    };
    if parts == 1 {
        pass(
            source_ptr,
            None,
            out.ptr(),
            out_index.as_ref().map(|b| b.ptr()),
            inner,
            1,
            (input, output, true),
        )?;
    } else {
        let acc = fold.accumulator(input);
        let partials = g.alloc(outer * parts as usize * 8)?;
        let partial_index = if fold.has_index() { Some(g.alloc(outer * parts as usize * 4)?) } else { None };
        let pi = partial_index.as_ref().map(|b| b.ptr());
        pass(source_ptr, None, partials.ptr(), pi, inner, parts, (input, acc, false))?;
        pass(
            partials.ptr(),
            pi,
            out.ptr(),
            out_index.as_ref().map(|b| b.ptr()),
            parts as usize,
            1,
            (acc, output, true),
        )?;
    }
    Ok((out, out_index, outer))
}

fn device_tensor(buffer: Rc<DeviceBuf>, dtype: DType, len: usize, shape: &[usize]) -> Tensor {
    Tensor::on_device(Resident::from_buffer(dtype, len, buffer), Storage::zeros(dtype, 0), shape)
}

/// The CUDA backend: its kernels build onto pending fused expressions (elementwise ops,
/// casts) or launch at once (reductions, matmul).
#[derive(Clone, Copy)]
pub struct Cuda;

impl DeviceKernels for Cuda {
    fn upload(&self, host: Storage, shape: &[usize]) -> Tensor {
        let resident = Resident::from_host(host.dtype(), host.len());
        Tensor::on_device(resident, host, shape)
    }

    fn synchronize(&self) -> TensorResult<()> {
        runtime::synchronize()
    }

    fn unavailable(&self) -> Option<String> {
        runtime::unavailable()
    }

    fn device_count(&self) -> u32 {
        runtime::device_count()
    }

    /// Runs the kernel of a pending device tensor now (a no-op for any other tensor).
    fn evaluate(&self, t: &Tensor) -> TensorResult<()> {
        if let Some(r) = t.resident() {
            r.buffer(t.host_cell())?;
        }
        Ok(())
    }

    fn unary(&self, op: UnaryOp, t: &Tensor, output: DType) -> Option<TensorResult<Tensor>> {
        if !on_device(&[t]) || !fused::unary_supported(op, t.dtype()) {
            return None;
        }
        let mut lazy = empty(t.shape());
        Some(term(&mut lazy, t).map(|x| {
            lazy.expr.push(Node::Unary(op, x), output);
            finish(lazy)
        }))
    }

    /// `x op y` with both already in the computing dtype; comparisons and logical ops give
    /// bool, then the result is cast to `output` if that differs.
    fn binary(
        &self,
        op: BinaryOp,
        x: &Tensor,
        y: &Tensor,
        shape: &[usize],
        output: DType,
    ) -> Option<TensorResult<Tensor>> {
        let compute = x.dtype();
        if !on_device(&[x, y]) || !fused::binary_supported(op, compute) || !fused::device_dtype(output) {
            return None;
        }
        let mut lazy = empty(shape);
        let build = |lazy: &mut Lazy| -> TensorResult<()> {
            let a = term(lazy, x)?;
            let b = term(lazy, y)?;
            let boolean = op.gives_bool();
            let dtype = if boolean { DType::Bool } else { compute };
            let r = lazy.expr.push(Node::Binary(op, a, b), dtype);
            if dtype != output {
                lazy.expr.push(Node::Cast(r), output);
            }
            Ok(())
        };
        Some(build(&mut lazy).map(|()| finish(lazy)))
    }

    /// `where(flags, x, y)` with `flags` bool and `x`, `y` in the result dtype.
    fn select(
        &self,
        flags: &Tensor,
        x: &Tensor,
        y: &Tensor,
        shape: &[usize],
    ) -> Option<TensorResult<Tensor>> {
        if !on_device(&[flags, x, y]) || !fused::device_dtype(x.dtype()) {
            return None;
        }
        let mut lazy = empty(shape);
        let build = |lazy: &mut Lazy| -> TensorResult<()> {
            let c = term(lazy, flags)?;
            let a = term(lazy, x)?;
            let b = term(lazy, y)?;
            lazy.expr.push(Node::Select(c, a, b), x.dtype());
            Ok(())
        };
        Some(build(&mut lazy).map(|()| finish(lazy)))
    }

    /// `t` converted to `dtype` (or copied, for its own dtype) on the device.
    fn cast(&self, t: &Tensor, dtype: DType) -> Option<TensorResult<Tensor>> {
        if !on_device(&[t]) || !fused::device_dtype(t.dtype()) || !fused::device_dtype(dtype) {
            return None;
        }
        let mut lazy = empty(t.shape());
        Some(term(&mut lazy, t).map(|x| {
            if t.dtype() != dtype || lazy.expr.nodes.len() == 1 {
                lazy.expr.push(Node::Cast(x), dtype);
            }
            finish(lazy)
        }))
    }

    /// `sum`/`prod`/`mean` (a scaled sum), `amax`/`amin`, `all`/`any` of a device tensor.
    fn reduce(
        &self,
        fold: Fold,
        t: &Tensor,
        reduced: &[usize],
        output: DType,
        shape: &[usize],
        scale: f64,
    ) -> Option<TensorResult<Tensor>> {
        if !reducible(t, reduced) || !fused::device_dtype(output) || fold.has_index() {
            return None;
        }
        let g = gpu().ok()?;
        Some(
            fold_rows(&g, fold, t, reduced, output, scale)
                .map(|(out, _, outer)| device_tensor(out, output, outer, shape)),
        )
    }

    /// The extreme values of `t` over `reduced` and their first indices (int64).
    fn arg_extreme(
        &self,
        t: &Tensor,
        reduced: &[usize],
        max: bool,
        shape: &[usize],
    ) -> Option<TensorResult<(Tensor, Tensor)>> {
        if !reducible(t, reduced) {
            return None;
        }
        let g = gpu().ok()?;
        let fold = if max { Fold::ArgMax } else { Fold::ArgMin };
        let dtype = t.dtype();
        Some(fold_rows(&g, fold, t, reduced, dtype, 1.0).map(|(out, index, outer)| {
            let index = index.expect("arg folds write indices");
            (device_tensor(out, dtype, outer, shape), device_tensor(index, DType::I64, outer, shape))
        }))
    }

    /// `a @ b` for float matrices on the device; `x` and `y` are the operands' layouts
    /// expanded to `batch + [m, k]` and `batch + [k, n]`. `None` when the batch
    /// dimensions do not collapse to one (the CPU path handles those).
    #[allow(clippy::too_many_arguments)]
    fn matmul(
        &self,
        a: &Tensor,
        b: &Tensor,
        x: &Layout,
        y: &Layout,
        m: usize,
        k: usize,
        n: usize,
        shape: &[usize],
    ) -> Option<TensorResult<Tensor>> {
        let dtype = a.dtype();
        if !on_device(&[a, b]) || !matches!(dtype, DType::F32 | DType::F64) || b.dtype() != dtype {
            return None;
        }
        let nb = x.ndim() - 2;
        let batch_shape = &x.shape[..nb];
        let (batch, strides) =
            collapse::collapse(batch_shape, &[x.strides[..nb].to_vec(), y.strides[..nb].to_vec()]);
        if batch.len() > 1 || batch[0] > 65_535 {
            return None;
        }
        let batches = batch[0];
        let g = gpu().ok()?;
        let run = || -> TensorResult<Tensor> {
            let on = |t: &Tensor| t.to_device(crate::tensor::device::Device::Cuda(0));
            let (a, b) = (on(a)?, on(b)?);
            let (ra, rb) = (a.resident().expect("device"), b.resident().expect("device"));
            let (abuf, bbuf) = (ra.buffer(a.host_cell())?, rb.buffer(b.host_cell())?);
            let out = g.alloc(batches * m * n * dtype.item_size())?;
            let size = dtype.item_size() as u64;
            let tiles = |d: usize| d.div_ceil(matmul::TILE as usize) as u32;
            let args = [
                Arg::Ptr(abuf.ptr() + x.offset as u64 * size),
                Arg::Ptr(bbuf.ptr() + y.offset as u64 * size),
                Arg::Ptr(out.ptr()),
                Arg::U32(m as u32),
                Arg::U32(n as u32),
                Arg::U32(k as u32),
                Arg::U32(strides[0][0] as u32),
                Arg::U32(x.strides[nb] as u32),
                Arg::U32(x.strides[nb + 1] as u32),
                Arg::U32(strides[1][0] as u32),
                Arg::U32(y.strides[nb] as u32),
                Arg::U32(y.strides[nb + 1] as u32),
            ];
            if batches * m * n > 0 {
                g.launch(
                    &format!("matmul {dtype}"),
                    || matmul::kernel(dtype, "tl_matmul"),
                    "tl_matmul",
                    (tiles(n), tiles(m), batches as u32),
                    (matmul::TILE, matmul::TILE),
                    &args,
                )?;
            }
            let flat = device_tensor(out, dtype, batches * m * n, &[batches * m * n]);
            Ok(flat.with_layout(Layout {
                shape: shape.to_vec(),
                strides: contiguous_strides(shape),
                offset: 0,
            }))
        };
        Some(run())
    }
}
