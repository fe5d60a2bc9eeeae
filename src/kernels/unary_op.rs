//! The unary elementwise ops, each declared once below with everything about it that
//! is not tensor code: its name, autograd's node for it and what that node saves, and
//! its function of one element (f64, and f32 where Rust has it) for the floating ops.
//! The tensor layer decides their dtypes; autograd writes their derivatives.

/// What an op's backward reads: its input, or its result (saved detached).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Input,
    Result,
}

macro_rules! unary_ops {
    ($($op:ident $name:literal $(, node $node:literal from $saved:ident)? $(, f64 $f64:expr $(, f32 $f32:expr)?)?;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum UnaryOp {
            $($op),*
        }

        impl UnaryOp {
            /// Every op, in declaration order.
            pub const ALL: &'static [UnaryOp] = &[$(UnaryOp::$op),*];

            /// PyTorch's name (`exp`, `logical_not`).
            pub fn name(self) -> &'static str {
                match self {
                    $(UnaryOp::$op => $name),*
                }
            }

            /// PyTorch's autograd node for the op (`ExpBackward0`) and what it saves;
            /// `None` for the ops with no derivative (tests, bitwise ops).
            pub fn node(self) -> Option<(&'static str, Saved)> {
                match self {
                    $(UnaryOp::$op => unary_ops!(@node $($node $saved)?)),*
                }
            }

            /// The op on one f64 (the floating functions; `None` for the others).
            pub fn float_fn(self) -> Option<fn(f64) -> f64> {
                match self {
                    $(UnaryOp::$op => unary_ops!(@f64 $($f64)?)),*
                }
            }

            /// The op on one f32, for f32 tensors, where Rust has it in f32.
            pub fn f32_fn(self) -> Option<fn(f32) -> f32> {
                match self {
                    $(UnaryOp::$op => unary_ops!(@f32 $($($f32)?)?)),*
                }
            }
        }
    };
    (@node $node:literal $saved:ident) => { Some(($node, Saved::$saved)) };
    (@node) => { None };
    (@f64 $f:expr) => {{
        let f: fn(f64) -> f64 = $f;
        Some(f)
    }};
    (@f64) => { None };
    (@f32 $f:expr) => {{
        let f: fn(f32) -> f32 = $f;
        Some(f)
    }};
    (@f32) => { None };
}

unary_ops! {
    Neg "neg", node "NegBackward0" from Input;
    Abs "abs", node "AbsBackward0" from Input;
    Sign "sign", node "SignBackward0" from Input;
    Square "square", node "PowBackward0" from Input;
    Relu "relu", node "ReluBackward0" from Result;
    Floor "floor", node "FloorBackward0" from Input;
    Ceil "ceil", node "CeilBackward0" from Input;
    Round "round", node "RoundBackward0" from Input;
    Trunc "trunc", node "TruncBackward0" from Input;
    Frac "frac", node "FracBackward0" from Input;
    Exp "exp", node "ExpBackward0" from Result, f64 f64::exp, f32 f32::exp;
    Exp2 "exp2", node "Exp2Backward0" from Result, f64 f64::exp2, f32 f32::exp2;
    Expm1 "expm1", node "Expm1Backward0" from Result, f64 f64::exp_m1, f32 f32::exp_m1;
    Log "log", node "LogBackward0" from Input, f64 f64::ln, f32 f32::ln;
    Log2 "log2", node "Log2Backward0" from Input, f64 f64::log2, f32 f32::log2;
    Log10 "log10", node "Log10Backward0" from Input, f64 f64::log10, f32 f32::log10;
    Log1p "log1p", node "Log1PBackward0" from Input, f64 f64::ln_1p, f32 f32::ln_1p;
    Sqrt "sqrt", node "SqrtBackward0" from Result, f64 f64::sqrt, f32 f32::sqrt;
    Rsqrt "rsqrt", node "RsqrtBackward0" from Result, f64 |x| 1.0 / x.sqrt(), f32 |x| 1.0 / x.sqrt();
    Reciprocal "reciprocal", node "ReciprocalBackward0" from Result, f64 |x| 1.0 / x, f32 |x| 1.0 / x;
    Sin "sin", node "SinBackward0" from Input, f64 f64::sin, f32 f32::sin;
    Cos "cos", node "CosBackward0" from Input, f64 f64::cos, f32 f32::cos;
    Tan "tan", node "TanBackward0" from Result, f64 f64::tan, f32 f32::tan;
    Asin "asin", node "AsinBackward0" from Input, f64 f64::asin, f32 f32::asin;
    Acos "acos", node "AcosBackward0" from Input, f64 f64::acos, f32 f32::acos;
    Atan "atan", node "AtanBackward0" from Input, f64 f64::atan, f32 f32::atan;
    Sinh "sinh", node "SinhBackward0" from Input, f64 f64::sinh, f32 f32::sinh;
    Cosh "cosh", node "CoshBackward0" from Input, f64 f64::cosh, f32 f32::cosh;
    Tanh "tanh", node "TanhBackward0" from Result, f64 f64::tanh, f32 f32::tanh;
    Sigmoid "sigmoid", node "SigmoidBackward0" from Result, f64 |x| 1.0 / (1.0 + (-x).exp()), f32 |x| 1.0 / (1.0 + (-x).exp());
    Softplus "softplus", node "SoftplusBackward0" from Input, f64 |x| if x > 20.0 { x } else { x.exp().ln_1p() }, f32 |x| if x > 20.0 { x } else { x.exp().ln_1p() };
    Erf "erf", node "ErfBackward0" from Input, f64 statrs::function::erf::erf;
    Erfc "erfc", node "ErfcBackward0" from Input, f64 statrs::function::erf::erfc;
    Lgamma "lgamma", node "LgammaBackward0" from Input, f64 lgamma;
    Digamma "digamma", node "DigammaBackward0" from Input, f64 digamma;
    Erfinv "erfinv", node "ErfinvBackward0" from Result, f64 erfinv;
    IsNan "isnan";
    IsInf "isinf";
    IsFinite "isfinite";
    LogicalNot "logical_not";
    BitwiseNot "bitwise_not";
}

impl UnaryOp {
    /// A function of a real number, computed in floating point whatever the input.
    pub fn is_floating(self) -> bool {
        self.float_fn().is_some()
    }
}

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
