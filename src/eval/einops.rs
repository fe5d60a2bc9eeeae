//! Evaluating einops forms: `reduce[..., f]` evaluates `f` where the form stands, and
//! calling a form turns its arguments (tensors, lists of tensors, axis lengths) into a
//! call of `crate::einops`, whose failures become errors at the call with the pattern,
//! the input shape and the lengths given.

use super::call::CallArgs;
use super::env::Env;
use super::error::error_at;
use super::error::{fail, Eval, Flow, RuntimeError};
use super::interpreter::Interpreter;
use crate::autograd::ops::shape::stack;
use crate::einops::transform::{transform, Reducer};
use crate::einops::{einsum::einsum, pack, Failure};
use crate::exception::ErrorKind;
use crate::syntax::ast::{EinopsForm, EinopsKind, ExprKind};
use crate::syntax::einops::{pattern_text, REDUCTIONS};
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::tensor::print::torch_size;
use crate::tensor::Tensor;
use crate::value::{EinopsFunction, Value};
use std::rc::Rc;

/// The named reduction of a form, if its op is a reduction's name (or such a string).
fn named_reduction(form: &EinopsForm) -> Option<&'static str> {
    let name = match &form.reduction.as_ref()?.node {
        ExprKind::Name(name) => name.as_str(),
        ExprKind::Str(name) => name,
        _ => return None,
    };
    REDUCTIONS.iter().copied().find(|r| *r == name)
}

impl Interpreter {
    /// The value of an einops form where it stands.
    pub(super) fn einops_function(&mut self, form: &Rc<EinopsForm>, env: &Rc<Env>) -> Eval<Value> {
        let reduction = match &form.reduction {
            Some(op) if named_reduction(form).is_none() => {
                let f = self.eval(op, env)?;
                if !f.is_callable() {
                    let shown = crate::value::repr::repr(&f, self)?;
                    return Err(RuntimeError::new(
                        ErrorKind::EinopsError,
                        format!("Unknown reduction {shown}"),
                        op.span,
                    )
                    .with_help(format!("use one of {} or a function f(tensor, dims)", REDUCTIONS.join(" ")))
                    .into());
                }
                Some(f)
            }
            _ => None,
        };
        Ok(Value::Einops(Rc::new(EinopsFunction { form: form.clone(), reduction })))
    }

    /// `form(args)`.
    pub(super) fn call_einops(&mut self, function: &EinopsFunction, args: CallArgs) -> Eval<Value> {
        let form = &function.form;
        let span = args.span;
        let name = form.kind.name();
        match form.kind {
            EinopsKind::Einsum => {
                refuse_keywords(&args, name)?;
                let tensors = args
                    .positional
                    .iter()
                    .map(|v| tensor_argument(v, name, span))
                    .collect::<Eval<Vec<Tensor>>>()?;
                let result = einsum::<Flow>(form, &tensors);
                let shapes: Vec<String> = tensors.iter().map(|t| torch_size(t.shape())).collect();
                let described = format!("inputs of shapes {}", shapes.join(", "));
                Ok(Value::Tensor(self.einops_result(result, form, &described, "", span)?))
            }
            EinopsKind::Pack => {
                refuse_keywords(&args, name)?;
                let [tensors] = exactly::<1>(&args, name, "a list of tensors")?;
                let tensors = tensor_list(tensors, name, span)?;
                let result = pack::pack::<Flow>(form, &tensors);
                let (packed, shapes) = self.einops_result(result, form, "a list of tensors", "", span)?;
                let shapes = shapes.into_iter().map(|s| Value::Size(s.into())).collect();
                Ok(Value::Tuple(Rc::from([Value::Tensor(packed), Value::list(shapes)])))
            }
            EinopsKind::Unpack => {
                refuse_keywords(&args, name)?;
                let [x, shapes] = exactly::<2>(&args, name, "a tensor and the packed shapes")?;
                let x = tensor_argument(x, name, span)?;
                let shapes = shape_list(shapes, span)?;
                let result = pack::unpack::<Flow>(form, &x, &shapes);
                let described = format!("an input of shape {}", torch_size(x.shape()));
                let pieces = self.einops_result(result, form, &described, "", span)?;
                Ok(Value::list(pieces.into_iter().map(Value::Tensor).collect()))
            }
            _ => {
                let [input] = exactly::<1>(&args, name, "a tensor or a list of tensors")?;
                let (input, described) = match input {
                    Value::List(_) | Value::Tuple(_) => {
                        let tensors = tensor_list(input, name, span)?;
                        (stack(&tensors, 0).map_err(|e| error_at(e, span))?, "a list of tensors".to_string())
                    }
                    other => {
                        let t = tensor_argument(other, name, span)?;
                        let shape = format!("an input of shape {}", torch_size(t.shape()));
                        (t, shape)
                    }
                };
                let lengths = axis_lengths(&args)?;
                let known: Vec<String> = lengths.iter().map(|(n, l)| format!("'{n}': {l}")).collect();
                let known = format!("{{{}}}", known.join(", "));
                let result = match (named_reduction(form), &function.reduction) {
                    (Some(op), _) => transform(form, &input, &lengths, Some(Reducer::Named(op))),
                    (None, Some(f)) => {
                        let mut call = |t: &Tensor, dims: &[usize]| -> Result<Tensor, Flow> {
                            let dims: Vec<Value> = dims.iter().map(|&d| Value::Int(d as i64)).collect();
                            let args = CallArgs::new(
                                vec![Value::Tensor(t.clone()), Value::Tuple(dims.into())],
                                span,
                            );
                            match self.call(f.clone(), args)? {
                                Value::Tensor(t) => Ok(t),
                                other => fail(
                                    ErrorKind::TypeError,
                                    span,
                                    format!(
                                        "the reduction of reduce must return a tensor, not {}",
                                        other.type_name()
                                    ),
                                ),
                            }
                        };
                        transform(form, &input, &lengths, Some(Reducer::Function(&mut call)))
                    }
                    (None, None) => transform::<Flow>(form, &input, &lengths, None),
                };
                Ok(Value::Tensor(self.einops_result(result, form, &described, &known, span)?))
            }
        }
    }

    /// A form's outcome, its failure as an error at the call with einops' context.
    fn einops_result<T>(
        &mut self,
        result: Result<T, Failure<Flow>>,
        form: &EinopsForm,
        input: &str,
        lengths: &str,
        span: Span,
    ) -> Eval<T> {
        let context = || {
            let name = form.kind.name();
            let mut text = format!("while applying {name}[{}] to {input}", pattern_text(form));
            if !lengths.is_empty() {
                text.push_str(&format!(" with axis lengths {lengths}"));
            }
            text
        };
        match result {
            Ok(value) => Ok(value),
            Err(Failure::Pattern(message)) => {
                let kind = if form.kind == EinopsKind::Einsum {
                    ErrorKind::RuntimeError
                } else {
                    ErrorKind::EinopsError
                };
                Err(RuntimeError::new(kind, message, span).with_help(context()).into())
            }
            Err(Failure::Tensor(error)) => Err(error_at(error, span)),
            Err(Failure::Reduction(flow)) => Err(flow),
        }
    }
}

fn refuse_keywords(args: &CallArgs, name: &str) -> Eval<()> {
    match args.keywords.first() {
        Some((keyword, _)) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("{name}[...] takes no keyword argument '{keyword}'"),
        ),
        None => Ok(()),
    }
}

/// The `N` positional arguments of a call that takes exactly that many.
fn exactly<'a, const N: usize>(args: &'a CallArgs, name: &str, what: &str) -> Eval<&'a [Value; N]> {
    args.positional.as_slice().try_into().or_else(|_| {
        fail(
            ErrorKind::TypeError,
            args.span,
            format!("{name}[...] takes {what}, got {} arguments", args.positional.len()),
        )
    })
}

fn tensor_argument(value: &Value, name: &str, span: Span) -> Eval<Tensor> {
    match value {
        Value::Tensor(t) => Ok(t.clone()),
        other => fail(
            ErrorKind::TypeError,
            span,
            format!("{name}[...] expects tensors, got {}", other.type_name()),
        ),
    }
}

/// The items of a list or tuple; anything else is a TypeError saying `expected`.
fn sequence_items(value: &Value, expected: &str, span: Span) -> Eval<Vec<Value>> {
    match value {
        Value::List(items) => Ok(items.borrow().clone()),
        Value::Tuple(items) => Ok(items.to_vec()),
        other => fail(ErrorKind::TypeError, span, format!("{expected}, got {}", other.type_name())),
    }
}

fn tensor_list(value: &Value, name: &str, span: Span) -> Eval<Vec<Tensor>> {
    let items = sequence_items(value, &format!("{name}[...] expects a list of tensors"), span)?;
    if items.is_empty() {
        return fail(ErrorKind::TypeError, span, format!("{name}[...] can't be applied to an empty list"));
    }
    items.iter().map(|v| tensor_argument(v, name, span)).collect()
}

/// `unpack`'s shapes: sizes, tuples or lists of ints (one may hold a -1).
fn shape_list(value: &Value, span: Span) -> Eval<Vec<Vec<i64>>> {
    let items = sequence_items(value, "unpack expects a list of shapes", span)?;
    items
        .iter()
        .map(|item| match item {
            Value::Size(dims) => Ok(dims.iter().map(|&d| d as i64).collect()),
            Value::List(_) | Value::Tuple(_) => {
                let dims = match item {
                    Value::List(v) => v.borrow().clone(),
                    Value::Tuple(v) => v.to_vec(),
                    _ => unreachable!(),
                };
                dims.iter()
                    .map(|d| match d {
                        Value::Int(n) => Ok(*n),
                        other => fail(
                            ErrorKind::TypeError,
                            span,
                            format!("a shape holds ints, not {}", other.type_name()),
                        ),
                    })
                    .collect()
            }
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("a shape is a tuple of ints, not {}", other.type_name()),
            ),
        })
        .collect()
}

/// The axis lengths given as keyword arguments.
fn axis_lengths(args: &CallArgs) -> Eval<Vec<(Symbol, usize)>> {
    args.keywords
        .iter()
        .map(|(name, value)| match value {
            Value::Int(n) if *n >= 0 => Ok((*name, *n as usize)),
            Value::Int(n) => {
                fail(ErrorKind::ValueError, args.span, format!("axis {name} has a negative length {n}"))
            }
            other => fail(
                ErrorKind::TypeError,
                args.span,
                format!("the length of axis {name} must be an int, not {}", other.type_name()),
            ),
        })
        .collect()
}
