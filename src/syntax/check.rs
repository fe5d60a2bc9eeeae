//! Checks on the syntax tree that the grammar cannot express: `break`/`continue` only
//! in loops, `return` only in functions, and `nonlocal` only of a name an enclosing
//! function binds, as Python reports at compile time.

use super::ast::*;
use super::error::SyntaxError;

#[derive(Clone, Copy)]
struct Context<'a> {
    in_loop: bool,
    in_function: bool,
    /// The scopes of the functions around this point, innermost first.
    function: Option<&'a Enclosing<'a>>,
}

struct Enclosing<'a> {
    scope: &'a FunctionScope,
    outer: Option<&'a Enclosing<'a>>,
}

pub fn check_program(program: &[Stmt]) -> Result<(), SyntaxError> {
    let top = Context { in_loop: false, in_function: false, function: None };
    program.iter().try_for_each(|s| check_stmt(s, top))
}

fn check_block(block: &Block, cx: Context) -> Result<(), SyntaxError> {
    block.stmts.iter().try_for_each(|s| check_stmt(s, cx))
}

fn check_function(def: &FunctionDef, outer: Context) -> Result<(), SyntaxError> {
    let here = Enclosing { scope: &def.scope, outer: outer.function };
    for name in &def.scope.nonlocals {
        if !binds(outer.function, *name) {
            return Err(SyntaxError::new(
                format!("no binding for nonlocal '{name}' found"),
                def.span,
                "in this function",
            )
            .with_help(
                "`nonlocal` names a variable of an enclosing function; use `global` for the module's",
            ));
        }
    }
    let cx = Context { in_loop: false, in_function: true, function: Some(&here) };
    match &def.body {
        FunctionBody::Block(block) => check_block(block, cx),
        FunctionBody::Expr(expr) => check_expr(expr, cx),
    }
}

/// Whether one of the enclosing functions binds `name` (or passes it further out).
fn binds(mut enclosing: Option<&Enclosing>, name: crate::syntax::symbol::Symbol) -> bool {
    while let Some(e) = enclosing {
        if e.scope.locals.contains(&name) || e.scope.nonlocals.contains(&name) {
            return true;
        }
        enclosing = e.outer;
    }
    false
}

fn check_stmt(stmt: &Stmt, cx: Context) -> Result<(), SyntaxError> {
    let outside = |what: &str, inside: &str| {
        Err(SyntaxError::new(format!("`{what}` outside {inside}"), stmt.span, format!("not inside {inside}")))
    };
    match &stmt.node {
        StmtKind::Break if !cx.in_loop => outside("break", "a loop"),
        StmtKind::Continue if !cx.in_loop => outside("continue", "a loop"),
        StmtKind::Return(_) if !cx.in_function => outside("return", "a function"),
        StmtKind::Return(Some(e)) | StmtKind::Expr(e) => check_expr(e, cx),
        StmtKind::Assign { value, .. } | StmtKind::AugAssign { value, .. } => check_expr(value, cx),
        StmtKind::FnDef(def) => check_function(def, cx),
        StmtKind::ClassDef(def) => def.methods.iter().try_for_each(|m| check_function(m, cx)),
        StmtKind::While { cond, body } => {
            check_expr(cond, cx)?;
            check_block(body, Context { in_loop: true, ..cx })
        }
        StmtKind::For { iter, body, .. } => {
            check_expr(iter, cx)?;
            check_block(body, Context { in_loop: true, ..cx })
        }
        StmtKind::Try { body, handlers, orelse, finally } => {
            check_block(body, cx)?;
            handlers.iter().try_for_each(|h| check_block(&h.body, cx))?;
            orelse.as_ref().map_or(Ok(()), |b| check_block(b, cx))?;
            finally.as_ref().map_or(Ok(()), |b| check_block(b, cx))
        }
        StmtKind::Yield(_) | StmtKind::YieldFrom(_) if !cx.in_function => outside("yield", "a function"),
        StmtKind::FromImportAll(_) if cx.in_function => {
            Err(SyntaxError::new("import * only allowed at module level", stmt.span, "inside a function"))
        }
        StmtKind::Nonlocal(names) if !cx.in_function => Err(SyntaxError::new(
            "nonlocal declaration not allowed at module level",
            names[0].span,
            "not inside a function",
        )),
        StmtKind::With { context, body, .. } => {
            check_expr(context, cx)?;
            check_block(body, cx)
        }
        StmtKind::Assert { cond, .. } => check_expr(cond, cx),
        StmtKind::Return(None)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Raise { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Del(_)
        | StmtKind::Yield(_)
        | StmtKind::YieldFrom(_)
        | StmtKind::Import(_)
        | StmtKind::FromImport { .. }
        | StmtKind::FromImportAll(_) => Ok(()),
    }
}

/// Only `if` expressions and lambdas hold statements or function bodies.
fn check_expr(expr: &Expr, cx: Context) -> Result<(), SyntaxError> {
    match &expr.node {
        ExprKind::If { cond, then, otherwise } => {
            check_expr(cond, cx)?;
            check_block(then, cx)?;
            otherwise.as_deref().map_or(Ok(()), |e| check_expr(e, cx))
        }
        ExprKind::Block(block) => check_block(block, cx),
        ExprKind::Lambda(def) => check_function(def, cx),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parser::parse_program;
    use crate::syntax::span::SourceId;

    fn check(src: &str) -> Result<(), SyntaxError> {
        check_program(&parse_program(src, SourceId(0)).unwrap())
    }

    #[test]
    fn refuses_misplaced_jumps() {
        assert!(check("break").is_err());
        assert!(check("fn f() { continue }").is_err());
        assert!(check("while true { fn g() { break } }").is_err());
        assert!(check("return 1").is_err());
        assert!(check("for x in y { if x { break } }").is_ok());
        assert!(check("fn f() { while true { return 1 } }").is_ok());
    }
}
