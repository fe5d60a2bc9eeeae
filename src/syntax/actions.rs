//! The grammar's actions that take more than a line: building targets, functions and
//! classes, and the checks that make a parse fail with a precise message.

use super::ast::*;
use super::error::SyntaxError;
use super::fstring;
use super::span::{SourceId, Span, Spanned};
use super::symbol::Symbol;
use super::token::Tok;
use lalrpop_util::ParseError;
use std::rc::Rc;

pub type ActionResult<T> = Result<T, ParseError<usize, Tok, SyntaxError>>;

fn fail<T>(error: SyntaxError) -> ActionResult<T> {
    Err(ParseError::User { error })
}

pub fn binary(op: BinOp, lhs: Expr, rhs: Expr, span: Span) -> Expr {
    Spanned::new(ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span)
}

/// `(f(x) for x in xs if c)`: a generator, made as Python makes one: a function whose
/// body is the clauses as loops around `yield f(x)`, called at once.
pub fn generator_expression(element: Expr, clauses: Vec<CompClause>, span: Span) -> ActionResult<Expr> {
    let mut body = Spanned::new(StmtKind::Yield(Some(element)), span);
    for clause in clauses.into_iter().rev() {
        for cond in clause.conditions.into_iter().rev() {
            let then = Block { stmts: vec![body], span };
            let test = ExprKind::If { cond: Box::new(cond), then, otherwise: None };
            body = Spanned::new(StmtKind::Expr(Spanned::new(test, span)), span);
        }
        let block = Block { stmts: vec![body], span };
        body = Spanned::new(StmtKind::For { target: clause.target, iter: clause.iter, body: block }, span);
    }
    let body = FunctionBody::Block(Block { stmts: vec![body], span });
    let def = function_def(Symbol::intern("<genexpr>"), Vec::new(), body, span)?;
    let callee = Spanned::new(ExprKind::Lambda(Rc::new(def)), span);
    Ok(Spanned::new(ExprKind::Call { callee: Box::new(callee), args: Vec::new() }, span))
}

pub fn list_comp(element: Expr, clauses: Vec<CompClause>, span: Span) -> Expr {
    Spanned::new(ExprKind::ListComp { element: Box::new(element), clauses }, span)
}

/// The left of `=`, `+=` or `for ... in`: names, attributes, index expressions and
/// tuples or lists of those.
pub fn to_target(expr: Expr) -> ActionResult<Target> {
    let span = expr.span;
    Ok(match expr.node {
        ExprKind::Name(name) => Target::Name(Spanned::new(name, span)),
        ExprKind::Attr { target, name } => Target::Attr { target: *target, name },
        ExprKind::Index { target, items } => Target::Index { target: *target, items, span },
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let targets: Vec<Target> = items.into_iter().map(to_target).collect::<Result<_, _>>()?;
            let mut starred = targets.iter().filter(|t| matches!(t, Target::Starred(..)));
            if let (Some(_), Some(second)) = (starred.next(), starred.next()) {
                return fail(SyntaxError::new(
                    "multiple starred expressions in assignment",
                    second.span(),
                    "a second `*`",
                ));
            }
            Target::Tuple(targets, span)
        }
        ExprKind::Starred(inner) => Target::Starred(Box::new(to_target(*inner)?), span),
        other => {
            return fail(
                SyntaxError::new(
                    format!("cannot assign to {}", describe(&other)),
                    span,
                    "not a name, attribute or index",
                )
                .with_help("the left of `=` must be a name, `x.attr`, `x[i]`, or a tuple of those"),
            )
        }
    })
}

pub fn target_list(first: Expr, rest: Vec<Expr>, span: Span) -> ActionResult<Target> {
    if rest.is_empty() {
        return to_target(first);
    }
    let mut items = vec![to_target(first)?];
    for expr in rest {
        items.push(to_target(expr)?);
    }
    Ok(Target::Tuple(items, span))
}

fn describe(expr: &ExprKind) -> &'static str {
    match expr {
        ExprKind::Call { .. } => "a function call",
        ExprKind::Binary { .. } | ExprKind::Unary { .. } => "an operator expression",
        ExprKind::Compare { .. } => "a comparison",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::FString(_) => "a literal",
        ExprKind::None | ExprKind::Bool(_) => "a constant",
        ExprKind::Lambda(_) => "a lambda",
        _ => "this expression",
    }
}

/// A parameter as written, before its kind is known from its neighbours.
pub enum ParamSyntax {
    Named(Spanned<Symbol>, Option<Expr>),
    Star(Option<Spanned<Symbol>>, Span),
    DoubleStar(Spanned<Symbol>),
}

pub fn function_def(
    name: Symbol,
    params: Vec<ParamSyntax>,
    body: FunctionBody,
    span: Span,
) -> ActionResult<FunctionDef> {
    let mut out: Vec<Param> = Vec::new();
    let mut after_star = false;
    let mut seen_default = false;
    let mut bare_star: Option<Span> = None;
    for param in params {
        if let Some(kwargs) = out.iter().find(|p| p.kind == ParamKind::Keywords) {
            return fail(SyntaxError::new(
                "no parameter may follow `**`",
                kwargs.name.span,
                "`**` collects the remaining keywords, so it comes last",
            ));
        }
        let param = match param {
            ParamSyntax::Named(name, default) => {
                if after_star {
                    bare_star = None;
                    Param { name, default, kind: ParamKind::KeywordOnly }
                } else {
                    if default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return fail(SyntaxError::new(
                            "a parameter without a default follows one with a default",
                            name.span,
                            "give this parameter a default too",
                        ));
                    }
                    Param { name, default, kind: ParamKind::Normal }
                }
            }
            ParamSyntax::Star(rest, star_span) => {
                if after_star {
                    return fail(SyntaxError::new("only one `*` is allowed", star_span, "second `*`"));
                }
                after_star = true;
                match rest {
                    Some(name) => Param { name, default: None, kind: ParamKind::Rest },
                    None => {
                        bare_star = Some(star_span);
                        continue;
                    }
                }
            }
            ParamSyntax::DoubleStar(name) => Param { name, default: None, kind: ParamKind::Keywords },
        };
        if out.iter().any(|p| p.name.node == param.name.node) {
            return fail(SyntaxError::new(
                format!("duplicate parameter `{}`", param.name.node),
                param.name.span,
                "already a parameter of this function",
            ));
        }
        out.push(param);
    }
    if let Some(star) = bare_star {
        return fail(SyntaxError::new(
            "a bare `*` must be followed by keyword-only parameters",
            star,
            "nothing follows",
        ));
    }
    let scope = super::scope::function_scope(&out, &body)?;
    Ok(FunctionDef { name, params: out, body, span, decorators: Vec::new(), scope: Rc::new(scope) })
}

pub fn lambda(params: Vec<Spanned<Symbol>>, body: Expr, span: Span) -> FunctionDef {
    let params: Vec<Param> =
        params.into_iter().map(|name| Param { name, default: None, kind: ParamKind::Normal }).collect();
    let scope = FunctionScope { locals: params.iter().map(|p| p.name.node).collect(), ..Default::default() };
    FunctionDef {
        name: Symbol::intern("<lambda>"),
        params,
        body: FunctionBody::Expr(body),
        span,
        decorators: Vec::new(),
        scope: Rc::new(scope),
    }
}

pub fn class_def(
    name: Spanned<Symbol>,
    base: Option<Expr>,
    body: Block,
    decorators: Vec<Expr>,
    span: Span,
) -> ActionResult<ClassDef> {
    let mut methods = Vec::new();
    let mut attributes = Vec::new();
    let doc = docstring(&body).map(str::to_string);
    for stmt in body.stmts {
        match stmt.node {
            StmtKind::FnDef(def) => methods.push(def),
            StmtKind::Assign { mut targets, value } if targets.len() == 1 => match targets.pop() {
                Some(Target::Name(name)) => attributes.push((name, value)),
                _ => return fail(class_body_error(stmt.span)),
            },
            // A string on its own documents the class.
            StmtKind::Expr(Spanned { node: ExprKind::Str(_), .. }) => {}
            _ => return fail(class_body_error(stmt.span)),
        }
    }
    Ok(ClassDef { name, doc, base, methods, attributes, span, decorators })
}

/// The string that is a block's first statement: a function's, class's or module's
/// docstring.
pub fn docstring(block: &Block) -> Option<&str> {
    match &block.stmts.first()?.node {
        StmtKind::Expr(Spanned { node: ExprKind::Str(text), .. }) => Some(text.as_ref()),
        _ => None,
    }
}

fn class_body_error(span: Span) -> SyntaxError {
    SyntaxError::new("unexpected statement in a class body", span, "not allowed here")
        .with_help("a class body holds `fn` definitions and `name = value` class attributes")
}

/// One module of `import a.b as c, "file.tl"`: a file's alias defaults to its stem.
pub fn import_module(
    module: ModulePath,
    alias: Option<Spanned<Symbol>>,
) -> ActionResult<(ModulePath, Option<Spanned<Symbol>>)> {
    let ModulePath::File(path) = &module else { return Ok((module, alias)) };
    if alias.is_some() {
        return Ok((module, alias));
    }
    let stem = path.node.rsplit('/').next().unwrap_or("").trim_end_matches(".tl");
    let valid = stem.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return fail(
            SyntaxError::new("this module needs a name", path.span, "not a valid name")
                .with_help("write `import \"path/file.tl\" as name`"),
        );
    }
    let alias = Spanned::new(Symbol::intern(stem), path.span);
    Ok((module, Some(alias)))
}

/// `del a, xs[i], obj.attr`: what may be deleted is what may be assigned, less `*`.
pub fn del_targets(expr: Expr) -> ActionResult<StmtKind> {
    let targets = match to_target(expr)? {
        Target::Tuple(targets, _) => targets,
        target => vec![target],
    };
    if let Some(starred) = targets.iter().find(|t| matches!(t, Target::Starred(..))) {
        return fail(SyntaxError::new("cannot delete starred", starred.span(), "`*` here"));
    }
    Ok(StmtKind::Del(targets))
}

/// `catch X { }` names the error class it catches when `X` is capitalised, as Python's
/// classes are (`catch ValueError { }`, `catch MyError { }`); a lower-case bare name is
/// the binding of a clause that catches everything (`catch e { }`, tl's form). With
/// `as`, what precedes it is the classes.
pub fn handler(types: Option<Expr>, binding: Option<Spanned<Symbol>>, body: Block) -> ActionResult<Handler> {
    if binding.is_some() && types.is_none() {
        return fail(SyntaxError::new(
            "`as` needs the error classes before it",
            body.span,
            "nothing before `as`",
        ));
    }
    match types {
        Some(Spanned { node: ExprKind::Name(name), span })
            if binding.is_none() && !name.as_str().starts_with(|c: char| c.is_uppercase()) =>
        {
            Ok(Handler { types: None, binding: Some(Spanned::new(name, span)), body })
        }
        types => Ok(Handler { types, binding, body }),
    }
}

pub fn try_stmt(
    body: Block,
    handlers: Vec<Handler>,
    orelse: Option<Block>,
    finally: Option<Block>,
    span: Span,
) -> ActionResult<StmtKind> {
    if let (Some(orelse), true) = (&orelse, handlers.is_empty()) {
        return fail(SyntaxError::new(
            "`else` after `try` needs a `catch` before it",
            orelse.span,
            "no `catch` precedes this `else`",
        ));
    }
    if handlers.is_empty() && finally.is_none() {
        return fail(
            SyntaxError::new("`try` needs a `catch` or a `finally`", span, "neither follows this block")
                .with_help("write `try { ... } catch e { ... }`"),
        );
    }
    if let Some(at) = handlers.iter().position(|h| h.types.is_none()) {
        if at + 1 < handlers.len() {
            return fail(SyntaxError::new(
                "a `catch` that catches everything must come last",
                handlers[at].body.span,
                "the clauses after it could never run",
            ));
        }
    }
    Ok(StmtKind::Try { body, handlers, orelse, finally })
}

pub fn fstring(body: &str, src: SourceId, offset: usize, span: Span) -> ActionResult<Expr> {
    match fstring::parse(body, src, offset) {
        Ok(parts) => Ok(Spanned::new(ExprKind::FString(parts), span)),
        Err(error) => fail(error),
    }
}

pub fn einops(
    kind: EinopsKind,
    inputs: Vec<AxisList>,
    output: AxisList,
    reduction: Option<Expr>,
) -> EinopsForm {
    EinopsForm { kind, inputs, output, reduction, span: Span::default() }
}
