//! Evaluation: a tree-walking interpreter over the syntax tree.

mod attr;
mod bind;
pub use bind::{accepts, bind_builtin, bind_to_params, missing_arguments};
mod call;
mod display;
mod einops;
mod env;
mod error;
mod expr;
mod generator;
mod handle;
mod index;
mod interpreter;
mod iter;
mod module;
mod ops;
mod percent;
mod protocol;
mod stmt;

pub use call::CallArgs;
pub use env::Env;
pub use error::{error_at, fail, guarded, keyboard_interrupt, Eval, Flow, RuntimeError, StackFrame};
pub use index::Subscript;
pub use interpreter::{Interpreter, Limits};
pub use iter::ValueIter;
pub use ops::order;
pub use protocol::is_not_implemented;
