//! Evaluating expressions.

use super::call::CallArgs;
use super::env::Env;
use super::error::{fail, guarded, Eval, RuntimeError};
use super::index::Subscript;
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{
    Arg, Block, CompClause, Expr, ExprKind, FStringPart, FunctionDef, IndexItem, StmtKind,
};
use crate::syntax::span::Span;
use crate::value::format::format_value;
use crate::value::{Dict, Function, Value};
use std::rc::Rc;

/// Stack kept free before evaluating a nested expression; more is allocated on the heap
/// when a deeply nested tree would overflow it.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 4 * 1024 * 1024;

impl Interpreter {
    pub fn eval(&mut self, expr: &Expr, env: &Rc<Env>) -> Eval<Value> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROWTH, || self.eval_kind(expr, env))
    }

    fn eval_kind(&mut self, expr: &Expr, env: &Rc<Env>) -> Eval<Value> {
        let span = expr.span;
        Ok(match &expr.node {
            ExprKind::None => Value::None,
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::Float(x) => Value::Float(*x),
            ExprKind::Str(s) => Value::Str(s.clone()),
            ExprKind::FString(parts) => Value::str(&guarded(span, || self.fstring(parts, env))?),
            ExprKind::Ellipsis => {
                return fail(
                    ErrorKind::SyntaxError,
                    span,
                    "`...` is only meaningful inside an index such as `x[..., 0]`",
                )
            }
            ExprKind::Name(name) => match self.lookup(*name, env, span)? {
                Some(v) => v,
                None => return Err(self.name_error(name.as_str(), env, span).into()),
            },
            ExprKind::List(items) => Value::list(self.eval_display(items, env)?),
            ExprKind::Tuple(items) => Value::tuple(self.eval_display(items, env)?),
            ExprKind::Starred(_) => {
                return fail(ErrorKind::SyntaxError, span, "can't use starred expression here")
            }
            ExprKind::Conditional { then, cond, otherwise } => {
                if self.condition(cond, env)? {
                    self.eval(then, env)?
                } else {
                    self.eval(otherwise, env)?
                }
            }
            ExprKind::Dict(entries) => {
                let mut dict = Dict::new();
                for (k, v) in entries {
                    let Some(k) = k else {
                        let mapping = self.eval(v, env)?;
                        let Value::Dict(mapping) = mapping else {
                            let message = format!("'{}' object is not a mapping", mapping.type_name());
                            return fail(ErrorKind::TypeError, v.span, message);
                        };
                        for (hash, key, value) in mapping.borrow().entries() {
                            dict.insert(hash.clone(), key.clone(), value.clone());
                        }
                        continue;
                    };
                    let key = self.eval(k, env)?;
                    let value = self.eval(v, env)?;
                    let hash = self.hash_key(&key, k.span)?;
                    dict.insert(hash, key, value);
                }
                Value::Dict(Rc::new(dict.into()))
            }
            ExprKind::Set(items) => {
                let items = self.eval_display(items, env)?;
                self.set_of(items, span)?
            }
            ExprKind::SetComp { element, clauses } => {
                let items = self.comprehension_items(element, clauses, env, span)?;
                self.set_of(items, span)?
            }
            ExprKind::ListComp { element, clauses } => {
                Value::list(self.comprehension_items(element, clauses, env, span)?)
            }
            ExprKind::DictComp { key, value, clauses } => {
                let scope = Env::new(Some(env.clone()));
                let mut dict = Dict::new();
                self.comprehension(clauses, &scope, &mut |interp, scope| {
                    let k = interp.eval(key, scope)?;
                    let v = interp.eval(value, scope)?;
                    dict.insert(interp.hash_key(&k, key.span)?, k, v);
                    Ok(())
                })?;
                Value::Dict(Rc::new(dict.into()))
            }
            ExprKind::Unary { op, operand } => {
                let v = self.eval(operand, env)?;
                guarded(span, || self.unary_op(*op, v, span))?
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let a = self.eval(lhs, env)?;
                let b = self.eval(rhs, env)?;
                guarded(span, || self.binary_op(*op, a, b, span))?
            }
            ExprKind::Compare { first, rest } => {
                let mut left = self.eval(first, env)?;
                let mut result = Value::Bool(true);
                for (op, rhs) in rest {
                    let right = self.eval(rhs, env)?;
                    result = guarded(span, || self.compare(*op, &left, &right, span))?;
                    if rest.len() > 1 && !self.truth(&result, span)? {
                        return Ok(result);
                    }
                    left = right;
                }
                result
            }
            ExprKind::And(a, b) => {
                let left = self.eval(a, env)?;
                if !self.truth(&left, span)? {
                    left
                } else {
                    self.eval(b, env)?
                }
            }
            ExprKind::Or(a, b) => {
                let left = self.eval(a, env)?;
                if self.truth(&left, span)? {
                    left
                } else {
                    self.eval(b, env)?
                }
            }
            ExprKind::Not(e) => {
                let v = self.eval(e, env)?;
                Value::Bool(!self.truth(&v, span)?)
            }
            ExprKind::Call { callee, args } => {
                let function = self.eval(callee, env)?;
                let args = self.eval_args(args, env, span)?;
                self.call(function, args)?
            }
            ExprKind::Index { target, items } => {
                let target = self.eval(target, env)?;
                let subscripts = self.eval_subscripts(items, env)?;
                guarded(span, || self.get_item(&target, &subscripts, span))?
            }
            ExprKind::Attr { target, name } => {
                let target = self.eval(target, env)?;
                self.get_attr(&target, name.node, name.span)?
            }
            ExprKind::If { cond, then, otherwise } => {
                if self.condition(cond, env)? {
                    self.eval_block(then, env)?
                } else if let Some(otherwise) = otherwise {
                    self.eval(otherwise, env)?
                } else {
                    Value::None
                }
            }
            ExprKind::Block(block) => self.eval_block(block, env)?,
            ExprKind::Lambda(def) => self.make_function(def, env)?,
            ExprKind::Einops(form) => guarded(span, || self.einops_function(form, env))?,
        })
    }

    /// A condition's truth value (`if`, `while`, `assert`, comprehension filters).
    pub(super) fn condition(&mut self, cond: &Expr, env: &Rc<Env>) -> Eval<bool> {
        let value = self.eval(cond, env)?;
        self.truth(&value, cond.span)
    }

    /// A set of `items` (each must be hashable).
    pub fn set_of(&mut self, items: Vec<Value>, span: Span) -> Eval<Value> {
        self.set_from(items, false, span).map(Value::set)
    }

    pub fn set_from(&mut self, items: Vec<Value>, frozen: bool, span: Span) -> Eval<crate::value::set::Set> {
        let mut set = crate::value::set::Set::new(frozen);
        for item in items {
            set.insert(self.hash_key(&item, span)?, item);
        }
        Ok(set)
    }

    /// The items of a list or tuple display, with `*xs` spliced in.
    fn eval_display(&mut self, exprs: &[Expr], env: &Rc<Env>) -> Eval<Vec<Value>> {
        let mut items = Vec::with_capacity(exprs.len());
        for expr in exprs {
            match &expr.node {
                ExprKind::Starred(inner) => {
                    let spliced = self.eval(inner, env)?;
                    items.extend(self.collect(&spliced, inner.span)?);
                    self.check_len(items.len(), expr.span)?;
                }
                _ => items.push(self.eval(expr, env)?),
            }
        }
        Ok(items)
    }

    /// Runs a block; its value is that of its last statement if that is an expression.
    pub(super) fn eval_block(&mut self, block: &Block, env: &Rc<Env>) -> Eval<Value> {
        let Some((last, init)) = block.stmts.split_last() else {
            return Ok(Value::None);
        };
        for stmt in init {
            self.exec(stmt, env)?;
        }
        match &last.node {
            StmtKind::Expr(expr) => {
                self.step(last.span)?;
                self.eval(expr, env)
            }
            _ => {
                self.exec(last, env)?;
                Ok(Value::None)
            }
        }
    }

    /// A function value closing over `env`; defaults are evaluated now, once.
    pub(super) fn make_function(&mut self, def: &Rc<FunctionDef>, env: &Rc<Env>) -> Eval<Value> {
        let mut defaults = Vec::with_capacity(def.params.len());
        for param in &def.params {
            defaults.push(match &param.default {
                Some(e) => Some(self.eval(e, env)?),
                None => None,
            });
        }
        let attributes = Default::default();
        Ok(Value::Function(Rc::new(Function { def: def.clone(), env: env.clone(), defaults, attributes })))
    }

    /// Applies `@decorators` (written outermost first) to a new function or class.
    pub(super) fn decorate(&mut self, value: Value, decorators: &[Expr], env: &Rc<Env>) -> Eval<Value> {
        let mut value = value;
        for decorator in decorators.iter().rev() {
            let function = self.eval(decorator, env)?;
            value = self.call(function, CallArgs::new(vec![value], decorator.span))?;
        }
        Ok(value)
    }

    /// The elements a list or set comprehension makes, in its own scope.
    fn comprehension_items(
        &mut self,
        element: &Expr,
        clauses: &[CompClause],
        env: &Rc<Env>,
        span: Span,
    ) -> Eval<Vec<Value>> {
        let scope = Env::new(Some(env.clone()));
        let mut items = Vec::new();
        self.comprehension(clauses, &scope, &mut |interp, scope| {
            items.push(interp.eval(element, scope)?);
            interp.check_len(items.len(), span)
        })?;
        Ok(items)
    }

    fn comprehension(
        &mut self,
        clauses: &[CompClause],
        scope: &Rc<Env>,
        emit: &mut dyn FnMut(&mut Interpreter, &Rc<Env>) -> Eval<()>,
    ) -> Eval<()> {
        let Some((clause, rest)) = clauses.split_first() else {
            return emit(self, scope);
        };
        let iterable = self.eval(&clause.iter, scope)?;
        let mut items = self.iterate(&iterable, clause.iter.span)?;
        'items: while let Some(item) = self.next_item(&mut items, clause.iter.span)? {
            self.step(clause.iter.span)?;
            self.assign(&clause.target, item, scope)?;
            for cond in &clause.conditions {
                if !self.condition(cond, scope)? {
                    continue 'items;
                }
            }
            self.comprehension(rest, scope, emit)?;
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart], env: &Rc<Env>) -> Eval<String> {
        let mut out = String::new();
        for part in parts {
            match part {
                FStringPart::Text(text) => out.push_str(text),
                FStringPart::Field { expr, conversion, spec } => {
                    let value = self.eval(expr, env)?;
                    let value = match conversion {
                        Some('r') | Some('a') => Value::str(&self.repr(&value)?),
                        Some(_) => Value::str(&self.str_of(&value)?),
                        None => value,
                    };
                    let spec = self.fstring(spec, env)?;
                    let text = match &value {
                        _ if spec.is_empty() => self.str_of(&value)?,
                        Value::Instance(_) => self.format_instance(&value, &spec, expr.span)?,
                        _ => format_value(&value, &spec).map_err(|message| {
                            RuntimeError::new(ErrorKind::ValueError, message, expr.span)
                        })?,
                    };
                    out.push_str(&text);
                }
            }
        }
        Ok(out)
    }

    /// Formats an instance with a spec through its `__format__(self, spec)` method.
    fn format_instance(&mut self, value: &Value, spec: &str, span: Span) -> Eval<String> {
        let special = crate::value::special::Special::Format;
        match self.call_special(value, special, vec![Value::str(spec)], span)? {
            Some(result) => self.str_of(&result),
            None => fail(
                ErrorKind::TypeError,
                span,
                format!("unsupported format string passed to {}", value.type_name()),
            ),
        }
    }

    pub(super) fn eval_args(&mut self, args: &[Arg], env: &Rc<Env>, span: Span) -> Eval<CallArgs> {
        let mut call = CallArgs::new(Vec::with_capacity(args.len()), span);
        for arg in args {
            match arg {
                Arg::Positional(e) => call.positional.push(self.eval(e, env)?),
                Arg::Keyword(name, e) => {
                    let value = self.eval(e, env)?;
                    if call.keywords.iter().any(|(k, _)| *k == name.node) {
                        return fail(
                            ErrorKind::SyntaxError,
                            name.span,
                            format!("keyword argument repeated: {}", name.node),
                        );
                    }
                    call.keywords.push((name.node, value));
                }
                Arg::Spread(e) => {
                    let value = self.eval(e, env)?;
                    let items = self.collect(&value, e.span)?;
                    call.positional.extend(items);
                }
                Arg::SpreadKeywords(e) => {
                    let Value::Dict(dict) = self.eval(e, env)? else {
                        return fail(ErrorKind::TypeError, e.span, "argument after ** must be a dict");
                    };
                    for (k, v) in dict.borrow().iter() {
                        let Value::Str(k) = k else {
                            return fail(ErrorKind::TypeError, e.span, "keywords must be strings");
                        };
                        call.keywords.push((crate::syntax::symbol::Symbol::intern(k), v.clone()));
                    }
                }
            }
        }
        Ok(call)
    }

    pub(super) fn eval_subscripts(&mut self, items: &[IndexItem], env: &Rc<Env>) -> Eval<Vec<Subscript>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(match item {
                IndexItem::Expr(Expr { node: ExprKind::Ellipsis, .. }) => Subscript::Ellipsis,
                IndexItem::Expr(e) => Subscript::Item(self.eval(e, env)?),
                IndexItem::Slice { lower, upper, step, .. } => {
                    let mut part = |e: &Option<Expr>| -> Eval<Option<Value>> {
                        match e {
                            Some(e) => Ok(Some(self.eval(e, env)?)),
                            None => Ok(None),
                        }
                    };
                    Subscript::Slice { lower: part(lower)?, upper: part(upper)?, step: part(step)? }
                }
            });
        }
        Ok(out)
    }

    /// `NameError`, with the closest visible name as a suggestion.
    fn name_error(&self, name: &str, env: &Env, span: Span) -> RuntimeError {
        let error = RuntimeError::new(ErrorKind::NameError, format!("name '{name}' is not defined"), span)
            .with_label("not defined");
        let spelling = match name {
            "True" | "False" | "None" => Some(name.to_lowercase()),
            "null" | "nil" => Some("none".to_string()),
            _ => None,
        };
        if let Some(spelling) = spelling {
            return error.with_help(format!("tl spells it `{spelling}`"));
        }
        let mut candidates: Vec<String> = env.visible_names().iter().map(|s| s.to_string()).collect();
        candidates.extend(crate::stdlib::names().map(String::from));
        match closest_name(name, &candidates) {
            Some(best) => error.with_help(format!("did you mean '{best}'?")),
            None => error,
        }
    }
}

/// The candidate within a small edit distance of `name`, if any.
pub fn closest_name<'a>(name: &str, candidates: &'a [String]) -> Option<&'a str> {
    let length = name.chars().count();
    if length < 3 {
        return None;
    }
    let limit = (length / 3).max(1);
    candidates
        .iter()
        .filter(|c| !c.starts_with('_') && c.as_str() != name)
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c.as_str())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}
