//! Sampling builtins: `seed`, `rand`, `randn`, `randint`, `randperm`, `normal`,
//! `bernoulli`, `multinomial`, the `_like` forms and the in-place `uniform_`/`normal_`.

use super::args::{arg, int_of, missing, number_of, required, tensor_arg};
use super::convert::dtype_arg;
use super::create::{dims_to_shape, shape_args};
use super::error_at;
use crate::autograd::ops::shape;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::dtype::DType;
use crate::tensor::ops::shape::Written;
use crate::tensor::{random, Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(seed, "seed(*args, **kwargs)"),
    Builtin::function(seed, "manual_seed(*args, **kwargs)"),
    Builtin::function(rand, "rand(*args, **kwargs)"),
    Builtin::function(rand, "randn(*args, **kwargs)"),
    Builtin::function(rand_like, "rand_like(*args, **kwargs)"),
    Builtin::function(rand_like, "randn_like(*args, **kwargs)"),
    Builtin::function(randint, "randint(*args, **kwargs)"),
    Builtin::function(randint_like, "randint_like(*args, **kwargs)"),
    Builtin::function(randperm, "randperm(*args, **kwargs)"),
    Builtin::function(normal, "normal(*args, **kwargs)"),
    Builtin::both(bernoulli, "bernoulli(*args, **kwargs)"),
    Builtin::both(multinomial, "multinomial(*args, **kwargs)"),
    Builtin::method(uniform_, "uniform_(*args, **kwargs)"),
    Builtin::method(normal_, "normal_(*args, **kwargs)"),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

fn seed(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let n = int_of(&args.positional[0], "seed", args.span)?;
    random::seed(n as u64);
    Ok(Value::None)
}

fn float_dtype(args: &mut CallArgs) -> Eval<DType> {
    Ok(dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::DEFAULT_FLOAT))
}

/// Uniform on [0, 1) for `rand`, standard normal for `randn`.
fn sample(function: &str, shape: &[usize], dtype: DType) -> TensorResult<Tensor> {
    if function.starts_with("randn") {
        random::normal(shape, 0.0, 1.0, dtype)
    } else {
        random::uniform(shape, 0.0, 1.0, dtype)
    }
}

fn rand(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = float_dtype(&mut args)?;
    let shape = shape_args(interp, &mut args)?;
    done(sample(args.function, &shape, dtype), &args)
}

fn rand_like(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    args.expect(1, 1)?;
    let source = tensor_arg(&args, 0)?;
    done(sample(args.function, source.shape(), dtype.unwrap_or(source.dtype())), &args)
}

/// `randint(high, size)` or `randint(low, high, size)`.
fn randint(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::I64);
    let size = match args.keyword("size") {
        Some(size) => size,
        None if matches!(args.positional.last(), Some(Value::Tuple(_) | Value::List(_) | Value::Size(_))) => {
            args.positional.pop().unwrap_or(Value::None)
        }
        None => return missing(&args, "size"),
    };
    let keyword =
        |args: &mut CallArgs, name| args.keyword(name).map(|v| int_of(&v, name, args.span)).transpose();
    let (low, high) = (keyword(&mut args, "low")?, keyword(&mut args, "high")?);
    let ints: Vec<i64> =
        args.positional.iter().map(|v| int_of(v, "randint() bound", args.span)).collect::<Eval<_>>()?;
    let (low, high) = match (ints.as_slice(), low, high) {
        ([high], None, None) => (0, *high),
        ([low, high], None, None) => (*low, *high),
        ([low], None, Some(high)) => (*low, high),
        ([], low, Some(high)) => (low.unwrap_or(0), high),
        _ => return fail("TypeError", args.span, "randint() takes (high, size) or (low, high, size)"),
    };
    let dims = interp.collect(&size, args.span)?;
    let shape = dims_to_shape(&dims, args.span)?;
    done(random::randint(low, high, &shape, dtype), &args)
}

fn randint_like(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    args.expect(2, 3)?;
    let source = tensor_arg(&args, 0)?;
    let bounds: Vec<i64> = args.positional[1..]
        .iter()
        .map(|v| int_of(v, "randint_like bound", args.span))
        .collect::<Eval<_>>()?;
    let (low, high) = if let [low, high] = bounds[..] { (low, high) } else { (0, bounds[0]) };
    done(random::randint(low, high, source.shape(), dtype.unwrap_or(source.dtype())), &args)
}

fn randperm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::I64);
    args.expect(1, 1)?;
    let n = int_of(&args.positional[0], "n", args.span)?;
    let shape = dims_to_shape(&[Value::Int(n)], args.span)?;
    random::randperm(shape[0], dtype).map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

/// `normal(mean, std)` with tensors (broadcast together) or numbers and a `size`.
fn normal(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?;
    let size = arg(&mut args, 2, "size");
    let mean = arg(&mut args, 0, "mean").unwrap_or(Value::Float(0.0));
    let std = arg(&mut args, 1, "std").unwrap_or(Value::Float(1.0));
    if let (Value::Tensor(_), _) | (_, Value::Tensor(_)) = (&mean, &std) {
        let m = tensor_of(&mean, &args)?;
        let s = tensor_of(&std, &args)?;
        let broadcast = crate::tensor::ops::binary::broadcast(m.shape(), s.shape())
            .map_err(|e| error_at(e, args.span))?;
        let dtype = if m.dtype().is_float() { m.dtype() } else { s.dtype() };
        let z = random::normal(&broadcast, 0.0, 1.0, DType::F64).map_err(|e| error_at(e, args.span))?;
        let (m, s) =
            (m.with_layout(m.layout().expand(&broadcast)), s.with_layout(s.layout().expand(&broadcast)));
        if let Some(bad) = s.to_f64_vec().iter().find(|x| **x < 0.0) {
            return fail(
                "RuntimeError",
                args.span,
                format!("normal expects all elements of std >= 0.0, got {bad}"),
            );
        }
        let values: Vec<f64> = z
            .to_f64_vec()
            .iter()
            .zip(m.to_f64_vec().iter().zip(s.to_f64_vec()))
            .map(|(z, (m, s))| m + s * z)
            .collect();
        return Ok(Value::Tensor(Tensor::from_vec(values, &broadcast).to_dtype(dtype)));
    }
    let Some(size) = size else {
        return fail("TypeError", args.span, "normal() with number mean and std needs a size");
    };
    let dims = interp.collect(&size, args.span)?;
    let shape = dims_to_shape(&dims, args.span)?;
    let mean = number_of(&mean, "mean", args.span)?.to_f64();
    let std = number_of(&std, "std", args.span)?.to_f64();
    done(random::normal(&shape, mean, std, dtype.unwrap_or(DType::DEFAULT_FLOAT)), &args)
}

fn tensor_of(value: &Value, args: &CallArgs) -> Eval<Tensor> {
    match value {
        Value::Tensor(t) => Ok(t.clone()),
        other => {
            let x = number_of(other, "normal() argument", args.span)?;
            Ok(Tensor::scalar(x, DType::DEFAULT_FLOAT))
        }
    }
}

/// `bernoulli(p)` (each element a probability) or `bernoulli(x, p)` (one probability).
fn bernoulli(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let p = arg(&mut args, 1, "p");
    let input = tensor_arg(&args, 0)?;
    let probs = match p {
        Some(p) => {
            let q = number_of(&p, "p", args.span)?;
            Tensor::full(input.shape(), q, if input.dtype().is_float() { input.dtype() } else { DType::F64 })
        }
        None => input.clone(),
    };
    let drawn = random::bernoulli(&probs).map_err(|e| error_at(e, args.span))?;
    Ok(Value::Tensor(drawn.to_dtype(input.dtype())))
}

fn multinomial(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let replacement = arg(&mut args, 2, "replacement").is_some_and(|v| v.truthy());
    let n = required(&mut args, 1, "num_samples")?;
    let weights = tensor_arg(&args, 0)?;
    let n = int_of(&n, "num_samples", args.span)?;
    if n <= 0 {
        return fail("RuntimeError", args.span, "cannot sample n_sample <= 0 samples");
    }
    done(random::multinomial(&weights, n as usize, replacement), &args)
}

/// Fills `dest` in place with `values` (same shape) and returns it.
fn fill_with(dest: Tensor, values: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    let values = values.map_err(|e| error_at(e, args.span))?;
    shape::assign(&dest, &values.to_dtype(dest.dtype()), Written::Computed(&[]))
        .map_err(|e| error_at(e, args.span))?;
    Ok(Value::Tensor(dest))
}

fn bounds(args: &mut CallArgs, names: [&str; 2], defaults: [f64; 2]) -> Eval<[f64; 2]> {
    let mut out = defaults;
    for (i, name) in names.iter().enumerate() {
        if let Some(v) = arg(args, i + 1, name) {
            out[i] = number_of(&v, name, args.span)?.to_f64();
        }
    }
    Ok(out)
}

fn uniform_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dest = tensor_arg(&args, 0)?;
    let [low, high] = bounds(&mut args, ["from", "to"], [0.0, 1.0])?;
    let values = random::uniform(dest.shape(), low, high, dest.dtype());
    fill_with(dest, values, &args)
}

fn normal_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dest = tensor_arg(&args, 0)?;
    let [mean, std] = bounds(&mut args, ["mean", "std"], [0.0, 1.0])?;
    let values = random::normal(dest.shape(), mean, std, dest.dtype());
    fill_with(dest, values, &args)
}
