//! Executing statements and assigning to targets.

use super::call::CallArgs;
use super::env::Env;
use super::error::{fail, guarded, Eval, Flow};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{Block, ClassDef, Stmt, StmtKind, Target};
use crate::syntax::symbol::Symbol;
use crate::value::{Class, Value};
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
                let function = self.decorate(function, &def.decorators, env)?;
                env.assign(def.name, function);
            }
            StmtKind::ClassDef(def) => {
                let class = self.make_class(def, env)?;
                let class = self.decorate(class, &def.decorators, env)?;
                env.assign(def.name.node, class);
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
                while let Some(item) = self.next_item(&mut items, iter.span)? {
                    self.step(stmt.span)?;
                    self.assign(target, item, env)?;
                    match self.exec_block(body, env) {
                        Ok(()) | Err(Flow::Continue) => {}
                        Err(Flow::Break) => break,
                        Err(other) => return Err(other),
                    }
                }
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                self.exec_try(body, handlers, orelse.as_ref(), finally.as_ref(), env)?
            }
            StmtKind::Raise { error, cause } => {
                return Err(self.raise(error.as_ref(), cause.as_ref(), stmt.span, env)?)
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            // The generator machine runs the statements that yield; one reached here
            // sits where it cannot pause (inside an expression's block).
            StmtKind::Yield(_) | StmtKind::YieldFrom(_) => {
                return fail(
                    ErrorKind::NotImplementedError,
                    stmt.span,
                    "tl generators yield from statements, not from inside an expression",
                )
            }
            StmtKind::Del(targets) => {
                for target in targets {
                    self.delete(target, env)?;
                }
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
                self.exec_with(context, binding.as_ref(), body, env)?
            }
            StmtKind::Import(modules) => {
                for (module, alias) in modules {
                    let (top, imported) = self.import_path(module)?;
                    match alias {
                        Some(alias) => env.assign(alias.node, imported),
                        None => {
                            let crate::syntax::ast::ModulePath::Dotted(names) = module else { continue };
                            env.assign(names[0].node, top);
                        }
                    }
                }
            }
            StmtKind::FromImport { module, names } => {
                let (_, imported) = self.import_path(module)?;
                for (name, alias) in names {
                    let value = self.import_name(&imported, module, name)?;
                    env.assign(alias.as_ref().unwrap_or(name).node, value);
                }
            }
            StmtKind::FromImportAll(module) => {
                let (_, imported) = self.import_path(module)?;
                for (name, value) in self.public_names(&imported, stmt.span)? {
                    env.assign(name, value);
                }
            }
        }
        Ok(())
    }

    pub(super) fn assign(&mut self, target: &Target, value: Value, env: &Rc<Env>) -> Eval<()> {
        match target {
            Target::Name(name) => env.assign(name.node, value),
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
                let star = targets.iter().position(|t| matches!(t, Target::Starred(..)));
                let fixed = targets.len() - usize::from(star.is_some());
                if items.len() < fixed || (star.is_none() && items.len() > fixed) {
                    let message = if items.len() < fixed {
                        let at_least = if star.is_some() { "at least " } else { "" };
                        format!(
                            "not enough values to unpack (expected {at_least}{fixed}, got {})",
                            items.len()
                        )
                    } else {
                        format!("too many values to unpack (expected {fixed})")
                    };
                    return fail(ErrorKind::ValueError, *span, message);
                }
                let mut items = items.into_iter();
                for (i, target) in targets.iter().enumerate() {
                    match target {
                        Target::Starred(inner, _) => {
                            let rest = items.len() - (targets.len() - 1 - i);
                            let taken: Vec<Value> = items.by_ref().take(rest).collect();
                            self.assign(inner, Value::list(taken), env)?;
                        }
                        _ => self.assign(target, items.next().unwrap_or(Value::None), env)?,
                    }
                }
            }
            Target::Starred(_, span) => {
                return fail(
                    ErrorKind::SyntaxError,
                    *span,
                    "starred assignment target must be in a list or tuple",
                )
            }
        }
        Ok(())
    }

    /// `with manager as name { body }`: Python's `__enter__`/`__exit__(type, value,
    /// traceback)`, whose true result swallows the block's error; tl's short `enter` and
    /// `exit` take no arguments.
    fn exec_with(
        &mut self,
        context: &crate::syntax::ast::Expr,
        binding: Option<&crate::syntax::span::Spanned<Symbol>>,
        body: &Block,
        env: &Rc<Env>,
    ) -> Eval<()> {
        use crate::value::special::Special;
        let span = context.span;
        let manager = self.eval(context, env)?;
        let python = matches!(&manager, Value::Instance(i) if i.class.defines(Special::Exit.symbols().0));
        let entered = match self.special_method(&manager, Special::Enter, span)? {
            Some(enter) => self.call(enter, CallArgs::new(vec![], span))?,
            None => {
                let enter = self.get_attr(&manager, Symbol::intern("enter"), span)?;
                self.call(enter, CallArgs::new(vec![], span))?
            }
        };
        if let Some(name) = binding {
            env.assign(name.node, entered);
        }
        let result = self.exec_block(body, env);
        if !python {
            // `exit` runs however the block ends; an error in the block wins.
            let exit = self.get_attr(&manager, Symbol::intern("exit"), span)?;
            let exited = self.call(exit, CallArgs::new(vec![], span));
            result?;
            return exited.map(|_| ());
        }
        let details = match &result {
            Err(Flow::Error(error)) => {
                let value = error.value();
                let class = match &value {
                    Value::Instance(instance) => Value::Class(instance.class.clone()),
                    _ => self.prelude.get_local(Symbol::intern(error.kind.name())).unwrap_or(Value::None),
                };
                vec![class, value, Value::None]
            }
            _ => vec![Value::None, Value::None, Value::None],
        };
        let failed = matches!(result, Err(Flow::Error(_)));
        let suppress = self.call_special(&manager, Special::Exit, details, span)?.unwrap_or(Value::None);
        if failed && self.truth(&suppress, span)? {
            return Ok(());
        }
        result
    }

    /// `del target`: unbinds a name, removes an item or an attribute.
    fn delete(&mut self, target: &Target, env: &Rc<Env>) -> Eval<()> {
        match target {
            Target::Name(name) => {
                if !env.delete(name.node) {
                    return fail(
                        ErrorKind::NameError,
                        name.span,
                        format!("name '{}' is not defined", name.node),
                    );
                }
            }
            Target::Attr { target, name } => {
                let object = self.eval(target, env)?;
                self.del_attr(&object, name.node, name.span)?;
            }
            Target::Index { target, items, span } => {
                let object = self.eval(target, env)?;
                let subscripts = self.eval_subscripts(items, env)?;
                guarded(*span, || self.del_item(&object, &subscripts, *span))?;
            }
            Target::Tuple(targets, _) => {
                for target in targets {
                    self.delete(target, env)?;
                }
            }
            Target::Starred(_, span) => return fail(ErrorKind::SyntaxError, *span, "cannot delete starred"),
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
                let Some(current) = self.lookup(name.node, env, name.span)? else {
                    return fail(
                        ErrorKind::NameError,
                        name.span,
                        format!("name '{}' is not defined", name.node),
                    );
                };
                let rhs = self.eval(value, env)?;
                let result = guarded(span, || self.binary_in_place(op, current, rhs, span))?;
                env.assign(name.node, result);
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
            Target::Tuple(_, span) | Target::Starred(_, span) => {
                return fail(ErrorKind::SyntaxError, *span, "augmented assignment needs a single target");
            }
        }
        Ok(())
    }

    fn make_class(&mut self, def: &ClassDef, env: &Rc<Env>) -> Eval<Value> {
        let base = match &def.base {
            Some(expr) => match self.eval(expr, env)? {
                Value::Class(c) => Some(c),
                Value::Builtin(b) if ErrorKind::from_name(b.name).is_some() => {
                    ErrorKind::from_name(b.name).map(|kind| self.exception_base(kind))
                }
                other => {
                    return fail(
                        ErrorKind::TypeError,
                        expr.span,
                        format!("a class can only derive from a class, not {}", other.type_name()),
                    )
                }
            },
            // Every class ends at `object`, as in Python.
            None => self.object_class(),
        };
        // The class body's names are visible to the decorators that follow them
        // (`@r.setter` after `fn r`), as in Python's class namespace.
        let namespace = Env::new(Some(env.clone()));
        let mut members = IndexMap::new();
        for (name, value) in &def.attributes {
            let value = self.eval(value, &namespace)?;
            namespace.set(name.node, value.clone());
            members.insert(name.node, value);
        }
        for method in &def.methods {
            let function = self.make_function(method, env)?;
            let function = self.decorate(function, &method.decorators, &namespace)?;
            namespace.set(method.name, function.clone());
            members.insert(method.name, function);
        }
        Ok(Value::Class(Rc::new(Class {
            name: def.name.node,
            doc: def.doc.as_deref().map(Rc::from),
            error_kind: base.as_ref().and_then(|b| b.error_kind),
            base,
            members: RefCell::new(members),
        })))
    }

    fn object_class(&self) -> Option<Rc<Class>> {
        match self.prelude.get_local(Symbol::intern("object")) {
            Some(Value::Class(object)) => Some(object),
            _ => None,
        }
    }

    /// The class `type(x)` gives for a value of the type `name` that has no type object:
    /// no members, below `object`.
    pub fn value_type(&mut self, name: &str) -> Rc<Class> {
        if let Some(class) = self.value_types.get(name) {
            return class.clone();
        }
        let class = Rc::new(Class {
            name: Symbol::intern(name),
            doc: None,
            base: self.object_class(),
            members: RefCell::new(Default::default()),
            error_kind: None,
        });
        self.value_types.insert(name.to_string(), class.clone());
        class
    }

    /// Python's error class `kind` as a class to derive from: the builtin methods of
    /// `BaseException` on a class of that name, below `object`.
    fn exception_base(&mut self, kind: ErrorKind) -> Rc<Class> {
        if let Some(class) = self.exception_bases.get(&kind) {
            return class.clone();
        }
        let members = self
            .natives
            .exception_methods()
            .iter()
            .map(|m| (Symbol::intern(m.name), Value::Builtin(m)))
            .collect();
        let class = Rc::new(Class {
            name: Symbol::intern(kind.name()),
            doc: None,
            base: self.object_class(),
            members: RefCell::new(members),
            error_kind: Some(kind),
        });
        self.exception_bases.insert(kind, class.clone());
        class
    }
}
