//! Source text to syntax tree: tokens (logos), the LALRPOP grammar in `grammar/`, and
//! the spans every node carries.

pub mod actions;
pub mod ast;
pub mod check;
pub mod einops;
pub mod error;
pub mod escape;
pub mod fstring;
pub mod lexer;
pub mod parser;
pub mod scope;
pub mod span;
pub mod symbol;
pub mod token;
