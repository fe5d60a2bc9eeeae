//! The unary elementwise ops as the kernels see them, expanded from their declarations
//! in `crate::ops`: the enum, names, autograd's node names, and the functions of one
//! element. The tensor layer decides their dtypes.

/// What an op's backward reads: its input, or its result (saved detached).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Input,
    Result,
}

/// The part of each declaration in `crate::ops` the kernels own.
macro_rules! declare {
    ($($op:ident $name:literal {
        $(node $node:literal from $saved:ident, grad $grad:expr;)?
        $(f64 $f64:expr $(, f32 $f32:expr)?;)?
    })*) => {
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
                    $(UnaryOp::$op => declare!(@node $($node $saved)?)),*
                }
            }

            /// The op on one f64 (the floating functions; `None` for the others).
            pub fn float_fn(self) -> Option<fn(f64) -> f64> {
                match self {
                    $(UnaryOp::$op => declare!(@f64 $($f64)?)),*
                }
            }

            /// The op on one f32, for f32 tensors, where Rust has it in f32.
            pub fn f32_fn(self) -> Option<fn(f32) -> f32> {
                match self {
                    $(UnaryOp::$op => declare!(@f32 $($($f32)?)?)),*
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

crate::ops::unary_ops!(declare);

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
