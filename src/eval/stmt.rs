//! Executing statements and assigning to targets.

use super::call::CallArgs;
use super::env::Env;
use super::error::{fail, guarded, Eval, Flow, RuntimeError};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{Block, ClassDef, Stmt, StmtKind, Target};
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::{Class, ErrorValue, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

impl Interpreter {
    pub(super) fn exec_block(&mut self, block: &Block, env: &Rc<Env>) -> Eval<()> {
        for stmt in &block.stmts {
            self.exec(stmt, env)?;
        }
        Ok(())
    }

    pub fn exec(&mut self, stmt: &Stmt, env: &Rc<Env>) -> Eval<()> {
        self.step(stmt.span)?;
        match &stmt.node {
            StmtKind::Expr(expr) => {
                self.eval(expr, env)?;
            }
            StmtKind::Assign { targets, value } => {
                let value = self.eval(value, env)?;
                for target in targets {
                    self.assign(target, value.clone(), env)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value, env)?,
            StmtKind::FnDef(def) => {
                let function = self.make_function(def, env)?;
                env.set(def.name, function);
            }
            StmtKind::ClassDef(def) => {
                let class = self.make_class(def, env)?;
                env.set(def.name.node, class);
            }
            StmtKind::Return(value) => {
                let value = match value {
                    Some(e) => self.eval(e, env)?,
                    None => Value::None,
                };
                return Err(Flow::Return(value));
            }
            StmtKind::Break => return Err(Flow::Break),
            StmtKind::Continue => return Err(Flow::Continue),
            StmtKind::While { cond, body } => {
                while self.condition(cond, env)? {
                    self.step(stmt.span)?;
                    match self.exec_block(body, env) {
                        Ok(()) | Err(Flow::Continue) => {}
                        Err(Flow::Break) => break,
                        Err(other) => return Err(other),
                    }
                }
            }
            StmtKind::For { target, iter, body } => {
                let iterable = self.eval(iter, env)?;
                let mut items = self.iterate(&iterable, iter.span)?;
                for item in items.by_ref() {
                    self.step(stmt.span)?;
                    self.assign(target, item, env)?;
                    match self.exec_block(body, env) {
                        Ok(()) | Err(Flow::Continue) => {}
                        Err(Flow::Break) => break,
                        Err(other) => return Err(other),
                    }
                }
            }
            StmtKind::Try { body, binding, handler } => {
                let depth = self.frames.len();
                match self.exec_block(body, env) {
                    // Like Python's `except Exception`, `catch` lets Ctrl-C through.
                    Err(Flow::Error(error)) if error.kind != ErrorKind::KeyboardInterrupt => {
                        self.frames.truncate(depth);
                        if let Some(name) = binding {
                            let value = ErrorValue { kind: error.kind, message: error.message.clone() };
                            env.set(name.node, Value::Error(Rc::new(value)));
                        }
                        self.exec_block(handler, env)?;
                    }
                    other => other?,
                }
            }
            StmtKind::Raise(expr) => {
                let value = self.eval(expr, env)?;
                return Err(self.raised(value, stmt.span)?.into());
            }
            StmtKind::Assert { cond, message } => {
                if !self.condition(cond, env)? {
                    let text = match message {
                        Some(m) => {
                            let m = self.eval(m, env)?;
                            self.str_of(&m)?
                        }
                        None => "assertion failed".to_string(),
                    };
                    return fail(ErrorKind::AssertionError, cond.span, text);
                }
            }
            StmtKind::With { context, binding, body } => {
                let manager = self.eval(context, env)?;
                let enter = self.get_attr(&manager, Symbol::intern("enter"), context.span)?;
                let entered = self.call(enter, CallArgs::new(vec![], context.span))?;
                if let Some(name) = binding {
                    env.set(name.node, entered);
                }
                let result = self.exec_block(body, env);
                // `exit` runs however the block ends; an error in the block wins.
                let exit = self.get_attr(&manager, Symbol::intern("exit"), context.span)?;
                let exited = self.call(exit, CallArgs::new(vec![], context.span));
                result?;
                exited?;
            }
            StmtKind::Import { path, alias } => {
                let module = self.import(&path.node, path.span)?;
                env.set(alias.node, Value::Module(module));
            }
        }
        Ok(())
    }

    /// The error that `raise value` throws.
    fn raised(&mut self, value: Value, span: Span) -> Eval<RuntimeError> {
        match value {
            Value::Error(e) => Ok(RuntimeError::new(e.kind, e.message.clone(), span)),
            Value::Str(s) => Ok(RuntimeError::new(ErrorKind::Exception, s.to_string(), span)),
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("can only raise an error or a string, not {}", other.type_name()),
            ),
        }
    }

    pub(super) fn assign(&mut self, target: &Target, value: Value, env: &Rc<Env>) -> Eval<()> {
        match target {
            Target::Name(name) => env.set(name.node, value),
            Target::Attr { target, name } => {
                let object = self.eval(target, env)?;
                self.set_attr(&object, name.node, value, name.span)?;
            }
            Target::Index { target, items, span } => {
                let object = self.eval(target, env)?;
                let subscripts = self.eval_subscripts(items, env)?;
                guarded(*span, || self.set_item(&object, &subscripts, value, *span))?;
            }
            Target::Tuple(targets, span) => {
                let items = self.collect(&value, *span)?;
                if items.len() != targets.len() {
                    let message = if items.len() < targets.len() {
                        format!(
                            "not enough values to unpack (expected {}, got {})",
                            targets.len(),
                            items.len()
                        )
                    } else {
                        format!("too many values to unpack (expected {})", targets.len())
                    };
                    return fail(ErrorKind::ValueError, *span, message);
                }
                for (target, item) in targets.iter().zip(items) {
                    self.assign(target, item, env)?;
                }
            }
        }
        Ok(())
    }

    /// `x op= value`: the target is evaluated once; lists (and later tensors) change in place.
    fn aug_assign(
        &mut self,
        target: &Target,
        op: crate::syntax::ast::BinOp,
        value: &crate::syntax::ast::Expr,
        env: &Rc<Env>,
    ) -> Eval<()> {
        let span = target.span().to(value.span);
        match target {
            Target::Name(name) => {
                let Some(current) = self.lookup(name.node, env)? else {
                    return fail(
                        ErrorKind::NameError,
                        name.span,
                        format!("name '{}' is not defined", name.node),
                    );
                };
                let rhs = self.eval(value, env)?;
                let result = guarded(span, || self.binary_in_place(op, current, rhs, span))?;
                env.set(name.node, result);
            }
            Target::Attr { target, name } => {
                let object = self.eval(target, env)?;
                let current = self.get_attr(&object, name.node, name.span)?;
                let rhs = self.eval(value, env)?;
                let result = guarded(span, || self.binary_in_place(op, current, rhs, span))?;
                self.set_attr(&object, name.node, result, name.span)?;
            }
            Target::Index { target, items, span: index_span } => {
                let object = self.eval(target, env)?;
                let subscripts = self.eval_subscripts(items, env)?;
                let current = guarded(*index_span, || self.get_item(&object, &subscripts, *index_span))?;
                let rhs = self.eval(value, env)?;
                let result = guarded(span, || self.binary_in_place(op, current, rhs, span))?;
                guarded(*index_span, || self.set_item(&object, &subscripts, result, *index_span))?;
            }
            Target::Tuple(_, span) => {
                return fail(ErrorKind::SyntaxError, *span, "augmented assignment needs a single target");
            }
        }
        Ok(())
    }

    fn make_class(&mut self, def: &ClassDef, env: &Rc<Env>) -> Eval<Value> {
        let base = match &def.base {
            Some(expr) => match self.eval(expr, env)? {
                Value::Class(c) => Some(c),
                other => {
                    return fail(
                        ErrorKind::TypeError,
                        expr.span,
                        format!("a class can only derive from a class, not {}", other.type_name()),
                    )
                }
            },
            None => None,
        };
        let mut members = IndexMap::new();
        for (name, value) in &def.attributes {
            members.insert(name.node, self.eval(value, env)?);
        }
        for method in &def.methods {
            members.insert(method.name, self.make_function(method, env)?);
        }
        Ok(Value::Class(Rc::new(Class {
            name: def.name.node,
            doc: def.doc.as_deref().map(Rc::from),
            base,
            members: RefCell::new(members),
        })))
    }
}
