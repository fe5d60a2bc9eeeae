//! Methods of `str`.

use super::{str_arg, text, window};
use crate::builtins::convert::index_of;
use crate::builtins::tensor::args::arg;
use crate::eval::{fail, CallArgs, Eval, Interpreter, RuntimeError};
use crate::exception::ErrorKind;
use crate::value::format::format_value;
use crate::value::Value;
use std::rc::Rc;

pub(super) fn str_upper(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::str(&text(&args).to_uppercase()))
}

pub(super) fn str_lower(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::str(&text(&args).to_lowercase()))
}

/// Which ends `strip` trims.
pub(super) enum Strip {
    Both,
    Start,
    End,
}

pub(super) fn str_strip(ends: Strip, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let chars: Option<Vec<char>> = match args.positional.get(1) {
        None | Some(Value::None) => None,
        Some(_) => Some(str_arg(&args, 1)?.chars().collect()),
    };
    let strip = |c: char| chars.as_ref().map_or(c.is_whitespace(), |set| set.contains(&c));
    let out = match ends {
        Strip::Start => s.trim_start_matches(strip),
        Strip::End => s.trim_end_matches(strip),
        Strip::Both => s.trim_matches(strip),
    };
    Ok(Value::str(out))
}

pub(super) fn str_split(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let sep = arg(&mut args, 1, "sep").unwrap_or(Value::None);
    let limit = match arg(&mut args, 2, "maxsplit") {
        Some(v) => index_of(&v, args.span)?,
        None => -1,
    };
    let limit = if limit < 0 { usize::MAX } else { limit as usize + 1 };
    let pieces = match &sep {
        Value::Str(sep) if !sep.is_empty() => s.matches(&**sep).count() + 1,
        _ => s.split_whitespace().count(),
    };
    interp.check_len(pieces.min(limit), args.span)?;
    let parts: Vec<Value> = match sep {
        Value::None => {
            let mut parts: Vec<&str> = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if parts.len() + 1 == limit {
                    parts.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            parts.into_iter().map(Value::str).collect()
        }
        Value::Str(sep) if sep.is_empty() => {
            return fail(ErrorKind::ValueError, args.span, "empty separator")
        }
        Value::Str(sep) => s.splitn(limit, &*sep).map(Value::str).collect(),
        other => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("must be str or None, not {}", other.type_name()),
            )
        }
    };
    Ok(Value::list(parts))
}

pub(super) fn str_join(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let items = interp.collect(&args.positional[1], args.span)?;
    let sep = text(&args);
    let total = items.iter().map(|v| if let Value::Str(s) = v { s.len() } else { 0 });
    let total = total.fold(sep.len().saturating_mul(items.len().saturating_sub(1)), usize::saturating_add);
    interp.check_len(total, args.span)?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => parts.push(s.to_string()),
            other => {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("sequence item {i}: expected str instance, {} found", other.type_name()),
                )
            }
        }
    }
    Ok(Value::str(&parts.join(&sep)))
}

pub(super) fn str_replace(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let (s, old, new) = (text(&args), str_arg(&args, 1)?, str_arg(&args, 2)?);
    let limit = match args.positional.get(3) {
        Some(v) => index_of(v, args.span)?,
        None => -1,
    };
    let found = if old.is_empty() { s.chars().count() + 1 } else { s.matches(&*old).count() };
    let count = if limit < 0 { found } else { found.min(limit as usize) };
    interp.check_len(s.len().saturating_add(count.saturating_mul(new.len())), args.span)?;
    Ok(Value::str(&s.replacen(&*old, &new, count)))
}

pub(super) fn str_startswith(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    affix_matches(&args, |s, prefix| s.starts_with(prefix))
}

pub(super) fn str_endswith(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    affix_matches(&args, |s, suffix| s.ends_with(suffix))
}

/// `startswith`/`endswith`: the slice `[start:end]` tested against one affix or a tuple
/// of them (tried in order, so an item that is not a string fails only when reached).
fn affix_matches(args: &CallArgs, test: fn(&str, &str) -> bool) -> Eval<Value> {
    let s = text(args);
    let Some((_, slice)) = window(&s, args.positional.get(2), args.positional.get(3), args.span)? else {
        return Ok(Value::Bool(false));
    };
    let name = args.function;
    match &args.positional[1] {
        Value::Str(affix) => Ok(Value::Bool(test(slice, affix))),
        Value::Tuple(affixes) => {
            for affix in affixes.iter() {
                match affix {
                    Value::Str(affix) if test(slice, affix) => return Ok(Value::Bool(true)),
                    Value::Str(_) => {}
                    other => {
                        let message =
                            format!("tuple for {name} must only contain str, not {}", other.type_name());
                        return fail(ErrorKind::TypeError, args.span, message);
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let message =
                format!("{name} first arg must be str or a tuple of str, not {}", other.type_name());
            fail(ErrorKind::TypeError, args.span, message)
        }
    }
}

/// The index of the first occurrence in `[start:end]`, counted from the string's
/// start, or -1.
pub(super) fn str_find(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let needle = str_arg(&args, 1)?;
    let Some((offset, slice)) = window(&s, args.positional.get(2), args.positional.get(3), args.span)? else {
        return Ok(Value::Int(-1));
    };
    let found = slice.find(&*needle).map(|byte| (offset + slice[..byte].chars().count()) as i64);
    Ok(Value::Int(found.unwrap_or(-1)))
}

pub(super) fn str_count(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let needle = str_arg(&args, 1)?;
    let Some((_, slice)) = window(&s, args.positional.get(2), args.positional.get(3), args.span)? else {
        return Ok(Value::Int(0));
    };
    let n = if needle.is_empty() { slice.chars().count() + 1 } else { slice.matches(&*needle).count() };
    Ok(Value::Int(n as i64))
}

/// `ljust` (`align` `<`), `rjust` (`>`), `center` (`^`).
pub(super) fn str_justify(align: char, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let width = index_of(&args.positional[1], args.span)?;
    let fill = match args.positional.get(2) {
        Some(_) => str_arg(&args, 2)?,
        None => Rc::from(" "),
    };
    let mut chars = fill.chars();
    let (Some(fill), None) = (chars.next(), chars.next()) else {
        return fail(
            ErrorKind::TypeError,
            args.span,
            "The fill character must be exactly one character long",
        );
    };
    let spec = format!("{fill}{align}{}", width.max(0));
    format_value(&Value::Str(s), &spec)
        .map(|t| Value::str(&t))
        .map_err(|m| RuntimeError::new(ErrorKind::ValueError, m, args.span).into())
}

/// `"{} is {:.2f}".format(a, b)`, with positional indices and keyword names.
pub(super) fn str_format(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let template = text(&args);
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    let mut next_auto = 1;
    let error =
        |message: &str| -> Eval<Value> { fail(ErrorKind::ValueError, args.span, message.to_string()) };
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return error("Single '}' encountered in format string"),
            '{' => {
                let mut field = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(ch) => field.push(ch),
                        None => return error("expected '}' before end of string"),
                    }
                }
                let (name, spec) = field.split_once(':').unwrap_or((&field, ""));
                let index = if name.is_empty() {
                    next_auto += 1;
                    Some(next_auto - 2)
                } else {
                    name.parse::<usize>().ok()
                };
                let value = match index {
                    Some(i) => args.positional.get(i + 1).cloned(),
                    None => args.keywords.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v.clone()),
                };
                let Some(value) = value else {
                    return match index {
                        Some(i) => {
                            let message =
                                format!("Replacement index {i} out of range for positional args tuple");
                            fail(ErrorKind::IndexError, args.span, message)
                        }
                        None => fail(ErrorKind::KeyError, args.span, crate::value::repr::str_repr(name)),
                    };
                };
                let formatted = if spec.is_empty() {
                    interp.str_of(&value)?
                } else {
                    format_value(&value, spec)
                        .map_err(|m| RuntimeError::new(ErrorKind::ValueError, m, args.span))?
                };
                out.push_str(&formatted);
            }
            c => out.push(c),
        }
    }
    Ok(Value::str(&out))
}
