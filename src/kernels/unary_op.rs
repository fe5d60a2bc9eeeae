//! The unary elementwise ops the kernels compute, and each one's function of a single
//! element (the tensor layer decides their dtypes).

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
    pub fn is_floating(self) -> bool {
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
    pub fn f32_fn(self) -> Option<fn(f32) -> f32> {
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
