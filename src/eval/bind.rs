//! Binding a call's arguments to a builtin's declared signature, with CPython's
//! `TypeError`s, and the messages that user functions' binding shares.

use super::call::CallArgs;
use super::error::{fail, Eval, RuntimeError};
use crate::exception::ErrorKind;
use crate::value::signature::{Param, ParamKind, Signature};
use crate::value::Value;

/// `f() takes 2 positional arguments but 3 were given`, as CPython words it.
pub fn too_many_positional(function: &str, min: usize, max: usize, given: usize) -> String {
    let takes = if min == max { max.to_string() } else { format!("from {min} to {max}") };
    let s = if max == 1 && min == max { "" } else { "s" };
    let were = if given == 1 { "was" } else { "were" };
    format!("{function}() takes {takes} positional argument{s} but {given} {were} given")
}

/// `f() missing 2 required positional arguments: 'a' and 'b'`.
pub fn missing_arguments(function: &str, names: &[&str], keyword_only: bool) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let kind = if keyword_only { "keyword-only" } else { "positional" };
    let s = if names.len() == 1 { "" } else { "s" };
    format!("{function}() missing {} required {kind} argument{s}: {list}", names.len())
}

/// `f() got an unexpected keyword argument 'k'`, with the parameters as help.
pub fn unexpected_keyword(
    function: &str,
    keyword: &str,
    params: &[&str],
    span: crate::syntax::span::Span,
) -> RuntimeError {
    let message = format!("{function}() got an unexpected keyword argument '{keyword}'");
    let error = RuntimeError::new(ErrorKind::TypeError, message, span);
    if params.is_empty() {
        error.with_help(format!("{function}() takes no keyword arguments"))
    } else {
        error.with_help(format!("its parameters are: {}", params.join(", ")))
    }
}

/// Checks `args` against `signature` and returns them in the form builtins read: each
/// parameter given by position, in order, up to the first one left out; the rest, under
/// their declared names (an alias such as `axis=` becomes `dim=`), as keywords. For a
/// method call (`args.bound`) the receiver goes to the signature's receiver parameter.
pub fn bind_builtin(signature: &Signature, args: CallArgs) -> Eval<CallArgs> {
    let args = bind_to_params(signature, args)?;
    check_annotations(signature, &args)?;
    Ok(args)
}

/// `bind_builtin` without the checks of declared types.
pub fn bind_to_params(signature: &Signature, mut args: CallArgs) -> Eval<CallArgs> {
    let given = args.positional.len();
    let receiver_first = !args.bound || signature.receiver == 0;
    if args.keywords.is_empty()
        && receiver_first
        && !signature.required_keyword_only
        && given >= signature.required_positional
        && (given <= signature.positional || signature.varargs.is_some())
    {
        return Ok(args);
    }
    if receiver_first
        && given <= signature.positional
        && signature.params.len() < 64
        && keywords_in_place(signature, &mut args)
    {
        return Ok(args);
    }
    let function = args.function;
    let params = &signature.params;
    let mut slots: Vec<Option<Value>> = vec![None; params.len()];
    let mut extra = Vec::new();
    let mut positional = std::mem::take(&mut args.positional).into_iter();
    if args.bound {
        match params.get(signature.receiver) {
            Some(param) if param.positional() => slots[signature.receiver] = positional.next(),
            _ => extra.extend(positional.next()),
        }
    }
    let mut next = 0;
    for value in positional {
        while next < params.len() && params[next].positional() && slots[next].is_some() {
            next += 1;
        }
        if next < params.len() && params[next].positional() {
            slots[next] = Some(value);
        } else if signature.varargs.is_some() {
            extra.push(value);
        } else {
            let receiver = usize::from(args.bound);
            let (min, max) = (
                signature.required_positional.saturating_sub(receiver),
                signature.positional.saturating_sub(receiver),
            );
            return fail(
                ErrorKind::TypeError,
                args.span,
                too_many_positional(function, min, max, given.saturating_sub(receiver)),
            );
        }
    }
    let mut keywords = Vec::new();
    for (key, value) in std::mem::take(&mut args.keywords) {
        // PyTorch's methods have no `out=`: only the function forms write into one.
        let found = signature.keyword(key).filter(|&i| !(args.bound && params[i].name == "out"));
        match found {
            Some(i) if slots[i].is_some() => {
                let name = params[i].name;
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("{function}() got multiple values for argument '{name}'"),
                );
            }
            Some(i) => slots[i] = Some(value),
            None => {
                let varargs_by_name = signature.varargs.is_some_and(|v| params[v].symbol == key);
                let var_keywords = params.iter().any(|p| p.kind == ParamKind::VarKeywords);
                if (varargs_by_name && extra.is_empty()) || var_keywords {
                    keywords.push((key, value));
                } else if params.iter().any(|p| p.kind == ParamKind::PositionalOnly && p.symbol == key) {
                    let message =
                        format!("{function}() got some positional-only arguments passed as keyword arguments: '{key}'");
                    return fail(ErrorKind::TypeError, args.span, message);
                } else {
                    let names: Vec<&str> = params
                        .iter()
                        .filter(|p| p.kind != ParamKind::PositionalOnly)
                        .map(|p| p.name)
                        .collect();
                    return Err(unexpected_keyword(function, key.as_str(), &names, args.span).into());
                }
            }
        }
    }
    let missing: Vec<&Param> =
        params.iter().zip(&slots).filter(|(p, s)| p.required() && s.is_none()).map(|(p, _)| p).collect();
    if !missing.is_empty() {
        let keyword_only = missing.iter().all(|p| p.kind == ParamKind::KeywordOnly);
        let names: Vec<&str> = missing.iter().map(|p| p.name).collect();
        return fail(ErrorKind::TypeError, args.span, missing_arguments(function, &names, keyword_only));
    }
    let mut in_order = true;
    let mut named = Vec::new();
    for (param, slot) in params.iter().zip(slots) {
        match slot {
            Some(value) if in_order && param.positional() => args.positional.push(value),
            Some(value) => named.push((param.symbol, value)),
            None if param.positional() => in_order = false,
            None => {}
        }
    }
    args.positional.extend(extra);
    named.extend(keywords);
    args.keywords = named;
    Ok(args)
}

/// The common call with keywords (`x.sum(dim=0)`): positional arguments that fit,
/// keywords that each name a parameter not given yet, every required one given. Binds
/// it without building slots and returns true; false (with `args` untouched) for a call
/// the general path must bind or refuse.
fn keywords_in_place(signature: &Signature, args: &mut CallArgs) -> bool {
    let params = &signature.params;
    let mut filled: u64 = (1u64 << args.positional.len()) - 1;
    let mut targets = [0usize; 8];
    if args.keywords.len() > targets.len() {
        return false;
    }
    for (n, (key, _)) in args.keywords.iter().enumerate() {
        let Some(i) = signature.keyword(*key) else { return false };
        if args.bound && params[i].name == "out" {
            return false;
        }
        if filled & (1 << i) != 0 {
            return false;
        }
        filled |= 1 << i;
        targets[n] = i;
    }
    if params.iter().enumerate().any(|(i, p)| p.required() && filled & (1 << i) == 0) {
        return false;
    }
    for (n, (key, _)) in args.keywords.iter_mut().enumerate() {
        *key = params[targets[n]].symbol;
    }
    // Keywords that continue the positional run become positional, as the general
    // path leaves them.
    while let Some(n) = args.keywords.iter().position(|(key, _)| {
        params.get(args.positional.len()).is_some_and(|p| p.positional() && p.symbol == *key)
    }) {
        let (_, value) = args.keywords.remove(n);
        args.positional.push(value);
    }
    true
}

/// The declared types of the parameters given by position (`input: Tensor`), with
/// PyTorch's message: `sum(): argument 'input' (position 1) must be Tensor, not int`.
fn check_annotations(signature: &Signature, args: &CallArgs) -> Eval<()> {
    for (i, (param, value)) in signature.params.iter().zip(&args.positional).enumerate() {
        let Some(annotation) = param.annotation else { continue };
        if param.kind == ParamKind::VarArgs || accepts(annotation, value) != Some(false) {
            continue;
        }
        let shown = if args.bound && i > 0 { i } else { i + 1 };
        let message = format!(
            "{}(): argument '{}' (position {shown}) must be {annotation}, not {}",
            args.function,
            param.name,
            value.type_name()
        );
        return fail(ErrorKind::TypeError, args.span, message);
    }
    for (key, value) in &args.keywords {
        let Some(param) = signature.params.iter().find(|p| p.symbol == *key) else { continue };
        let Some(annotation) = param.annotation else { continue };
        if accepts(annotation, value) == Some(false) {
            let message = format!(
                "{}(): argument '{}' must be {annotation}, not {}",
                args.function,
                param.name,
                value.type_name()
            );
            return fail(ErrorKind::TypeError, args.span, message);
        }
    }
    Ok(())
}

/// Whether a value is of a declared type; `None` for a type the binder does not check.
pub fn accepts(annotation: &str, value: &Value) -> Option<bool> {
    Some(match annotation {
        "Tensor" => matches!(value, Value::Tensor(_)),
        "int" => matches!(value, Value::Int(_) | Value::Bool(_)),
        "float" => matches!(value, Value::Int(_) | Value::Float(_) | Value::Bool(_)),
        "bool" => matches!(value, Value::Bool(_)),
        "str" => matches!(value, Value::Str(_)),
        "dtype" => matches!(value, Value::DType(_)),
        _ => return None,
    })
}
