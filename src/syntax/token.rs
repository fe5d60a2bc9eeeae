//! The tokens of tl, recognised by logos. A few tokens (`BlockOpen`, the einops
//! keywords, `Newline` filtering) are decided afterwards by `lexer.rs`, which sees
//! the neighbouring tokens.

use super::escape::unescape;
use super::symbol::Symbol;
use logos::Logos;
use std::fmt;

/// Why logos could not make a token.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LexErrorKind {
    #[default]
    UnexpectedChar,
    UnterminatedString,
    BadEscape(String),
    IntTooLarge,
}

#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = LexErrorKind)]
#[logos(skip r"[ \t\r\f]+")]
#[logos(skip r"#[^\n]*")]
#[logos(skip r"\\\r?\n")]
pub enum Tok {
    #[token("\n")]
    Newline,
    #[token(";")]
    Semicolon,

    // Keywords.
    #[token("fn")]
    Fn,
    #[token("return")]
    Return,
    #[token("if")]
    If,
    #[token("else")]
    Else,
    #[token("while")]
    While,
    #[token("for")]
    For,
    #[token("in")]
    In,
    #[token("break")]
    Break,
    #[token("continue")]
    Continue,
    #[token("class")]
    Class,
    #[token("try")]
    Try,
    #[token("catch")]
    Catch,
    #[token("raise")]
    Raise,
    #[token("assert")]
    Assert,
    #[token("with")]
    With,
    #[token("import")]
    Import,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("nonlocal")]
    Nonlocal,
    #[token("del")]
    Del,
    #[token("finally")]
    Finally,
    #[token("yield")]
    Yield,
    #[token("as")]
    As,
    #[token("true")]
    True,
    #[token("false")]
    False,
    #[token("none")]
    None,
    #[token("and")]
    And,
    #[token("or")]
    Or,
    #[token("not")]
    Not,
    #[token("is")]
    Is,

    // The einops forms: an identifier such as `rearrange` directly followed by `[`.
    Rearrange,
    Reduce,
    Repeat,
    Einsum,
    Pack,
    Unpack,

    // Brackets. `{` opening a block and `{` opening a dict are told apart by lexer.rs.
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    BlockOpen,
    #[token("}")]
    RBrace,

    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Arrow,
    #[token("=")]
    Assign,
    #[token("+=")]
    PlusAssign,
    #[token("-=")]
    MinusAssign,
    #[token("*=")]
    StarAssign,
    #[token("/=")]
    SlashAssign,
    #[token("//=")]
    FloorDivAssign,
    #[token("%=")]
    PercentAssign,
    #[token("**=")]
    PowAssign,
    #[token("@=")]
    AtAssign,
    #[token("|=")]
    PipeAssign,
    #[token("&=")]
    AmpAssign,
    #[token("^=")]
    CaretAssign,
    #[token("<<=")]
    ShlAssign,
    #[token(">>=")]
    ShrAssign,

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    FloorDiv,
    #[token("%")]
    Percent,
    #[token("**")]
    Pow,
    #[token("@")]
    At,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("~")]
    Tilde,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("==")]
    Eq,
    #[token("!=")]
    Ne,
    #[token("<")]
    Lt,
    #[token("<=")]
    Le,
    #[token(">")]
    Gt,
    #[token(">=")]
    Ge,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", |lex| Symbol::intern(lex.slice()))]
    Ident(Symbol),
    #[regex(r"[0-9][0-9_]*", |lex| parse_int(lex.slice(), 10))]
    #[regex(r"0[xX][0-9a-fA-F_]+", |lex| parse_int(&lex.slice()[2..], 16))]
    #[regex(r"0[bB][01_]+", |lex| parse_int(&lex.slice()[2..], 2))]
    #[regex(r"0[oO][0-7_]+", |lex| parse_int(&lex.slice()[2..], 8))]
    Int(i64),
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9]+)?", parse_float)]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9]+)?", parse_float)]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9]+", parse_float)]
    Float(f64),
    #[regex(r#""([^"\\\n]|\\[^\n])*""#, |lex| unescape_body(lex.slice(), 1))]
    #[regex(r#"'([^'\\\n]|\\[^\n])*'"#, |lex| unescape_body(lex.slice(), 1))]
    // Triple-quoted strings run over lines, as Python's do (docstrings).
    #[regex(r#""""([^"\\]|\\[^\x00]|"[^"\\]|""[^"\\]|"\\[^\x00]|""\\[^\x00])*""""#, triple_body)]
    #[regex(r#"'''([^'\\]|\\[^\x00]|'[^'\\]|''[^'\\]|'\\[^\x00]|''\\[^\x00])*'''"#, triple_body)]
    // Raw strings keep their backslashes (`r"\d+"`), as Python's do.
    #[regex(r#"[rR]"([^"\\\n]|\\[^\n])*""#, |lex| raw_string(lex.slice(), 2, 1))]
    #[regex(r#"[rR]'([^'\\\n]|\\[^\n])*'"#, |lex| raw_string(lex.slice(), 2, 1))]
    #[regex(r#"[rR]"""([^"\\]|\\[^\x00]|"[^"\\]|""[^"\\]|"\\[^\x00]|""\\[^\x00])*""""#, |lex| raw_string(lex.slice(), 4, 3))]
    Str(String),
    /// The raw text between the quotes of `f"..."`; `fstring.rs` splits it.
    #[regex(r#"f"([^"\\\n]|\\[^\n])*""#, |lex| raw_body(lex.slice()))]
    #[regex(r#"f'([^'\\\n]|\\[^\n])*'"#, |lex| raw_body(lex.slice()))]
    FString(String),

    // A string whose closing quote never comes: longest match makes these lose to the
    // complete forms above whenever the quote is there.
    #[regex(r#"f?"([^"\\\n]|\\[^\n])*"#, unterminated)]
    #[regex(r#"f?'([^'\\\n]|\\[^\n])*"#, unterminated)]
    UnterminatedString,
}

fn parse_int(digits: &str, radix: u32) -> Result<i64, LexErrorKind> {
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    i64::from_str_radix(&clean, radix).map_err(|_| LexErrorKind::IntTooLarge)
}

fn parse_float(lex: &mut logos::Lexer<Tok>) -> Option<f64> {
    lex.slice().replace('_', "").parse().ok()
}

fn unescape_body(quoted: &str, prefix: usize) -> Result<String, LexErrorKind> {
    unescape(&quoted[prefix..quoted.len() - 1]).map_err(LexErrorKind::BadEscape)
}

fn triple_body(lex: &mut logos::Lexer<Tok>) -> Result<String, LexErrorKind> {
    let quoted = lex.slice();
    unescape(&quoted[3..quoted.len() - 3]).map_err(LexErrorKind::BadEscape)
}

fn raw_string(quoted: &str, open: usize, close: usize) -> String {
    quoted[open..quoted.len() - close].to_owned()
}

fn unterminated(_: &mut logos::Lexer<Tok>) -> Result<(), LexErrorKind> {
    Err(LexErrorKind::UnterminatedString)
}

fn raw_body(quoted: &str) -> String {
    quoted[2..quoted.len() - 1].to_owned()
}

impl Tok {
    /// True for tokens after which an expression is complete, so a `{` that follows opens
    /// a block (`if x {`) rather than a dict (`x = {`).
    pub fn ends_expression(&self) -> bool {
        self.is_atom()
            || matches!(
                self,
                Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::Else | Tok::Try | Tok::Catch | Tok::Finally
            )
    }

    /// Names and literals: a whole expression in one token.
    fn is_atom(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Str(_)
                | Tok::FString(_)
                | Tok::True
                | Tok::False
                | Tok::None
        )
    }

    /// True for tokens that start a new statement when they follow a block's `}` on the
    /// same line (`class A { fn f() {} fn g() {} }`): none of them can continue an
    /// expression.
    pub fn starts_statement(&self) -> bool {
        self.is_atom()
            || matches!(
                self,
                Tok::Fn
                    | Tok::Class
                    | Tok::If
                    | Tok::While
                    | Tok::For
                    | Tok::Return
                    | Tok::Break
                    | Tok::Continue
                    | Tok::Try
                    | Tok::Raise
                    | Tok::Assert
                    | Tok::With
                    | Tok::Import
                    | Tok::From
                    | Tok::Global
                    | Tok::Nonlocal
                    | Tok::Del
                    | Tok::Yield
            )
    }

    /// True for tokens that cannot end a statement, so a newline after them continues it.
    pub fn continues_line(&self) -> bool {
        matches!(
            self,
            Tok::Plus
                | Tok::Minus
                | Tok::Star
                | Tok::Slash
                | Tok::FloorDiv
                | Tok::Percent
                | Tok::Pow
                | Tok::At
                | Tok::Amp
                | Tok::Pipe
                | Tok::Caret
                | Tok::Shl
                | Tok::Shr
                | Tok::Eq
                | Tok::Ne
                | Tok::Lt
                | Tok::Le
                | Tok::Gt
                | Tok::Ge
                | Tok::And
                | Tok::Or
                | Tok::Not
                | Tok::In
                | Tok::Is
                | Tok::Dot
                | Tok::Arrow
                | Tok::Assign
                | Tok::PlusAssign
                | Tok::MinusAssign
                | Tok::StarAssign
                | Tok::SlashAssign
                | Tok::FloorDivAssign
                | Tok::PercentAssign
                | Tok::PowAssign
                | Tok::AtAssign
                | Tok::PipeAssign
                | Tok::AmpAssign
                | Tok::CaretAssign
                | Tok::ShlAssign
                | Tok::ShrAssign
        )
    }
}

impl fmt::Display for Tok {
    /// How a token is named in an error message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Newline | Tok::Semicolon => f.write_str("end of statement"),
            Tok::Ident(name) => write!(f, "name `{name}`"),
            Tok::Int(n) => write!(f, "number `{n}`"),
            Tok::Float(x) => write!(f, "number `{x}`"),
            Tok::Str(_) => f.write_str("string"),
            Tok::FString(_) => f.write_str("f-string"),
            Tok::BlockOpen | Tok::LBrace => f.write_str("`{`"),
            other => write!(f, "`{}`", other.text()),
        }
    }
}

impl Tok {
    /// The source text of a fixed token.
    pub fn text(&self) -> &'static str {
        match self {
            Tok::Fn => "fn",
            Tok::Return => "return",
            Tok::If => "if",
            Tok::Else => "else",
            Tok::While => "while",
            Tok::For => "for",
            Tok::In => "in",
            Tok::Break => "break",
            Tok::Continue => "continue",
            Tok::Class => "class",
            Tok::Try => "try",
            Tok::Catch => "catch",
            Tok::Raise => "raise",
            Tok::Assert => "assert",
            Tok::With => "with",
            Tok::Import => "import",
            Tok::From => "from",
            Tok::Global => "global",
            Tok::Nonlocal => "nonlocal",
            Tok::Del => "del",
            Tok::Finally => "finally",
            Tok::Yield => "yield",
            Tok::As => "as",
            Tok::True => "true",
            Tok::False => "false",
            Tok::None => "none",
            Tok::And => "and",
            Tok::Or => "or",
            Tok::Not => "not",
            Tok::Is => "is",
            Tok::Rearrange => "rearrange",
            Tok::Reduce => "reduce",
            Tok::Repeat => "repeat",
            Tok::Einsum => "einsum",
            Tok::Pack => "pack",
            Tok::Unpack => "unpack",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::LBrace | Tok::BlockOpen => "{",
            Tok::RBrace => "}",
            Tok::Comma => ",",
            Tok::Colon => ":",
            Tok::Dot => ".",
            Tok::Ellipsis => "...",
            Tok::Arrow => "->",
            Tok::Assign => "=",
            Tok::PlusAssign => "+=",
            Tok::MinusAssign => "-=",
            Tok::StarAssign => "*=",
            Tok::SlashAssign => "/=",
            Tok::FloorDivAssign => "//=",
            Tok::PercentAssign => "%=",
            Tok::PowAssign => "**=",
            Tok::AtAssign => "@=",
            Tok::PipeAssign => "|=",
            Tok::AmpAssign => "&=",
            Tok::CaretAssign => "^=",
            Tok::ShlAssign => "<<=",
            Tok::ShrAssign => ">>=",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::FloorDiv => "//",
            Tok::Percent => "%",
            Tok::Pow => "**",
            Tok::At => "@",
            Tok::Amp => "&",
            Tok::Pipe => "|",
            Tok::Caret => "^",
            Tok::Tilde => "~",
            Tok::Shl => "<<",
            Tok::Shr => ">>",
            Tok::Eq => "==",
            Tok::Ne => "!=",
            Tok::Lt => "<",
            Tok::Le => "<=",
            Tok::Gt => ">",
            Tok::Ge => ">=",
            Tok::Newline => "\\n",
            Tok::Semicolon => ";",
            Tok::Ident(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::FString(_)
            | Tok::UnterminatedString => "",
        }
    }
}
