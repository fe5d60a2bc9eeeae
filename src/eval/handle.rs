//! Raising and handling errors: `raise ... from ...`, `try` with typed `catch` clauses
//! and `finally`, as Python's `try`/`except`/`finally`.

use super::call::CallArgs;
use super::env::Env;
use super::error::{fail, Eval, Flow, RuntimeError};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{Block, Expr, Handler};
use crate::syntax::span::Span;
use crate::value::{Class, Value};
use std::rc::Rc;

impl Interpreter {
    pub(super) fn exec_try(
        &mut self,
        body: &Block,
        handlers: &[Handler],
        orelse: Option<&Block>,
        finally: Option<&Block>,
        env: &Rc<Env>,
    ) -> Eval<()> {
        let depth = self.frames.len();
        let outcome = match self.exec_block(body, env) {
            Err(Flow::Error(error)) => {
                self.frames.truncate(depth);
                self.handle(*error, handlers, env)
            }
            // `else` runs when the body ended normally; its errors are not caught here.
            Ok(()) => orelse.map_or(Ok(()), |block| self.exec_block(block, env)),
            other => other,
        };
        // `finally` runs however the rest ended; if it ends early itself, that wins.
        if let Some(block) = finally {
            self.exec_block(block, env)?;
        }
        outcome
    }

    /// Runs the first clause that catches `error`, or raises it on.
    fn handle(&mut self, error: RuntimeError, handlers: &[Handler], env: &Rc<Env>) -> Eval<()> {
        for handler in handlers {
            if !self.catches(handler, &error, env)? {
                continue;
            }
            if let Some(name) = &handler.binding {
                env.assign(name.node, error.value());
            }
            self.handling.push(error);
            let result = self.exec_block(&handler.body, env);
            self.handling.pop();
            return result;
        }
        Err(error.into())
    }

    /// Whether a `catch` clause catches `error`.
    pub(super) fn catches(&mut self, handler: &Handler, error: &RuntimeError, env: &Rc<Env>) -> Eval<bool> {
        match &handler.types {
            // Like Python's `except Exception`: Ctrl-C and `exit()` pass through.
            None => Ok(error.kind.is_a(ErrorKind::Exception)),
            Some(types) => {
                let classes = self.eval(types, env)?;
                Ok(error_classes(&classes, types)?.iter().any(|class| match class {
                    Caught::Kind(kind) => error.kind.is_a(*kind),
                    Caught::Class(class) => {
                        matches!(&error.raised, Some(Value::Instance(i)) if i.class.is_subclass_of(class))
                    }
                }))
            }
        }
    }

    /// The error that `raise`, `raise error` or `raise error from cause` throws.
    pub(super) fn raise(
        &mut self,
        error: Option<&Expr>,
        cause: Option<&Expr>,
        span: Span,
        env: &Rc<Env>,
    ) -> Eval<Flow> {
        let Some(error) = error else {
            return match self.handling.last() {
                Some(current) => Ok(current.clone().into()),
                None => fail(ErrorKind::RuntimeError, span, "No active exception to reraise"),
            };
        };
        let mut value = self.eval(error, env)?;
        // `raise E` for an error class of the program's own raises `E()`.
        if matches!(&value, Value::Class(c) if c.error_kind.is_some()) {
            value = self.call(value, CallArgs::new(vec![], span))?;
        }
        let mut raised = match value {
            Value::Instance(ref instance) if instance.class.error_kind.is_some() => {
                let kind = instance.class.error_kind.unwrap_or(ErrorKind::Exception);
                let mut raised = RuntimeError::new(kind, self.str_of(&value)?, span);
                raised.raised = Some(value.clone());
                raised
            }
            Value::Error(e) => {
                let mut raised = RuntimeError::new(e.kind, e.message.clone(), span);
                raised.cause = e.cause.clone();
                raised
            }
            Value::Builtin(b) if ErrorKind::from_name(b.name).is_some() => {
                RuntimeError::new(ErrorKind::from_name(b.name).unwrap_or(ErrorKind::Exception), "", span)
            }
            Value::Str(s) => RuntimeError::new(ErrorKind::Exception, s.to_string(), span),
            other => {
                return fail(
                    ErrorKind::TypeError,
                    error.span,
                    format!("exceptions must derive from BaseException, not {}", other.type_name()),
                )
            }
        };
        if let Some(cause) = cause {
            let cause_value = self.eval(cause, env)?;
            let described = match &cause_value {
                Value::Error(e) => Some((e.kind.to_string(), e.message.clone())),
                Value::Instance(instance) if instance.class.error_kind.is_some() => {
                    Some((instance.class.name.to_string(), self.str_of(&cause_value)?))
                }
                _ => None,
            };
            match described {
                Some((class, message)) => {
                    let text = if message.is_empty() { String::new() } else { format!(": {message}") };
                    raised = raised.with_help(format!("raised from {class}{text}"));
                    raised.cause = Some(cause_value);
                }
                None if matches!(cause_value, Value::None) => {}
                None => {
                    let other = cause_value;
                    return fail(
                        ErrorKind::TypeError,
                        cause.span,
                        format!("exception causes must derive from BaseException, not {}", other.type_name()),
                    );
                }
            }
        }
        Ok(raised.into())
    }
}

/// A class a `catch` names: one of Python's, or a program's own error class.
enum Caught {
    Kind(ErrorKind),
    Class(Rc<Class>),
}

/// The error classes a `catch` names: one class or a tuple of them.
fn error_classes(value: &Value, expr: &Expr) -> Eval<Vec<Caught>> {
    let one = |v: &Value| match v {
        Value::Builtin(b) => ErrorKind::from_name(b.name).map(Caught::Kind),
        Value::Class(c) if c.error_kind.is_some() => Some(Caught::Class(c.clone())),
        _ => None,
    };
    let classes: Option<Vec<Caught>> = match value {
        Value::Tuple(items) => items.iter().map(one).collect(),
        v => one(v).map(|k| vec![k]),
    };
    classes.map_or_else(
        || {
            fail(
                ErrorKind::TypeError,
                expr.span,
                "catching classes that do not inherit from BaseException is not allowed",
            )
        },
        Ok,
    )
}
