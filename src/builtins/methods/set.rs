//! Methods of `set` and `frozenset`.

use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::value::set::{Set, SetOp};
use crate::value::{Builtin, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub static SET_METHODS: &[Builtin] = &[
    Builtin::method(
        set_add,
        "add(self, elem, /) -> None

Adds `elem` to the set (nothing happens if it is there).

Args:
    elem: a hashable value
Returns: None
Example: s = {1}; s.add(2); s  # {1, 2}",
    ),
    Builtin::method(
        |interp, args| set_remove(interp, args, true),
        "remove(self, elem, /) -> None

Removes `elem` from the set; a KeyError if it is not there.

Args:
    elem: the value to remove
Returns: None
Example: s = {1, 2}; s.remove(1); s  # {2}",
    ),
    Builtin::method(
        |interp, args| set_remove(interp, args, false),
        "discard(self, elem, /) -> None

Removes `elem` from the set if it is there.

Args:
    elem: the value to remove
Returns: None
Example: s = {1, 2}; s.discard(5); s  # {1, 2}",
    ),
    Builtin::method(
        set_pop,
        "pop(self, /)

Removes and returns an item of the set (tl: the last added); a KeyError if it is empty.

Returns: the item
Example: {3}.pop()  # 3",
    ),
    Builtin::method(
        set_clear,
        "clear(self, /) -> None

Removes every item.

Returns: None
Example: s = {1}; s.clear(); s  # set()",
    ),
    Builtin::method(
        set_copy,
        "copy(self, /) -> set

A new set of the same items.

Returns: a set (a frozenset for a frozenset)
Example: {1, 2}.copy()  # {1, 2}",
    ),
    Builtin::method(
        |interp, args| set_combine(interp, args, SetOp::Union),
        "union(self, /, *others) -> set

A new set of the items in the set or in any of `others` (any iterables).

Args:
    others: iterables
Returns: a set
Example: {1}.union([2], (3,))  # {1, 2, 3}",
    ),
    Builtin::method(
        |interp, args| set_combine(interp, args, SetOp::Intersection),
        "intersection(self, /, *others) -> set

A new set of the items in the set and in every one of `others`.

Args:
    others: iterables
Returns: a set
Example: {1, 2, 3}.intersection([2, 3], [3])  # {3}",
    ),
    Builtin::method(
        |interp, args| set_combine(interp, args, SetOp::Difference),
        "difference(self, /, *others) -> set

A new set of the items in the set but in none of `others`.

Args:
    others: iterables
Returns: a set
Example: {1, 2, 3}.difference([2])  # {1, 3}",
    ),
    Builtin::method(
        |interp, args| set_combine(interp, args, SetOp::SymmetricDifference),
        "symmetric_difference(self, other, /) -> set

A new set of the items in exactly one of the set and `other`.

Args:
    other: an iterable
Returns: a set
Example: {1, 2}.symmetric_difference([2, 3])  # {1, 3}",
    ),
    Builtin::method(
        |interp, args| set_update(interp, args, SetOp::Union),
        "update(self, /, *others) -> None

Adds the items of each of `others` to the set.

Args:
    others: iterables
Returns: None
Example: s = {1}; s.update([2, 3]); s  # {1, 2, 3}",
    ),
    Builtin::method(
        |interp, args| set_update(interp, args, SetOp::Intersection),
        "intersection_update(self, /, *others) -> None

Keeps only the items that are also in every one of `others`.

Args:
    others: iterables
Returns: None
Example: s = {1, 2}; s.intersection_update([2]); s  # {2}",
    ),
    Builtin::method(
        |interp, args| set_update(interp, args, SetOp::Difference),
        "difference_update(self, /, *others) -> None

Removes the items that are in any of `others`.

Args:
    others: iterables
Returns: None
Example: s = {1, 2}; s.difference_update([2]); s  # {1}",
    ),
    Builtin::method(
        |interp, args| set_update(interp, args, SetOp::SymmetricDifference),
        "symmetric_difference_update(self, other, /) -> None

Keeps the items in exactly one of the set and `other`: removes those in both, adds those
only in `other`.

Args:
    other: an iterable
Returns: None
Example: s = {1, 2}; s.symmetric_difference_update([2, 3]); s  # {1, 3}",
    ),
    Builtin::method(
        |interp, args| set_relation(interp, args, |a, b| a.is_subset(b)),
        "issubset(self, other, /) -> bool

Whether every item of the set is in `other`.

Args:
    other: an iterable
Returns: a bool
Example: {1}.issubset([1, 2])  # True",
    ),
    Builtin::method(
        |interp, args| set_relation(interp, args, |a, b| b.is_subset(a)),
        "issuperset(self, other, /) -> bool

Whether every item of `other` is in the set.

Args:
    other: an iterable
Returns: a bool
Example: {1, 2}.issuperset([2])  # True",
    ),
    Builtin::method(
        |interp, args| set_relation(interp, args, |a, b| a.combine(SetOp::Intersection, b).is_empty()),
        "isdisjoint(self, other, /) -> bool

Whether the set and `other` have no item in common.

Args:
    other: an iterable
Returns: a bool
Example: {1}.isdisjoint([2])  # True",
    ),
];

fn this(args: &CallArgs) -> Rc<RefCell<Set>> {
    match &args.positional[0] {
        Value::Set(s) => s.clone(),
        _ => Rc::new(RefCell::new(Set::new(false))),
    }
}

/// The set to change, refusing a frozenset as Python does (it has no such method).
fn mutable(args: &CallArgs, method: &str) -> Eval<Rc<RefCell<Set>>> {
    let set = this(args);
    if set.borrow().frozen {
        return fail(
            ErrorKind::AttributeError,
            args.span,
            format!("'frozenset' object has no attribute '{method}'"),
        );
    }
    Ok(set)
}

/// An iterable argument as a set.
fn as_set(interp: &mut Interpreter, value: &Value, args: &CallArgs) -> Eval<Set> {
    if let Value::Set(s) = value {
        return Ok(s.borrow().clone());
    }
    let items = interp.collect(value, args.span)?;
    interp.set_from(items, false, args.span)
}

fn set_add(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let set = mutable(&args, "add")?;
    let item = args.positional[1].clone();
    let hash = interp.hash_key(&item, args.span)?;
    set.borrow_mut().insert(hash, item);
    Ok(Value::None)
}

fn set_remove(interp: &mut Interpreter, args: CallArgs, required: bool) -> Eval<Value> {
    let set = mutable(&args, if required { "remove" } else { "discard" })?;
    let hash = interp.hash_key(&args.positional[1], args.span)?;
    if !set.borrow_mut().remove(&hash) && required {
        let shown = interp.repr(&args.positional[1])?;
        return fail(ErrorKind::KeyError, args.span, shown);
    }
    Ok(Value::None)
}

fn set_pop(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let set = mutable(&args, "pop")?;
    let popped = set.borrow_mut().items.pop_last();
    match popped {
        Some((item, _)) => Ok(item),
        None => fail(ErrorKind::KeyError, args.span, "'pop from an empty set'"),
    }
}

fn set_clear(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    mutable(&args, "clear")?.borrow_mut().items.clear();
    Ok(Value::None)
}

fn set_copy(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::set(this(&args).borrow().clone()))
}

fn set_combine(interp: &mut Interpreter, args: CallArgs, op: SetOp) -> Eval<Value> {
    let mut out = this(&args).borrow().clone();
    for other in &args.positional[1..] {
        let other = as_set(interp, other, &args)?;
        out = out.combine(op, &other);
    }
    Ok(Value::set(out))
}

fn set_update(interp: &mut Interpreter, args: CallArgs, op: SetOp) -> Eval<Value> {
    let set = mutable(&args, args.function)?;
    for other in &args.positional[1..] {
        let other = as_set(interp, other, &args)?;
        let combined = set.borrow().combine(op, &other);
        set.borrow_mut().items = combined.items;
    }
    Ok(Value::None)
}

fn set_relation(interp: &mut Interpreter, args: CallArgs, holds: fn(&Set, &Set) -> bool) -> Eval<Value> {
    let other = as_set(interp, &args.positional[1], &args)?;
    Ok(Value::Bool(holds(&this(&args).borrow(), &other)))
}
