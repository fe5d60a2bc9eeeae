//! Builtins that walk iterables: `min`, `max`, `sum`, `sorted`, `reversed`,
//! `enumerate`, `zip`, `map`, `filter`, `any`, `all`.

use crate::eval::{fail, CallArgs, Eval, Flow, Interpreter, RuntimeError};
use crate::syntax::ast::BinOp;
use crate::syntax::span::Span;
use crate::value::{Builtin, Value};
use super::tensor::reduce;
use crate::value::object::named;
use std::cmp::Ordering;

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(min, "min(*args, **kwargs)").for_tensors(named(reduce::BUILTINS, "min")),
    Builtin::function(max, "max(*args, **kwargs)").for_tensors(named(reduce::BUILTINS, "max")),
    Builtin::function(sum, "sum(*args, **kwargs)").for_tensors(named(reduce::BUILTINS, "sum")),
    Builtin::function(sorted, "sorted(*args, **kwargs)"),
    Builtin::function(reversed, "reversed(*args, **kwargs)"),
    Builtin::function(enumerate, "enumerate(*args, **kwargs)"),
    Builtin::function(zip, "zip(*args, **kwargs)"),
    Builtin::function(map, "map(*args, **kwargs)"),
    Builtin::function(filter, "filter(*args, **kwargs)"),
    Builtin::function(any, "any(*args, **kwargs)").for_tensors(named(reduce::BUILTINS, "any")),
    Builtin::function(all, "all(*args, **kwargs)").for_tensors(named(reduce::BUILTINS, "all")),
];

/// `a < b` for sorting and `min`/`max`, with Python's error for unordered types.
fn less_than(a: &Value, b: &Value, span: Span) -> Eval<bool> {
    match crate::eval::order(a, b, span)? {
        Some(ordering) => Ok(ordering == Some(Ordering::Less)),
        None => fail(
            "TypeError",
            span,
            format!("'<' not supported between instances of '{}' and '{}'", a.type_name(), b.type_name()),
        ),
    }
}

/// Applies `key` (if any) to each item.
fn keys_of(interp: &mut Interpreter, items: &[Value], key: &Option<Value>, span: Span) -> Eval<Vec<Value>> {
    match key {
        None | Some(Value::None) => Ok(items.to_vec()),
        Some(f) => {
            items.iter().map(|item| interp.call(f.clone(), CallArgs::new(vec![item.clone()], span))).collect()
        }
    }
}

fn extreme(interp: &mut Interpreter, mut args: CallArgs, want: Ordering) -> Eval<Value> {
    let key = args.keyword("key");
    let default = args.keyword("default");
    args.expect(1, usize::MAX)?;
    let items = if args.positional.len() == 1 {
        interp.collect(&args.positional[0], args.span)?
    } else {
        std::mem::take(&mut args.positional)
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => fail("ValueError", args.span, format!("{}() arg is an empty sequence", args.function)),
        };
    }
    let keys = keys_of(interp, &items, &key, args.span)?;
    let mut best = 0;
    for i in 1..items.len() {
        let better = match want {
            Ordering::Less => less_than(&keys[i], &keys[best], args.span)?,
            _ => less_than(&keys[best], &keys[i], args.span)?,
        };
        if better {
            best = i;
        }
    }
    Ok(items[best].clone())
}

fn min(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    extreme(interp, args, Ordering::Less)
}

fn max(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    extreme(interp, args, Ordering::Greater)
}

fn sum(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let start = args.keyword("start");
    args.expect(1, 2)?;
    let mut total = start.or_else(|| args.positional.get(1).cloned()).unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return fail("TypeError", args.span, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    for item in interp.collect(&args.positional[0], args.span)? {
        total = interp.binary_op(BinOp::Add, total, item, args.span)?;
    }
    Ok(total)
}

/// A stable sort whose comparisons may fail; the first failure is returned.
pub fn sort_values(
    interp: &mut Interpreter,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
    span: Span,
) -> Eval<Vec<Value>> {
    let keys = keys_of(interp, &items, &key, span)?;
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut error: Option<Flow> = None;
    order.sort_by(|&a, &b| {
        if error.is_some() {
            return Ordering::Equal;
        }
        let (x, y) = if reverse { (&keys[b], &keys[a]) } else { (&keys[a], &keys[b]) };
        match crate::eval::order(x, y, span) {
            Ok(Some(o)) => o.unwrap_or(Ordering::Equal),
            Err(e) => {
                error = Some(e);
                Ordering::Equal
            }
            Ok(None) => {
                error = Some(
                    RuntimeError::new(
                        "TypeError",
                        format!(
                            "'<' not supported between instances of '{}' and '{}'",
                            x.type_name(),
                            y.type_name()
                        ),
                        span,
                    )
                    .into(),
                );
                Ordering::Equal
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    Ok(order.into_iter().map(|i| items[i].clone()).collect())
}

fn sorted(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let key = args.keyword("key");
    let reverse = args.keyword("reverse").is_some_and(|v| v.truthy());
    args.expect(1, 1)?;
    let items = interp.collect(&args.positional[0], args.span)?;
    Ok(Value::list(sort_values(interp, items, key, reverse, args.span)?))
}

fn reversed(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let mut items = interp.collect(&args.positional[0], args.span)?;
    items.reverse();
    Ok(Value::list(items))
}

fn enumerate(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let start = args.keyword("start");
    args.expect(1, 2)?;
    let start = start.or_else(|| args.positional.get(1).cloned()).unwrap_or(Value::Int(0));
    let Some(start) = start.as_int() else {
        return fail("TypeError", args.span, "enumerate() start must be an integer");
    };
    let items = interp.collect(&args.positional[0], args.span)?;
    Ok(Value::list(
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| Value::tuple(vec![Value::Int(start.wrapping_add(i as i64)), v]))
            .collect(),
    ))
}

fn zip(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(0, usize::MAX)?;
    let columns: Vec<Vec<Value>> =
        args.positional.iter().map(|v| interp.collect(v, args.span)).collect::<Eval<_>>()?;
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    Ok(Value::list((0..n).map(|i| Value::tuple(columns.iter().map(|c| c[i].clone()).collect())).collect()))
}

fn map(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, usize::MAX)?;
    let function = args.positional[0].clone();
    let columns: Vec<Vec<Value>> =
        args.positional[1..].iter().map(|v| interp.collect(v, args.span)).collect::<Eval<_>>()?;
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let call = CallArgs::new(columns.iter().map(|c| c[i].clone()).collect(), args.span);
        out.push(interp.call(function.clone(), call)?);
    }
    Ok(Value::list(out))
}

fn filter(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let function = args.positional[0].clone();
    let mut out = Vec::new();
    for item in interp.collect(&args.positional[1], args.span)? {
        let keep = match &function {
            Value::None => item.truthy(),
            f => interp.call(f.clone(), CallArgs::new(vec![item.clone()], args.span))?.truthy(),
        };
        if keep {
            out.push(item);
        }
    }
    Ok(Value::list(out))
}

fn any(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Bool(interp.collect(&args.positional[0], args.span)?.iter().any(Value::truthy)))
}

fn all(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    Ok(Value::Bool(interp.collect(&args.positional[0], args.span)?.iter().all(Value::truthy)))
}
