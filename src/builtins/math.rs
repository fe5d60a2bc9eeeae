//! Scalar maths: `abs`, `round`, `divmod`, `pow`, the elementary functions and the
//! constants `pi e inf nan`. Domain errors give IEEE results (`log(0)` is `-inf`), as
//! tensors do, rather than Python's `math domain error`.

use super::tensor::args::required;
use super::tensor::error_at;
use crate::autograd::ops::{unary, UnaryOp};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::ast::BinOp;
use crate::tensor::ops::BinaryOp;
use crate::value::number::{as_number, Number};
use crate::value::{Builtin, Value};

pub static CONSTANTS: &[(&str, f64)] =
    &[("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("inf", f64::INFINITY), ("nan", f64::NAN)];

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(
        abs,
        "abs(input, *, out=None) -> Tensor or number

The absolute value: of each element of a tensor, or of a number (an int stays an int).

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape and dtype, or a number
Example: abs(tensor([-1.5, 2.]))  # tensor([1.5000, 2.0000])",
    ),
    Builtin::both(
        round,
        "round(input, ndigits=None, *, decimals=0, out=None) -> Tensor or number

Rounds to the nearest multiple of `10 ** -digits`, halves to the even neighbour. It serves as
Python's `round` (a number with no digits gives an int) and as PyTorch's (`decimals=`); for
a tensor `ndigits` and `decimals` mean the same.

Args:
    input: a tensor or a number
    ndigits: Python's count of digits after the point (negative: before it); `None`: none
    decimals: PyTorch's name for the digit count (give one of the two)
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or an int (no digits) or a float
Example: round(2.675, 2)  # 2.67",
    ),
    Builtin::function(
        divmod,
        "divmod(x, y, /) -> tuple

Floor division and remainder together, as `(x // y, x % y)`; tensors broadcast.

Args:
    x: the dividend: a number or a tensor
    y: the divisor: a number or a tensor
Returns: a tuple `(quotient, remainder)`
Example: divmod(-7, 2)  # (-4, 1)",
    ),
    Builtin::both(
        pow,
        "pow(input, exponent, *, out=None) -> Tensor or number

Raises `input` to the power `exponent`, as `input ** exponent` does; either may be a
tensor, and tensors broadcast.

Args:
    input: the base: a tensor or a number
    exponent: the power: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor, or a number for two numbers
Example: pow(tensor([1., 2., 3.]), 2)  # tensor([1., 4., 9.])",
    ),
    Builtin::both(
        atan2,
        "atan2(input, other, *, out=None) -> Tensor or float

The angle of the point `(other, input)` from the positive x axis, in radians in `[-pi, pi]`:
the arctangent of `input / other` with the quadrant the two signs give.

Args:
    input: the y coordinate: a tensor or a number
    other: the x coordinate: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor (broadcast), or a float for two numbers
Example: atan2(1.0, -1.0)  # 2.356194490192345",
    ),
    Builtin::both(
        floor,
        "floor(input, *, out=None) -> Tensor or int

Rounds to the largest whole number not above the value: element by element for a tensor
(same dtype); a number gives an int, as Python's `math.floor` does.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape and dtype, or an int
Example: floor(-2.5)  # -3",
    ),
    Builtin::both(
        ceil,
        "ceil(input, *, out=None) -> Tensor or int

Rounds to the smallest whole number not below the value: element by element for a tensor
(same dtype); a number gives an int, as Python's `math.ceil` does.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape and dtype, or an int
Example: ceil(tensor([1.2, -1.2]))  # tensor([ 2., -1.])",
    ),
    Builtin::both(
        trunc,
        "trunc(input, *, out=None) -> Tensor or int

Drops the fraction, rounding toward zero: element by element for a tensor (same dtype); a
number gives an int, as Python's `math.trunc` does.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape and dtype, or an int
Example: trunc(-2.7)  # -2",
    ),
    Builtin::both(
        |interp, args| classify(UnaryOp::IsNan, f64::is_nan, interp, args),
        "isnan(input) -> Tensor or bool

Whether the value is NaN: a bool tensor of the elements' answers, or a bool for a number.

Args:
    input: a tensor or a number
Returns: a bool tensor of the same shape, or a bool
Example: isnan(tensor([1., nan]))  # tensor([False,  True])",
    ),
    Builtin::both(
        |interp, args| classify(UnaryOp::IsInf, f64::is_infinite, interp, args),
        "isinf(input) -> Tensor or bool

Whether the value is positive or negative infinity: a bool tensor of the elements' answers,
or a bool for a number.

Args:
    input: a tensor or a number
Returns: a bool tensor of the same shape, or a bool
Example: isinf(-inf)  # True",
    ),
    Builtin::both(
        |interp, args| classify(UnaryOp::IsFinite, f64::is_finite, interp, args),
        "isfinite(input) -> Tensor or bool

Whether the value is neither infinite nor NaN: a bool tensor of the elements' answers, or a
bool for a number.

Args:
    input: a tensor or a number
Returns: a bool tensor of the same shape, or a bool
Example: tensor([1., inf, nan]).isfinite()  # tensor([ True, False, False])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Exp, interp, args),
        "exp(input, *, out=None) -> Tensor or float

The exponential `e ** x` of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: exp(tensor([0., 1.]))  # tensor([1.0000, 2.7183])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Exp2, interp, args),
        "exp2(input, *, out=None) -> Tensor or float

Two to the power of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: exp2(10)  # 1024.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Expm1, interp, args),
        "expm1(input, *, out=None) -> Tensor or float

`exp(x) - 1`, computed without the loss of precision the subtraction has for small `x`.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: expm1(1e-10)  # 1.00000000005e-10",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Log, interp, args),
        "log(input, *, out=None) -> Tensor or float

The natural logarithm of each element, or of a number; zero gives `-inf` and negatives
NaN, as for tensors, rather than Python's domain error.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: log(tensor([1., e]))  # tensor([0.0000, 1.0000])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Log2, interp, args),
        "log2(input, *, out=None) -> Tensor or float

The base-2 logarithm of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: log2(8)  # 3.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Log10, interp, args),
        "log10(input, *, out=None) -> Tensor or float

The base-10 logarithm of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: log10(1000)  # 3.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Log1p, interp, args),
        "log1p(input, *, out=None) -> Tensor or float

`log(1 + x)`, accurate for `x` near zero where forming `1 + x` would lose digits.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: log1p(1e-10)  # 9.999999999500001e-11",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Sqrt, interp, args),
        "sqrt(input, *, out=None) -> Tensor or float

The square root of each element, or of a number (NaN for negatives).

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: sqrt(tensor([4., 9.]))  # tensor([2., 3.])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Rsqrt, interp, args),
        "rsqrt(input, *, out=None) -> Tensor or float

One over the square root of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: rsqrt(tensor([4., 16.]))  # tensor([0.5000, 0.2500])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Reciprocal, interp, args),
        "reciprocal(input, *, out=None) -> Tensor or float

One over each element, or over a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: tensor([2., 4.]).reciprocal()  # tensor([0.5000, 0.2500])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Sin, interp, args),
        "sin(input, *, out=None) -> Tensor or float

The sine of each element, or of a number, in radians.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: sin(pi / 2)  # 1.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Cos, interp, args),
        "cos(input, *, out=None) -> Tensor or float

The cosine of each element, or of a number, in radians.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: cos(0)  # 1.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Tan, interp, args),
        "tan(input, *, out=None) -> Tensor or float

The tangent of each element, or of a number, in radians.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: tan(tensor([0.]))  # tensor([0.])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Asin, interp, args),
        "asin(input, *, out=None) -> Tensor or float

The arcsine of each element, or of a number, in radians (NaN outside `[-1, 1]`).

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: asin(1)  # 1.5707963267948966",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Acos, interp, args),
        "acos(input, *, out=None) -> Tensor or float

The arccosine of each element, or of a number, in radians (NaN outside `[-1, 1]`).

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: acos(1)  # 0.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Atan, interp, args),
        "atan(input, *, out=None) -> Tensor or float

The arctangent of each element, or of a number, in radians.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: atan(1)  # 0.7853981633974483",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Sinh, interp, args),
        "sinh(input, *, out=None) -> Tensor or float

The hyperbolic sine of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: sinh(0)  # 0.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Cosh, interp, args),
        "cosh(input, *, out=None) -> Tensor or float

The hyperbolic cosine of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: cosh(0)  # 1.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Tanh, interp, args),
        "tanh(input, *, out=None) -> Tensor or float

The hyperbolic tangent of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: tanh(tensor([0., 1.]))  # tensor([0.0000, 0.7616])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Sigmoid, interp, args),
        "sigmoid(input, *, out=None) -> Tensor or float

The logistic function `1 / (1 + exp(-x))` of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: sigmoid(0)  # 0.5",
    ),
    Builtin::function(
        |interp, args| elementwise(UnaryOp::Softplus, interp, args),
        "softplus(input) -> Tensor or float

`log(1 + exp(x))` of each element, or of a number: a smooth `relu`, taken as `x` itself
above 20 (PyTorch's default `beta=1`, `threshold=20`).

Args:
    input: a tensor or a number
Returns: a tensor of the same shape, or a float for a number
Example: softplus(tensor([0.]))  # tensor([0.6931])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Erf, interp, args),
        "erf(input, *, out=None) -> Tensor or float

The error function of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: erf(0)  # 0.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Erfc, interp, args),
        "erfc(input, *, out=None) -> Tensor or float

The complementary error function `1 - erf(x)`, accurate where `erf(x)` is near 1.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: erfc(0)  # 1.0",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Lgamma, interp, args),
        "lgamma(input, *, out=None) -> Tensor or float

The natural logarithm of the absolute value of the gamma function, of each element or
of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: lgamma(tensor([3., 5.]))  # tensor([0.6931, 3.1781])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Digamma, interp, args),
        "digamma(input, *, out=None) -> Tensor or float

The digamma function (the derivative of `lgamma`), of each element or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: digamma(tensor([1., 2.]))  # tensor([-0.5772,  0.4228])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Erfinv, interp, args),
        "erfinv(input, *, out=None) -> Tensor or float

The inverse of the error function, of each element or of a number, for values in
`[-1, 1]`.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: erfinv(tensor([0., 0.5]))  # tensor([0.0000, 0.4769])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Relu, interp, args),
        "relu(input) -> Tensor or number

The rectified linear unit: each element, or the number, where positive, else zero.

Args:
    input: a tensor or a number
Returns: a tensor of the same shape and dtype, or a number
Example: relu(tensor([-1., 2.]))  # tensor([0., 2.])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Sign, interp, args),
        "sign(input, *, out=None) -> Tensor or number

The sign, -1, 0 or 1, of each element (same dtype), or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape and dtype, or a number
Example: sign(tensor([-2., 0., 3.]))  # tensor([-1.,  0.,  1.])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Square, interp, args),
        "square(input, *, out=None) -> Tensor or number

Each element, or the number, times itself.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a number
Example: square(3)  # 9",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Frac, interp, args),
        "frac(input, *, out=None) -> Tensor or float

The fractional part, `x - trunc(x)`, of each element or of a number (it keeps the sign).

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape, or a float for a number
Example: frac(tensor([1.5, -1.25]))  # tensor([ 0.5000, -0.2500])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::Neg, interp, args),
        "neg(input, *, out=None) -> Tensor or number

The negation `-x` of each element, or of a number.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape and dtype, or a number
Example: neg(tensor([1, -2]))  # tensor([-1,  2])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::LogicalNot, interp, args),
        "logical_not(input, *, out=None) -> Tensor or bool

Logical negation: true where an element, or the number, is zero.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a bool tensor of the same shape, or a bool
Example: logical_not(tensor([true, false]))  # tensor([False,  True])",
    ),
    Builtin::both(
        |interp, args| elementwise(UnaryOp::BitwiseNot, interp, args),
        "bitwise_not(input, *, out=None) -> Tensor or int

The bitwise complement `~x` of each element of an integer or bool tensor, or of an int.

Args:
    input: a tensor or a number
    out: a tensor the result is written into (tensor calls)
Returns: a tensor of the same shape and dtype, or an int
Example: bitwise_not(tensor([0, 5]))  # tensor([-1, -6])",
    ),
];

// Every entry reads `input` as its first positional argument: binding puts it there
// however it was given (`exp(input=x)`, `x.exp()`), and `out=` is taken by the interpreter.

/// `op` applied to a tensor, if the argument is one.
fn on_tensor(op: UnaryOp, args: &CallArgs) -> Option<Eval<Value>> {
    let Some(Value::Tensor(t)) = args.positional.first() else { return None };
    Some(unary(op, t).map(Value::Tensor).map_err(|e| error_at(e, args.span)))
}

/// The elementwise functions of numbers and tensors (`exp`, `sigmoid`, `relu`, ...).
/// On a number the floating functions return a float.
fn elementwise(op: UnaryOp, interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if let Some(result) = on_tensor(op, &args) {
        return result;
    }
    let value = args.positional[0].clone();
    if let Some(f) = op.float_fn() {
        return Ok(Value::Float(f(float_arg(&args, 0)?)));
    }
    let x = float_arg(&args, 0)?;
    match op {
        UnaryOp::Neg => interp.binary_op(BinOp::Sub, Value::Int(0), value, args.span),
        UnaryOp::Square => interp.binary_op(BinOp::Mul, value.clone(), value, args.span),
        UnaryOp::Relu if x > 0.0 => Ok(value),
        UnaryOp::Relu => interp.binary_op(BinOp::Mul, value, Value::Int(0), args.span),
        UnaryOp::Sign => interp.binary_op(BinOp::Mul, value, Value::Int(0), args.span).and_then(|zero| {
            let unit = if x > 0.0 {
                1
            } else if x < 0.0 {
                -1
            } else {
                0
            };
            interp.binary_op(BinOp::Add, zero, Value::Int(unit), args.span)
        }),
        UnaryOp::Frac => Ok(Value::Float(x - x.trunc())),
        UnaryOp::LogicalNot => Ok(Value::Bool(x == 0.0)),
        _ => interp.unary_op(crate::syntax::ast::UnaryOp::Invert, value, args.span),
    }
}

fn float_arg(args: &CallArgs, i: usize) -> Eval<f64> {
    let v = &args.positional[i];
    v.as_f64().map_or_else(
        || {
            fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}() needs a number, not '{}'", args.function, v.type_name()),
            )
        },
        Ok,
    )
}

fn abs(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if let Some(result) = on_tensor(UnaryOp::Abs, &args) {
        return result;
    }
    let special = crate::value::special::Special::Abs;
    if let Some(result) = interp.call_special(&args.positional[0], special, vec![], args.span)? {
        return Ok(result);
    }
    match as_number(&args.positional[0]) {
        Some(Number::Int(i)) => i
            .checked_abs()
            .map(Value::Int)
            .map_or_else(|| fail(ErrorKind::OverflowError, args.span, "integer overflow"), Ok),
        Some(Number::Float(x)) => Ok(Value::Float(x.abs())),
        None => fail(
            ErrorKind::TypeError,
            args.span,
            format!("bad operand type for abs(): '{}'", args.positional[0].type_name()),
        ),
    }
}

/// Python's `round` and PyTorch's: halves go to the even neighbour; a number rounded
/// without digits (neither `ndigits` nor `decimals`) is an int.
fn round(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let given = |v: Option<Value>| v.filter(|v| !matches!(v, Value::None));
    let ndigits = given(args.keyword("ndigits").or_else(|| args.positional.get(1).cloned()));
    let decimals = given(args.keyword("decimals"));
    let ndigits = match (ndigits, decimals) {
        (Some(_), Some(_)) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                "round() takes the digits as 'ndigits' or 'decimals', not both",
            )
        }
        (ndigits, decimals) => ndigits.or(decimals),
    };
    if let Value::Tensor(t) = &args.positional[0] {
        let decimals = ndigits.map(|v| super::tensor::args::int_of(&v, "decimals", args.span)).transpose()?;
        return crate::autograd::ops::pointwise::round(t, decimals)
            .map(Value::Tensor)
            .map_err(|e| error_at(e, args.span));
    }
    let number = as_number(&args.positional[0]).map_or_else(
        || {
            fail(
                ErrorKind::TypeError,
                args.span,
                format!("type {} doesn't define __round__ method", args.positional[0].type_name()),
            )
        },
        Ok,
    )?;
    let digits = match &ndigits {
        None => None,
        Some(v) => Some(
            v.as_int()
                .map_or_else(|| fail(ErrorKind::TypeError, args.span, "'ndigits' must be an integer"), Ok)?,
        ),
    };
    match (number, digits) {
        (Number::Int(i), Some(d)) if d < 0 => round_int(i, d.unsigned_abs())
            .map(Value::Int)
            .map_or_else(|| fail(ErrorKind::OverflowError, args.span, "integer overflow"), Ok),
        (Number::Int(i), _) => Ok(Value::Int(i)),
        (Number::Float(x), None) => whole(x.round_ties_even(), args.span),
        (Number::Float(x), Some(d)) if d >= 0 => {
            // Formatting rounds the exact binary value correctly, as Python does.
            let text = format!("{:.*}", d.min(300) as usize, x);
            Ok(Value::Float(text.parse().unwrap_or(x)))
        }
        (Number::Float(x), Some(d)) => {
            let scale = 10f64.powi((-d).min(308) as i32);
            Ok(Value::Float((x / scale).round_ties_even() * scale))
        }
    }
}

/// `i` rounded to a multiple of `10^digits`, halves to the even multiple, exactly (as
/// Python rounds ints); `None` when that multiple is beyond i64.
fn round_int(i: i64, digits: u64) -> Option<i64> {
    // Past 10^38 (beyond i128) every i64 rounds to 0.
    let Some(scale) = u32::try_from(digits).ok().and_then(|d| 10i128.checked_pow(d)) else {
        return Some(0);
    };
    let (quotient, remainder) = ((i as i128).div_euclid(scale), (i as i128).rem_euclid(scale));
    let rest = scale - remainder;
    let up = remainder > rest || (remainder == rest && quotient % 2 != 0);
    i64::try_from((quotient + up as i128) * scale).ok()
}

fn divmod(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let (a, b) = (args.positional[0].clone(), args.positional[1].clone());
    let quotient = interp.binary_op(BinOp::FloorDiv, a.clone(), b.clone(), args.span)?;
    let remainder = interp.binary_op(BinOp::Mod, a, b, args.span)?;
    Ok(Value::tuple(vec![quotient, remainder]))
}

fn pow(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let exponent = required(&mut args, 1, "exponent")?;
    interp.binary_op(BinOp::Pow, args.positional[0].clone(), exponent, args.span)
}

fn atan2(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let other = required(&mut args, 1, "other")?;
    let input = &args.positional[0];
    if let Some(result) = super::tensor::operators::binary_function(BinaryOp::Atan2, input, &other, args.span)
    {
        return result;
    }
    let x = other.as_f64().map_or_else(
        || {
            fail(
                ErrorKind::TypeError,
                args.span,
                format!("atan2() needs a number, not '{}'", other.type_name()),
            )
        },
        Ok,
    )?;
    Ok(Value::Float(float_arg(&args, 0)?.atan2(x)))
}

/// `floor`, `ceil` and `trunc` of a number are ints, as in Python's `math`.
fn integral(op: UnaryOp, args: &CallArgs, f: fn(f64) -> f64) -> Eval<Value> {
    if let Some(result) = on_tensor(op, args) {
        return result;
    }
    if let Some(Number::Int(i)) = as_number(&args.positional[0]) {
        return Ok(Value::Int(i));
    }
    whole(f(float_arg(args, 0)?), args.span)
}

/// A float with no fraction left as an int, or Python's error for NaN, infinity and
/// (tl's ints being 64-bit) anything beyond i64.
fn whole(x: f64, span: crate::syntax::span::Span) -> Eval<Value> {
    crate::value::number::float_to_int(x).map(Value::Int).or_else(|(kind, message)| fail(kind, span, message))
}

fn floor(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    integral(UnaryOp::Floor, &args, f64::floor)
}

fn ceil(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    integral(UnaryOp::Ceil, &args, f64::ceil)
}

fn trunc(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    integral(UnaryOp::Trunc, &args, f64::trunc)
}

/// `isnan`, `isinf`, `isfinite` of a number (a bool) or a tensor (a bool tensor).
fn classify(op: UnaryOp, test: fn(f64) -> bool, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if let Some(result) = on_tensor(op, &args) {
        return result;
    }
    Ok(Value::Bool(test(float_arg(&args, 0)?)))
}

#[cfg(test)]
mod tests {
    use super::round_int;

    #[test]
    fn ints_round_exactly_and_halves_to_even() {
        assert_eq!(round_int(123_456_789_012_345_678, 2), Some(123_456_789_012_345_700));
        assert_eq!(round_int(-125, 1), Some(-120));
        assert_eq!(round_int(135, 1), Some(140));
        assert_eq!(round_int(-135, 1), Some(-140));
        assert_eq!(round_int(5, 20), Some(0));
        assert_eq!(round_int(i64::MAX, 38), Some(0));
        assert_eq!(round_int(i64::MAX, 400), Some(0));
        assert_eq!(round_int(i64::MAX, 1), None);
    }
}
