//! Scalar maths: `abs`, `round`, `divmod`, `pow`, the elementary functions and the
//! constants `pi e inf nan`. Domain errors give IEEE results (`log(0)` is `-inf`), as
//! tensors do, rather than Python's `math domain error`.

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::syntax::ast::BinOp;
use crate::value::number::{as_number, Number};
use crate::value::{Builtin, Value};

pub static CONSTANTS: &[(&str, f64)] =
    &[("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("inf", f64::INFINITY), ("nan", f64::NAN)];

macro_rules! unary_float_functions {
    ($($name:ident => $f:expr),* $(,)?) => {
        $(
            fn $name(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
                let x = one_float(&args)?;
                let f: fn(f64) -> f64 = $f;
                Ok(Value::Float(f(x)))
            }
        )*
    };
}

unary_float_functions! {
    exp => f64::exp,
    exp2 => f64::exp2,
    expm1 => f64::exp_m1,
    log => f64::ln,
    log2 => f64::log2,
    log10 => f64::log10,
    log1p => f64::ln_1p,
    sqrt => f64::sqrt,
    sin => f64::sin,
    cos => f64::cos,
    tan => f64::tan,
    asin => f64::asin,
    acos => f64::acos,
    atan => f64::atan,
    sinh => f64::sinh,
    cosh => f64::cosh,
    tanh => f64::tanh,
}

pub static BUILTINS: &[Builtin] = &[
    Builtin { name: "abs", call: abs },
    Builtin { name: "round", call: round },
    Builtin { name: "divmod", call: divmod },
    Builtin { name: "pow", call: pow },
    Builtin { name: "exp", call: exp },
    Builtin { name: "exp2", call: exp2 },
    Builtin { name: "expm1", call: expm1 },
    Builtin { name: "log", call: log },
    Builtin { name: "log2", call: log2 },
    Builtin { name: "log10", call: log10 },
    Builtin { name: "log1p", call: log1p },
    Builtin { name: "sqrt", call: sqrt },
    Builtin { name: "sin", call: sin },
    Builtin { name: "cos", call: cos },
    Builtin { name: "tan", call: tan },
    Builtin { name: "asin", call: asin },
    Builtin { name: "acos", call: acos },
    Builtin { name: "atan", call: atan },
    Builtin { name: "atan2", call: atan2 },
    Builtin { name: "sinh", call: sinh },
    Builtin { name: "cosh", call: cosh },
    Builtin { name: "tanh", call: tanh },
    Builtin { name: "floor", call: floor },
    Builtin { name: "ceil", call: ceil },
    Builtin { name: "trunc", call: trunc },
    Builtin { name: "isnan", call: isnan },
    Builtin { name: "isinf", call: isinf },
    Builtin { name: "isfinite", call: isfinite },
];

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

fn one_float(args: &CallArgs) -> Eval<f64> {
    args.expect(1, 1)?;
    float_arg(args, 0)
}

fn abs(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
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
    let ndigits = args.keyword("ndigits");
    args.expect(1, 2)?;
    let ndigits = ndigits.or_else(|| args.positional.get(1).cloned()).filter(|v| !matches!(v, Value::None));
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
        (Number::Int(i), Some(d)) if d < 0 => {
            let scale = 10i64.checked_pow((-d) as u32).unwrap_or(i64::MAX);
            let rounded = (i as f64 / scale as f64).round_ties_even() as i64;
            Ok(Value::Int(rounded.saturating_mul(scale)))
        }
        (Number::Int(i), _) => Ok(Value::Int(i)),
        (Number::Float(x), None) => {
            if !x.is_finite() {
                return fail("ValueError", args.span, format!("cannot round {x} to an integer"));
            }
            Ok(Value::Int(x.round_ties_even() as i64))
        }
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
    Ok(Value::Float(float_arg(&args, 0)?.atan2(float_arg(&args, 1)?)))
}

/// `floor`, `ceil` and `trunc` of a number are ints, as in Python's `math`.
fn integral(args: &CallArgs, f: fn(f64) -> f64) -> Eval<Value> {
    args.expect(1, 1)?;
    if let Some(Number::Int(i)) = as_number(&args.positional[0]) {
        return Ok(Value::Int(i));
    }
    let x = f(float_arg(args, 0)?);
    if !x.is_finite() || x.abs() >= 9.2e18 {
        return fail("OverflowError", args.span, format!("cannot convert {x} to an integer"));
    }
    Ok(Value::Int(x as i64))
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

fn isnan(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(one_float(&args)?.is_nan()))
}

fn isinf(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(one_float(&args)?.is_infinite()))
}

fn isfinite(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(one_float(&args)?.is_finite()))
}
