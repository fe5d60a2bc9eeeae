//! Special functions and samplers that the distributions are built from: `xlogy`,
//! `gammainc`/`gammaincc` (`igamma`/`igammac`), `poisson`, `binomial`,
//! `standard_gamma`, and the `special` namespace (`torch.special`'s names).

use super::convert::operand;
use super::error_at;
use crate::autograd::ops::special;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::dtype::DType;
use crate::tensor::ops::Operand;
use crate::tensor::scalar::Scalar;
use crate::tensor::{random, Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(xlogy, "xlogy(*args, **kwargs)"),
    Builtin::function(incomplete_gamma, "gammainc(*args, **kwargs)"),
    Builtin::function(incomplete_gamma, "gammaincc(*args, **kwargs)"),
    Builtin::function(incomplete_gamma, "igamma(*args, **kwargs)"),
    Builtin::function(incomplete_gamma, "igammac(*args, **kwargs)"),
    Builtin::function(poisson, "poisson(*args, **kwargs)"),
    Builtin::function(binomial, "binomial(*args, **kwargs)"),
    Builtin::function(standard_gamma, "standard_gamma(*args, **kwargs)"),
    Builtin::function(standard_gamma, "_standard_gamma(*args, **kwargs)"),
];

/// Argument `i` as a tensor; a number becomes a 0-d tensor (the default float dtype
/// for floats, int64 for ints).
fn tensor_operand(args: &CallArgs, i: usize, what: &str) -> Eval<Tensor> {
    match args.positional.get(i).and_then(operand) {
        Some(Operand::Tensor(t)) => Ok(t),
        Some(Operand::Scalar(s)) => {
            let dtype = match s {
                Scalar::Float(_) => DType::DEFAULT_FLOAT,
                Scalar::Int(_) => DType::I64,
                Scalar::Bool(_) => DType::Bool,
            };
            Ok(Tensor::full(&[], s, dtype))
        }
        None => fail(
            "TypeError",
            args.span,
            format!("{}(): argument '{what}' must be a Tensor or a number", args.function),
        ),
    }
}

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn xlogy(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let (x, y) = (tensor_operand(&args, 0, "self")?, tensor_operand(&args, 1, "other")?);
    done(special::xlogy(&x, &y), &args)
}

/// P(a, x) for `gammainc`/`igamma`, Q(a, x) for `gammaincc`/`igammac`.
fn incomplete_gamma(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let (a, x) = (tensor_operand(&args, 0, "input")?, tensor_operand(&args, 1, "other")?);
    let upper = matches!(args.function, "gammaincc" | "igammac");
    done(special::incomplete_gamma(&a, &x, upper), &args)
}

fn poisson(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(random::poisson(&super::args::tensor_arg(&args, 0)?), &args)
}

fn binomial(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let (count, prob) = (tensor_operand(&args, 0, "count")?, tensor_operand(&args, 1, "prob")?);
    done(random::binomial(&count, &prob), &args)
}

fn standard_gamma(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    done(special::standard_gamma(&super::args::tensor_arg(&args, 0)?), &args)
}

/// `special.*`: `torch.special`'s and SciPy's names for the functions above and the
/// elementwise maths (`gammaln` is `lgamma`, `expit` is `sigmoid`, `psi` is `digamma`).
pub fn namespace() -> Vec<(&'static str, &'static str)> {
    vec![
        ("erf", "erf"),
        ("erfc", "erfc"),
        ("erfinv", "erfinv"),
        ("gammaln", "lgamma"),
        ("digamma", "digamma"),
        ("psi", "digamma"),
        ("expit", "sigmoid"),
        ("expm1", "expm1"),
        ("log1p", "log1p"),
        ("xlogy", "xlogy"),
        ("gammainc", "gammainc"),
        ("gammaincc", "gammaincc"),
        ("softmax", "softmax"),
        ("log_softmax", "log_softmax"),
        ("logsumexp", "logsumexp"),
    ]
}
