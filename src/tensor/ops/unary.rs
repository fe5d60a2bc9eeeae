//! Unary elementwise operations. Floating functions of integer tensors compute in the
//! default float dtype, as PyTorch's do; f32 tensors compute in f32.

use crate::kernels;
use crate::tensor::arith::Arith;
use crate::tensor::dtype::DType;
use crate::tensor::element::Element;
use crate::tensor::storage::{Buffer, Storage};
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_dtype;
use half::{bf16, f16};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Abs,
    Sign,
    Square,
    Relu,
    Floor,
    Ceil,
    Round,
    Trunc,
    Frac,
    Exp,
    Exp2,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    Sqrt,
    Rsqrt,
    Reciprocal,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Sigmoid,
    Softplus,
    Erf,
    Erfc,
    Lgamma,
    Digamma,
    Erfinv,
    IsNan,
    IsInf,
    IsFinite,
    LogicalNot,
    BitwiseNot,
}

impl UnaryOp {
    pub fn name(self) -> &'static str {
        match self {
            UnaryOp::Neg => "neg",
            UnaryOp::Abs => "abs",
            UnaryOp::Sign => "sign",
            UnaryOp::Square => "square",
            UnaryOp::Relu => "relu",
            UnaryOp::Floor => "floor",
            UnaryOp::Ceil => "ceil",
            UnaryOp::Round => "round",
            UnaryOp::Trunc => "trunc",
            UnaryOp::Frac => "frac",
            UnaryOp::Exp => "exp",
            UnaryOp::Exp2 => "exp2",
            UnaryOp::Expm1 => "expm1",
            UnaryOp::Log => "log",
            UnaryOp::Log2 => "log2",
            UnaryOp::Log10 => "log10",
            UnaryOp::Log1p => "log1p",
            UnaryOp::Sqrt => "sqrt",
            UnaryOp::Rsqrt => "rsqrt",
            UnaryOp::Reciprocal => "reciprocal",
            UnaryOp::Sin => "sin",
            UnaryOp::Cos => "cos",
            UnaryOp::Tan => "tan",
            UnaryOp::Asin => "asin",
            UnaryOp::Acos => "acos",
            UnaryOp::Atan => "atan",
            UnaryOp::Sinh => "sinh",
            UnaryOp::Cosh => "cosh",
            UnaryOp::Tanh => "tanh",
            UnaryOp::Sigmoid => "sigmoid",
            UnaryOp::Softplus => "softplus",
            UnaryOp::Erf => "erf",
            UnaryOp::Erfc => "erfc",
            UnaryOp::Lgamma => "lgamma",
            UnaryOp::Digamma => "digamma",
            UnaryOp::Erfinv => "erfinv",
            UnaryOp::IsNan => "isnan",
            UnaryOp::IsInf => "isinf",
            UnaryOp::IsFinite => "isfinite",
            UnaryOp::LogicalNot => "logical_not",
            UnaryOp::BitwiseNot => "bitwise_not",
        }
    }

    pub fn all() -> [UnaryOp; 41] {
        ALL
    }

    /// The op of a name, for the builtins that expose them.
    pub fn from_name(name: &str) -> Option<UnaryOp> {
        ALL.iter().copied().find(|op| op.name() == name)
    }

    /// A function of a real number, computed in floating point whatever the input.
    fn is_floating(self) -> bool {
        self.float_fn().is_some()
    }

    /// The op on one f64 (the floating functions; `None` for the others).
    pub fn float_fn(self) -> Option<fn(f64) -> f64> {
        Some(match self {
            UnaryOp::Exp => f64::exp,
            UnaryOp::Exp2 => f64::exp2,
            UnaryOp::Expm1 => f64::exp_m1,
            UnaryOp::Log => f64::ln,
            UnaryOp::Log2 => f64::log2,
            UnaryOp::Log10 => f64::log10,
            UnaryOp::Log1p => f64::ln_1p,
            UnaryOp::Sqrt => f64::sqrt,
            UnaryOp::Rsqrt => |x| 1.0 / x.sqrt(),
            UnaryOp::Reciprocal => |x| 1.0 / x,
            UnaryOp::Sin => f64::sin,
            UnaryOp::Cos => f64::cos,
            UnaryOp::Tan => f64::tan,
            UnaryOp::Asin => f64::asin,
            UnaryOp::Acos => f64::acos,
            UnaryOp::Atan => f64::atan,
            UnaryOp::Sinh => f64::sinh,
            UnaryOp::Cosh => f64::cosh,
            UnaryOp::Tanh => f64::tanh,
            UnaryOp::Sigmoid => |x| 1.0 / (1.0 + (-x).exp()),
            UnaryOp::Softplus => |x| if x > 20.0 { x } else { x.exp().ln_1p() },
            UnaryOp::Erf => statrs::function::erf::erf,
            UnaryOp::Erfc => statrs::function::erf::erfc,
            UnaryOp::Lgamma => lgamma,
            UnaryOp::Digamma => digamma,
            UnaryOp::Erfinv => erfinv,
            _ => return None,
        })
    }

    /// The op on one f32, for f32 tensors, where Rust has it in f32.
    fn f32_fn(self) -> Option<fn(f32) -> f32> {
        Some(match self {
            UnaryOp::Exp => f32::exp,
            UnaryOp::Exp2 => f32::exp2,
            UnaryOp::Expm1 => f32::exp_m1,
            UnaryOp::Log => f32::ln,
            UnaryOp::Log2 => f32::log2,
            UnaryOp::Log10 => f32::log10,
            UnaryOp::Log1p => f32::ln_1p,
            UnaryOp::Sqrt => f32::sqrt,
            UnaryOp::Rsqrt => |x| 1.0 / x.sqrt(),
            UnaryOp::Reciprocal => |x| 1.0 / x,
            UnaryOp::Sin => f32::sin,
            UnaryOp::Cos => f32::cos,
            UnaryOp::Tan => f32::tan,
            UnaryOp::Asin => f32::asin,
            UnaryOp::Acos => f32::acos,
            UnaryOp::Atan => f32::atan,
            UnaryOp::Sinh => f32::sinh,
            UnaryOp::Cosh => f32::cosh,
            UnaryOp::Tanh => f32::tanh,
            UnaryOp::Sigmoid => |x| 1.0 / (1.0 + (-x).exp()),
            UnaryOp::Softplus => |x| if x > 20.0 { x } else { x.exp().ln_1p() },
            _ => return None,
        })
    }
}

const ALL: [UnaryOp; 41] = [
    UnaryOp::Neg,
    UnaryOp::Abs,
    UnaryOp::Sign,
    UnaryOp::Square,
    UnaryOp::Relu,
    UnaryOp::Floor,
    UnaryOp::Ceil,
    UnaryOp::Round,
    UnaryOp::Trunc,
    UnaryOp::Frac,
    UnaryOp::Exp,
    UnaryOp::Exp2,
    UnaryOp::Expm1,
    UnaryOp::Log,
    UnaryOp::Log2,
    UnaryOp::Log10,
    UnaryOp::Log1p,
    UnaryOp::Sqrt,
    UnaryOp::Rsqrt,
    UnaryOp::Reciprocal,
    UnaryOp::Sin,
    UnaryOp::Cos,
    UnaryOp::Tan,
    UnaryOp::Asin,
    UnaryOp::Acos,
    UnaryOp::Atan,
    UnaryOp::Sinh,
    UnaryOp::Cosh,
    UnaryOp::Tanh,
    UnaryOp::Sigmoid,
    UnaryOp::Softplus,
    UnaryOp::Erf,
    UnaryOp::Erfc,
    UnaryOp::Lgamma,
    UnaryOp::Digamma,
    UnaryOp::Erfinv,
    UnaryOp::IsNan,
    UnaryOp::IsInf,
    UnaryOp::IsFinite,
    UnaryOp::LogicalNot,
    UnaryOp::BitwiseNot,
];

/// `ln |Γ(x)|`, with Γ's poles giving `inf` as in PyTorch.
fn lgamma(x: f64) -> f64 {
    if x <= 0.0 && x == x.floor() {
        return f64::INFINITY;
    }
    if x < 0.5 {
        // Reflection: statrs' ln_gamma is for positive arguments.
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin().abs()).ln() - statrs::function::gamma::ln_gamma(1.0 - x);
    }
    statrs::function::gamma::ln_gamma(x)
}

/// ψ(x); at the poles PyTorch returns `-inf` for 0 and `nan` for negative integers.
fn digamma(x: f64) -> f64 {
    if x == 0.0 {
        return if x.is_sign_negative() { f64::NAN } else { f64::NEG_INFINITY };
    }
    if x < 0.0 && x == x.floor() {
        return f64::NAN;
    }
    statrs::function::gamma::digamma(x)
}

/// erf⁻¹(x): ±inf at ±1 and nan outside, as PyTorch.
fn erfinv(x: f64) -> f64 {
    if x == 1.0 {
        return f64::INFINITY;
    }
    if x == -1.0 {
        return f64::NEG_INFINITY;
    }
    if !(-1.0..=1.0).contains(&x) {
        return f64::NAN;
    }
    statrs::function::erf::erf_inv(x)
}

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
    #[cfg(feature = "cuda")]
    {
        let tests = matches!(op, UnaryOp::IsNan | UnaryOp::IsInf | UnaryOp::IsFinite | UnaryOp::LogicalNot);
        let output = if tests { DType::Bool } else { input.dtype() };
        if let Some(result) = super::device::unary(op, &input, output) {
            return result;
        }
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

fn apply<T: Arith + Buffer>(op: UnaryOp, data: &[T], layout: &crate::tensor::layout::Layout) -> Storage {
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
fn floating(op: UnaryOp, storage: &Storage, layout: &crate::tensor::layout::Layout) -> Storage {
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
