//! Which names of a function are local, decided when it is parsed, as Python's compiler
//! decides: a name bound anywhere in the body (assigned, a `for` target, a `fn`,
//! `class` or `import`, a `catch ... as` or `with ... as` binding, `del`) is local to
//! the whole body unless a `global` or `nonlocal` statement says otherwise. Nested
//! functions, lambdas and comprehensions have scopes of their own. A body that yields
//! makes a generator function.

use super::actions::ActionResult;
use super::ast::*;
use super::error::SyntaxError;
use super::symbol::Symbol;
use lalrpop_util::ParseError;

pub fn function_scope(params: &[Param], body: &FunctionBody) -> ActionResult<FunctionScope> {
    let mut walk = Walk::default();
    match body {
        FunctionBody::Block(block) => walk.block(block),
        FunctionBody::Expr(expr) => walk.expr(expr),
    }
    for param in params {
        let name = param.name.node;
        for (declared, what) in [(&walk.globals, "global"), (&walk.nonlocals, "nonlocal")] {
            if let Some(at) = declared.iter().find(|d| d.node == name) {
                return Err(ParseError::User {
                    error: SyntaxError::new(
                        format!("name '{name}' is parameter and {what}"),
                        at.span,
                        "declared here",
                    ),
                });
            }
        }
    }
    let mut scope = FunctionScope { generator: walk.yields, ..Default::default() };
    scope.globals.extend(walk.globals.iter().map(|g| g.node));
    scope.nonlocals.extend(walk.nonlocals.iter().map(|n| n.node));
    scope.locals.extend(params.iter().map(|p| p.name.node));
    scope.locals.extend(
        walk.bound.into_iter().filter(|n| !scope.globals.contains(n) && !scope.nonlocals.contains(n)),
    );
    Ok(scope)
}

#[derive(Default)]
struct Walk {
    yields: bool,
    bound: Vec<Symbol>,
    globals: Vec<super::span::Spanned<Symbol>>,
    nonlocals: Vec<super::span::Spanned<Symbol>>,
}

impl Walk {
    fn block(&mut self, block: &Block) {
        block.stmts.iter().for_each(|s| self.stmt(s));
    }

    fn target(&mut self, target: &Target) {
        match target {
            Target::Name(name) => self.bound.push(name.node),
            Target::Tuple(targets, _) => targets.iter().for_each(|t| self.target(t)),
            Target::Starred(inner, _) => self.target(inner),
            Target::Attr { target, .. } => self.expr(target),
            Target::Index { target, .. } => self.expr(target),
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.node {
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                targets.iter().for_each(|t| self.target(t));
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target);
                self.expr(value);
            }
            StmtKind::FnDef(def) => self.bound.push(def.name),
            StmtKind::ClassDef(def) => self.bound.push(def.name.node),
            StmtKind::While { cond, body } => {
                self.expr(cond);
                self.block(body);
            }
            StmtKind::For { target, iter, body } => {
                self.target(target);
                self.expr(iter);
                self.block(body);
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                self.block(body);
                for handler in handlers {
                    self.bound.extend(handler.binding.as_ref().map(|b| b.node));
                    self.block(&handler.body);
                }
                orelse.iter().for_each(|b| self.block(b));
                finally.iter().for_each(|b| self.block(b));
            }
            StmtKind::With { context, binding, body } => {
                self.expr(context);
                self.bound.extend(binding.as_ref().map(|b| b.node));
                self.block(body);
            }
            StmtKind::Global(names) => self.globals.extend(names.iter().cloned()),
            StmtKind::Nonlocal(names) => self.nonlocals.extend(names.iter().cloned()),
            StmtKind::Del(targets) => targets.iter().for_each(|t| self.target(t)),
            StmtKind::Import(modules) => {
                for (module, alias) in modules {
                    match (alias, module) {
                        (Some(alias), _) => self.bound.push(alias.node),
                        (None, ModulePath::Dotted(names)) => self.bound.push(names[0].node),
                        (None, ModulePath::File(_)) => {}
                    }
                }
            }
            StmtKind::FromImport { names, .. } => {
                self.bound.extend(names.iter().map(|(name, alias)| alias.as_ref().unwrap_or(name).node))
            }
            // Refused inside a function (check.rs), where it would bind unknown names.
            StmtKind::FromImportAll(_) => {}
            StmtKind::Raise { error, cause } => {
                error.iter().chain(cause).for_each(|e| self.expr(e));
            }
            StmtKind::Assert { cond, .. } => self.expr(cond),
            StmtKind::Yield(value) => {
                self.yields = true;
                value.iter().for_each(|e| self.expr(e));
            }
            StmtKind::YieldFrom(e) => {
                self.yields = true;
                self.expr(e);
            }
            StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    /// Statements reach expressions only through `if` expressions and blocks.
    fn expr(&mut self, expr: &Expr) {
        match &expr.node {
            ExprKind::If { cond, then, otherwise } => {
                self.expr(cond);
                self.block(then);
                otherwise.iter().for_each(|e| self.expr(e));
            }
            ExprKind::Block(block) => self.block(block),
            ExprKind::Conditional { then, cond, otherwise } => {
                [then, cond, otherwise].into_iter().for_each(|e| self.expr(e));
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Unary { operand: e, .. } | ExprKind::Not(e) | ExprKind::Starred(e) => self.expr(e),
            ExprKind::Call { callee, args } => {
                self.expr(callee);
                for arg in args {
                    match arg {
                        Arg::Positional(e) | Arg::Keyword(_, e) | Arg::Spread(e) | Arg::SpreadKeywords(e) => {
                            self.expr(e)
                        }
                    }
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().for_each(|e| self.expr(e))
            }
            _ => {}
        }
    }
}
