//! Scalar maths: `abs`, `round`, `divmod`, `pow`, the elementary functions and the
//! constants `pi e inf nan`. Domain errors give IEEE results (`log(0)` is `-inf`), as
//! tensors do, rather than Python's `math domain error`.

use super::tensor::error_at;
use crate::autograd::ops::{unary, UnaryOp};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::syntax::ast::BinOp;
use crate::tensor::ops::BinaryOp;
use crate::value::number::{as_number, Number};
use crate::value::{Builtin, Value};

pub static CONSTANTS: &[(&str, f64)] =
    &[("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("inf", f64::INFINITY), ("nan", f64::NAN)];

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(abs, "abs(*args, **kwargs)"),
    Builtin::both(round, "round(*args, **kwargs)"),
    Builtin::both(divmod, "divmod(*args, **kwargs)"),
    Builtin::both(pow, "pow(*args, **kwargs)"),
    Builtin::both(atan2, "atan2(*args, **kwargs)"),
    Builtin::both(floor, "floor(*args, **kwargs)"),
    Builtin::both(ceil, "ceil(*args, **kwargs)"),
    Builtin::both(trunc, "trunc(*args, **kwargs)"),
    Builtin::both(classify, "isnan(*args, **kwargs)"),
    Builtin::both(classify, "isinf(*args, **kwargs)"),
    Builtin::both(classify, "isfinite(*args, **kwargs)"),
    Builtin::both(elementwise, "exp(*args, **kwargs)"),
    Builtin::both(elementwise, "exp2(*args, **kwargs)"),
    Builtin::both(elementwise, "expm1(*args, **kwargs)"),
    Builtin::both(elementwise, "log(*args, **kwargs)"),
    Builtin::both(elementwise, "log2(*args, **kwargs)"),
    Builtin::both(elementwise, "log10(*args, **kwargs)"),
    Builtin::both(elementwise, "log1p(*args, **kwargs)"),
    Builtin::both(elementwise, "sqrt(*args, **kwargs)"),
    Builtin::both(elementwise, "rsqrt(*args, **kwargs)"),
    Builtin::both(elementwise, "reciprocal(*args, **kwargs)"),
    Builtin::both(elementwise, "sin(*args, **kwargs)"),
    Builtin::both(elementwise, "cos(*args, **kwargs)"),
    Builtin::both(elementwise, "tan(*args, **kwargs)"),
    Builtin::both(elementwise, "asin(*args, **kwargs)"),
    Builtin::both(elementwise, "acos(*args, **kwargs)"),
    Builtin::both(elementwise, "atan(*args, **kwargs)"),
    Builtin::both(elementwise, "sinh(*args, **kwargs)"),
    Builtin::both(elementwise, "cosh(*args, **kwargs)"),
    Builtin::both(elementwise, "tanh(*args, **kwargs)"),
    Builtin::both(elementwise, "sigmoid(*args, **kwargs)"),
    Builtin::both(elementwise, "softplus(*args, **kwargs)"),
    Builtin::both(elementwise, "erf(*args, **kwargs)"),
    Builtin::both(elementwise, "erfc(*args, **kwargs)"),
    Builtin::both(elementwise, "lgamma(*args, **kwargs)"),
    Builtin::both(elementwise, "digamma(*args, **kwargs)"),
    Builtin::both(elementwise, "erfinv(*args, **kwargs)"),
    Builtin::both(elementwise, "relu(*args, **kwargs)"),
    Builtin::both(elementwise, "sign(*args, **kwargs)"),
    Builtin::both(elementwise, "square(*args, **kwargs)"),
    Builtin::both(elementwise, "frac(*args, **kwargs)"),
    Builtin::both(elementwise, "neg(*args, **kwargs)"),
    Builtin::both(elementwise, "logical_not(*args, **kwargs)"),
    Builtin::both(elementwise, "bitwise_not(*args, **kwargs)"),
];

/// The op named like the builtin applied to a tensor, if the argument is one.
fn on_tensor(args: &CallArgs) -> Option<Eval<Value>> {
    let Some(Value::Tensor(t)) = args.positional.first() else { return None };
    let op = UnaryOp::from_name(args.function)?;
    Some(unary(op, t).map(Value::Tensor).map_err(|e| error_at(e, args.span)))
}

/// The elementwise functions of numbers and tensors (`exp`, `sigmoid`, `relu`, ...).
/// On a number the floating functions return a float.
fn elementwise(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    if let Some(result) = on_tensor(&args) {
        return result;
    }
    let op = UnaryOp::from_name(args.function).expect("registered under its op's name");
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
                "TypeError",
                args.span,
                format!("{}() needs a number, not '{}'", args.function, v.type_name()),
            )
        },
        Ok,
    )
}

fn abs(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    if let Some(result) = on_tensor(&args) {
        return result;
    }
    match as_number(&args.positional[0]) {
        Some(Number::Int(i)) => i
            .checked_abs()
            .map(Value::Int)
            .map_or_else(|| fail("OverflowError", args.span, "integer overflow"), Ok),
        Some(Number::Float(x)) => Ok(Value::Float(x.abs())),
        None => fail(
            "TypeError",
            args.span,
            format!("bad operand type for abs(): '{}'", args.positional[0].type_name()),
        ),
    }
}

/// Python's `round`: halves go to the even neighbour; without `ndigits` the result is
/// an int.
fn round(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let ndigits = args.keyword("ndigits").or_else(|| args.keyword("decimals"));
    args.expect(1, 2)?;
    let ndigits = ndigits.or_else(|| args.positional.get(1).cloned()).filter(|v| !matches!(v, Value::None));
    if let Value::Tensor(t) = &args.positional[0] {
        let decimals = ndigits.map(|v| super::tensor::args::int_of(&v, "decimals", args.span)).transpose()?;
        return crate::tensor::ops::unary::round(t, decimals.unwrap_or(0))
            .map(Value::Tensor)
            .map_err(|e| error_at(e, args.span));
    }
    let number = as_number(&args.positional[0]).map_or_else(
        || {
            fail(
                "TypeError",
                args.span,
                format!("type {} doesn't define __round__ method", args.positional[0].type_name()),
            )
        },
        Ok,
    )?;
    let digits = match &ndigits {
        None => None,
        Some(v) => Some(
            v.as_int().map_or_else(|| fail("TypeError", args.span, "'ndigits' must be an integer"), Ok)?,
        ),
    };
    match (number, digits) {
        (Number::Int(i), Some(d)) if d < 0 => round_int(i, d.unsigned_abs())
            .map(Value::Int)
            .map_or_else(|| fail("OverflowError", args.span, "integer overflow"), Ok),
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
    args.expect(2, 2)?;
    let (a, b) = (args.positional[0].clone(), args.positional[1].clone());
    let quotient = interp.binary_op(BinOp::FloorDiv, a.clone(), b.clone(), args.span)?;
    let remainder = interp.binary_op(BinOp::Mod, a, b, args.span)?;
    Ok(Value::tuple(vec![quotient, remainder]))
}

fn pow(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    interp.binary_op(BinOp::Pow, args.positional[0].clone(), args.positional[1].clone(), args.span)
}

fn atan2(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let (y, x) = (&args.positional[0], &args.positional[1]);
    if let Some(result) = super::tensor::operators::binary_function(BinaryOp::Atan2, y, x, args.span) {
        return result;
    }
    Ok(Value::Float(float_arg(&args, 0)?.atan2(float_arg(&args, 1)?)))
}

/// `floor`, `ceil` and `trunc` of a number are ints, as in Python's `math`.
fn integral(args: &CallArgs, f: fn(f64) -> f64) -> Eval<Value> {
    args.expect(1, 1)?;
    if let Some(result) = on_tensor(args) {
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
    integral(&args, f64::floor)
}

fn ceil(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    integral(&args, f64::ceil)
}

fn trunc(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    integral(&args, f64::trunc)
}

/// `isnan`, `isinf`, `isfinite` of a number (a bool) or a tensor (a bool tensor).
fn classify(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    if let Some(result) = on_tensor(&args) {
        return result;
    }
    let x = float_arg(&args, 0)?;
    Ok(Value::Bool(match args.function {
        "isnan" => x.is_nan(),
        "isinf" => x.is_infinite(),
        _ => x.is_finite(),
    }))
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
