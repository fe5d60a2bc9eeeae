//! `sort`, `argsort`, `msort`, `topk`, `median`, `mode`, `unique` and `bincount`, as
//! functions and methods; the pairs come back as PyTorch's named tuples.

use super::args::{arg, int_of, required, tensor_arg};
use super::error_at;
use crate::autograd::ops::sort;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, NamedTuple, Value};
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(sort_, "sort(*args, **kwargs)"),
    Builtin::both(sort_, "argsort(*args, **kwargs)"),
    Builtin::both(topk, "topk(*args, **kwargs)"),
    Builtin::both(median, "median(*args, **kwargs)"),
    Builtin::both(mode, "mode(*args, **kwargs)"),
    Builtin::both(unique, "unique(*args, **kwargs)"),
    Builtin::both(bincount, "bincount(*args, **kwargs)"),
];

fn pair(type_name: &'static str, result: TensorResult<(Tensor, Tensor)>, args: &CallArgs) -> Eval<Value> {
    let (values, indices) = result.map_err(|e| error_at(e, args.span))?;
    Ok(Value::NamedTuple(Rc::new(NamedTuple {
        type_name,
        fields: &["values", "indices"],
        items: vec![Value::Tensor(values), Value::Tensor(indices)],
    })))
}

fn flag(args: &mut CallArgs, i: usize, name: &str, default: bool) -> bool {
    arg(args, i, name).map_or(default, |v| v.truthy())
}

fn dim(args: &mut CallArgs, i: usize, default: i64) -> Eval<i64> {
    match arg(args, i, "dim") {
        None | Some(Value::None) => Ok(default),
        Some(v) => int_of(&v, "dim", args.span),
    }
}

/// `sort(t, dim=-1, descending=false)` → (values, indices); `argsort` → indices.
fn sort_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let d = dim(&mut args, 1, -1)?;
    let descending = flag(&mut args, 2, "descending", false);
    // Sorting is always stable, so `stable=` changes nothing.
    let _stable = args.keyword("stable");
    let result = sort::sort(&t, d, descending);
    if args.function == "argsort" {
        return result.map(|(_, i)| Value::Tensor(i)).map_err(|e| error_at(e, args.span));
    }
    pair("torch.return_types.sort", result, &args)
}

fn topk(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let k = required(&mut args, 1, "k")?;
    let k = int_of(&k, "k", args.span)?;
    let d = dim(&mut args, 2, -1)?;
    let largest = flag(&mut args, 3, "largest", true);
    if k < 0 {
        return fail("RuntimeError", args.span, "selected index k out of range");
    }
    pair("torch.return_types.topk", sort::topk(&t, k as usize, d, largest), &args)
}

/// `median(t)` → the value; `median(t, dim)` → (values, indices).
fn median(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let keepdim = flag(&mut args, 2, "keepdim", false);
    match arg(&mut args, 1, "dim") {
        None | Some(Value::None) => sort::median(&t).map(Value::Tensor).map_err(|e| error_at(e, args.span)),
        Some(d) => {
            let d = int_of(&d, "dim", args.span)?;
            pair("torch.return_types.median", sort::median_along(&t, d, keepdim), &args)
        }
    }
}

fn mode(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let d = dim(&mut args, 1, -1)?;
    let keepdim = flag(&mut args, 2, "keepdim", false);
    pair("torch.return_types.mode", sort::mode(&t, d, keepdim), &args)
}

/// `unique(t, return_inverse=false, return_counts=false)`: the sorted distinct values,
/// and on request the inverse indices and counts (a tuple then, as in PyTorch).
fn unique(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let inverse = args.keyword("return_inverse").is_some_and(|v| v.truthy());
    let counts = args.keyword("return_counts").is_some_and(|v| v.truthy());
    // The distinct values always come back sorted.
    let _sorted = args.keyword("sorted");
    if args.keyword("dim").is_some_and(|v| !matches!(v, Value::None)) {
        return fail(
            "NotImplementedError",
            args.span,
            "unique(dim=...) is not supported; unique works on all elements",
        );
    }
    args.expect(1, 1)?;
    let t = tensor_arg(&args, 0)?;
    let (values, inverse_t, counts_t) = sort::unique(&t);
    let mut items = vec![Value::Tensor(values)];
    if inverse {
        items.push(Value::Tensor(inverse_t));
    }
    if counts {
        items.push(Value::Tensor(counts_t));
    }
    Ok(if items.len() == 1 { items.remove(0) } else { Value::tuple(items) })
}

fn bincount(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let weights = match arg(&mut args, 1, "weights") {
        None | Some(Value::None) => None,
        Some(Value::Tensor(w)) => Some(w),
        Some(other) => {
            return fail(
                "TypeError",
                args.span,
                format!("bincount(): weights must be a Tensor, not {}", other.type_name()),
            )
        }
    };
    let minlength = match arg(&mut args, 2, "minlength") {
        Some(v) => int_of(&v, "minlength", args.span)?,
        None => 0,
    };
    if minlength < 0 {
        return fail("RuntimeError", args.span, "minlength should be >= 0");
    }
    sort::bincount(&t, weights.as_ref(), minlength as usize)
        .map(Value::Tensor)
        .map_err(|e| error_at(e, args.span))
}
