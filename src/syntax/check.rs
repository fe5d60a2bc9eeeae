//! Checks on the syntax tree that the grammar cannot express: `break`/`continue` only
//! in loops and `return` only in functions, as Python reports at compile time.

use super::ast::*;
use super::error::SyntaxError;

#[derive(Clone, Copy)]
struct Context {
    in_loop: bool,
    in_function: bool,
}

pub fn check_program(program: &[Stmt]) -> Result<(), SyntaxError> {
    let top = Context { in_loop: false, in_function: false };
    program.iter().try_for_each(|s| check_stmt(s, top))
}

fn check_block(block: &Block, cx: Context) -> Result<(), SyntaxError> {
    block.stmts.iter().try_for_each(|s| check_stmt(s, cx))
}

fn check_function(def: &FunctionDef) -> Result<(), SyntaxError> {
    let cx = Context { in_loop: false, in_function: true };
    match &def.body {
        FunctionBody::Block(block) => check_block(block, cx),
        FunctionBody::Expr(expr) => check_expr(expr, cx),
    }
}

fn check_stmt(stmt: &Stmt, cx: Context) -> Result<(), SyntaxError> {
    let outside = |what: &str, inside: &str| {
        Err(SyntaxError::new(format!("`{what}` outside {inside}"), stmt.span, format!("not inside {inside}")))
    };
    match &stmt.node {
        StmtKind::Break if !cx.in_loop => outside("break", "a loop"),
        StmtKind::Continue if !cx.in_loop => outside("continue", "a loop"),
        StmtKind::Return(_) if !cx.in_function => outside("return", "a function"),
        StmtKind::Return(Some(e)) | StmtKind::Expr(e) | StmtKind::Raise(e) => check_expr(e, cx),
        StmtKind::Assign { value, .. } | StmtKind::AugAssign { value, .. } => check_expr(value, cx),
        StmtKind::FnDef(def) => check_function(def),
        StmtKind::ClassDef(def) => def.methods.iter().try_for_each(|m| check_function(m)),
        StmtKind::While { cond, body } => {
            check_expr(cond, cx)?;
            check_block(body, Context { in_loop: true, ..cx })
        }
        StmtKind::For { iter, body, .. } => {
            check_expr(iter, cx)?;
            check_block(body, Context { in_loop: true, ..cx })
        }
        StmtKind::Try { body, handler, .. } => {
            check_block(body, cx)?;
            check_block(handler, cx)
        }
        StmtKind::With { context, body, .. } => {
            check_expr(context, cx)?;
            check_block(body, cx)
        }
        StmtKind::Assert { cond, .. } => check_expr(cond, cx),
        StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Import { .. } => Ok(()),
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
        ExprKind::Lambda(def) => check_function(def),
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
