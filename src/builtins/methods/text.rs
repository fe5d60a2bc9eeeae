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

pub(super) fn str_split(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    split(interp, args, false)
}

/// `rsplit`: `split` counting `maxsplit` from the right, as Python's does.
pub(super) fn str_rsplit(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    split(interp, args, true)
}

fn split(interp: &mut Interpreter, mut args: CallArgs, from_right: bool) -> Eval<Value> {
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
    let mut parts: Vec<&str> = match sep {
        Value::None => {
            let mut parts: Vec<&str> = Vec::new();
            let mut rest = if from_right { s.trim_end() } else { s.trim_start() };
            while !rest.is_empty() {
                if parts.len() + 1 == limit {
                    parts.push(rest);
                    break;
                }
                if from_right {
                    let start = rest
                        .rfind(char::is_whitespace)
                        .map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
                    parts.push(&rest[start..]);
                    rest = rest[..start].trim_end();
                } else {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    parts.push(&rest[..end]);
                    rest = rest[end..].trim_start();
                }
            }
            parts
        }
        Value::Str(sep) if sep.is_empty() => {
            return fail(ErrorKind::ValueError, args.span, "empty separator")
        }
        Value::Str(sep) if from_right => s.rsplitn(limit, &*sep).collect(),
        Value::Str(sep) => s.splitn(limit, &*sep).collect(),
        other => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("must be str or None, not {}", other.type_name()),
            )
        }
    };
    if from_right {
        parts.reverse();
    }
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
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

/// `zfill`: zeros after a leading sign, up to `width` characters.
pub(super) fn str_zfill(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let width = index_of(&args.positional[1], args.span)?.max(0) as usize;
    let len = s.chars().count();
    if len >= width {
        return Ok(Value::Str(s));
    }
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), &*s),
    };
    Ok(Value::str(&format!("{sign}{}{digits}", "0".repeat(width - len))))
}

/// Python's `title`: a letter after a non-letter starts a word (so `"they're"` gives
/// `"They'Re"`, as in Python).
pub(super) fn str_title(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut out = String::new();
    let mut after_letter = false;
    for c in text(&args).chars() {
        if after_letter {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        after_letter = c.is_alphabetic();
    }
    Ok(Value::str(&out))
}

pub(super) fn str_capitalize(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let mut chars = s.chars();
    let out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    };
    Ok(Value::str(&out))
}

pub(super) fn str_swapcase(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let out: String = text(&args)
        .chars()
        .flat_map(|c| -> Vec<char> {
            if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    Ok(Value::str(&out))
}

pub(super) fn str_casefold(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    // Unicode's full case folding differs from lower-casing for a few letters (ß → ss).
    Ok(Value::str(&text(&args).to_lowercase().replace('ß', "ss")))
}

/// The character tests (`isdigit`, `isalpha`, ...): true when the string is not empty
/// and every character passes.
pub(super) fn str_is(test: fn(char) -> bool, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(test)))
}

/// `isupper`/`islower`: some cased character, and none of the other case.
pub(super) fn str_is_case(upper: bool, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let cased = s.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let wrong = s.chars().any(|c| if upper { c.is_lowercase() } else { c.is_uppercase() });
    Ok(Value::Bool(cased && !wrong))
}

/// `partition` (from the first `sep`) and `rpartition` (from the last).
pub(super) fn str_partition(last: bool, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let sep = str_arg(&args, 1)?;
    if sep.is_empty() {
        return fail(ErrorKind::ValueError, args.span, "empty separator");
    }
    let found = if last { s.rfind(&*sep) } else { s.find(&*sep) };
    let parts = match found {
        Some(at) => [&s[..at], &*sep, &s[at + sep.len()..]],
        None if last => ["", "", &*s],
        None => [&*s, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

/// `splitlines(keepends=False)` at Python's line boundaries.
pub(super) fn str_splitlines(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let keep = arg(&mut args, 1, "keepends").is_some_and(|v| v.truthy());
    let s = text(&args);
    let is_break = |c: char| {
        matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(Value::str(&s[start..if keep { end } else { i }]));
        start = end;
    }
    if start < s.len() {
        lines.push(Value::str(&s[start..]));
    }
    Ok(Value::list(lines))
}

/// `expandtabs(tabsize=8)`: each tab to the next multiple of `tabsize` columns, counted
/// from the last line break.
pub(super) fn str_expandtabs(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let size = match arg(&mut args, 1, "tabsize") {
        Some(v) => index_of(&v, args.span)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut column = 0;
    for c in text(&args).chars() {
        match c {
            '\t' if size > 0 => {
                let pad = size - column % size;
                interp.check_len(out.len().saturating_add(pad), args.span)?;
                out.push_str(&" ".repeat(pad));
                column += pad;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(Value::str(&out))
}

/// `removeprefix` / `removesuffix`.
pub(super) fn str_remove_affix(prefix: bool, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let affix = str_arg(&args, 1)?;
    let out = if prefix { s.strip_prefix(&*affix) } else { s.strip_suffix(&*affix) };
    Ok(out.map_or(Value::Str(s.clone()), Value::str))
}

/// `rfind`: the index of the last occurrence in `[start:end]`, or -1.
pub(super) fn str_rfind(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let s = text(&args);
    let needle = str_arg(&args, 1)?;
    let Some((offset, slice)) = window(&s, args.positional.get(2), args.positional.get(3), args.span)? else {
        return Ok(Value::Int(-1));
    };
    let found = slice.rfind(&*needle).map(|byte| (offset + slice[..byte].chars().count()) as i64);
    Ok(Value::Int(found.unwrap_or(-1)))
}

/// `index` / `rindex`: `find` / `rfind` that raise instead of giving -1.
pub(super) fn str_index(last: bool, interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let span = args.span;
    let found = if last { str_rfind(interp, args)? } else { str_find(interp, args)? };
    match found {
        Value::Int(-1) => fail(ErrorKind::ValueError, span, "substring not found"),
        found => Ok(found),
    }
}
