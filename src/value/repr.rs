//! `repr(x)` and `str(x)` by Python's rules: `0.1`, `1e-05`, `'a'`, `[1, 2.5, 'a']`,
//! `(1,)`, `{'k': 0.1}`, `True`, `None`.

use super::object::Instance;
use super::Value;
use crate::eval::Eval;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::rc::Rc;

/// Instances may define `repr(self)`; running it needs the interpreter.
pub trait ReprHook {
    /// The text of the instance's own `repr` method, or `None` if it has none.
    fn instance_repr(&mut self, instance: &Rc<Instance>, value: &Value) -> Eval<Option<String>>;
    /// The text of its `__str__` (or, lacking one, its `__repr__`), or `None`.
    fn instance_str(&mut self, instance: &Rc<Instance>, value: &Value) -> Eval<Option<String>>;
}

/// Python's `repr`.
pub fn repr(value: &Value, hook: &mut dyn ReprHook) -> Eval<String> {
    let mut out = String::new();
    Printer { hook, open: HashSet::new() }.write(value, &mut out)?;
    Ok(out)
}

/// Python's `str`: like `repr` except that strings and errors print bare.
pub fn str_of(value: &Value, hook: &mut dyn ReprHook) -> Eval<String> {
    match value {
        Value::Str(s) => Ok(s.to_string()),
        Value::Error(e) => Ok(e.message.clone()),
        Value::Device(d) => Ok(d.to_string()),
        Value::Instance(inst) => match hook.instance_str(inst, value)? {
            Some(text) => Ok(text),
            None => repr(value, hook),
        },
        _ => repr(value, hook),
    }
}

struct Printer<'a> {
    hook: &'a mut dyn ReprHook,
    /// Containers being printed: meeting one again prints `[...]`, as Python does. A
    /// set, since a list nested a million deep has a million open.
    open: HashSet<usize>,
}

impl Printer<'_> {
    fn write(&mut self, value: &Value, out: &mut String) -> Eval<()> {
        // Nesting is only as deep as the program built it; grow the stack rather than overflow.
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.write_value(value, out))
    }

    fn write_value(&mut self, value: &Value, out: &mut String) -> Eval<()> {
        match value {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => write!(out, "{i}").unwrap_or(()),
            Value::Float(x) => out.push_str(&float_repr(*x)),
            Value::Str(s) => out.push_str(&str_repr(s)),
            Value::List(items) => {
                let items = items.borrow().clone();
                self.sequence(value, &items, "[", "]", out)?;
            }
            Value::Tuple(items) => {
                let close = if items.len() == 1 { ",)" } else { ")" };
                self.sequence(value, items, "(", close, out)?;
            }
            Value::Dict(d) => {
                let id = value.identity();
                if self.open.contains(&id) {
                    out.push_str("{...}");
                    return Ok(());
                }
                self.open.insert(id);
                let entries: Vec<(Value, Value)> =
                    d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write(k, out)?;
                    out.push_str(": ");
                    self.write(v, out)?;
                }
                out.push('}');
                self.open.remove(&id);
            }
            Value::DictView(view) => {
                out.push_str(view.type_name());
                out.push('(');
                self.sequence(value, &view.items(), "[", "]", out)?;
                out.push(')');
            }
            Value::Set(set) => {
                let (items, frozen) = {
                    let set = set.borrow();
                    (set.values(), set.frozen)
                };
                match (items.is_empty(), frozen) {
                    (true, false) => out.push_str("set()"),
                    (true, true) => out.push_str("frozenset()"),
                    (false, false) => self.sequence(value, &items, "{", "}", out)?,
                    (false, true) => self.sequence(value, &items, "frozenset({", "})", out)?,
                }
            }
            Value::Range(r) if r.step == 1 => write!(out, "range({}, {})", r.start, r.stop).unwrap_or(()),
            Value::Range(r) => write!(out, "range({}, {}, {})", r.start, r.stop, r.step).unwrap_or(()),
            Value::Function(f) => write!(out, "<function {}>", f.def.name).unwrap_or(()),
            Value::Builtin(b) if crate::builtins::type_object(b.name).is_some() => {
                write!(out, "<class '{}'>", b.name).unwrap_or(())
            }
            Value::Builtin(b) => write!(out, "<built-in function {}>", b.name).unwrap_or(()),
            Value::BoundMethod(m) => {
                let name = match &m.method {
                    Value::Function(f) => f.def.name.as_str(),
                    Value::Builtin(b) => b.name,
                    _ => "?",
                };
                write!(out, "<bound method {}.{}>", m.receiver.type_name(), name).unwrap_or(())
            }
            Value::Class(c) => write!(out, "<class '{}'>", c.name).unwrap_or(()),
            Value::Instance(inst) => {
                let id = value.identity();
                if self.open.contains(&id) {
                    out.push_str("...");
                    return Ok(());
                }
                self.open.insert(id);
                let custom = self.hook.instance_repr(inst, value);
                self.open.remove(&id);
                match custom? {
                    Some(text) => out.push_str(&text),
                    None => write!(out, "<{} object>", inst.class.name).unwrap_or(()),
                }
            }
            Value::Module(m) => write!(out, "<module '{}'>", m.name).unwrap_or(()),
            Value::Super(_) => out.push_str("<super>"),
            Value::Descriptor(_) => write!(out, "<{} object>", value.type_name()).unwrap_or(()),
            Value::Iterator(it) => match it.try_borrow().ok().and_then(|it| it.generator_name()) {
                Some(name) => write!(out, "<generator object {name}>").unwrap_or(()),
                None => write!(out, "<{} object>", value.type_name()).unwrap_or(()),
            },
            Value::Error(e) if e.message.is_empty() => write!(out, "{}()", e.kind).unwrap_or(()),
            Value::Error(e) => write!(out, "{}({})", e.kind, str_repr(&e.message)).unwrap_or(()),
            Value::Einops(f) => write!(out, "{}[{}]", f.form.kind.name(), einops_pattern(f)).unwrap_or(()),
            Value::Tensor(t) => {
                if t.is_parameter() {
                    out.push_str("Parameter containing:\n");
                }
                out.push_str(&crate::tensor::print::tensor_repr(t, &autograd_suffixes(t)))
            }
            Value::DType(d) => write!(out, "{d}").unwrap_or(()),
            Value::Device(d) => match d.index() {
                Some(i) => write!(out, "device(type='{}', index={i})", d.kind()).unwrap_or(()),
                None => write!(out, "device(type='{}')", d.kind()).unwrap_or(()),
            },
            Value::GradFn(edge) => {
                write!(out, "<{} object at {:#x}>", edge.name(), edge.address()).unwrap_or(())
            }
            Value::NamedTuple(n) => {
                write!(out, "{}(", n.type_name).unwrap_or(());
                for (i, (field, item)) in n.fields.iter().zip(&n.items).enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    write!(out, "{field}=").unwrap_or(());
                    self.write(item, out)?;
                }
                out.push(')');
            }
            Value::Size(dims) => out.push_str(&crate::tensor::print::torch_size(dims)),
        }
        Ok(())
    }

    fn sequence(
        &mut self,
        value: &Value,
        items: &[Value],
        open: &str,
        close: &str,
        out: &mut String,
    ) -> Eval<()> {
        let id = value.identity();
        if self.open.contains(&id) {
            // `(...)` even for a one-element tuple, as Python prints it.
            write!(out, "{open}...{}", close.trim_start_matches(',')).unwrap_or(());
            return Ok(());
        }
        self.open.insert(id);
        out.push_str(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write(item, out)?;
        }
        out.push_str(close);
        self.open.remove(&id);
        Ok(())
    }
}

/// Python's `repr(float)`: the shortest digits that read back the same, in fixed
/// notation when the exponent is in -4..16 and scientific (`1e-05`, `1e+16`) otherwise.
pub fn float_repr(x: f64) -> String {
    laid_out(x, &format!("{:e}", x.abs()))
}

/// `float_repr` with the shortest digits that read back as the same float32, as NumPy
/// prints a `float32`: `0.1` rather than `0.10000000149011612`.
pub fn float32_repr(x: f32) -> String {
    laid_out(f64::from(x), &format!("{:e}", x.abs()))
}

/// `x` written with the digits of `sci`, its magnitude in Rust's shortest scientific form.
fn laid_out(x: f64, sci: &str) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let body = if exp >= 0 {
            let point = exp as usize + 1;
            if digits.len() <= point {
                format!("{digits}{}.0", "0".repeat(point - digits.len()))
            } else {
                format!("{}.{}", &digits[..point], &digits[point..])
            }
        } else {
            format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
        };
        format!("{sign}{body}")
    } else {
        let frac = if digits.len() > 1 { format!(".{}", &digits[1..]) } else { String::new() };
        format!("{sign}{}{frac}e{}{:02}", &digits[..1], if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// Python's `repr(str)`: single quotes unless the text has `'` and no `"`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => write!(out, "\\x{:02x}", c as u32).unwrap_or(()),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// PyTorch's autograd suffixes of a tensor's repr: `grad_fn=<MulBackward0>` for a
/// computed tensor, `requires_grad=True` for a leaf that requires grad.
fn autograd_suffixes(t: &crate::tensor::Tensor) -> Vec<String> {
    match t.grad_fn() {
        Some(node) => vec![format!("grad_fn=<{}>", node.name)],
        None if t.requires_grad() => vec!["requires_grad=True".to_string()],
        None => Vec::new(),
    }
}

/// The pattern inside an einops form's brackets, with `reduce`'s op by name.
fn einops_pattern(f: &super::EinopsFunction) -> String {
    use crate::syntax::ast::ExprKind;
    let pattern = crate::syntax::einops::pattern_text(&f.form);
    match f.form.reduction.as_ref().map(|op| &op.node) {
        None => pattern,
        Some(ExprKind::Name(name)) => format!("{pattern}, {name}"),
        Some(ExprKind::Str(name)) => format!("{pattern}, \"{name}\""),
        Some(_) => format!("{pattern}, <function>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_python_prints_them() {
        let cases = [
            (0.1, "0.1"),
            (1e-5, "1e-05"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (2.5, "2.5"),
            (-3.0, "-3.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (1e300 * 10.0, "1e+301"),
        ];
        for (x, text) in cases {
            assert_eq!(float_repr(x), text, "{x:e}");
        }
    }

    #[test]
    fn float32s_print_as_numpy_prints_them() {
        assert_eq!(float32_repr(0.1), "0.1");
        assert_eq!(float32_repr(1.0 / 3.0), "0.33333334");
        assert_eq!(float32_repr(1e-10), "1e-10");
        assert_eq!(float32_repr(-2.0), "-2.0");
    }

    #[test]
    fn strings_pick_python_quotes() {
        assert_eq!(str_repr("a"), "'a'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("both ' \""), "'both \\' \"'");
        assert_eq!(str_repr("a\nb\x01"), "'a\\nb\\x01'");
    }
}
