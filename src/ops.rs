//! The op declarations: each elementwise op once, with everything about it that is not
//! dtype or layout code (binary ops below the unary ones) —
//! PyTorch's name, autograd's node for it and what that node saves, its derivative, and
//! its function of one element (f64, and f32 where Rust has it, for the floating ops).
//! The list is a macro that hands itself to a callback, so each layer expands the part
//! it owns where that code belongs: `kernels` the enum, names and element functions,
//! `autograd` the nodes and derivatives (`derivative(op)`). A derivative is written with
//! the incoming gradient `g`, the input `x` and the result `y`.

/// Calls `$then! { ... }` with the declaration of every unary op.
macro_rules! unary_ops {
    ($then:ident) => {
        $then! {
            Neg "neg" {
                node "NegBackward0" from Input, grad |g, _x, _y| unary(UnaryOp::Neg, g);
            }
            Abs "abs" {
                node "AbsBackward0" from Input, grad |g, x, _y| mul(g, &unary(UnaryOp::Sign, x)?);
            }
            Sign "sign" {
                node "SignBackward0" from Input, grad |g, _x, _y| scale(g, 0.0);
            }
            Square "square" {
                node "PowBackward0" from Input, grad |g, x, _y| mul(g, &scale(x, 2.0)?);
            }
            Relu "relu" {
                node "ReluBackward0" from Result, grad |g, _x, y| {
                    let positive =
                        ops::binary(BinaryOp::Gt, &Operand::Tensor(y.clone()), &Operand::Scalar(Scalar::Int(0)))?;
                    select(&positive, &Operand::Tensor(g.clone()), &Operand::Scalar(Scalar::Float(0.0)))
                };
            }
            Floor "floor" {
                node "FloorBackward0" from Input, grad |g, _x, _y| scale(g, 0.0);
            }
            Ceil "ceil" {
                node "CeilBackward0" from Input, grad |g, _x, _y| scale(g, 0.0);
            }
            Round "round" {
                node "RoundBackward0" from Input, grad |g, _x, _y| scale(g, 0.0);
            }
            Trunc "trunc" {
                node "TruncBackward0" from Input, grad |g, _x, _y| scale(g, 0.0);
            }
            Frac "frac" {
                node "FracBackward0" from Input, grad |g, _x, _y| Ok(g.clone());
            }
            Exp "exp" {
                node "ExpBackward0" from Result, grad |g, _x, y| mul(g, y);
                f64 f64::exp, f32 f32::exp;
            }
            Exp2 "exp2" {
                node "Exp2Backward0" from Result, grad |g, _x, y| mul(g, &scale(y, LN_2)?);
                f64 f64::exp2, f32 f32::exp2;
            }
            Expm1 "expm1" {
                node "Expm1Backward0" from Result, grad |g, _x, y| mul(g, &plus(y, 1.0)?);
                f64 f64::exp_m1, f32 f32::exp_m1;
            }
            Log "log" {
                node "LogBackward0" from Input, grad |g, x, _y| div(g, x);
                f64 f64::ln, f32 f32::ln;
            }
            Log2 "log2" {
                node "Log2Backward0" from Input, grad |g, x, _y| div(g, &scale(x, LN_2)?);
                f64 f64::log2, f32 f32::log2;
            }
            Log10 "log10" {
                node "Log10Backward0" from Input, grad |g, x, _y| div(g, &scale(x, LN_10)?);
                f64 f64::log10, f32 f32::log10;
            }
            Log1p "log1p" {
                node "Log1PBackward0" from Input, grad |g, x, _y| div(g, &plus(x, 1.0)?);
                f64 f64::ln_1p, f32 f32::ln_1p;
            }
            Sqrt "sqrt" {
                node "SqrtBackward0" from Result, grad |g, _x, y| div(g, &scale(y, 2.0)?);
                f64 f64::sqrt, f32 f32::sqrt;
            }
            Rsqrt "rsqrt" {
                // -g y³ / 2
                node "RsqrtBackward0" from Result, grad |g, _x, y| mul(g, &scale(&mul(y, &unary(UnaryOp::Square, y)?)?, -0.5)?);
                f64 |x| 1.0 / x.sqrt(), f32 |x| 1.0 / x.sqrt();
            }
            Reciprocal "reciprocal" {
                node "ReciprocalBackward0" from Result, grad |g, _x, y| mul(g, &unary(UnaryOp::Neg, &unary(UnaryOp::Square, y)?)?);
                f64 |x| 1.0 / x, f32 |x| 1.0 / x;
            }
            Sin "sin" {
                node "SinBackward0" from Input, grad |g, x, _y| mul(g, &unary(UnaryOp::Cos, x)?);
                f64 f64::sin, f32 f32::sin;
            }
            Cos "cos" {
                node "CosBackward0" from Input, grad |g, x, _y| mul(g, &unary(UnaryOp::Neg, &unary(UnaryOp::Sin, x)?)?);
                f64 f64::cos, f32 f32::cos;
            }
            Tan "tan" {
                node "TanBackward0" from Result, grad |g, _x, y| mul(g, &plus(&unary(UnaryOp::Square, y)?, 1.0)?);
                f64 f64::tan, f32 f32::tan;
            }
            Asin "asin" {
                node "AsinBackward0" from Input, grad |g, x, _y| div(g, &unary(UnaryOp::Sqrt, &one_minus_square(x)?)?);
                f64 f64::asin, f32 f32::asin;
            }
            Acos "acos" {
                node "AcosBackward0" from Input, grad |g, x, _y| unary(UnaryOp::Neg, &div(g, &unary(UnaryOp::Sqrt, &one_minus_square(x)?)?)?);
                f64 f64::acos, f32 f32::acos;
            }
            Atan "atan" {
                node "AtanBackward0" from Input, grad |g, x, _y| div(g, &plus(&unary(UnaryOp::Square, x)?, 1.0)?);
                f64 f64::atan, f32 f32::atan;
            }
            Sinh "sinh" {
                node "SinhBackward0" from Input, grad |g, x, _y| mul(g, &unary(UnaryOp::Cosh, x)?);
                f64 f64::sinh, f32 f32::sinh;
            }
            Cosh "cosh" {
                node "CoshBackward0" from Input, grad |g, x, _y| mul(g, &unary(UnaryOp::Sinh, x)?);
                f64 f64::cosh, f32 f32::cosh;
            }
            Tanh "tanh" {
                node "TanhBackward0" from Result, grad |g, _x, y| mul(g, &one_minus_square(y)?);
                f64 f64::tanh, f32 f32::tanh;
            }
            Sigmoid "sigmoid" {
                node "SigmoidBackward0" from Result, grad |g, _x, y| mul(g, &mul(y, &plus(&unary(UnaryOp::Neg, y)?, 1.0)?)?);
                f64 |x| 1.0 / (1.0 + (-x).exp()), f32 |x| 1.0 / (1.0 + (-x).exp());
            }
            Softplus "softplus" {
                // PyTorch's softplus (beta 1, threshold 20) is x itself above the threshold.
                node "SoftplusBackward0" from Input, grad |g, x, _y| {
                    let linear =
                        ops::binary(BinaryOp::Gt, &Operand::Tensor(x.clone()), &Operand::Scalar(Scalar::Int(20)))?;
                    let s = select(
                        &linear,
                        &Operand::Scalar(Scalar::Float(1.0)),
                        &Operand::Tensor(unary(UnaryOp::Sigmoid, x)?),
                    )?;
                    mul(g, &s)
                };
                f64 |x| if x > 20.0 { x } else { x.exp().ln_1p() }, f32 |x| if x > 20.0 { x } else { x.exp().ln_1p() };
            }
            Erf "erf" {
                // 2/√π exp(-x²)
                node "ErfBackward0" from Input, grad |g, x, _y| mul(g, &erf_slope(x)?);
                f64 statrs::function::erf::erf;
            }
            Erfc "erfc" {
                // -2/√π exp(-x²)
                node "ErfcBackward0" from Input, grad |g, x, _y| mul(g, &unary(UnaryOp::Neg, &erf_slope(x)?)?);
                f64 statrs::function::erf::erfc;
            }
            Lgamma "lgamma" {
                node "LgammaBackward0" from Input, grad |g, x, _y| mul(g, &unary(UnaryOp::Digamma, x)?);
                f64 lgamma;
            }
            Digamma "digamma" {
                node "DigammaBackward0" from Input, grad |g, x, _y| mul(g, &trigamma(x));
                f64 digamma;
            }
            Erfinv "erfinv" {
                // √π/2 exp(y²)
                node "ErfinvBackward0" from Result, grad |g, _x, y| mul(g, &scale(&unary(UnaryOp::Exp, &unary(UnaryOp::Square, y)?)?, PI.sqrt() / 2.0)?);
                f64 erfinv;
            }
            IsNan "isnan" {}
            IsInf "isinf" {}
            IsFinite "isfinite" {}
            LogicalNot "logical_not" {}
            BitwiseNot "bitwise_not" {}
        }
    };
}

pub(crate) use unary_ops;

/// Calls `$then! { ... }` with the declaration of every binary op. A differentiable op
/// names its node (with the names PyTorch gives a number first or second operand), what
/// its backward saves of each operand given which of them need a gradient, and its
/// gradients: the incoming gradient `g`, the operands `a` and `b` (tensors or numbers)
/// and the result `out` to the two gradients, before broadcasting is undone.
macro_rules! binary_ops {
    ($then:ident) => {
        $then! {
            Add "add" {
                node "AddBackward0", saves |_, _| (false, false),
                grad |g, _a, _b, _out| Ok((Some(g.clone()), Some(g.clone())));
            }
            Sub "sub" {
                node "SubBackward0" or "RsubBackward1" for a number first, saves |_, _| (false, false),
                grad |g, _a, _b, _out| Ok((Some(g.clone()), Some(unary(UnaryOp::Neg, g)?)));
            }
            Mul "mul" {
                node "MulBackward0", saves |needs_a, needs_b| (needs_b, needs_a),
                grad |g, a, b, _out| Ok((Some(binary(BinaryOp::Mul, &operand(g), b)?), Some(binary(BinaryOp::Mul, &operand(g), a)?)));
            }
            Div "div" {
                node "DivBackward0", saves |_, needs_b| (needs_b, true),
                grad |g, a, b, _out| {
                    let ga = binary(BinaryOp::Div, &operand(g), b)?;
                    // -g a / b²
                    let gb = binary(BinaryOp::Div, &operand(&binary(BinaryOp::Mul, &operand(&ga), a)?), b)?;
                    Ok((Some(ga), Some(unary(UnaryOp::Neg, &gb)?)))
                };
            }
            FloorDiv "floor_divide" {
                // PyTorch records a node whose backward refuses.
                node "NotImplemented", saves |_, _| (false, false),
                grad |_g, _a, _b, _out| Err(TensorError::runtime("derivative for aten::floor_divide is not implemented"));
            }
            Remainder "remainder" {
                node "RemainderBackward1", or "RemainderBackward0" for a number second, saves |_, _| (false, false),
                grad |g, a, b, _out| {
                    let quotient = ops::binary(BinaryOp::FloorDiv, a, b)?;
                    let gb = binary(BinaryOp::Mul, &operand(g), &operand(&quotient))?;
                    Ok((Some(g.clone()), Some(unary(UnaryOp::Neg, &gb)?)))
                };
            }
            Pow "pow" {
                node "PowBackward1" or "PowBackward2" for a number first, or "PowBackward0" for a number second,
                saves |_, _| (true, true),
                grad |g, a, b, out| pow_gradients(g, a, b, out);
            }
            Maximum "maximum" {
                node "MaximumBackward0", saves |_, _| (true, true),
                grad |g, a, b, _out| extreme_gradients(BinaryOp::Gt, g, a, b);
            }
            Minimum "minimum" {
                node "MinimumBackward0", saves |_, _| (true, true),
                grad |g, a, b, _out| extreme_gradients(BinaryOp::Lt, g, a, b);
            }
            Atan2 "atan2" {
                node "Atan2Backward0", saves |_, _| (true, true),
                grad |g, a, b, _out| {
                    // d/da = b / (a² + b²), d/db = -a / (a² + b²)
                    let square = |x: &Operand| binary(BinaryOp::Mul, x, x);
                    let denominator = operand(&add(&square(a)?, &square(b)?)?);
                    let ga = binary(BinaryOp::Div, &operand(&binary(BinaryOp::Mul, &operand(g), b)?), &denominator)?;
                    let gb = binary(BinaryOp::Div, &operand(&binary(BinaryOp::Mul, &operand(g), a)?), &denominator)?;
                    Ok((Some(ga), Some(unary(UnaryOp::Neg, &gb)?)))
                };
            }
            BitAnd "bitwise_and" {}
            BitOr "bitwise_or" {}
            BitXor "bitwise_xor" {}
            ShiftLeft "lshift" {}
            ShiftRight "rshift" {}
            LogicalAnd "logical_and" {}
            LogicalOr "logical_or" {}
            LogicalXor "logical_xor" {}
            Eq "eq" {}
            Ne "ne" {}
            Lt "lt" {}
            Le "le" {}
            Gt "gt" {}
            Ge "ge" {}
        }
    };
}

pub(crate) use binary_ops;
