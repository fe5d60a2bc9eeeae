//! Reductions over some or all dimensions (`sum`, `mean`, `max`, `argmax`, `std`, ...)
//! and the operations along one dimension (`softmax`, `cumsum`, ...).

use super::gather::pick;
use super::keys::Keys;
use super::shape::wrap_dim;
use crate::kernels;
use crate::kernels::cuda::reduce::Fold;
use crate::storage::dtype::DType;
use crate::storage::layout::Layout;
use crate::storage::Storage;
use crate::tensor::backend::{Backend, DeviceKernels};
use crate::tensor::{Tensor, TensorError, TensorResult};
use std::cmp::Ordering;

/// Which dimensions a reduction runs over, resolved against a tensor.
#[derive(Clone, Debug)]
pub struct Dims {
    /// Reduced dimensions, ascending and distinct.
    pub reduced: Vec<usize>,
    pub keepdim: bool,
}

impl Dims {
    /// `dims = None` reduces everything; negative dims count from the end.
    pub fn resolve(t: &Tensor, dims: Option<&[i64]>, keepdim: bool) -> TensorResult<Dims> {
        let mut reduced: Vec<usize> = match dims {
            None => (0..t.ndim()).collect(),
            Some(ds) => ds.iter().map(|&d| wrap_dim(d, t.ndim())).collect::<TensorResult<_>>()?,
        };
        reduced.sort_unstable();
        if reduced.windows(2).any(|w| w[0] == w[1]) {
            return Err(TensorError::runtime(format!(
                "dim {} appears multiple times in the list of dims",
                reduced[0]
            )));
        }
        if t.ndim() == 0 {
            reduced.clear();
        }
        Ok(Dims { reduced, keepdim })
    }

    fn output_shape(&self, shape: &[usize]) -> Vec<usize> {
        (0..shape.len())
            .filter_map(|d| match (self.reduced.contains(&d), self.keepdim) {
                (false, _) => Some(shape[d]),
                (true, true) => Some(1),
                (true, false) => None,
            })
            .collect()
    }
}

/// The layouts that split a reduction: one over the kept dimensions (one position per
/// output element) and one over the reduced dimensions (the elements of one group,
/// relative to its position).
fn split(layout: &Layout, dims: &Dims) -> (Layout, Layout) {
    let kept: Vec<usize> = (0..layout.ndim()).filter(|d| !dims.reduced.contains(d)).collect();
    let outer = Layout {
        shape: kept.iter().map(|&d| layout.shape[d]).collect(),
        strides: kept.iter().map(|&d| layout.strides[d]).collect(),
        offset: layout.offset,
    };
    let inner = Layout {
        shape: dims.reduced.iter().map(|&d| layout.shape[d]).collect(),
        strides: dims.reduced.iter().map(|&d| layout.strides[d]).collect(),
        offset: 0,
    };
    (outer, inner)
}

/// `amax`/`amin` of f32/f64 read in place through the input's layout (a pooling
/// window of a permuted view, say), NaN winning as in PyTorch.
fn float_extremes(t: &Tensor, dims: &Dims, max: bool) -> Option<Tensor> {
    let (kept, group) = split(t.layout(), dims);
    let group = group.offset_list();
    let shape = dims.output_shape(t.shape());
    let wins = |a: f64, b: f64| a.is_nan() || (if max { a > b } else { a < b });
    let storage = match &*t.storage() {
        Storage::F32(v) => Storage::F32(kernels::reduce_groups(v, &kept, &group, |a, b| {
            if wins(a.into(), b.into()) {
                a
            } else {
                b
            }
        })),
        Storage::F64(v) => {
            Storage::F64(kernels::reduce_groups(v, &kept, &group, |a, b| if wins(a, b) { a } else { b }))
        }
        _ => return None,
    };
    let n = kept.numel();
    Some(Tensor::new(storage, &[n]).with_layout(Layout::contiguous(&shape)))
}

/// Applies `f` to the values of each group, giving one result per output element.
fn reduce_groups<T: Copy, U>(values: Vec<T>, t: &Tensor, dims: &Dims, f: impl Fn(&[T]) -> U) -> Vec<U> {
    let dense = Layout::contiguous(t.shape());
    let (outer, inner) = split(&dense, dims);
    crate::limits::claim_items::<T>(inner.numel());
    let mut group = Vec::with_capacity(inner.numel());
    outer
        .offsets()
        .map(|o| {
            group.clear();
            group.extend(inner.offsets().map(|i| values[o + i]));
            f(&group)
        })
        .collect()
}

/// The groups' values as f64.
fn reduce_f64(t: &Tensor, dims: &Dims, f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    reduce_groups(t.to_f64_vec(), t, dims, f)
}

/// The groups' values as i64 (exact for every integer dtype).
fn reduce_i64(t: &Tensor, dims: &Dims, f: impl Fn(&[i64]) -> i64) -> Vec<i64> {
    reduce_groups(t.to_i64_vec(), t, dims, f)
}

fn float_result(values: Vec<f64>, shape: &[usize], dtype: DType) -> Tensor {
    Tensor::from_vec(values, shape).to_dtype(dtype)
}

fn int_result(values: Vec<i64>, shape: &[usize], dtype: DType) -> Tensor {
    Tensor::from_vec(values, shape).to_dtype(dtype)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reduction {
    Sum,
    Prod,
    Mean,
    Amax,
    Amin,
    All,
    Any,
    CountNonzero,
    LogSumExp,
}

impl Reduction {
    pub fn name(self) -> &'static str {
        match self {
            Reduction::Sum => "sum",
            Reduction::Prod => "prod",
            Reduction::Mean => "mean",
            Reduction::Amax => "amax",
            Reduction::Amin => "amin",
            Reduction::All => "all",
            Reduction::Any => "any",
            Reduction::CountNonzero => "count_nonzero",
            Reduction::LogSumExp => "logsumexp",
        }
    }
}

/// The fast paths of `sum` and `mean` over a contiguous f32/f64 tensor: when the
/// reduced dims are the trailing ones, each result sums one contiguous run of the
/// buffer; when they are the leading ones, rows are added together.
fn contiguous_sums(t: &Tensor, dims: &Dims) -> Option<Vec<f64>> {
    let n = t.ndim();
    let first = n - dims.reduced.len();
    if dims.reduced.iter().copied().eq(first..n) {
        return contiguous_float_sums(t, first, kernels::run_sums, kernels::run_sums);
    }
    // Leading dimensions (the batch of a bias gradient) sum whole rows together.
    if dims.reduced.iter().copied().eq(0..dims.reduced.len()) && dims.reduced.len() < n {
        return contiguous_float_sums(t, dims.reduced.len(), kernels::column_sums, kernels::column_sums);
    }
    None
}

/// `sums(values, run)` of a contiguous float tensor whose dimensions from `split` on
/// make runs of `run` elements.
fn contiguous_float_sums(
    t: &Tensor,
    split: usize,
    sums_f32: fn(&[f32], usize) -> Vec<f64>,
    sums_f64: fn(&[f64], usize) -> Vec<f64>,
) -> Option<Vec<f64>> {
    let run: usize = t.shape()[split..].iter().product();
    let range = t.layout().contiguous_range().filter(|_| run > 0)?;
    match &*t.storage() {
        Storage::F32(v) => Some(sums_f32(&v[range], run)),
        Storage::F64(v) => Some(sums_f64(&v[range], run)),
        _ => None,
    }
}

/// Kahan-compensated sum, close to PyTorch's cascaded float sums.
fn float_sum(values: &[f64]) -> f64 {
    let (mut sum, mut c) = (0.0, 0.0);
    for &x in values {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

fn extreme(values: &[f64], max: bool) -> f64 {
    let mut best = if max { f64::NEG_INFINITY } else { f64::INFINITY };
    for &x in values {
        if x.is_nan() {
            return f64::NAN;
        }
        if (max && x > best) || (!max && x < best) {
            best = x;
        }
    }
    best
}

/// A reduction of `t` over `dims`; `dtype` asks for the result's dtype (`sum(dtype=)`).
pub fn reduce(op: Reduction, t: &Tensor, dims: &Dims, dtype: Option<DType>) -> TensorResult<Tensor> {
    let shape = dims.output_shape(t.shape());
    let input = t.dtype();
    let empty_group =
        dims.reduced.iter().any(|&d| t.shape()[d] == 0) || (t.numel() == 0 && dims.reduced.is_empty());
    match op {
        Reduction::Sum | Reduction::Prod => {
            let out = dtype.unwrap_or(if input.is_float() { input } else { DType::I64 });
            let product = op == Reduction::Prod;
            if out.is_float() == input.is_float() {
                let fold = if product { Fold::Prod } else { Fold::Sum };
                let device = Backend::of(&[t]);
                if let Some(result) = device.kernel(|d| d.reduce(fold, t, &dims.reduced, out, &shape, 1.0)) {
                    return result;
                }
            }
            if let Some(sums) = (!product && out == input).then(|| contiguous_sums(t, dims)).flatten() {
                return Ok(float_result(sums, &shape, out));
            }
            if out.is_float() {
                let v = reduce_f64(&t.to_dtype(out), dims, |g| {
                    if product {
                        g.iter().product()
                    } else {
                        float_sum(g)
                    }
                });
                Ok(float_result(v, &shape, out))
            } else {
                let v = reduce_i64(t, dims, |g| {
                    if product {
                        g.iter().fold(1i64, |a, &b| a.wrapping_mul(b))
                    } else {
                        g.iter().fold(0i64, |a, &b| a.wrapping_add(b))
                    }
                });
                Ok(int_result(v, &shape, out))
            }
        }
        Reduction::Mean => {
            let out = dtype.unwrap_or(input);
            if !out.is_float() {
                let which = if dtype.is_some() { "Optional" } else { "Input" };
                return Err(TensorError::not_implemented(format!(
                    "mean(): could not infer output dtype. {which} dtype must be either a floating point or complex dtype. Got: {}",
                    out.torch_name()
                )));
            }
            let count = dims.reduced.iter().map(|&d| t.shape()[d]).product::<usize>() as f64;
            let on_device = Backend::of(&[t])
                .kernel(|d| d.reduce(Fold::Sum, &t.to_dtype(out), &dims.reduced, out, &shape, 1.0 / count));
            if let Some(result) = on_device {
                return result;
            }
            if let Some(sums) = (out == input).then(|| contiguous_sums(t, dims)).flatten() {
                return Ok(float_result(sums.into_iter().map(|s| s / count).collect(), &shape, out));
            }
            let v = reduce_f64(&t.to_dtype(out), dims, |g| float_sum(g) / g.len() as f64);
            Ok(float_result(v, &shape, out))
        }
        Reduction::Amax | Reduction::Amin => {
            if empty_group {
                return Err(TensorError::index(format!(
                    "{}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
                    op.name()
                )));
            }
            let max = op == Reduction::Amax;
            let fold = if max { Fold::Max } else { Fold::Min };
            if let Some(result) =
                Backend::of(&[t]).kernel(|d| d.reduce(fold, t, &dims.reduced, input, &shape, 1.0))
            {
                return result;
            }
            if let Some(extremes) = float_extremes(t, dims, max) {
                return Ok(extremes);
            }
            if input.is_float() {
                Ok(float_result(reduce_f64(t, dims, |g| extreme(g, max)), &shape, input))
            } else {
                let v = reduce_i64(t, dims, |g| {
                    if max {
                        *g.iter().max().unwrap_or(&0)
                    } else {
                        *g.iter().min().unwrap_or(&0)
                    }
                });
                Ok(int_result(v, &shape, input))
            }
        }
        Reduction::All | Reduction::Any => {
            let all = op == Reduction::All;
            // uint8 stays uint8 (NumPy's old convention, which PyTorch keeps).
            let out = if input == DType::U8 { DType::U8 } else { DType::Bool };
            let fold = if all { Fold::All } else { Fold::Any };
            if let Some(result) =
                Backend::of(&[t]).kernel(|d| d.reduce(fold, t, &dims.reduced, out, &shape, 1.0))
            {
                return result;
            }
            let v = reduce_f64(t, dims, |g| {
                let hit = if all { g.iter().all(|&x| x != 0.0) } else { g.iter().any(|&x| x != 0.0) };
                hit as u8 as f64
            });
            Ok(float_result(v, &shape, out))
        }
        Reduction::CountNonzero => {
            let v = reduce_f64(t, dims, |g| g.iter().filter(|&&x| x != 0.0).count() as f64);
            Ok(float_result(v, &shape, DType::I64))
        }
        Reduction::LogSumExp => {
            let out = if input.is_float() { input } else { DType::DEFAULT_FLOAT };
            let v = reduce_f64(&t.to_dtype(out), dims, |g| {
                let m = extreme(g, true);
                if m.is_infinite() {
                    return m;
                }
                m + float_sum(&g.iter().map(|x| (x - m).exp()).collect::<Vec<_>>()).ln()
            });
            Ok(float_result(v, &shape, out))
        }
    }
}

/// `var` and `std` with Bessel's `correction` (1 by default, as in PyTorch).
pub fn variance(t: &Tensor, dims: &Dims, correction: f64, sqrt: bool) -> TensorResult<Tensor> {
    let dtype = t.dtype();
    if !dtype.is_float() {
        return Err(TensorError::not_implemented(
            "std and var only support floating point and complex dtypes",
        ));
    }
    let shape = dims.output_shape(t.shape());
    let v = reduce_f64(t, dims, |g| {
        let n = g.len() as f64;
        let mean = float_sum(g) / n;
        let ss = float_sum(&g.iter().map(|x| (x - mean) * (x - mean)).collect::<Vec<_>>());
        let var = ss / (n - correction).max(0.0);
        if sqrt {
            var.sqrt()
        } else {
            var
        }
    });
    Ok(float_result(v, &shape, dtype))
}

/// `p`-norm over `dims` (`inf` and `-inf` for the max and min magnitude).
pub fn norm(t: &Tensor, p: f64, dims: &Dims) -> TensorResult<Tensor> {
    let dtype = t.dtype();
    if !dtype.is_float() {
        return Err(TensorError::not_implemented(format!(
            "linalg.vector_norm: Expected a floating point or complex tensor as input. Got {}",
            dtype.torch_name()
        )));
    }
    let shape = dims.output_shape(t.shape());
    let v = reduce_f64(t, dims, |g| {
        let abs = g.iter().map(|x| x.abs());
        if p == f64::INFINITY {
            abs.fold(0.0, f64::max)
        } else if p == f64::NEG_INFINITY {
            abs.fold(f64::INFINITY, f64::min)
        } else if p == 0.0 {
            g.iter().filter(|&&x| x != 0.0).count() as f64
        } else if p == 1.0 {
            float_sum(&abs.collect::<Vec<_>>())
        } else if p == 2.0 {
            float_sum(&g.iter().map(|x| x * x).collect::<Vec<_>>()).sqrt()
        } else {
            float_sum(&abs.map(|x| x.powf(p)).collect::<Vec<_>>()).powf(1.0 / p)
        }
    });
    Ok(float_result(v, &shape, dtype))
}

/// `max(dim)`/`min(dim)`/`argmax`/`argmin`: the extreme values and the index of their
/// first occurrence along one dimension (NaN counts as the extreme, as in PyTorch).
pub fn extreme_along(t: &Tensor, dim: usize, keepdim: bool, max: bool) -> TensorResult<(Tensor, Tensor)> {
    if t.ndim() > 0 && t.shape()[dim] == 0 {
        return Err(TensorError::index(format!(
            "{}(): Expected reduction dim {dim} to have non-zero size.",
            if max { "max" } else { "min" }
        )));
    }
    let dims = Dims { reduced: if t.ndim() == 0 { vec![] } else { vec![dim] }, keepdim };
    let shape = dims.output_shape(t.shape());
    if let Some(result) = Backend::of(&[t]).kernel(|d| d.arg_extreme(t, &dims.reduced, max, &shape)) {
        return result;
    }
    // Compared exactly (an int64 above 2^53 is not rounded first); NaN wins at once.
    let keys = Keys::of(t);
    let better = if max { Ordering::Greater } else { Ordering::Less };
    let winner = |group: &[usize]| -> usize {
        let mut best = 0;
        for (i, &p) in group.iter().enumerate() {
            if keys.is_nan(group[best]) {
                break;
            }
            if keys.is_nan(p) || keys.cmp(p, group[best]) == better {
                best = i;
            }
        }
        best
    };
    let positions: Vec<usize> = (0..t.numel()).collect();
    let indices = reduce_groups(positions.clone(), t, &dims, |g| winner(g) as i64);
    let sources = reduce_groups(positions, t, &dims, |g| g[winner(g)]);
    Ok((pick(t, &sources, &shape), Tensor::from_vec(indices, &shape)))
}

/// `argmax`/`argmin` refuse bool tensors (`max`/`min` take them).
pub fn no_bool_arg_extreme(t: &Tensor, max: bool) -> TensorResult<()> {
    if t.dtype() == DType::Bool {
        let name = if max { "argmax" } else { "argmin" };
        return Err(TensorError::not_implemented(format!("{name}(): does not support bool input")));
    }
    Ok(())
}

/// The index of the extreme element of the flattened tensor.
pub fn arg_extreme_flat(t: &Tensor, max: bool) -> TensorResult<Tensor> {
    no_bool_arg_extreme(t, max)?;
    if t.numel() == 0 {
        return Err(TensorError::runtime(format!(
            "{}(): Expected reduction dim to be specified for input.numel() == 0.",
            if max { "argmax" } else { "argmin" }
        )));
    }
    let flat = t.contiguous().with_layout(Layout::contiguous(&[t.numel()]));
    Ok(extreme_along(&flat, 0, false, max)?.1)
}

/// `softmax` and `log_softmax` along `dim`, stabilised by the group maximum.
pub fn softmax(t: &Tensor, dim: i64, log: bool) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, t.ndim())?;
    if !t.dtype().is_float() {
        // ATen has a kernel for the last dimension and one for the others.
        let kernel = if d + 1 == t.ndim() || t.ndim() == 0 { "lastdim_kernel_impl" } else { "kernel_impl" };
        let name = if log { "log_softmax" } else { "softmax" };
        return Err(TensorError::no_kernel(&format!("{name}_{kernel}"), t.dtype()));
    }
    // Each step is rounded to the tensor's precision (f32 for the half types, which
    // compute in f32) and sums run in ATen's order, so results agree with PyTorch's
    // to the last bit far more often than an exact f64 computation would.
    let round: fn(f64) -> f64 = if t.dtype() == DType::F64 { |x| x } else { |x| x as f32 as f64 };
    let lanes = if t.dtype() == DType::F64 { 4 } else { 8 };
    let values = along(t.to_f64_vec(), t.shape(), d, |g, out| {
        let m = extreme(g, true);
        let exps: Vec<f64> = g.iter().map(|x| round(round(x - m).exp())).collect();
        let total = vectorised_sum(&exps, lanes, round);
        if log {
            let log_total = round(total.ln());
            for (o, x) in out.iter_mut().zip(g) {
                *o = round(round(x - m) - log_total);
            }
        } else {
            let scale = round(1.0 / total);
            for (o, e) in out.iter_mut().zip(&exps) {
                *o = round(e * scale);
            }
        }
    });
    Ok(float_result(values, t.shape(), t.dtype()))
}

/// A sum in the order of ATen's `vec::reduce_all` with `lanes`-wide vectors: one after
/// another below a vector's width, otherwise lane-wise accumulators combined pairwise.
fn vectorised_sum(values: &[f64], lanes: usize, round: fn(f64) -> f64) -> f64 {
    if values.len() < lanes {
        return values.iter().skip(1).fold(values.first().copied().unwrap_or(0.0), |a, &x| round(a + x));
    }
    let mut acc = values[..lanes].to_vec();
    for chunk in values[lanes..].chunks(lanes) {
        for (a, &x) in acc.iter_mut().zip(chunk) {
            *a = round(*a + x);
        }
    }
    let mut width = lanes / 2;
    while width > 0 {
        for i in 0..width {
            acc[i] = round(acc[i] + acc[i + width]);
        }
        width /= 2;
    }
    acc[0]
}

/// `cumsum` and `cumprod` along `dim`: floats accumulate in f64 (ATen's CPU
/// accumulator), integers and bools in int64, wrapping on overflow as ATen's do.
pub fn cumulative(t: &Tensor, dim: i64, product: bool) -> TensorResult<Tensor> {
    let d = wrap_dim(dim, t.ndim())?;
    if t.dtype().is_float() {
        let values = along(t.to_f64_vec(), t.shape(), d, |g, out| {
            let mut acc = if product { 1.0 } else { 0.0 };
            for (o, x) in out.iter_mut().zip(g) {
                acc = if product { acc * x } else { acc + x };
                *o = acc;
            }
        });
        return Ok(float_result(values, t.shape(), t.dtype()));
    }
    let values = along(t.to_i64_vec(), t.shape(), d, |g, out| {
        let mut acc = if product { 1i64 } else { 0 };
        for (o, &x) in out.iter_mut().zip(g) {
            acc = if product { acc.wrapping_mul(x) } else { acc.wrapping_add(x) };
            *o = acc;
        }
    });
    Ok(Tensor::from_vec(values, t.shape()))
}

/// Runs `f` on each 1-d slice along `dim` of the row-major `values` of a tensor shaped
/// `shape`, writing a slice of the same length.
fn along<T: Copy + Default>(
    values: Vec<T>,
    shape: &[usize],
    dim: usize,
    f: impl Fn(&[T], &mut [T]),
) -> Vec<T> {
    if shape.is_empty() {
        let mut out = [T::default()];
        f(&values, &mut out);
        return out.to_vec();
    }
    let dense = Layout::contiguous(shape);
    let dims = Dims { reduced: vec![dim], keepdim: true };
    let (outer, inner) = split(&dense, &dims);
    let mut result = vec![T::default(); values.len()];
    let mut group = Vec::new();
    let mut out = vec![T::default(); shape[dim]];
    for o in outer.offsets() {
        group.clear();
        group.extend(inner.offsets().map(|i| values[o + i]));
        f(&group, &mut out);
        for (k, i) in inner.offsets().enumerate() {
            result[o + i] = out[k];
        }
    }
    result
}
