//! Operators on scalars, strings and sequences, with Python's semantics and errors.

use super::error::{fail, Eval, Flow, RuntimeError};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::syntax::span::Span;
use crate::value::dict::ViewKind;
use crate::value::number::{as_number, float_floor_div, float_mod, int_floor_div, int_mod, Number};
use crate::value::set::{Set, SetOp};
use crate::value::special::Special;
use crate::value::{equal_at_depth, TooDeep, Value};
use std::cmp::Ordering;
use std::rc::Rc;

impl Interpreter {
    pub fn unary_op(&mut self, op: UnaryOp, value: Value, span: Span) -> Eval<Value> {
        if let Some(result) = self.unary_special(op, &value, span)? {
            return Ok(result);
        }
        if let Some(result) = self.natives.unary_operator(op, &value, span) {
            return result;
        }
        match (op, as_number(&value)) {
            (UnaryOp::Neg, Some(Number::Int(i))) => {
                i.checked_neg().map(Value::Int).map_or_else(|| overflow(span), Ok)
            }
            (UnaryOp::Neg, Some(Number::Float(x))) => Ok(Value::Float(-x)),
            (UnaryOp::Pos, Some(n)) => Ok(n.into_value()),
            (UnaryOp::Invert, Some(Number::Int(i))) if !matches!(value, Value::Bool(_)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, _) if matches!(value, Value::Bool(_)) => Ok(Value::Bool(!value.truthy())),
            _ => {
                let symbol = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    UnaryOp::Invert => "~",
                };
                fail(
                    ErrorKind::TypeError,
                    span,
                    format!("bad operand type for unary {symbol}: '{}'", value.type_name()),
                )
            }
        }
    }

    /// `a op= b`: `+=` and `*=` change a list in place; everything else is `a = a op b`.
    pub(super) fn binary_in_place(&mut self, op: BinOp, lhs: Value, rhs: Value, span: Span) -> Eval<Value> {
        // Numbers (a loop's `s += i`) have no in-place form: straight to the operator.
        let number = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_));
        if number(&lhs) && number(&rhs) {
            return self.binary_op(op, lhs, rhs, span);
        }
        if matches!(lhs, Value::Instance(_)) || matches!(rhs, Value::Instance(_)) {
            if let Some(result) = self.binary_special(op, &lhs, &rhs, true, span)? {
                return Ok(result);
            }
        }
        if let Some(result) = self.natives.in_place_operator(op, &lhs, &rhs, span) {
            return result;
        }
        if let (Value::Set(a), Value::Set(b), Some(set_op)) = (&lhs, &rhs, SetOp::of(op)) {
            if !a.borrow().frozen {
                let combined = a.borrow().combine(set_op, &b.borrow());
                a.borrow_mut().items = combined.items;
                return Ok(lhs);
            }
        }
        let Value::List(list) = &lhs else {
            return self.binary_op(op, lhs, rhs, span);
        };
        let items = match (op, &rhs) {
            (BinOp::Add, _) => self.collect(&rhs, span)?,
            (BinOp::Mul, Value::Int(_) | Value::Bool(_)) => {
                match self.binary_op(op, lhs.clone(), rhs, span)? {
                    Value::List(repeated) => repeated.borrow().clone(),
                    _ => Vec::new(),
                }
            }
            _ => return self.binary_op(op, lhs, rhs, span),
        };
        *list.borrow_mut() = match op {
            BinOp::Add => list.borrow().iter().cloned().chain(items).collect(),
            _ => items,
        };
        Ok(lhs)
    }

    /// `lhs op rhs` (also what `divmod`, `pow` and `sum` use).
    pub fn binary_op(&mut self, op: BinOp, lhs: Value, rhs: Value, span: Span) -> Eval<Value> {
        if matches!(lhs, Value::Instance(_)) || matches!(rhs, Value::Instance(_)) {
            if let Some(result) = self.binary_special(op, &lhs, &rhs, false, span)? {
                return Ok(result);
            }
        }
        if let Some(result) = self.natives.binary_operator(op, &lhs, &rhs, span) {
            return result;
        }
        if let (Some(a), Some(b)) = (as_number(&lhs), as_number(&rhs)) {
            if let (Value::Bool(x), Value::Bool(y), BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) =
                (&lhs, &rhs, op)
            {
                return Ok(Value::Bool(match op {
                    BinOp::BitAnd => x & y,
                    BinOp::BitOr => x | y,
                    _ => x ^ y,
                }));
            }
            return arithmetic(op, a, b, span);
        }
        if let (Value::Set(a), Value::Set(b), Some(set_op)) = (&lhs, &rhs, SetOp::of(op)) {
            let combined = a.borrow().combine(set_op, &b.borrow());
            return Ok(Value::set(combined));
        }
        // A keys or items view with any iterable: Python's set operators, giving a set.
        if let (Some(set_op), true) = (SetOp::of(op), is_set_view(&lhs) || is_set_view(&rhs)) {
            let (a, b) = (self.operand_set(&lhs, span)?, self.operand_set(&rhs, span)?);
            return Ok(Value::set(a.combine(set_op, &b)));
        }
        match (op, &lhs, &rhs) {
            (BinOp::Mod, Value::Str(template), args) => self.percent_format(template, args, span),
            (BinOp::Add, Value::Str(a), Value::Str(b)) => {
                self.check_len(a.len() + b.len(), span)?;
                Ok(Value::Str(Rc::from(format!("{a}{b}"))))
            }
            (BinOp::Add, Value::List(a), Value::List(b)) => {
                let mut items = a.borrow().clone();
                items.extend(b.borrow().iter().cloned());
                self.check_len(items.len(), span)?;
                Ok(Value::list(items))
            }
            (BinOp::Add, Value::Tuple(a), Value::Tuple(b)) => {
                self.check_len(a.len() + b.len(), span)?;
                Ok(Value::tuple(a.iter().chain(b.iter()).cloned().collect()))
            }
            // `torch.Size` joined with a tuple (either side) stays a Size, as in PyTorch.
            (BinOp::Add, Value::Size(_), Value::Tuple(_) | Value::Size(_))
            | (BinOp::Add, Value::Tuple(_), Value::Size(_)) => {
                let joined = self.binary_op(op, lhs.as_plain_tuple(), rhs.as_plain_tuple(), span)?;
                let Value::Tuple(items) = &joined else { return Ok(joined) };
                let dims: Option<Vec<usize>> =
                    items.iter().map(|v| v.as_int().and_then(|i| usize::try_from(i).ok())).collect();
                Ok(dims.map_or(joined.clone(), |dims| Value::Size(Rc::from(dims))))
            }
            (BinOp::Mul, seq, count) | (BinOp::Mul, count, seq)
                if count.as_int().is_some()
                    && matches!(seq, Value::Str(_) | Value::List(_) | Value::Tuple(_)) =>
            {
                let n = count.as_int().unwrap_or(0).max(0) as usize;
                self.repeat_sequence(seq, n, span)
            }
            _ => fail(
                ErrorKind::TypeError,
                span,
                format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    lhs.type_name(),
                    rhs.type_name()
                ),
            ),
        }
    }

    /// Refuses (`MemoryError`) a sequence longer than `Limits::max_sequence_len`.
    pub fn check_len(&self, len: usize, span: Span) -> Eval<()> {
        if len > self.limits.max_sequence_len {
            return fail(
                ErrorKind::MemoryError,
                span,
                "a list, tuple or string this long would take more memory than tl allows one result (TL_MAX_TENSOR_BYTES sets the limit)",
            );
        }
        Ok(())
    }

    fn repeat_sequence(&self, seq: &Value, n: usize, span: Span) -> Eval<Value> {
        let unit = match seq {
            Value::Str(s) => s.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            _ => 0,
        };
        self.check_len(unit.saturating_mul(n), span)?;
        Ok(match seq {
            Value::Str(s) => Value::str(&s.repeat(n)),
            Value::List(l) => {
                let items = l.borrow();
                Value::list(items.iter().cloned().cycle().take(items.len() * n).collect())
            }
            Value::Tuple(t) => Value::tuple(t.iter().cloned().cycle().take(t.len() * n).collect()),
            _ => Value::None,
        })
    }

    /// `a < b`, as `sorted`, `min` and `max` ask it (instances by their `__lt__`).
    pub fn less_than(&mut self, a: &Value, b: &Value, span: Span) -> Eval<bool> {
        let result = self.compare(CmpOp::Lt, a, b, span)?;
        self.truth(&result, span)
    }

    pub(super) fn compare(&mut self, op: CmpOp, lhs: &Value, rhs: &Value, span: Span) -> Eval<Value> {
        if matches!(lhs, Value::Instance(_)) || matches!(rhs, Value::Instance(_)) {
            if let Some(result) = self.compare_special(op, lhs, rhs, span)? {
                return Ok(result);
            }
        }
        if let Some(result) = self.natives.compare_operator(op, lhs, rhs, span) {
            return result;
        }
        let result = match op {
            CmpOp::Eq => self.equals(lhs, rhs, span)?,
            CmpOp::Ne => !self.equals(lhs, rhs, span)?,
            CmpOp::Is => lhs.is(rhs),
            CmpOp::IsNot => !lhs.is(rhs),
            CmpOp::In => self.contains(rhs, lhs, span)?,
            CmpOp::NotIn => !self.contains(rhs, lhs, span)?,
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge
                if matches!((lhs, rhs), (Value::Set(_), Value::Set(_))) =>
            {
                let (Value::Set(a), Value::Set(b)) = (lhs, rhs) else { return Ok(Value::Bool(false)) };
                let (a, b) = (a.borrow(), b.borrow());
                match op {
                    CmpOp::Le => a.is_subset(&b),
                    CmpOp::Lt => a.len() < b.len() && a.is_subset(&b),
                    CmpOp::Ge => b.is_subset(&a),
                    _ => b.len() < a.len() && b.is_subset(&a),
                }
            }
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
                let ordering = order(lhs, rhs, span)?.ok_or_else(|| {
                    super::RuntimeError::new(
                        ErrorKind::TypeError,
                        format!(
                            "'{}' not supported between instances of '{}' and '{}'",
                            op.symbol(),
                            lhs.type_name(),
                            rhs.type_name()
                        ),
                        span,
                    )
                })?;
                match ordering {
                    // NaN compares false with everything.
                    None => false,
                    Some(ord) => match op {
                        CmpOp::Lt => ord == Ordering::Less,
                        CmpOp::Le => ord != Ordering::Greater,
                        CmpOp::Gt => ord == Ordering::Greater,
                        _ => ord != Ordering::Less,
                    },
                }
            }
        };
        Ok(Value::Bool(result))
    }

    /// `item in container`.
    fn contains(&mut self, container: &Value, item: &Value, span: Span) -> Eval<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                other => fail(
                    ErrorKind::TypeError,
                    span,
                    format!("'in <string>' requires string as left operand, not {}", other.type_name()),
                ),
            },
            Value::List(items) => {
                let items = items.borrow().clone();
                Ok(self.position(&items, item, span)?.is_some())
            }
            Value::Tuple(items) => Ok(self.position(items, item, span)?.is_some()),
            Value::Dict(d) => {
                let key = self.hash_key(item, span)?;
                Ok(d.borrow().contains_key(&key))
            }
            Value::Set(s) => {
                let key = self.hash_key(item, span)?;
                Ok(s.borrow().contains(&key))
            }
            Value::DictView(view) => match (view.kind, item) {
                (ViewKind::Keys, key) => {
                    let key = self.hash_key(key, span)?;
                    Ok(view.dict.borrow().contains_key(&key))
                }
                (ViewKind::Items, Value::Tuple(pair)) if pair.len() == 2 => {
                    let key = self.hash_key(&pair[0], span)?;
                    let found = view.dict.borrow().get(&key).cloned();
                    Ok(match found {
                        Some(v) => v.is(&pair[1]) || self.equals(&v, &pair[1], span)?,
                        None => false,
                    })
                }
                (ViewKind::Items, _) => Ok(false),
                (ViewKind::Values, _) => {
                    let values = view.dict.borrow().values();
                    Ok(self.position(&values, item, span)?.is_some())
                }
            },
            Value::Range(r) => Ok(match item.as_int() {
                Some(i) if r.step > 0 => i >= r.start && i < r.stop && (i - r.start) % r.step == 0,
                Some(i) => i <= r.start && i > r.stop && (r.start - i) % -r.step == 0,
                None => false,
            }),
            Value::Instance(_) | Value::Iterator(_) => {
                if let Some(found) =
                    self.call_special(container, Special::Contains, vec![item.clone()], span)?
                {
                    return self.truth(&found, span);
                }
                // Python walks an iterator up to the item found, consuming what it passed.
                let mut items = self.iterate(container, span)?;
                while let Some(candidate) = self.next_item(&mut items, span)? {
                    let same = self.compare(CmpOp::Eq, &candidate, item, span)?;
                    if candidate.is(item) || self.truth(&same, span)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("argument of type '{}' is not iterable", other.type_name()),
            ),
        }
    }
}

fn is_set_view(value: &Value) -> bool {
    matches!(value, Value::DictView(v) if v.kind != ViewKind::Values)
}

impl Interpreter {
    /// An operand of a set operator with a dict view, as a set.
    fn operand_set(&mut self, value: &Value, span: Span) -> Eval<Set> {
        match value {
            Value::Set(s) => Ok(s.borrow().clone()),
            other => {
                let items = self.collect(other, span)?;
                self.set_from(items, false, span)
            }
        }
    }
}

fn too_deep(span: Span) -> Flow {
    RuntimeError::new(ErrorKind::RecursionError, "maximum recursion depth exceeded in comparison", span)
        .into()
}

/// Why an equality test stopped short: containers nested too deep, or an `__eq__` that
/// raised.
enum EqualityStop {
    TooDeep,
    Raised(Flow),
}

impl From<TooDeep> for EqualityStop {
    fn from(_: TooDeep) -> EqualityStop {
        EqualityStop::TooDeep
    }
}

impl Interpreter {
    /// `a == b` as Python decides it (see `values_equal`), asking a class instance's
    /// `__eq__`, or the other side's reflected one, wherever an instance is compared,
    /// inside containers too; Python's error for containers nested too deep.
    pub fn equals(&mut self, a: &Value, b: &Value, span: Span) -> Eval<bool> {
        let mut instance_eq = |x: &Value, y: &Value| -> Result<Option<bool>, EqualityStop> {
            let answer = match self.compare_special(CmpOp::Eq, x, y, span) {
                Ok(Some(result)) => self.truth(&result, span).map(Some),
                other => other.map(|_| None),
            };
            answer.map_err(EqualityStop::Raised)
        };
        equal_at_depth(a, b, 0, &mut instance_eq).map_err(|stop| match stop {
            EqualityStop::TooDeep => too_deep(span),
            EqualityStop::Raised(flow) => flow,
        })
    }

    /// Where `item` first is among `items` (`in`, `index`, `remove`).
    pub fn position(&mut self, items: &[Value], item: &Value, span: Span) -> Eval<Option<usize>> {
        for (i, v) in items.iter().enumerate() {
            if v.is(item) || self.equals(v, item, span)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }
}

/// How two values order, if they can be ordered; the inner `None` is an unordered NaN.
pub fn order(a: &Value, b: &Value, span: Span) -> Eval<Option<Option<Ordering>>> {
    order_at_depth(a, b, 0).map_err(|TooDeep| too_deep(span))
}

fn order_at_depth(a: &Value, b: &Value, depth: usize) -> Result<Option<Option<Ordering>>, TooDeep> {
    if let (Some(x), Some(y)) = (as_number(a), as_number(b)) {
        return Ok(Some(x.partial_cmp(y)));
    }
    // Sequences order by their first elements that differ, else by length.
    let sequences = |x: &[Value], y: &[Value]| -> Result<Option<Option<Ordering>>, TooDeep> {
        for (p, q) in x.iter().zip(y) {
            if !(p.is(q) || equal_at_depth(p, q, depth + 1, &mut |_, _| Ok(None))?) {
                return order_at_depth(p, q, depth + 1);
            }
        }
        Ok(Some(Some(x.len().cmp(&y.len()))))
    };
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(Some(x.cmp(y)))),
        (Value::List(x), Value::List(y)) => sequences(&x.borrow().clone(), &y.borrow().clone()),
        (Value::Tuple(x), Value::Tuple(y)) => sequences(x, y),
        _ => Ok(None),
    }
}

fn overflow<T>(span: Span) -> Eval<T> {
    Err(super::RuntimeError::new(ErrorKind::OverflowError, "integer overflow", span)
        .with_help("tl integers are 64-bit; use a float for larger values")
        .into())
}

fn arithmetic(op: BinOp, a: Number, b: Number, span: Span) -> Eval<Value> {
    use Number::Int;
    let zero_division = |message: &str| fail(ErrorKind::ZeroDivisionError, span, message.to_string());
    match (a, b) {
        (Int(x), Int(y)) => {
            let checked = |r: Option<i64>| r.map(Value::Int).map_or_else(|| overflow(span), Ok);
            match op {
                BinOp::Add => checked(x.checked_add(y)),
                BinOp::Sub => checked(x.checked_sub(y)),
                BinOp::Mul => checked(x.checked_mul(y)),
                BinOp::Div if y == 0 => zero_division("division by zero"),
                BinOp::Div => Ok(Value::Float(x as f64 / y as f64)),
                BinOp::FloorDiv | BinOp::Mod if y == 0 => zero_division("integer division or modulo by zero"),
                BinOp::FloorDiv => checked(int_floor_div(x, y)),
                BinOp::Mod => Ok(Value::Int(int_mod(x, y))),
                BinOp::Pow if y < 0 && x == 0 => zero_division("0.0 cannot be raised to a negative power"),
                BinOp::Pow if y < 0 => Ok(Value::Float((x as f64).powf(y as f64))),
                BinOp::Pow => checked(u32::try_from(y).ok().and_then(|e| x.checked_pow(e))),
                BinOp::BitAnd => Ok(Value::Int(x & y)),
                BinOp::BitOr => Ok(Value::Int(x | y)),
                BinOp::BitXor => Ok(Value::Int(x ^ y)),
                BinOp::Shl | BinOp::Shr if y < 0 => fail(ErrorKind::ValueError, span, "negative shift count"),
                BinOp::Shl => checked(if y >= 64 || (x << y) >> y != x { None } else { Some(x << y) }),
                BinOp::Shr => Ok(Value::Int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })),
                BinOp::MatMul => unsupported(op, "int", "int", span),
            }
        }
        _ => {
            let (x, y) = (a.to_f64(), b.to_f64());
            let result = match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div if y == 0.0 => return zero_division("float division by zero"),
                BinOp::Div => x / y,
                BinOp::FloorDiv if y == 0.0 => return zero_division("float floor division by zero"),
                BinOp::FloorDiv => float_floor_div(x, y),
                BinOp::Mod if y == 0.0 => return zero_division("float modulo"),
                BinOp::Mod => float_mod(x, y),
                BinOp::Pow if x == 0.0 && y < 0.0 => {
                    return zero_division("0.0 cannot be raised to a negative power")
                }
                BinOp::Pow if x < 0.0 && y.fract() != 0.0 => {
                    return fail(
                        ErrorKind::ValueError,
                        span,
                        "a negative number cannot be raised to a fractional power",
                    )
                }
                BinOp::Pow => x.powf(y),
                _ => {
                    let name = |n: Number| if matches!(n, Int(_)) { "int" } else { "float" };
                    return unsupported(op, name(a), name(b), span);
                }
            };
            Ok(Value::Float(result))
        }
    }
}

fn unsupported(op: BinOp, a: &str, b: &str, span: Span) -> Eval<Value> {
    fail(
        ErrorKind::TypeError,
        span,
        format!("unsupported operand type(s) for {}: '{a}' and '{b}'", op.symbol()),
    )
}
