//! Special functions and samplers that the distributions are built from: `xlogy`,
//! `gammainc`/`gammaincc` (`igamma`/`igammac`), `poisson`, `binomial`,
//! `standard_gamma`, and the `special` namespace (`torch.special`'s names).

use super::convert::operand;
use super::error_at;
use crate::autograd::ops::special;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::tensor::ops::Operand;
use crate::tensor::scalar::Scalar;
use crate::tensor::{random, Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        xlogy,
        "xlogy(input, other, *, out=None) -> Tensor

`input * log(other)` elementwise with broadcasting, taken as 0 where `input` is 0 (unless `other` is NaN), so `xlogy(0, 0)` is 0.

Args:
    input: a tensor or a number: the factor
    other: a tensor or a number: the logarithm's argument
    out: a tensor the result is written into
Returns: a tensor
Example: xlogy(tensor([0., 2.]), tensor([0., 1.]))  # tensor([0., 0.])",
    ),
    Builtin::function(
        |interp, args| incomplete_gamma(false, interp, args),
        "gammainc(input, other, *, out=None) -> Tensor

The regularized lower incomplete gamma function P(input, other) elementwise with broadcasting; differentiable in `other`.

Args:
    input: the shape parameter a (positive), a tensor or a number
    other: the point x (non-negative), a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: gammainc(tensor([1.]), tensor([0.]))  # tensor([0.])",
    ),
    Builtin::function(
        |interp, args| incomplete_gamma(true, interp, args),
        "gammaincc(input, other, *, out=None) -> Tensor

The regularized upper incomplete gamma function Q(input, other) elementwise with broadcasting; differentiable in `other`.

Args:
    input: the shape parameter a (positive), a tensor or a number
    other: the point x (non-negative), a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: gammaincc(tensor([1.]), tensor([0.]))  # tensor([1.])",
    ),
    Builtin::function(
        |interp, args| incomplete_gamma(false, interp, args),
        "igamma(input, other, *, out=None) -> Tensor

Another name for `gammainc`: the regularized lower incomplete gamma function.

Args:
    input: the shape parameter a (positive), a tensor or a number
    other: the point x (non-negative), a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: igamma(tensor([1.]), tensor([0.]))  # tensor([0.])",
    ),
    Builtin::function(
        |interp, args| incomplete_gamma(true, interp, args),
        "igammac(input, other, *, out=None) -> Tensor

Another name for `gammaincc`: the regularized upper incomplete gamma function.

Args:
    input: the shape parameter a (positive), a tensor or a number
    other: the point x (non-negative), a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: igammac(tensor([1.]), tensor([0.]))  # tensor([1.])",
    ),
    Builtin::function(
        poisson,
        "poisson(input: Tensor) -> Tensor

Draws one Poisson count for each element of `input`, which is its rate, from tl's generator (`seed` sets it).

Args:
    input: a float tensor of non-negative rates
Returns: a tensor of `input`'s dtype and shape
Example: poisson(tensor([0., 0.]))  # tensor([0., 0.])",
    ),
    Builtin::function(
        binomial,
        "binomial(count, prob) -> Tensor

Draws one binomial count for each element: successes in `count` trials of probability `prob` (broadcast together).

Args:
    count: a float tensor of trial counts
    prob: a tensor of success probabilities
Returns: a tensor
Example: binomial(tensor([3.]), tensor([1.]))  # tensor([3.])",
    ),
    Builtin::function(
        standard_gamma,
        "standard_gamma(input: Tensor) -> Tensor

Draws one Gamma(alpha, 1) variate for each element `alpha` of `input`, reparameterised: the gradient reaches `alpha`.

Args:
    input: a float tensor of positive shape parameters alpha
Returns: a tensor of `input`'s shape
Example: standard_gamma(ones(3)).shape  # torch.Size([3])",
    ),
    Builtin::function(
        standard_gamma,
        "_standard_gamma(input: Tensor) -> Tensor

PyTorch's name for `standard_gamma`: one reparameterised Gamma(alpha, 1) draw per element.

Args:
    input: a float tensor of positive shape parameters alpha
Returns: a tensor of `input`'s shape
Example: _standard_gamma(ones(3)).shape  # torch.Size([3])",
    ),
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
            ErrorKind::TypeError,
            args.span,
            format!("{}(): argument '{what}' must be a Tensor or a number", args.function),
        ),
    }
}

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn xlogy(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let (x, y) = (tensor_operand(&args, 0, "input")?, tensor_operand(&args, 1, "other")?);
    done(special::xlogy(&x, &y), &args)
}

/// P(a, x) for `gammainc`/`igamma`, Q(a, x) for `gammaincc`/`igammac`.
fn incomplete_gamma(upper: bool, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let (a, x) = (tensor_operand(&args, 0, "input")?, tensor_operand(&args, 1, "other")?);
    done(special::incomplete_gamma(&a, &x, upper), &args)
}

fn poisson(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    done(random::poisson(&super::args::tensor_arg(&args, 0)?), &args)
}

fn binomial(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let (count, prob) = (tensor_operand(&args, 0, "count")?, tensor_operand(&args, 1, "prob")?);
    done(random::binomial(&count, &prob), &args)
}

fn standard_gamma(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
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
