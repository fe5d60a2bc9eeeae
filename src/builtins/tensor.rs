//! The tensor builtins: how tl values become tensors and back, and the functions and
//! methods that wrap `crate::tensor`'s operations.

pub mod args;
pub mod arrange;
pub mod autograd;
pub mod convert;
pub mod create;
pub mod device;
pub mod elementwise;
pub mod function;
pub mod gather;
pub mod histogram;
pub mod indexing;
pub mod io;
pub mod linalg;
pub mod methods;
pub mod operators;
pub mod out;
pub mod random;
pub mod reduce;
pub mod sort;
pub mod special;

pub use crate::eval::error_at;
