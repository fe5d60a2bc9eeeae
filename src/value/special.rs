//! Python's special methods, by their dunder names, with tl's short spellings where tl
//! had one first (`init`, `repr`, `call`, `enter`, `exit`, `format`): a class may define
//! either, and the dunder wins when both are there.

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::syntax::symbol::Symbol;

macro_rules! specials {
    ($($variant:ident = $dunder:literal $(| $short:literal)?,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Special {
            $($variant),*
        }

        impl Special {
            pub const ALL: &'static [Special] = &[$(Special::$variant),*];

            pub fn dunder(self) -> &'static str {
                match self {
                    $(Special::$variant => $dunder),*
                }
            }

            /// tl's older spelling, if it has one.
            pub fn short(self) -> Option<&'static str> {
                match self {
                    $(Special::$variant => specials!(@short $($short)?)),*
                }
            }
        }
    };
    (@short $short:literal) => { Some($short) };
    (@short) => { None };
}

specials! {
    Init = "__init__" | "init",
    Repr = "__repr__" | "repr",
    Str = "__str__",
    Format = "__format__" | "format",
    Call = "__call__" | "call",
    Enter = "__enter__" | "enter",
    Exit = "__exit__" | "exit",
    Len = "__len__",
    GetItem = "__getitem__",
    SetItem = "__setitem__",
    DelItem = "__delitem__",
    Contains = "__contains__",
    Iter = "__iter__",
    Next = "__next__",
    Bool = "__bool__",
    Hash = "__hash__",
    GetAttr = "__getattr__",
    Eq = "__eq__",
    Ne = "__ne__",
    Lt = "__lt__",
    Le = "__le__",
    Gt = "__gt__",
    Ge = "__ge__",
    Neg = "__neg__",
    Pos = "__pos__",
    Abs = "__abs__",
    Invert = "__invert__",
    Int = "__int__",
    Float = "__float__",
    Index = "__index__",
}

impl Special {
    /// The other spelling of a special method that has two (`init` for `__init__` and
    /// back), so that `super().__init__()` finds a base's `init`.
    pub fn other_spelling(name: Symbol) -> Option<Symbol> {
        thread_local! {
            static PAIRS: Vec<(Symbol, Symbol)> = Special::ALL
                .iter()
                .filter_map(|s| match s.symbols() {
                    (dunder, Some(short)) => Some((dunder, short)),
                    _ => None,
                })
                .collect();
        }
        PAIRS.with(|pairs| {
            pairs.iter().find_map(|&(dunder, short)| {
                if dunder == name {
                    Some(short)
                } else {
                    (short == name).then_some(dunder)
                }
            })
        })
    }

    /// The interned names to look for, dunder first.
    pub fn symbols(self) -> (Symbol, Option<Symbol>) {
        thread_local! {
            static SYMBOLS: Vec<(Symbol, Option<Symbol>)> = Special::ALL
                .iter()
                .map(|s| (Symbol::intern(s.dunder()), s.short().map(Symbol::intern)))
                .collect();
        }
        SYMBOLS.with(|all| all[self as usize])
    }

    pub fn of_unary(op: UnaryOp) -> Special {
        match op {
            UnaryOp::Neg => Special::Neg,
            UnaryOp::Pos => Special::Pos,
            UnaryOp::Invert => Special::Invert,
        }
    }

    /// The comparison's method and the one Python tries on the right operand instead
    /// (`a < b` falls back to `b > a`); `None` for `in` and `is`.
    pub fn of_comparison(op: CmpOp) -> Option<(Special, Special)> {
        Some(match op {
            CmpOp::Eq => (Special::Eq, Special::Eq),
            CmpOp::Ne => (Special::Ne, Special::Ne),
            CmpOp::Lt => (Special::Lt, Special::Gt),
            CmpOp::Le => (Special::Le, Special::Ge),
            CmpOp::Gt => (Special::Gt, Special::Lt),
            CmpOp::Ge => (Special::Ge, Special::Le),
            CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot => return None,
        })
    }
}

/// An arithmetic operator's methods: `__add__`, the reflected `__radd__` and the
/// in-place `__iadd__`.
pub fn binary_methods(op: BinOp) -> [Symbol; 3] {
    let stem = match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "truediv",
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::MatMul => "matmul",
        BinOp::BitAnd => "and",
        BinOp::BitOr => "or",
        BinOp::BitXor => "xor",
        BinOp::Shl => "lshift",
        BinOp::Shr => "rshift",
    };
    [format!("__{stem}__"), format!("__r{stem}__"), format!("__i{stem}__")].map(|name| Symbol::intern(&name))
}
