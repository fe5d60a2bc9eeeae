//! Builtins that walk iterables: `min`, `max`, `sum`, `sorted`, `reversed`,
//! `enumerate`, `zip`, `map`, `filter`, `any`, `all`.

use super::convert::index_of;
use super::tensor::args::arg;
use super::tensor::reduce;
use crate::eval::{fail, CallArgs, Eval, Flow, Interpreter, ValueIter};
use crate::exception::ErrorKind;
use crate::syntax::ast::BinOp;
use crate::syntax::span::Span;
use crate::value::object::named;
use crate::value::special::Special;
use crate::value::{Builtin, Value};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        min,
        "min(*args, key=None, default=<unset>)

The smallest item: of one iterable (`min(xs)`), or of two or more arguments
(`min(a, b, c)`), compared by `key(item)` when a `key` is given; the first of equal ones.
A tensor argument is handed to the tensor reduction `min`.

Args:
    args: one iterable, or two or more values
    key: a function of one item whose results are compared
    default: what an empty iterable gives (only with one iterable); without it, a ValueError
Returns: the smallest item
Example: min(['bb', 'a', 'ccc'], key=len)  # 'a'",
    )
    .for_tensors(named(reduce::BUILTINS, "min")),
    Builtin::function(
        max,
        "max(*args, key=None, default=<unset>)

The largest item: of one iterable (`max(xs)`), or of two or more arguments
(`max(a, b, c)`), compared by `key(item)` when a `key` is given; the first of equal ones.
A tensor argument is handed to the tensor reduction `max`.

Args:
    args: one iterable, or two or more values
    key: a function of one item whose results are compared
    default: what an empty iterable gives (only with one iterable); without it, a ValueError
Returns: the largest item
Example: max([3, 1, 2], key=|v| -v)  # 1",
    )
    .for_tensors(named(reduce::BUILTINS, "max")),
    Builtin::function(
        sum,
        "sum(iterable, /, start=0)

Adds the items of `iterable` to `start`, one after another, with `+`. A tensor argument is
handed to the tensor reduction `sum`.

Args:
    iterable: the items to add
    start: the value the sum starts from (not a string: join strings with `''.join`)
Returns: the total
Example: sum([1, 2, 3], 10)  # 16",
    )
    .for_tensors(named(reduce::BUILTINS, "sum")),
    Builtin::function(
        sorted,
        "sorted(iterable, /, *, key=None, reverse=False) -> list

A new list of the items of `iterable` in ascending order, by `key(item)` when a `key` is
given. The sort is stable: equal items keep their order.

Args:
    iterable: the items to sort
    key: a function of one item whose results are compared
    reverse: whether to sort in descending order (equal items still keep their order)
Returns: a list
Example: sorted([3, 1, 2], key=|v| -v, reverse=true)  # [1, 2, 3]",
    ),
    Builtin::function(
        reversed,
        "reversed(sequence, /) -> iterator

An iterator over the items of `sequence` in reverse order (of the items it holds now).

Args:
    sequence: a list, tuple, string, range or other iterable
Returns: an iterator
Example: list(reversed([1, 2, 3]))  # [3, 2, 1]",
    ),
    Builtin::function(
        enumerate,
        "enumerate(iterable, start=0) -> enumerate

A lazy iterator over the items of `iterable` paired with their counts: `(count, item)`
tuples, the count starting at `start`.

Args:
    iterable: the items to count
    start: the first count
Returns: an iterator of tuples
Example: list(enumerate(['a', 'b'], start=1))  # [(1, 'a'), (2, 'b')]",
    ),
    Builtin::function(
        zip,
        "zip(*iterables, strict=False) -> zip

A lazy iterator over tuples of the items at the same position in each iterable, as long
as the shortest one; with `strict=true`, iterables of different lengths are a ValueError.

Args:
    iterables: the iterables to walk together
    strict: whether the iterables must all have the same length
Returns: an iterator of tuples
Example: list(zip([1, 2, 3], 'ab'))  # [(1, 'a'), (2, 'b')]",
    ),
    Builtin::function(
        map,
        "map(function, iterable, /, *iterables) -> map

A lazy iterator over the results of calling `function` on each item of `iterable` (with
several iterables, on their items at the same position, as long as the shortest one).

Args:
    function: a function of one argument, or of as many as there are iterables
    iterable: the items to apply it to
    iterables: more iterables, whose items are further arguments
Returns: an iterator
Example: list(map(|a, b| a + b, [1, 2], [10, 20]))  # [11, 22]",
    ),
    Builtin::function(
        filter,
        "filter(function, iterable, /) -> filter

A lazy iterator over the items of `iterable` for which `function(item)` is true; with
`none` for `function`, the items that are true themselves.

Args:
    function: a function of one item, or `none`
    iterable: the items to filter
Returns: an iterator
Example: list(filter(none, [0, 1, '', 'a']))  # [1, 'a']",
    ),
    Builtin::function(
        iter,
        "iter(object, /) -> iterator

An iterator over `object`'s items (`__iter__` for a class); an iterator is its own. Each
`next` takes one item, for every name that holds the iterator.

Args:
    object: a list, tuple, string, dict, range, tensor, generator or iterable instance
Returns: an iterator
Example: next(iter([4, 5]))  # 4",
    ),
    Builtin::function(
        next,
        "next(iterator, default=<unset>, /)

The next item of `iterator` (a generator, or what `iter` returned); at the end, `default`
if given, else a `StopIteration` error.

Args:
    iterator: the iterator to advance
    default: what to return at the end instead of raising
Returns: the item
Example: next(iter([]), 'empty')  # 'empty'",
    ),
    Builtin::function(
        any,
        "any(iterable, /) -> bool

Whether any item of `iterable` is true (false for an empty one). A tensor argument is
handed to the tensor reduction `any`.

Args:
    iterable: the items to test
Returns: a bool
Example: any([0, 1])  # True",
    )
    .for_tensors(named(reduce::BUILTINS, "any")),
    Builtin::function(
        all,
        "all(iterable, /) -> bool

Whether every item of `iterable` is true (true for an empty one). A tensor argument is
handed to the tensor reduction `all`.

Args:
    iterable: the items to test
Returns: a bool
Example: all([])  # True",
    )
    .for_tensors(named(reduce::BUILTINS, "all")),
];

/// `a < b` for sorting and `min`/`max`, with Python's error for unordered types.
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
    // `*args` given by name (`max(args=xs)`) is the one keyword the binder lets through.
    args.expect(0, usize::MAX)?;
    let name = args.function;
    match args.positional.len() {
        0 => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("{name} expected at least 1 argument, got 0"),
            )
        }
        1 => {}
        _ if default.is_some() => {
            let message = format!("Cannot specify a default for {name}() with multiple positional arguments");
            return fail(ErrorKind::TypeError, args.span, message);
        }
        _ => {}
    }
    let items = if args.positional.len() == 1 {
        interp.collect(&args.positional[0], args.span)?
    } else {
        std::mem::take(&mut args.positional)
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => fail(
                ErrorKind::ValueError,
                args.span,
                format!("{}() arg is an empty sequence", args.function),
            ),
        };
    }
    let keys = keys_of(interp, &items, &key, args.span)?;
    let mut best = 0;
    for i in 1..items.len() {
        let better = match want {
            Ordering::Less => interp.less_than(&keys[i], &keys[best], args.span)?,
            _ => interp.less_than(&keys[best], &keys[i], args.span)?,
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
    let mut total = arg(&mut args, 1, "start").unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return fail(ErrorKind::TypeError, args.span, "sum() can't sum strings [use ''.join(seq) instead]");
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
        // Python sorts by `<` alone: x < y, else y < x, else equal.
        let mut less = |p: &Value, q: &Value| match interp.less_than(p, q, span) {
            Ok(v) => v,
            Err(e) => {
                error = Some(e);
                false
            }
        };
        if less(x, y) {
            Ordering::Less
        } else if less(y, x) {
            Ordering::Greater
        } else {
            Ordering::Equal
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
    let items = interp.collect(&args.positional[0], args.span)?;
    Ok(Value::list(sort_values(interp, items, key, reverse, args.span)?))
}

fn shared(iter: ValueIter) -> Value {
    Value::Iterator(Rc::new(RefCell::new(iter)))
}

fn reversed(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut items = interp.collect(&args.positional[0], args.span)?;
    items.reverse();
    Ok(shared(ValueIter::Items(items.into_iter())))
}

fn enumerate(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let start = match arg(&mut args, 1, "start") {
        Some(start) => index_of(&start, args.span)?,
        None => 0,
    };
    let iter = Box::new(interp.iterate(&args.positional[0], args.span)?);
    Ok(shared(ValueIter::Enumerate { iter, count: start }))
}

fn zip(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let strict = args.keyword("strict").is_some_and(|v| v.truthy());
    // `*iterables` given by name is the one keyword the binder lets through.
    args.expect(0, usize::MAX)?;
    let iters = args.positional.iter().map(|v| interp.iterate(v, args.span)).collect::<Eval<_>>()?;
    Ok(shared(ValueIter::Zip { iters, strict }))
}

fn map(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    // `*iterables` given by name is the one keyword the binder lets through.
    args.expect(2, usize::MAX)?;
    let function = args.positional[0].clone();
    let iters = args.positional[1..].iter().map(|v| interp.iterate(v, args.span)).collect::<Eval<_>>()?;
    Ok(shared(ValueIter::Map { function, iters }))
}

fn filter(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let function = args.positional[0].clone();
    let iter = Box::new(interp.iterate(&args.positional[1], args.span)?);
    Ok(shared(ValueIter::Filter { function, iter }))
}

fn iter(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    interp.iterator(&args.positional[0], args.span)
}

fn next(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut iter = match &args.positional[0] {
        Value::Iterator(shared) => ValueIter::Shared(shared.clone()),
        object @ Value::Instance(i) if i.class.special(Special::Next).is_some() => {
            ValueIter::Object(object.clone())
        }
        other => {
            let kind = other.type_name();
            return fail(ErrorKind::TypeError, args.span, format!("'{kind}' object is not an iterator"));
        }
    };
    match (interp.next_item(&mut iter, args.span)?, args.positional.get(1)) {
        (Some(item), _) => Ok(item),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => fail(ErrorKind::StopIteration, args.span, ""),
    }
}

fn any(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(has_item_of_truth(interp, &args, true)?))
}

fn all(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(!has_item_of_truth(interp, &args, false)?))
}

/// Whether an item's truth is `wanted`, walking the iterable only up to the first such
/// item, as Python's `any` and `all` do (a generator is left at the item after it).
fn has_item_of_truth(interp: &mut Interpreter, args: &CallArgs, wanted: bool) -> Eval<bool> {
    let mut iter = interp.iterate(&args.positional[0], args.span)?;
    while let Some(item) = interp.next_item(&mut iter, args.span)? {
        if interp.truth(&item, args.span)? == wanted {
            return Ok(true);
        }
    }
    Ok(false)
}
