//! tl: a scripting language whose values are differentiable tensors.
//!
//! The modules follow the pipeline; `src/README.md` has the map.

pub mod autograd;
pub mod builtins;
pub mod diag;
pub mod doc;
pub mod einops;
pub mod eval;
pub mod exception;
pub mod golden;
pub mod interrupt;
pub mod kernels;
pub mod limits;
pub mod ops;
pub mod plot;
pub mod repl;
pub mod run;
pub mod source;
pub mod stdlib;
pub mod stop;
pub mod storage;
pub mod syntax;
pub mod tensor;
pub mod value;
