//! Python's printf-style string formatting: `"%5.2f %s" % (x, name)`,
//! `"%(name)s" % {"name": n}`. Each conversion is turned into the format spec that
//! writes the same (`%-8.3f` is `<8.3f`), so `%` and `format` share one formatter.

use super::error::{fail, Eval};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::value::dict::HashKey;
use crate::value::format::format_value;
use crate::value::number::float_to_int;
use crate::value::Value;

/// One `%` conversion: its letter, where it stands in the template, and its flags,
/// width and precision.
struct Conversion<'a> {
    code: char,
    at: usize,
    flags: &'a str,
    width: Option<usize>,
    precision: Option<usize>,
}

/// Where the values of the conversions come from.
enum Source<'a> {
    Items { items: Vec<Value>, next: usize },
    Mapping(&'a Value),
}

impl Interpreter {
    /// `template % args`.
    pub(super) fn percent_format(&mut self, template: &str, args: &Value, span: Span) -> Eval<Value> {
        let mut source = match args {
            Value::Tuple(items) => Source::Items { items: items.to_vec(), next: 0 },
            Value::Dict(_) => Source::Mapping(args),
            one => Source::Items { items: vec![one.clone()], next: 0 },
        };
        let chars: Vec<char> = template.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut used_mapping = false;
        while i < chars.len() {
            if chars[i] != '%' {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            i += 1;
            let incomplete = || fail(ErrorKind::ValueError, span, "incomplete format");
            let mut key = None;
            if chars.get(i) == Some(&'(') {
                let close = chars[i..].iter().position(|&c| c == ')').map(|p| i + p);
                let Some(close) = close else {
                    return fail(ErrorKind::ValueError, span, "incomplete format key");
                };
                key = Some(chars[i + 1..close].iter().collect::<String>());
                i = close + 1;
            }
            let mut flags = String::new();
            while let Some(&c) = chars.get(i).filter(|c| "-+ #0".contains(**c)) {
                flags.push(c);
                i += 1;
            }
            let width = self.percent_number(&chars, &mut i, &mut source, span)?;
            let precision = if chars.get(i) == Some(&'.') {
                i += 1;
                Some(self.percent_number(&chars, &mut i, &mut source, span)?.unwrap_or(0))
            } else {
                None
            };
            // Length modifiers (`%ld`) mean nothing in Python either.
            while chars.get(i).is_some_and(|c| "hlL".contains(*c)) {
                i += 1;
            }
            let Some(&code) = chars.get(i) else { return incomplete() };
            i += 1;
            if code == '%' {
                out.push('%');
                continue;
            }
            let value = match &key {
                Some(key) => {
                    used_mapping = true;
                    self.percent_lookup(&source, key, span)?
                }
                None => next_value(&mut source, span)?,
            };
            let conversion = Conversion { code, at: i - 1, flags: &flags, width, precision };
            out.push_str(&self.percent_convert(&value, conversion, span)?);
        }
        match source {
            Source::Items { items, next } if next < items.len() && !used_mapping => {
                fail(ErrorKind::TypeError, span, "not all arguments converted during string formatting")
            }
            _ => Ok(Value::str(&out)),
        }
    }

    /// A width or precision: digits, or `*` taking the next value.
    fn percent_number(
        &mut self,
        chars: &[char],
        i: &mut usize,
        source: &mut Source,
        span: Span,
    ) -> Eval<Option<usize>> {
        if chars.get(*i) == Some(&'*') {
            *i += 1;
            return match next_value(source, span)? {
                Value::Int(n) => Ok(Some(n.max(0) as usize)),
                _ => fail(ErrorKind::TypeError, span, "* wants int"),
            };
        }
        let start = *i;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        // Too many digits saturate: the formatter refuses the size in its own words.
        let digits: String = chars[start..*i].iter().collect();
        Ok((!digits.is_empty()).then(|| digits.parse().unwrap_or(usize::MAX)))
    }

    fn percent_lookup(&mut self, source: &Source, key: &str, span: Span) -> Eval<Value> {
        let Source::Mapping(Value::Dict(d)) = source else {
            return fail(ErrorKind::TypeError, span, "format requires a mapping");
        };
        let found = d.borrow().get(&HashKey::Str(key.into())).cloned();
        match found {
            Some(v) => Ok(v),
            None => fail(ErrorKind::KeyError, span, crate::value::repr::str_repr(key)),
        }
    }

    /// One conversion, written through the format spec that means the same.
    fn percent_convert(&mut self, value: &Value, conversion: Conversion, span: Span) -> Eval<String> {
        let Conversion { code, at, flags, width, precision } = conversion;
        let left = flags.contains('-');
        let mut spec = String::new();
        let numeric = !matches!(code, 's' | 'r' | 'a' | 'c');
        if left {
            spec.push('<');
        } else if !numeric {
            spec.push('>');
        }
        if numeric {
            spec.extend(['+', ' '].into_iter().find(|c| flags.contains(*c)));
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !left {
                spec.push('0');
            }
        }
        if let Some(width) = width {
            spec.push_str(&width.to_string());
        }
        if let Some(precision) = precision {
            spec.push_str(&format!(".{precision}"));
        }
        let number = || -> Eval<Value> {
            match value {
                Value::Int(_) | Value::Float(_) | Value::Bool(_) => Ok(value.clone()),
                Value::Tensor(t) if t.numel() == 1 => Ok(value.clone()),
                other => {
                    let integral = matches!(code, 'x' | 'X' | 'o');
                    let wanted = if integral { "an integer" } else { "a real number" };
                    let message = format!("%{code} format: {wanted} is required, not {}", other.type_name());
                    fail(ErrorKind::TypeError, span, message)
                }
            }
        };
        let (shown, code) = match code {
            's' => (Value::str(&self.str_of(value)?), 's'),
            'r' | 'a' => (Value::str(&self.repr(value)?), 's'),
            'c' => match value {
                Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                    Some(c) => (Value::str(c.encode_utf8(&mut [0; 4])), 's'),
                    None => return fail(ErrorKind::OverflowError, span, "%c arg not in range(0x110000)"),
                },
                Value::Str(s) if s.chars().count() == 1 => (value.clone(), 's'),
                _ => return fail(ErrorKind::TypeError, span, "%c requires an int or a unicode character"),
            },
            'd' | 'i' | 'u' => match number()? {
                Value::Float(x) => match float_to_int(x.trunc()) {
                    Ok(n) => (Value::Int(n), 'd'),
                    Err((kind, message)) => return fail(kind, span, message),
                },
                v => (v, 'd'),
            },
            'x' | 'X' | 'o' => match number()? {
                Value::Float(_) => {
                    let message = format!("%{code} format: an integer is required, not float");
                    return fail(ErrorKind::TypeError, span, message);
                }
                v => (v, code),
            },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => match number()? {
                Value::Int(n) => (Value::Float(n as f64), code),
                Value::Bool(b) => (Value::Float(b as u8 as f64), code),
                v => (v, code),
            },
            other => {
                let message =
                    format!("unsupported format character '{other}' (0x{:x}) at index {at}", other as u32);
                return fail(ErrorKind::ValueError, span, message);
            }
        };
        spec.push(code);
        format_value(&shown, &spec).or_else(|message| fail(ErrorKind::ValueError, span, message))
    }
}

fn next_value(source: &mut Source, span: Span) -> Eval<Value> {
    match source {
        Source::Items { items, next } if *next < items.len() => {
            *next += 1;
            Ok(items[*next - 1].clone())
        }
        Source::Items { .. } => fail(ErrorKind::TypeError, span, "not enough arguments for format string"),
        Source::Mapping(v) => Ok((*v).clone()),
    }
}
