//! The syntax tree. Every node carries the span of the source it was parsed from.

use super::span::{Span, Spanned};
use super::symbol::Symbol;
use std::rc::Rc;

pub type Expr = Spanned<ExprKind>;
pub type Stmt = Spanned<StmtKind>;

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    FString(Vec<FStringPart>),
    Ellipsis,
    Name(Symbol),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `{k: v, **m}`: each entry a key and its value, or (with no key) a mapping whose
    /// entries are copied in.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `{a, b}`: a set display (`{}` is a dict).
    Set(Vec<Expr>),
    SetComp {
        element: Box<Expr>,
        clauses: Vec<CompClause>,
    },
    ListComp {
        element: Box<Expr>,
        clauses: Vec<CompClause>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        clauses: Vec<CompClause>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `a < b <= c`: each comparison with its right operand.
    Compare {
        first: Box<Expr>,
        rest: Vec<(CmpOp, Expr)>,
    },
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Call {
        callee: Box<Expr>,
        args: Vec<Arg>,
    },
    Index {
        target: Box<Expr>,
        items: Vec<IndexItem>,
    },
    Attr {
        target: Box<Expr>,
        name: Spanned<Symbol>,
    },
    If {
        cond: Box<Expr>,
        then: Block,
        otherwise: Option<Box<Expr>>,
    },
    /// Python's conditional expression `then if cond else otherwise`.
    Conditional {
        then: Box<Expr>,
        cond: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `*xs` inside a list or tuple display: the items of `xs`, spliced in.
    Starred(Box<Expr>),
    /// A block used as an expression: the `else { ... }` of an `if`.
    Block(Block),
    Lambda(Rc<FunctionDef>),
    Einops(Rc<EinopsForm>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    Text(String),
    /// `{expr!conversion:spec}`; the spec may hold fields of its own (`{x:{width}}`).
    Field {
        expr: Expr,
        conversion: Option<char>,
        spec: Vec<FStringPart>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompClause {
    pub target: Target,
    pub iter: Expr,
    pub conditions: Vec<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::MatMul => "@",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Positional(Expr),
    Keyword(Spanned<Symbol>, Expr),
    /// `*xs`: the items of an iterable as positional arguments.
    Spread(Expr),
    /// `**d`: the entries of a dict as keyword arguments.
    SpreadKeywords(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub enum IndexItem {
    Expr(Expr),
    Slice { lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>, span: Span },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

/// Where an assignment stores its value.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Name(Spanned<Symbol>),
    Attr {
        target: Expr,
        name: Spanned<Symbol>,
    },
    Index {
        target: Expr,
        items: Vec<IndexItem>,
        span: Span,
    },
    Tuple(Vec<Target>, Span),
    /// `*rest` in `a, *rest = xs`: what the other targets leave, as a list.
    Starred(Box<Target>, Span),
}

impl Target {
    pub fn span(&self) -> Span {
        match self {
            Target::Name(name) => name.span,
            Target::Attr { target, name } => target.span.to(name.span),
            Target::Index { span, .. } | Target::Tuple(_, span) | Target::Starred(_, span) => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: every target gets the value.
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    FnDef(Rc<FunctionDef>),
    ClassDef(Rc<ClassDef>),
    Return(Option<Expr>),
    Break,
    Continue,
    While {
        cond: Expr,
        body: Block,
    },
    For {
        target: Target,
        iter: Expr,
        body: Block,
    },
    Try {
        body: Block,
        handlers: Vec<Handler>,
        /// Python's `else`: runs when the body raised nothing, outside the handlers.
        orelse: Option<Block>,
        finally: Option<Block>,
    },
    /// `raise`, `raise error` or `raise error from cause`.
    Raise {
        error: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `global a, b` and `nonlocal a, b`: checked and resolved when the function is
    /// parsed (its `FunctionScope`); at run time they do nothing.
    Global(Vec<Spanned<Symbol>>),
    Nonlocal(Vec<Spanned<Symbol>>),
    /// `del x, xs[i], obj.attr`.
    Del(Vec<Target>),
    /// `yield value` in a generator function.
    Yield(Option<Expr>),
    /// `yield from iterable`.
    YieldFrom(Expr),
    Assert {
        cond: Expr,
        message: Option<Expr>,
    },
    With {
        context: Expr,
        binding: Option<Spanned<Symbol>>,
        body: Block,
    },
    /// `import torch.nn as nn, math`, `import "file.tl" as f`: binds each alias to its
    /// module or, without `as`, the first name of a dotted path to its top module
    /// (Python's rule); a file's alias is its stem.
    Import(Vec<(ModulePath, Option<Spanned<Symbol>>)>),
    /// `from torch.distributions import Normal, Gamma as G`.
    FromImport {
        module: ModulePath,
        names: Vec<(Spanned<Symbol>, Option<Spanned<Symbol>>)>,
    },
    /// `from "nn.activation" import *`: every public name of the module (its `__all__`
    /// if it has one), at the top level of a file only.
    FromImportAll(ModulePath),
}

/// What an import names: a dotted module path (`torch.nn.functional`) or a `.tl` file.
#[derive(Clone, Debug, PartialEq)]
pub enum ModulePath {
    Dotted(Vec<Spanned<Symbol>>),
    File(Spanned<String>),
}

impl ModulePath {
    pub fn span(&self) -> Span {
        match self {
            ModulePath::Dotted(names) => names[0].span.to(names[names.len() - 1].span),
            ModulePath::File(path) => path.span,
        }
    }
}

/// One `catch` clause: `catch e { }` (any error), `catch ValueError as e { }`,
/// `catch (KeyError, IndexError) { }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Handler {
    /// The error classes it catches; `None` catches every error but Ctrl-C.
    pub types: Option<Expr>,
    pub binding: Option<Spanned<Symbol>>,
    pub body: Block,
}

/// How a function's names resolve, decided when it is parsed, as Python's compiler does:
/// a name assigned anywhere in the body is local (reading it before the assignment is an
/// `UnboundLocalError`), unless the body declares it `global` or `nonlocal`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FunctionScope {
    pub locals: rustc_hash::FxHashSet<Symbol>,
    pub globals: rustc_hash::FxHashSet<Symbol>,
    pub nonlocals: rustc_hash::FxHashSet<Symbol>,
    /// Whether the body yields: calling the function makes a generator.
    pub generator: bool,
}

impl FunctionScope {
    /// Whether some assignments bind outside the call's scope (`global`, `nonlocal`).
    pub fn redirects(&self) -> bool {
        !self.globals.is_empty() || !self.nonlocals.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Spanned<Symbol>,
    pub default: Option<Expr>,
    pub kind: ParamKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// Before any `*`: by position or by keyword.
    Normal,
    /// `*rest`: the positional arguments left over, as a tuple.
    Rest,
    /// After `*` or `*rest`: by keyword only.
    KeywordOnly,
    /// `**kwargs`: the keyword arguments left over, as a dict.
    Keywords,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FunctionBody {
    Block(Block),
    /// `fn sq(x) = x * x` and lambdas.
    Expr(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: Symbol,
    pub params: Vec<Param>,
    pub body: FunctionBody,
    pub span: Span,
    /// `@expr` lines before the `fn`, outermost first.
    pub decorators: Vec<Expr>,
    pub scope: Rc<FunctionScope>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Spanned<Symbol>,
    /// A string as the body's first statement, as Python's docstrings.
    pub doc: Option<String>,
    pub base: Option<Expr>,
    pub methods: Vec<Rc<FunctionDef>>,
    /// Class attributes: `name = value` in the class body.
    pub attributes: Vec<(Spanned<Symbol>, Expr)>,
    pub span: Span,
    /// `@expr` lines before the `class`, outermost first.
    pub decorators: Vec<Expr>,
}

/// One axis term of an einops pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Axis {
    Name(Symbol),
    /// A number: a unit axis `1` or an anonymous axis of that length.
    Anonymous(i64),
    Ellipsis,
    /// `*` in pack/unpack patterns.
    Star,
    /// `(h w)`: a composition; `()` is a unit axis.
    Group(Vec<Spanned<Axis>>),
}

pub type AxisList = Vec<Spanned<Axis>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EinopsKind {
    Rearrange,
    Reduce,
    Repeat,
    Einsum,
    Pack,
    Unpack,
}

impl EinopsKind {
    pub fn name(self) -> &'static str {
        match self {
            EinopsKind::Rearrange => "rearrange",
            EinopsKind::Reduce => "reduce",
            EinopsKind::Repeat => "repeat",
            EinopsKind::Einsum => "einsum",
            EinopsKind::Pack => "pack",
            EinopsKind::Unpack => "unpack",
        }
    }
}

/// `rearrange[b c -> c b]`, `reduce[a b -> a, mean]`, `einsum[i j, j k -> i k]`,
/// `pack[b *]`: the pattern is part of the syntax tree.
#[derive(Clone, Debug, PartialEq)]
pub struct EinopsForm {
    pub kind: EinopsKind,
    /// The input sides (one, except for einsum; the only side for pack/unpack).
    pub inputs: Vec<AxisList>,
    /// The output side (empty for pack/unpack).
    pub output: AxisList,
    /// The reduction of `reduce[..., op]`.
    pub reduction: Option<Expr>,
    pub span: Span,
}
