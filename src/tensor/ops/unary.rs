//! Unary elementwise operations. Floating functions of integer tensors compute in the
//! default float dtype, as PyTorch's do; f32 tensors compute in f32.

use crate::kernels::{self, UnaryOp};
use crate::storage::arith::Arith;
use crate::storage::dtype::DType;
use crate::storage::element::Element;
use crate::storage::{Buffer, Storage};
use crate::tensor::backend::{Backend, DeviceKernels};
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_dtype;
use half::{bf16, f16};

fn unsupported(op: UnaryOp, dtype: DType) -> TensorError {
    TensorError::no_kernel(&format!("{}_cpu", op.name()), dtype)
}

/// The op applied to every element.
pub fn unary(op: UnaryOp, t: &Tensor) -> TensorResult<Tensor> {
    let dtype = t.dtype();
    match op {
        UnaryOp::Neg if dtype == DType::Bool => {
            return Err(TensorError::not_implemented(
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
            ))
        }
        UnaryOp::Relu if dtype == DType::Bool => {
            return Err(TensorError::not_implemented("Boolean inputs not supported for relu"))
        }
        UnaryOp::Floor | UnaryOp::Ceil | UnaryOp::Round | UnaryOp::Trunc if dtype == DType::Bool => {
            // ATen dispatches these to its vectorised-math kernels, named so in the error.
            return Err(TensorError::no_kernel(&format!("{}_vml_cpu", op.name()), dtype));
        }
        // square is pow(x, 2), which promotes bool to the default integer.
        UnaryOp::Square if dtype == DType::Bool => return unary(op, &t.to_dtype(DType::I64)),
        UnaryOp::BitwiseNot if dtype.is_float() => return Err(unsupported(op, dtype)),
        UnaryOp::Frac if !dtype.is_float() => return Err(unsupported(op, dtype)),
        UnaryOp::Abs if dtype == DType::Bool => return Err(unsupported(op, dtype)),
        _ => {}
    }
    let input =
        if op.is_floating() && !dtype.is_float() { t.to_dtype(DType::DEFAULT_FLOAT) } else { t.clone() };
    let tests = matches!(op, UnaryOp::IsNan | UnaryOp::IsInf | UnaryOp::IsFinite | UnaryOp::LogicalNot);
    let output = if tests { DType::Bool } else { input.dtype() };
    if let Some(result) = Backend::of(&[&input]).kernel(|device| device.unary(op, &input, output)) {
        return result;
    }
    let layout = input.layout().clone();
    let storage = input.storage();
    let out = if op.is_floating() {
        floating(op, &storage, &layout)
    } else {
        with_dtype!(input.dtype(), T => apply::<T>(op, T::slice(&storage).expect("own dtype"), &layout))
    };
    Ok(Tensor::new(out, t.shape()))
}

fn apply<T: Arith + Buffer>(op: UnaryOp, data: &[T], layout: &crate::storage::layout::Layout) -> Storage {
    let same = |f: &(dyn Fn(T) -> T + Sync)| T::wrap(kernels::map(data, layout, f));
    let test = |f: &(dyn Fn(T) -> bool + Sync)| Storage::Bool(kernels::map(data, layout, f));
    match op {
        UnaryOp::Neg => same(&|x| x.neg()),
        UnaryOp::Abs => same(&|x| x.abs()),
        UnaryOp::Sign => same(&|x| {
            let v = x.to_f64();
            // (0 < x) - (x < 0) as ATen computes it: zeros and NaN give +0.
            T::from_f64(if v > 0.0 {
                1.0
            } else if v < 0.0 {
                -1.0
            } else {
                0.0
            })
        }),
        UnaryOp::Square => same(&|x| x.mul(x)),
        UnaryOp::Relu => same(&|x| {
            if x.to_f64() > 0.0 || x.to_f64().is_nan() {
                x
            } else {
                T::from_i64(0)
            }
        }),
        UnaryOp::Floor => same(&|x| float_only(x, f64::floor)),
        UnaryOp::Ceil => same(&|x| float_only(x, f64::ceil)),
        UnaryOp::Round => same(&|x| float_only(x, f64::round_ties_even)),
        UnaryOp::Trunc => same(&|x| float_only(x, f64::trunc)),
        UnaryOp::Frac => same(&|x| float_only(x, |v| v - v.trunc())),
        UnaryOp::IsNan => test(&|x| x.to_f64().is_nan()),
        UnaryOp::IsInf => test(&|x| x.to_f64().is_infinite()),
        UnaryOp::IsFinite => test(&|x| x.to_f64().is_finite()),
        UnaryOp::LogicalNot => test(&|x| !x.is_nonzero()),
        UnaryOp::BitwiseNot => same(&|x| {
            if T::DTYPE == DType::Bool {
                T::from_bool(!x.is_nonzero())
            } else {
                T::from_i64(!x.to_i64())
            }
        }),
        _ => unreachable!("floating ops are applied by `floating`"),
    }
}

/// Integers are already integral: floor, ceil, round and trunc leave them alone.
fn float_only<T: Element>(x: T, f: fn(f64) -> f64) -> T {
    if T::DTYPE.is_float() {
        T::from_f64(f(x.to_f64()))
    } else {
        x
    }
}

/// A floating function on a float tensor: f32 in f32 where Rust has the function,
/// the half types through f64.
fn floating(op: UnaryOp, storage: &Storage, layout: &crate::storage::layout::Layout) -> Storage {
    let f64_fn = op.float_fn().expect("floating op");
    match storage {
        Storage::F32(v) => Storage::F32(match op.f32_fn() {
            _ if op == UnaryOp::Exp => kernels::map_slices(v, layout, kernels::exp_f32_slice),
            Some(f) => kernels::map(v, layout, f),
            None => kernels::map(v, layout, |x| f64_fn(x as f64) as f32),
        }),
        Storage::F16(v) => Storage::F16(kernels::map(v, layout, |x| f16::from_f64(f64_fn(x.to_f64())))),
        Storage::BF16(v) => Storage::BF16(kernels::map(v, layout, |x| bf16::from_f64(f64_fn(x.to_f64())))),
        other => {
            crate::with_storage!(other, v => Storage::F64(kernels::map(v, layout, |x| f64_fn(x.to_f64()))))
        }
    }
}

/// `round(t, decimals)`: halves to even at `10^-decimals`, computed in the tensor's
/// float dtype as PyTorch does (`nearbyint(x * 10^d) / 10^d`, or `/` then `*` for
/// negative `d`).
pub fn round(t: &Tensor, decimals: i64) -> TensorResult<Tensor> {
    if decimals == 0 {
        return unary(UnaryOp::Round, t);
    }
    if !t.dtype().is_float() {
        return Err(TensorError::no_kernel("round_decimals_cpu", t.dtype()));
    }
    let storage = t.storage();
    let out = with_dtype!(t.dtype(), T => {
        let data = T::slice(&storage).expect("own dtype");
        let in_dtype = |x: f64| T::from_f64(x).to_f64();
        let scale = in_dtype(10f64.powi(decimals.unsigned_abs().min(400) as i32));
        T::wrap(kernels::map(data, t.layout(), |x: T| {
            let x = x.to_f64();
            let r = if decimals > 0 {
                in_dtype(x * scale).round_ties_even() / scale
            } else {
                in_dtype(x / scale).round_ties_even() * scale
            };
            T::from_f64(r)
        }))
    });
    Ok(Tensor::new(out, t.shape()))
}
